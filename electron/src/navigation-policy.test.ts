import { describe, expect, it } from 'vitest';
import {
  decideNavigation,
  decideWindowOpen,
  isPermissionGranted,
  isSameOrigin,
} from './navigation-policy.js';

const ENGINE = 'http://127.0.0.1:41234';

describe('decideNavigation', () => {
  it.each([
    [`${ENGINE}/`, 'allow'],
    [`${ENGINE}/runs/abc?tab=logs#top`, 'allow'],
    [`${ENGINE}/notebook/default/nb/lab`, 'allow'],
    ['https://www.kubeflow.org/docs/', 'open-external'],
    ['http://127.0.0.1:3000/grafana', 'open-external'],
    ['http://localhost:41234/', 'open-external'],
    ['https://127.0.0.1:41234/', 'open-external'],
    ['file:///etc/passwd', 'deny'],
    ['javascript:alert(1)', 'deny'],
    ['vscode://file/tmp/x', 'deny'],
    ['https://user:secret@example.com/', 'deny'],
    ['not a url', 'deny'],
  ])('%s → %s', (url, decision) => {
    expect(decideNavigation(url, ENGINE)).toBe(decision);
  });
});

describe('decideWindowOpen', () => {
  it('sends external http(s) links to the system browser', () => {
    expect(decideWindowOpen('https://github.com/kubeflow/pipelines', ENGINE)).toBe('open-external');
  });

  it('never opens a second Electron window, not even on the engine origin', () => {
    expect(decideWindowOpen(`${ENGINE}/runs`, ENGINE)).toBe('deny');
    expect(decideWindowOpen('file:///tmp/report.html', ENGINE)).toBe('deny');
  });
});

describe('isSameOrigin', () => {
  it('compares scheme, host and port exactly', () => {
    expect(isSameOrigin(`${ENGINE}/x`, `${ENGINE}/`)).toBe(true);
    expect(isSameOrigin('http://127.0.0.1:41235/', ENGINE)).toBe(false);
    expect(isSameOrigin('', ENGINE)).toBe(false);
  });
});

describe('isPermissionGranted', () => {
  it('denies device, notification and location permissions even to the engine UI', () => {
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'hid']) {
      expect(isPermissionGranted(permission, `${ENGINE}/`, ENGINE)).toBe(false);
    }
  });

  it('lets only the engine UI write to the clipboard', () => {
    expect(isPermissionGranted('clipboard-sanitized-write', `${ENGINE}/runs`, ENGINE)).toBe(true);
    expect(isPermissionGranted('clipboard-sanitized-write', 'https://example.com/', ENGINE)).toBe(
      false,
    );
  });
});
