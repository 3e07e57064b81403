/** Path matching for the router: pure functions, no DOM. */

export type RouteParams = Record<string, string>;

export interface RouteMatch<R> {
  route: R;
  params: RouteParams;
}

/** `/runs/` → `/runs`, `` → `/`, `//a//b` → `/a/b`. The root stays `/`. */
export function normalizePath(pathname: string): string {
  const collapsed = `/${pathname}`.replace(/\/{2,}/g, '/');
  return collapsed.length > 1 ? collapsed.replace(/\/$/, '') : '/';
}

/**
 * Matches `pathname` against a pattern such as `/runs/:id`. Segments are compared
 * literally except `:name` segments, which capture one decoded segment.
 */
export function matchPath(pattern: string, pathname: string): RouteParams | null {
  const want = segments(pattern);
  const have = segments(pathname);
  if (want.length !== have.length) return null;
  const params: RouteParams = {};
  for (const [i, part] of want.entries()) {
    const value = have[i] ?? '';
    if (part.startsWith(':')) {
      const decoded = safeDecode(value);
      if (decoded === null || decoded === '') return null;
      params[part.slice(1)] = decoded;
    } else if (part !== value) {
      return null;
    }
  }
  return params;
}

/** The first route whose path matches, in table order. */
export function matchRoute<R extends { path: string }>(
  routes: readonly R[],
  pathname: string,
): RouteMatch<R> | null {
  const path = normalizePath(pathname);
  for (const route of routes) {
    const params = matchPath(route.path, path);
    if (params) return { route, params };
  }
  return null;
}

/**
 * Whether a sidebar entry is the current section: `/` only on itself, any other entry
 * also for the pages beneath it (`/runs/abc` belongs to Runs).
 */
export function isSectionActive(sectionPath: string, currentPath: string): boolean {
  const section = normalizePath(sectionPath);
  const current = normalizePath(currentPath);
  if (section === '/') return current === '/';
  return current === section || current.startsWith(`${section}/`);
}

function segments(path: string): string[] {
  return normalizePath(path).split('/').filter(Boolean);
}

function safeDecode(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}
