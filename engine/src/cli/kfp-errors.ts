/**
 * A KFP server's error answers as SkiffErrors: the server's own message, and the code
 * its HTTP status maps to — refined by the googleRpcStatus `code` when the body carries
 * one, because grpc-gateway sends 400 for INVALID_ARGUMENT and FAILED_PRECONDITION alike.
 */
import { SkiffError, type ErrorCode } from '../core/errors.js';

const HTTP_STATUS_CODES: Readonly<Record<number, ErrorCode>> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  405: 'INVALID_ARGUMENT',
  409: 'ALREADY_EXISTS',
  412: 'FAILED_PRECONDITION',
  413: 'INVALID_ARGUMENT',
  415: 'INVALID_ARGUMENT',
  429: 'UNAVAILABLE',
  499: 'CANCELLED',
  502: 'UNAVAILABLE',
  503: 'UNAVAILABLE',
  504: 'UNAVAILABLE',
};

/** google.rpc.Code numbers; UNKNOWN (2) and OK (0) say nothing and are left out. */
const GRPC_CODES: Readonly<Record<number, ErrorCode>> = {
  1: 'CANCELLED',
  3: 'INVALID_ARGUMENT',
  4: 'UNAVAILABLE',
  5: 'NOT_FOUND',
  6: 'ALREADY_EXISTS',
  7: 'PERMISSION_DENIED',
  8: 'UNAVAILABLE',
  9: 'FAILED_PRECONDITION',
  10: 'FAILED_PRECONDITION',
  11: 'INVALID_ARGUMENT',
  12: 'INTERNAL',
  13: 'INTERNAL',
  14: 'UNAVAILABLE',
  15: 'INTERNAL',
  16: 'UNAUTHENTICATED',
};

export function codeForHttpStatus(status: number): ErrorCode {
  return HTTP_STATUS_CODES[status] ?? 'INTERNAL';
}

export function codeForGrpc(code: unknown): ErrorCode | undefined {
  return typeof code === 'number' ? GRPC_CODES[code] : undefined;
}

/** Turns an error answer (status + body text) into a SkiffError. */
export function kfpError(status: number, statusText: string, text: string): SkiffError {
  const body = parseJson(text);
  const message = serverMessage(body);
  const grpc = isRecord(body) ? body.code : undefined;
  const code = codeForGrpc(grpc) ?? codeForHttpStatus(status);
  const details: Record<string, unknown> = { httpStatus: status };
  if (typeof grpc === 'number') details.grpcCode = grpc;
  if (message !== undefined) return new SkiffError(code, message, details);
  const snippet = text.trim().slice(0, 200);
  return new SkiffError(
    code,
    `The KFP server answered ${status}${statusText ? ` ${statusText}` : ''}${snippet ? `: ${snippet}` : ''}.`,
    details,
  );
}

/** googleRpcStatus `message`, or grpc-gateway's older `error` string. */
function serverMessage(body: unknown): string | undefined {
  if (!isRecord(body)) return undefined;
  for (const key of ['message', 'error'] as const) {
    const value = body[key];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
