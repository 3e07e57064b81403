/**
 * Where the Skiff window may go. The window shows only the engine's own origin; http(s)
 * links elsewhere open in the system browser; everything else (file:, javascript:,
 * custom protocols) goes nowhere.
 */

export type NavigationDecision = 'allow' | 'open-external' | 'deny';

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

/** True when `url` has exactly the engine's scheme, host and port. */
export function isSameOrigin(url: string, engineUrl: string): boolean {
  const target = parse(url);
  const engine = parse(engineUrl);
  if (!target || !engine || engine.origin === 'null') return false;
  return target.origin === engine.origin;
}

/** True for http(s) links to another origin, without credentials in the URL. */
export function isExternalLink(url: string, engineUrl: string): boolean {
  const target = parse(url);
  if (!target) return false;
  if (target.protocol !== 'http:' && target.protocol !== 'https:') return false;
  if (target.username !== '' || target.password !== '') return false;
  return !isSameOrigin(url, engineUrl);
}

/** A navigation of the window itself (link click, location change, redirect). */
export function decideNavigation(url: string, engineUrl: string): NavigationDecision {
  if (isSameOrigin(url, engineUrl)) return 'allow';
  return isExternalLink(url, engineUrl) ? 'open-external' : 'deny';
}

/** `window.open` and `target="_blank"`: never a new Electron window. */
export function decideWindowOpen(url: string, engineUrl: string): 'open-external' | 'deny' {
  return isExternalLink(url, engineUrl) ? 'open-external' : 'deny';
}

/**
 * Permissions asked by pages. Only a sanitized clipboard write from the engine's own UI is
 * granted (its "Copy" buttons); camera, microphone, notifications, geolocation, … are not.
 */
export function isPermissionGranted(
  permission: string,
  requestingUrl: string,
  engineUrl: string,
): boolean {
  return permission === 'clipboard-sanitized-write' && isSameOrigin(requestingUrl, engineUrl);
}
