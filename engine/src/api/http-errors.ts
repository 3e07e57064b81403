import type { ServerResponse } from 'node:http';
import type { ErrorCode } from '../core/errors.js';
import { grpcCode, toSkiffError } from '../core/errors.js';

/** HTTP status for each error code (the same mapping gRPC-gateway, and so KFP, uses). */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  INVALID_ARGUMENT: 400,
  FAILED_PRECONDITION: 400,
  UNAUTHENTICATED: 401,
  PERMISSION_DENIED: 403,
  NOT_FOUND: 404,
  ALREADY_EXISTS: 409,
  CANCELLED: 499,
  INTERNAL: 500,
  UNAVAILABLE: 503,
};

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}

/**
 * Sends an error in the caller's dialect: `{code, message}` on Skiff's API, KFP's
 * `googleRpcStatus` shape (`code` number, `message`, `details`) under /apis.
 */
export function sendError(res: ServerResponse, pathname: string, error: unknown): void {
  const skiffError = toSkiffError(error);
  const status = HTTP_STATUS[skiffError.code];
  if (res.headersSent) {
    res.destroy(skiffError);
    return;
  }
  if (pathname.startsWith('/apis/')) {
    sendJson(res, status, {
      code: grpcCode(skiffError.code),
      message: skiffError.message,
      details: [],
      error_message: skiffError.message,
    });
    return;
  }
  sendJson(res, status, skiffError.toJSON());
}
