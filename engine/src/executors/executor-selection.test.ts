import { describe, expect, it } from 'vitest';
import { SkiffError } from '../core/errors.js';
import { chooseExecutor } from './executor-selection.js';

const up = (): Promise<boolean> => Promise.resolve(true);
const down = (): Promise<boolean> => Promise.resolve(false);
const broken = (): Promise<boolean> => Promise.reject(new Error('socket hang up'));

describe('chooseExecutor', () => {
  it('picks Docker for auto when the daemon answers', async () => {
    expect(await chooseExecutor('auto', up)).toBe('docker');
  });

  it('falls back to host processes for auto when the daemon is down or the probe fails', async () => {
    expect(await chooseExecutor('auto', down)).toBe('process');
    expect(await chooseExecutor('auto', broken)).toBe('process');
  });

  it('never asks the daemon when processes are chosen', async () => {
    let asked = false;
    const probe = (): Promise<boolean> => {
      asked = true;
      return Promise.resolve(true);
    };
    expect(await chooseExecutor('process', probe)).toBe('process');
    expect(asked).toBe(false);
  });

  it('picks Docker when chosen and the daemon answers', async () => {
    expect(await chooseExecutor('docker', up)).toBe('docker');
  });

  it('fails with UNAVAILABLE and the fix when Docker is chosen but down', async () => {
    for (const probe of [down, broken]) {
      const error: unknown = await chooseExecutor('docker', probe).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SkiffError);
      expect((error as SkiffError).code).toBe('UNAVAILABLE');
      expect((error as SkiffError).message).toContain('Start Docker');
      expect((error as SkiffError).message).toContain('pipelines.executor');
    }
  });
});
