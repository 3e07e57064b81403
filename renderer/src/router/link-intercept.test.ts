import { describe, expect, it } from 'vitest';
import { inAppHref, type AnchorLike, type ClickLike } from './link-intercept';

const origin = 'http://127.0.0.1:8470';
const location = { origin, pathname: '/settings', search: '' };

const click = (overrides: Partial<ClickLike> = {}): ClickLike => ({
  button: 0,
  defaultPrevented: false,
  metaKey: false,
  ctrlKey: false,
  shiftKey: false,
  altKey: false,
  ...overrides,
});

function anchor(href: string, attributes: Record<string, string> = {}): AnchorLike {
  return {
    href: new URL(href, origin).href,
    target: attributes['target'] ?? '',
    hasAttribute: (name) => name in attributes,
    getAttribute: (name) => (name === 'href' ? href : (attributes[name] ?? null)),
  };
}

describe('inAppHref', () => {
  it('takes over a plain click on a same-origin link', () => {
    expect(inAppHref(click(), anchor('/runs?state=RUNNING'), location)).toBe('/runs?state=RUNNING');
  });

  it('leaves modified and non-primary clicks to the browser', () => {
    expect(inAppHref(click({ ctrlKey: true }), anchor('/runs'), location)).toBeNull();
    expect(inAppHref(click({ metaKey: true }), anchor('/runs'), location)).toBeNull();
    expect(inAppHref(click({ button: 1 }), anchor('/runs'), location)).toBeNull();
    expect(inAppHref(click({ defaultPrevented: true }), anchor('/runs'), location)).toBeNull();
  });

  it('leaves other windows, downloads and external links to the browser', () => {
    expect(inAppHref(click(), anchor('/runs', { target: '_blank' }), location)).toBeNull();
    expect(inAppHref(click(), anchor('/a.zip', { download: '' }), location)).toBeNull();
    expect(inAppHref(click(), anchor('/runs', { rel: 'noopener external' }), location)).toBeNull();
    expect(inAppHref(click(), anchor('https://www.kubeflow.org/'), location)).toBeNull();
  });

  it('leaves a jump to an anchor on the current page to the browser', () => {
    expect(inAppHref(click(), anchor('/settings#images'), location)).toBeNull();
    expect(inAppHref(click(), anchor('/runs#top'), location)).toBe('/runs#top');
  });

  it('leaves paths the engine serves itself to the browser', () => {
    expect(inAppHref(click(), anchor('/api/v1/system'), location)).toBeNull();
    expect(inAppHref(click(), anchor('/notebook/default/nb/'), location)).toBeNull();
    expect(inAppHref(click(), anchor('/metrics'), location)).toBeNull();
  });
});
