import { describe, expect, it } from 'vitest';
import { isSectionActive, matchPath, matchRoute, normalizePath } from './route-match';

describe('normalizePath', () => {
  it('keeps the root and drops trailing and doubled slashes', () => {
    expect(normalizePath('/')).toBe('/');
    expect(normalizePath('')).toBe('/');
    expect(normalizePath('/runs/')).toBe('/runs');
    expect(normalizePath('//runs//abc/')).toBe('/runs/abc');
  });
});

describe('matchPath', () => {
  it('matches literal paths exactly', () => {
    expect(matchPath('/settings', '/settings')).toEqual({});
    expect(matchPath('/settings', '/settings/')).toEqual({});
    expect(matchPath('/settings', '/settingsx')).toBeNull();
    expect(matchPath('/settings', '/settings/images')).toBeNull();
  });

  it('matches the root only on the root', () => {
    expect(matchPath('/', '/')).toEqual({});
    expect(matchPath('/', '/runs')).toBeNull();
  });

  it('captures and decodes named segments', () => {
    expect(matchPath('/runs/:id', '/runs/a%20b')).toEqual({ id: 'a b' });
    expect(matchPath('/runs/:id/tasks/:task', '/runs/r1/tasks/train')).toEqual({
      id: 'r1',
      task: 'train',
    });
  });

  it('rejects a segment that is not valid percent-encoding', () => {
    expect(matchPath('/runs/:id', '/runs/%E0%A4%A')).toBeNull();
  });
});

describe('matchRoute', () => {
  const routes = [{ path: '/' }, { path: '/runs' }, { path: '/runs/:id' }];

  it('returns the first matching route with its params', () => {
    expect(matchRoute(routes, '/runs/7')).toEqual({ route: routes[2], params: { id: '7' } });
    expect(matchRoute(routes, '/runs/')?.route).toBe(routes[1]);
  });

  it('returns null for an unknown path', () => {
    expect(matchRoute(routes, '/nowhere')).toBeNull();
  });
});

describe('isSectionActive', () => {
  it('marks Overview active only on the root', () => {
    expect(isSectionActive('/', '/')).toBe(true);
    expect(isSectionActive('/', '/runs')).toBe(false);
  });

  it('marks a section active on itself and the pages beneath it', () => {
    expect(isSectionActive('/runs', '/runs')).toBe(true);
    expect(isSectionActive('/runs', '/runs/abc')).toBe(true);
    expect(isSectionActive('/runs', '/runsheet')).toBe(false);
  });
});
