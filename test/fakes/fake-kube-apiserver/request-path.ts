/** A Kubernetes API path taken apart: which group/version/resource, which object, which subresource. */
export interface ResourcePath {
  group: string;
  version: string;
  plural: string;
  namespace?: string;
  name?: string;
  subresource?: string;
}

const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize']);

/** `/api/v1/...` or `/apis/<group>/<version>/...`; undefined for discovery and unknown paths. */
export function parseResourcePath(pathname: string): ResourcePath | undefined {
  const segments = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  let group: string;
  let version: string;
  let rest: string[];
  if (segments[0] === 'api' && segments.length >= 3) {
    group = '';
    version = segments[1] ?? '';
    rest = segments.slice(2);
  } else if (segments[0] === 'apis' && segments.length >= 4) {
    group = segments[1] ?? '';
    version = segments[2] ?? '';
    rest = segments.slice(3);
  } else {
    return undefined;
  }
  const namespaced =
    rest[0] === 'namespaces' &&
    rest.length >= 3 &&
    (group !== '' || !NAMESPACE_SUBRESOURCES.has(rest[2] ?? ''));
  if (namespaced) {
    const [, namespace, plural = '', name, subresource] = rest;
    return { group, version, plural, namespace, name, subresource };
  }
  const [plural = '', name, subresource] = rest;
  return { group, version, plural, name, subresource };
}
