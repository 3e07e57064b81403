/** Applies the navigation and permission policy to Electron's web contents and session. */
import { shell, type Session, type WebContents } from 'electron';
import { decideNavigation, decideWindowOpen, isPermissionGranted } from './navigation-policy.js';

function openInBrowser(url: string): void {
  shell.openExternal(url).catch((error: unknown) => {
    console.warn(`Skiff could not open ${url} in the system browser:`, error);
  });
}

/** Keeps `contents` on the engine's origin; external http(s) links go to the browser. */
export function guardWebContents(contents: WebContents, engineUrl: string): void {
  const onNavigate = (event: { preventDefault(): void; url: string }): void => {
    const decision = decideNavigation(event.url, engineUrl);
    if (decision === 'allow') return;
    event.preventDefault();
    if (decision === 'open-external') openInBrowser(event.url);
  };
  contents.on('will-navigate', onNavigate);
  contents.on('will-redirect', onNavigate);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (decideWindowOpen(url, engineUrl) === 'open-external') openInBrowser(url);
    return { action: 'deny' };
  });
}

/** Denies every permission request and check except those `isPermissionGranted` allows. */
export function guardPermissions(session: Session, engineUrl: string): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) => {
    callback(
      isPermissionGranted(permission, details.requestingUrl || contents.getURL(), engineUrl),
    );
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionGranted(permission, requestingOrigin, engineUrl),
  );
}
