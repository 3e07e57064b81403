import { SkiffError } from '../../../core/errors.js';

/**
 * KFP's custom methods put the verb in the last path segment: `runs/{id}:terminate`.
 * The router matches the whole segment; this splits it and checks the verb.
 */
export function splitAction<A extends string>(
  segment: string,
  actions: readonly A[],
  pathname: string,
): { id: string; action: A } {
  const colon = segment.lastIndexOf(':');
  const action = segment.slice(colon + 1);
  if (colon <= 0 || !(actions as readonly string[]).includes(action)) {
    throw new SkiffError(
      'NOT_FOUND',
      `No such route: POST ${pathname}. Use :${actions.join(', :')} after the id. See docs/kfp-api.md.`,
    );
  }
  return { id: segment.slice(0, colon), action: action as A };
}
