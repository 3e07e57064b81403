import { describe, expect, it } from 'vitest';
import { containerLimits, parseQuantity } from './resource-limits.js';

describe('containerLimits', () => {
  it('reads Kubernetes quantities for CPU and memory', () => {
    expect(containerLimits({ resourceCpuLimit: '4000m', resourceMemoryLimit: '15G' })).toEqual({
      cpuLimit: 4,
      memoryLimitBytes: 15e9,
    });
    expect(containerLimits({ resourceCpuLimit: '1000m', resourceMemoryLimit: '256Mi' })).toEqual({
      cpuLimit: 1,
      memoryLimitBytes: 268_435_456,
    });
  });

  it('falls back to the deprecated numeric fields', () => {
    expect(containerLimits({ cpuLimit: 2, memoryLimit: 0.5 })).toEqual({
      cpuLimit: 2,
      memoryLimitBytes: 5e8,
    });
  });

  it('turns an accelerator count into GPUs and ignores a count of zero', () => {
    expect(
      containerLimits({ accelerator: { resourceType: 'nvidia.com/gpu', resourceCount: '1' } }),
    ).toEqual({ gpus: { count: 1 } });
    expect(
      containerLimits({ accelerator: { resourceType: 'nvidia.com/gpu', resourceCount: '0' } }),
    ).toBeUndefined();
  });

  it('rejects a quantity it cannot read, naming it', () => {
    expect(() => containerLimits({ resourceMemoryLimit: 'lots' })).toThrow(/memory limit "lots"/);
    expect(() => containerLimits({ accelerator: { resourceCount: 'two' } })).toThrow(
      /Accelerator count "two"/,
    );
  });
});

describe('parseQuantity', () => {
  it('knows binary and decimal suffixes', () => {
    expect(parseQuantity('1Gi', 'x')).toBe(2 ** 30);
    expect(parseQuantity('500m', 'x')).toBe(0.5);
    expect(parseQuantity('2k', 'x')).toBe(2000);
  });
});
