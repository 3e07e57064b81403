/** Decides whether a click on a link is an in-app navigation the router should take over. */

export interface ClickLike {
  button: number;
  defaultPrevented: boolean;
  metaKey: boolean;
  ctrlKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export interface AnchorLike {
  href: string;
  target: string;
  hasAttribute(name: string): boolean;
  getAttribute(name: string): string | null;
}

/** Paths the engine serves itself (API, proxies, metrics): always a full page load. */
const ENGINE_PREFIXES = ['/api/', '/apis/', '/notebook/', '/serving/', '/metrics', '/login'];

/** The parts of the window's location the decision needs. */
export interface LocationLike {
  origin: string;
  pathname: string;
  search: string;
}

/**
 * Returns the path (with query and hash) to navigate to inside the app, or null when the
 * browser should handle the click: modified or non-primary clicks, other windows,
 * downloads, other origins, engine-served paths, links marked `data-native` and jumps to
 * an anchor on the current page.
 */
export function inAppHref(
  event: ClickLike,
  anchor: AnchorLike,
  location: LocationLike,
): string | null {
  if (event.defaultPrevented || event.button !== 0) return null;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return null;
  if (anchor.target && anchor.target !== '_self') return null;
  if (anchor.hasAttribute('download') || anchor.hasAttribute('data-native')) return null;
  if (anchor.getAttribute('rel')?.split(/\s+/).includes('external')) return null;
  if (!anchor.getAttribute('href')) return null;

  let url: URL;
  try {
    url = new URL(anchor.href, location.origin);
  } catch {
    return null;
  }
  if (url.origin !== location.origin) return null;
  if (ENGINE_PREFIXES.some((prefix) => url.pathname.startsWith(prefix))) return null;
  const samePage = url.pathname === location.pathname && url.search === location.search;
  if (samePage && url.hash) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}
