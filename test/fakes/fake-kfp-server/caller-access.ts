/**
 * Who is calling and which namespaces they may touch, as KFP decides it: without a
 * configured token list everyone may do anything; with one, a missing or unknown bearer
 * token is UNAUTHENTICATED (401) and a namespace other than the token's is
 * PERMISSION_DENIED (403).
 */
import { KfpError } from './kfp-error.js';
import type { FakeKfpOptions } from './fake-state.js';

export interface Caller {
  /** The namespace the token belongs to; undefined when tokens are not configured. */
  namespace: string | undefined;
}

export function authenticate(options: FakeKfpOptions, authorization: string | undefined): Caller {
  if (!options.tokens) return { namespace: undefined };
  const match = /^Bearer\s+(.+)$/i.exec(authorization ?? '');
  if (!match?.[1]) {
    throw new KfpError(
      401,
      'Unauthenticated: the request has no "Authorization: Bearer <token>" header',
    );
  }
  const namespace = options.tokens[match[1].trim()];
  if (namespace === undefined) {
    throw new KfpError(
      401,
      'Unauthenticated: the bearer token was not accepted (unknown or expired)',
    );
  }
  return { namespace };
}

/** Throws 403 when the caller may not act in `namespace` ("" is shared and open to all). */
export function authorize(caller: Caller, namespace: string, verb: string, resource: string): void {
  if (caller.namespace === undefined || namespace === '' || namespace === caller.namespace) return;
  throw new KfpError(
    403,
    `PermissionDenied: user of namespace "${caller.namespace}" may not ${verb} ${resource} in namespace "${namespace}"`,
  );
}

/**
 * The namespace a list or create names. Multi-user KFP refuses to guess one (400); single-user
 * KFP ignores it.
 */
export function requireNamespace(
  options: FakeKfpOptions,
  caller: Caller,
  namespace: string | undefined,
  what: string,
): string {
  if (!options.multiUser) return '';
  if (!namespace) {
    throw new KfpError(
      400,
      `Invalid input error: ${what} must specify a namespace in multi-user mode`,
    );
  }
  authorize(caller, namespace, 'access', what);
  return namespace;
}
