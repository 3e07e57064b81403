import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { FakeClock, sequentialIds } from '../testing/fake-ports.js';
import { Auth, readCookie } from './auth.js';

const TOKEN = 'f'.repeat(64);
const request = (headers: Record<string, string>): IncomingMessage =>
  ({ headers }) as unknown as IncomingMessage;

describe('Auth', () => {
  it('accepts the bearer token or the session cookie, nothing else', () => {
    const auth = new Auth(TOKEN, 8740, sequentialIds(), new FakeClock());
    expect(auth.isAuthorized(request({ authorization: `Bearer ${TOKEN}` }))).toBe(true);
    expect(auth.isAuthorized(request({ cookie: `a=b; skiff_session_8740=${TOKEN}` }))).toBe(true);
    expect(auth.isAuthorized(request({ authorization: `Bearer ${TOKEN.slice(1)}x` }))).toBe(false);
    expect(auth.isAuthorized(request({ cookie: `skiff_session_9999=${TOKEN}` }))).toBe(false);
    expect(auth.isAuthorized(request({}))).toBe(false);
  });

  it('redeems a login ticket once', () => {
    const auth = new Auth(TOKEN, 8740, sequentialIds(), new FakeClock());
    const { ticket } = auth.createTicket();
    expect(auth.redeem(ticket)).toBe(true);
    expect(auth.redeem(ticket)).toBe(false);
    expect(auth.redeem('guess')).toBe(false);
  });

  it('refuses a ticket after five minutes', () => {
    const clock = new FakeClock();
    const auth = new Auth(TOKEN, 8740, sequentialIds(), clock);
    const { ticket } = auth.createTicket();
    clock.advance(5 * 60_000 + 1);
    expect(auth.redeem(ticket)).toBe(false);
  });

  it('sets an HttpOnly, SameSite=Strict cookie', () => {
    const cookie = new Auth(TOKEN, 8740, sequentialIds(), new FakeClock()).sessionCookie();
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
  });

  it('reads cookies whose values contain "="', () => {
    expect(readCookie('x=1; y=a=b', 'y')).toBe('a=b');
    expect(readCookie(undefined, 'y')).toBeUndefined();
  });
});
