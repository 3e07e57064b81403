/**
 * One error type for the whole engine. The `code` is stable and survives process and
 * HTTP boundaries; transports (HTTP, CLI, UI) translate it, nothing else does.
 */
export const ERROR_CODES = [
  'INVALID_ARGUMENT',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'FAILED_PRECONDITION',
  'UNAVAILABLE',
  'CANCELLED',
  'INTERNAL',
  'UNAUTHENTICATED',
  'PERMISSION_DENIED',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export class SkiffError extends Error {
  override readonly name = 'SkiffError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** The shape errors take when they cross a process or HTTP boundary. */
  toJSON(): ErrorBody {
    const body: ErrorBody = { code: this.code, message: this.message };
    if (Object.keys(this.details).length > 0) body.details = this.details;
    return body;
  }
}

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

/** google.rpc.Code numbers: KFP's error bodies and task final statuses carry these. */
const GRPC_CODES: Record<ErrorCode, number> = {
  CANCELLED: 1,
  INVALID_ARGUMENT: 3,
  NOT_FOUND: 5,
  ALREADY_EXISTS: 6,
  PERMISSION_DENIED: 7,
  FAILED_PRECONDITION: 9,
  INTERNAL: 13,
  UNAVAILABLE: 14,
  UNAUTHENTICATED: 16,
};
const GRPC_UNKNOWN = 2;

/** The gRPC number for an error code; codes from elsewhere are UNKNOWN (2). */
export function grpcCode(code: string): number {
  return isErrorCode(code) ? GRPC_CODES[code] : GRPC_UNKNOWN;
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** Wraps anything thrown into a SkiffError, keeping the original as `cause`. */
export function toSkiffError(error: unknown): SkiffError {
  if (error instanceof SkiffError) return error;
  if (error instanceof Error && error.name === 'AbortError') {
    return new SkiffError('CANCELLED', 'The operation was cancelled.', {}, { cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new SkiffError('INTERNAL', `Unexpected error: ${message}`, {}, { cause: error });
}

export const invalidArgument = (field: string, message: string): SkiffError =>
  new SkiffError('INVALID_ARGUMENT', `${field}: ${message}`, { field });

export const notFound = (what: string, id: string): SkiffError =>
  new SkiffError('NOT_FOUND', `${what} "${id}" was not found.`, { id });
