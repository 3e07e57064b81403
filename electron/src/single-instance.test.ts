import { beforeEach, describe, expect, it, vi } from 'vitest';
import { claimSingleInstance } from './single-instance.js';
import { app, resetFakeElectron } from './testing/fake-electron.js';

vi.mock('electron', () => import('./testing/fake-electron.js'));

describe('claimSingleInstance', () => {
  beforeEach(() => resetFakeElectron());

  it('tells a second Skiff to leave when the first holds the lock', () => {
    app.hasLock = false;
    const onSecondInstance = vi.fn();

    expect(claimSingleInstance(onSecondInstance)).toBe(false);
    app.emit('second-instance', {}, [], '/');
    expect(onSecondInstance).not.toHaveBeenCalled();
  });

  it('hands each later launch to the first Skiff', () => {
    const onSecondInstance = vi.fn();

    expect(claimSingleInstance(onSecondInstance)).toBe(true);
    app.emit('second-instance', {}, ['skiff'], '/home/me');
    app.emit('second-instance', {}, ['skiff'], '/home/me');
    expect(onSecondInstance).toHaveBeenCalledTimes(2);
  });
});
