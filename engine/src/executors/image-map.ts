/**
 * Settings → Images: pipelines name public images (`python:3.11`); Skiff is offline, so
 * each name is replaced by a local image before a container starts.
 */

/**
 * The image to run for `image`. An exact key wins; otherwise the longest matching `*`
 * pattern (the most specific one); an unmapped image stays as it is. Names Docker treats
 * as the same image also match: `python` as `python:latest`, `docker.io/library/python:3`
 * as `python:3`.
 */
export function resolveImage(image: string, map: Record<string, string>): string {
  const candidates = equivalentNames(image);
  for (const name of candidates) {
    // hasOwn: a pipeline naming `constructor` must not find Object.prototype's.
    const exact = Object.hasOwn(map, name) ? map[name] : undefined;
    if (exact !== undefined) return exact;
  }
  let best: { pattern: string; target: string } | undefined;
  for (const [pattern, target] of Object.entries(map)) {
    if (!pattern.includes('*')) continue;
    if (!candidates.some((name) => matchesPattern(name, pattern))) continue;
    if (best === undefined || moreSpecific(pattern, best.pattern)) best = { pattern, target };
  }
  return best?.target ?? image;
}

/** `*` matches any run of characters, including `/` and `:`; everything else is literal. */
export function matchesPattern(image: string, pattern: string): boolean {
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`).test(image);
}

/**
 * Longer patterns say more; at equal length fewer wildcards, then a longer literal start
 * (image names go from registry to tag); then plain string order, so the map's key order
 * never matters.
 */
function moreSpecific(a: string, b: string): boolean {
  if (a.length !== b.length) return a.length > b.length;
  const stars = (p: string): number => p.split('*').length - 1;
  if (stars(a) !== stars(b)) return stars(a) < stars(b);
  if (a.indexOf('*') !== b.indexOf('*')) return a.indexOf('*') > b.indexOf('*');
  return a < b;
}

/** The name as written first, then the short forms Docker resolves to the same image. */
function equivalentNames(image: string): string[] {
  const names = [image];
  let short = image;
  for (const prefix of ['docker.io/library/', 'index.docker.io/library/', 'docker.io/']) {
    if (short.startsWith(prefix)) {
      short = short.slice(prefix.length);
      break;
    }
  }
  const lastSegment = short.slice(short.lastIndexOf('/') + 1);
  const tagged = lastSegment.includes(':') || short.includes('@');
  if (short !== image) names.push(short);
  if (!tagged) names.push(`${short}:latest`);
  return names;
}
