/**
 * The create request Docker gets for one task spec: exactly the argv, no image entrypoint,
 * mounts, limits and GPUs mapped, and the label that marks the container as Skiff's.
 */
import { randomBytes } from 'node:crypto';
import type Dockerode from 'dockerode';
import type { ContainerRunSpec } from './container-executor.js';

/** On every container Skiff creates, so leftovers can be found after a crash. */
export const MANAGED_LABEL = 'dev.skiff.managed';

/** The create request for a spec: exactly the argv, no image entrypoint, never a pull. */
export function toContainerConfig(
  spec: ContainerRunSpec,
  user?: { uid: number; gid: number },
): Dockerode.ContainerCreateOptions {
  const asUser = user !== undefined && user.uid !== 0;
  // An unknown uid gets HOME=/, which it cannot write; caches (pip, matplotlib…) need one.
  const env = asUser && spec.env.HOME === undefined ? { HOME: '/tmp', ...spec.env } : spec.env;
  const gpus = spec.resources?.gpus;
  return {
    name: `${spec.name.replace(/[^a-zA-Z0-9_.-]/g, '-').replace(/^[^a-zA-Z0-9]+/, '')}-${randomBytes(3).toString('hex')}`,
    Image: spec.image,
    Entrypoint: [],
    Cmd: spec.argv,
    Env: Object.entries(env).map(([key, value]) => `${key}=${value}`),
    ...(spec.workingDir !== undefined ? { WorkingDir: spec.workingDir } : {}),
    ...(asUser ? { User: `${String(user.uid)}:${String(user.gid)}` } : {}),
    Labels: { ...spec.labels, 'dev.skiff.task': spec.name, [MANAGED_LABEL]: 'true' },
    Tty: false,
    AttachStdout: true,
    AttachStderr: true,
    HostConfig: {
      // docker-init as PID 1 passes SIGTERM on (a bare PID 1, e.g. python, ignores it, so a
      // cancel would always wait for SIGKILL) and reaps the task's orphaned children.
      Init: true,
      Binds: spec.mounts.map(
        (m) => `${m.hostPath}:${m.containerPath}${m.readOnly === true ? ':ro' : ''}`,
      ),
      NetworkMode: spec.network ?? 'host',
      ...(spec.resources?.cpuLimit !== undefined
        ? { NanoCpus: Math.round(spec.resources.cpuLimit * 1e9) }
        : {}),
      ...(spec.resources?.memoryLimitBytes !== undefined
        ? { Memory: spec.resources.memoryLimitBytes }
        : {}),
      ...(gpus !== undefined && (gpus.count === 'all' || gpus.count > 0)
        ? {
            DeviceRequests: [
              {
                Driver: 'nvidia',
                Count: gpus.count === 'all' ? -1 : gpus.count,
                Capabilities: [['gpu']],
              },
            ],
          }
        : {}),
    },
  };
}
