import { describe, expect, it } from 'vitest';
import { Router } from './router.js';

const noop = (): void => undefined;
const router = new Router().add(
  { method: 'GET', path: '/api/v1/operations', handler: noop },
  { method: 'GET', path: '/api/v1/operations/:id', handler: noop },
  { method: 'POST', path: '/api/v1/operations/:id/cancel', handler: noop },
);

describe('Router', () => {
  it('matches exact paths and extracts decoded parameters', () => {
    const match = router.match('GET', '/api/v1/operations/a%20b');
    expect(match).toMatchObject({ kind: 'found', params: { id: 'a b' } });
  });

  it('answers HEAD with the GET route', () => {
    expect(router.match('HEAD', '/api/v1/operations').kind).toBe('found');
  });

  it('tells a wrong method apart from an unknown path', () => {
    expect(router.match('DELETE', '/api/v1/operations/x')).toEqual({
      kind: 'method-not-allowed',
      allowed: ['GET'],
    });
    expect(router.match('GET', '/api/v1/nothing')).toEqual({ kind: 'not-found' });
    expect(router.match('GET', '/api/v1/operations/x/y/z')).toEqual({ kind: 'not-found' });
  });

  it('does not match a malformed percent-encoding', () => {
    expect(router.match('GET', '/api/v1/operations/%E0%A4%A')).toEqual({ kind: 'not-found' });
  });
});
