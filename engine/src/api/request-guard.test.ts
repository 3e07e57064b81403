import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { checkRequestOrigin } from './request-guard.js';

const request = (method: string, headers: Record<string, string>): IncomingMessage =>
  ({ method, headers }) as unknown as IncomingMessage;

describe('checkRequestOrigin', () => {
  it('allows same-origin writes and writes without Origin (CLI, curl)', () => {
    expect(() =>
      checkRequestOrigin(
        request('PATCH', { host: '127.0.0.1:8740', origin: 'http://127.0.0.1:8740' }),
        8740,
      ),
    ).not.toThrow();
    expect(() =>
      checkRequestOrigin(
        request('POST', { host: 'localhost:8740', origin: 'http://localhost:8740' }),
        8740,
      ),
    ).not.toThrow();
    expect(() =>
      checkRequestOrigin(request('POST', { host: '127.0.0.1:8740' }), 8740),
    ).not.toThrow();
  });

  it('refuses writes from another origin, including another local port', () => {
    for (const origin of ['https://evil.example', 'http://127.0.0.1:9999', 'null']) {
      expect(() =>
        checkRequestOrigin(request('POST', { host: '127.0.0.1:8740', origin }), 8740),
      ).toThrow(/Cross-origin write refused/);
    }
  });

  it('lets foreign pages read nothing new but allows GET (CORS keeps responses from them)', () => {
    expect(() =>
      checkRequestOrigin(
        request('GET', { host: '127.0.0.1:8740', origin: 'https://evil.example' }),
        8740,
      ),
    ).not.toThrow();
  });

  it('refuses a Host that is not this machine (DNS rebinding)', () => {
    expect(() =>
      checkRequestOrigin(request('GET', { host: 'rebind.evil.example:8740' }), 8740),
    ).toThrow(/is not this Skiff engine/);
    expect(() => checkRequestOrigin(request('GET', { host: '[::1]:8740' }), 8740)).not.toThrow();
  });
});
