/**
 * Links into a target's own KFP UI. Behind a Kubeflow gateway the API is at `/pipeline`
 * and the UI at `/_/pipeline/`; a bare KFP (or Skiff) serves the UI at its root.
 */
import type { ResolvedTarget } from './target-config.js';

export function remoteUiUrl(target: Pick<ResolvedTarget, 'url' | 'uiUrl'>, hash: string): string {
  if (target.uiUrl !== undefined) return `${target.uiUrl.replace(/\/+$/, '')}/#${hash}`;
  const base = target.url.replace(/\/+$/, '');
  if (base.endsWith('/pipeline'))
    return `${base.slice(0, -'/pipeline'.length)}/_/pipeline/#${hash}`;
  return `${base}/#${hash}`;
}
