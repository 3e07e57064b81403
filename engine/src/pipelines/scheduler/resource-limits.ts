/**
 * `container.resources` in Kubernetes quantities (`4000m`, `15G`, `256Mi`) turned into the
 * executor's limits. Placeholders are resolved before this; requests are not limits and
 * are ignored on one machine.
 */
import { SkiffError } from '../../core/errors.js';
import type { ContainerRunSpec } from '../../executors/container-executor.js';
import type { ContainerResources } from '../ir/pipeline-spec.js';

const BINARY: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};
const DECIMAL: Record<string, number> = {
  m: 1e-3,
  '': 1,
  k: 1e3,
  K: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

export function containerLimits(
  resources: ContainerResources | undefined,
): ContainerRunSpec['resources'] {
  if (resources === undefined) return undefined;
  const limits: NonNullable<ContainerRunSpec['resources']> = {};
  const cpu = present(resources.resourceCpuLimit) ?? resources.cpuLimit;
  if (cpu !== undefined)
    limits.cpuLimit = typeof cpu === 'number' ? cpu : parseQuantity(cpu, 'CPU limit');
  const memoryText = present(resources.resourceMemoryLimit);
  if (memoryText !== undefined) {
    limits.memoryLimitBytes = Math.round(parseQuantity(memoryText, 'memory limit'));
  } else if (resources.memoryLimit !== undefined) {
    // The deprecated numeric field is in gigabytes (kfp: memory_limit / 10**9).
    limits.memoryLimitBytes = Math.round(resources.memoryLimit * 1e9);
  }
  const accelerator = resources.accelerator;
  const countText = present(accelerator?.resourceCount) ?? accelerator?.count;
  if (countText !== undefined && countText !== '') {
    const count = Number(countText);
    if (!Number.isInteger(count) || count < 0) {
      throw new SkiffError(
        'INVALID_ARGUMENT',
        `Accelerator count "${String(countText)}" is not a whole number.`,
      );
    }
    if (count > 0) limits.gpus = { count };
  }
  return Object.keys(limits).length > 0 ? limits : undefined;
}

/** Parses a Kubernetes quantity such as `500m`, `2`, `1.5Gi` or `15G` into a number. */
export function parseQuantity(text: string, what: string): number {
  const match =
    /^\s*([+]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)\s*(Ki|Mi|Gi|Ti|Pi|Ei|m|k|K|M|G|T|P|E|)\s*$/.exec(
      text,
    );
  const amount = match?.[1];
  const suffix = match?.[2] ?? '';
  if (amount === undefined) {
    throw new SkiffError(
      'INVALID_ARGUMENT',
      `The ${what} "${text}" is not a Kubernetes quantity such as "500m", "2", "512Mi" or "4G".`,
    );
  }
  return Number(amount) * (BINARY[suffix] ?? DECIMAL[suffix] ?? 1);
}

function present(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
