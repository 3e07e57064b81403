import type { ContainerExecutor } from './container-executor.js';

/**
 * A task that asks for GPUs on a machine whose Docker has no NVIDIA runtime runs on the
 * CPU instead, with a warning at the top of its log — as kfp.local does — so the same
 * pipeline runs on a laptop and on a GPU cluster unchanged.
 */
export function withCpuFallback(
  executor: ContainerExecutor,
  gpuRuntime: () => Promise<boolean>,
): ContainerExecutor {
  return {
    kind: executor.kind,
    async run(spec, hooks) {
      const gpus = spec.resources?.gpus;
      if (gpus === undefined || (await gpuRuntime())) return executor.run(spec, hooks);
      hooks.onLog(
        `[skiff] This task asks for ${gpus.count === 'all' ? 'all' : gpus.count} GPU(s), but Docker has no NVIDIA runtime here: running it on the CPU. Install the NVIDIA Container Toolkit to use a GPU.`,
        'stderr',
      );
      const resources = { ...spec.resources };
      delete resources.gpus;
      return executor.run({ ...spec, resources }, hooks);
    },
  };
}
