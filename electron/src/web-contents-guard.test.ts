import type { Session, WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  FakeSession,
  FakeWebContents,
  fakeEvent,
  resetFakeElectron,
  shell,
} from './testing/fake-electron.js';
import { guardPermissions, guardWebContents } from './web-contents-guard.js';

vi.mock('electron', () => import('./testing/fake-electron.js'));

const ENGINE = 'http://127.0.0.1:41234';

describe('guardWebContents', () => {
  let contents: FakeWebContents;

  beforeEach(() => {
    resetFakeElectron();
    contents = new FakeWebContents();
    guardWebContents(contents as unknown as WebContents, ENGINE);
  });

  const navigate = (event: string, url: string): boolean => {
    const navigation = fakeEvent({ url });
    contents.emit(event, navigation, url);
    return navigation.defaultPrevented;
  };

  it('lets the window move within the engine UI', () => {
    expect(navigate('will-navigate', `${ENGINE}/pipelines`)).toBe(false);
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('blocks navigation to another origin and opens it in the system browser', () => {
    expect(navigate('will-navigate', 'https://www.kubeflow.org/')).toBe(true);
    expect(shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://www.kubeflow.org/');
  });

  it('blocks redirects that leave the engine origin', () => {
    expect(navigate('will-redirect', 'https://evil.example/login')).toBe(true);
  });

  it('blocks file: and javascript: navigation without handing it to the OS', () => {
    expect(navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(navigate('will-navigate', 'javascript:alert(1)')).toBe(true);
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('denies window.open, opening external links in the system browser instead', () => {
    const handler = contents.windowOpenHandler;
    expect(handler?.({ url: 'https://github.com/' })).toEqual({ action: 'deny' });
    expect(handler?.({ url: `${ENGINE}/runs` })).toEqual({ action: 'deny' });
    expect(handler?.({ url: 'smb://share/x' })).toEqual({ action: 'deny' });
    expect(shell.openExternal.mock.calls).toEqual([['https://github.com/']]);
  });

  it('refuses to attach webviews', () => {
    const attach = fakeEvent();
    contents.emit('will-attach-webview', attach, {}, {});
    expect(attach.defaultPrevented).toBe(true);
  });
});

describe('guardPermissions', () => {
  it('answers every permission request with a denial, except clipboard writes by the UI', () => {
    const session = new FakeSession();
    guardPermissions(session as unknown as Session, ENGINE);
    const contents = new FakeWebContents();
    const ask = (permission: string, requestingUrl: string): boolean | undefined => {
      let answer: boolean | undefined;
      session.requestHandler?.(contents, permission, (granted) => (answer = granted), {
        requestingUrl,
      });
      return answer;
    };

    expect(ask('media', `${ENGINE}/`)).toBe(false);
    expect(ask('notifications', `${ENGINE}/`)).toBe(false);
    expect(ask('openExternal', `${ENGINE}/`)).toBe(false);
    expect(ask('clipboard-sanitized-write', `${ENGINE}/`)).toBe(true);
    expect(session.checkHandler?.(null, 'geolocation', ENGINE)).toBe(false);
  });
});
