import { describe, expect, it } from 'vitest';
import { gpuDetection } from './gpu-detection.js';

const rtx = {
  index: 0,
  name: 'NVIDIA GeForce RTX 3090',
  memoryMiB: 24576,
  driverVersion: '550.54.14',
};

describe('GPU detection', () => {
  it('turns GPUs on by default when a GPU and the nvidia runtime are both there', () => {
    expect(gpuDetection([rtx], true, true, true)).toMatchObject({
      defaultRequest: 'all',
      summary: 'GPUs on: 0: NVIDIA GeForce RTX 3090.',
    });
  });

  it('says why GPUs are off', () => {
    expect(gpuDetection([], false, false, true).summary).toBe(
      'GPUs are off: no nvidia-smi on PATH.',
    );
    expect(gpuDetection([rtx], true, false, true)).toMatchObject({
      defaultRequest: 'none',
      summary:
        'GPUs are off: found 0: NVIDIA GeForce RTX 3090, but Docker has no `nvidia` runtime.',
    });
    expect(gpuDetection([rtx], true, false, false).summary).toContain('Docker is not reachable');
  });
});
