import type { KfpRpcStatus } from './kfp-types.js';

/** gRPC code numbers for the error codes runs and tasks record. */
const GRPC_CODES: Record<string, number> = {
  CANCELLED: 1,
  UNKNOWN: 2,
  INVALID_ARGUMENT: 3,
  DEADLINE_EXCEEDED: 4,
  NOT_FOUND: 5,
  ALREADY_EXISTS: 6,
  PERMISSION_DENIED: 7,
  RESOURCE_EXHAUSTED: 8,
  FAILED_PRECONDITION: 9,
  ABORTED: 10,
  INTERNAL: 13,
  UNAVAILABLE: 14,
  UNAUTHENTICATED: 16,
};

/** A stored `{code, message}` as KFP's googleRpcStatus. */
export function rpcStatus(error: { code: string; message: string }): KfpRpcStatus {
  return {
    code: GRPC_CODES[error.code] ?? GRPC_CODES.UNKNOWN ?? 2,
    message: error.message,
    details: [],
  };
}
