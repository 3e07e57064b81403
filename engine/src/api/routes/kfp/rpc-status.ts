import { grpcCode } from '../../../core/errors.js';
import type { KfpRpcStatus } from './kfp-types.js';

/** A stored `{code, message}` as KFP's googleRpcStatus. */
export function rpcStatus(error: { code: string; message: string }): KfpRpcStatus {
  return {
    code: grpcCode(error.code),
    message: error.message,
    details: [],
  };
}
