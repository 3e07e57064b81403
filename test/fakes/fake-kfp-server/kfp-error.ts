/**
 * An error the fake answers as KFP's API server does: the HTTP status grpc-gateway maps
 * the gRPC code to, and a `googleRpcStatus` body `{ code, message }`.
 */
const GRPC_CODES = {
  400: 3, // INVALID_ARGUMENT (FAILED_PRECONDITION also maps to 400)
  401: 16, // UNAUTHENTICATED
  403: 7, // PERMISSION_DENIED
  404: 5, // NOT_FOUND
  409: 6, // ALREADY_EXISTS
  500: 13, // INTERNAL
} as const;

export type KfpErrorStatus = keyof typeof GRPC_CODES;

export class KfpError extends Error {
  constructor(
    readonly status: KfpErrorStatus,
    message: string,
  ) {
    super(message);
  }

  get grpcCode(): number {
    return GRPC_CODES[this.status];
  }
}

export const notFound = (kind: string, id: string): KfpError =>
  new KfpError(404, `${kind} ${id} not found: no ${kind.toLowerCase()} has this id`);

export const invalid = (message: string): KfpError =>
  new KfpError(400, `Invalid input error: ${message}`);
