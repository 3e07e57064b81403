/**
 * The `docker` executor: one task spec as one container through dockerode. Skiff is
 * offline, so an image is never pulled; a container is always removed when its task ends.
 *
 * The pieces live beside it: the create request (docker-container-config), output as
 * lines (docker-output-demuxer), waiting and cancelling (docker-container-supervision),
 * following an earlier engine's containers (docker-container-attach), and the daemon
 * itself (docker-daemon-connection, docker-daemon-errors).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type Dockerode from 'dockerode';
import { SkiffError } from '../core/errors.js';
import type {
  ContainerExecutor,
  ContainerRunResult,
  ContainerRunSpec,
} from './container-executor.js';
import { toContainerConfig } from './docker-container-config.js';
import { removeQuietly, supervise, throwIfCancelled } from './docker-container-supervision.js';
import {
  connector,
  FIRST_ANSWER_MS,
  withDeadline,
  type DockerConnectionOptions,
} from './docker-daemon-connection.js';
import { daemonMessage, fromDaemon, missingImage, statusCode } from './docker-daemon-errors.js';
import { streamOutput } from './docker-output-demuxer.js';

export {
  attachDockerContainer,
  listManagedContainers,
  type AttachHooks,
} from './docker-container-attach.js';
export { MANAGED_LABEL, toContainerConfig } from './docker-container-config.js';
export { createOutputDemuxer } from './docker-output-demuxer.js';

export interface DockerExecutorOptions extends DockerConnectionOptions {
  /** Who tasks run as; default this process's uid:gid. Root keeps the image's user. */
  hostUser?: { uid: number; gid: number };
}

export function createDockerExecutor(options: DockerExecutorOptions = {}): ContainerExecutor {
  const connect = connector(options);
  const getuid = process.getuid?.bind(process);
  const getgid = process.getgid?.bind(process);
  const user =
    options.hostUser ?? (getuid && getgid ? { uid: getuid(), gid: getgid() } : undefined);
  return {
    kind: 'docker',
    async run(spec, hooks): Promise<ContainerRunResult> {
      throwIfCancelled(hooks.signal, spec.name);
      const { docker, where, local } = await connect();
      checkSpec(spec, local);
      await inspectImage(docker, spec.image, where);
      throwIfCancelled(hooks.signal, spec.name);
      const container = await docker
        .createContainer(toContainerConfig(spec, user))
        .catch((error: unknown) => {
          throw fromDaemon(error, where, `create a container for task "${spec.name}"`, spec.image);
        });
      try {
        const output = await container.attach({ stream: true, stdout: true, stderr: true });
        const drained = streamOutput(output, hooks.onLog);
        throwIfCancelled(hooks.signal, spec.name);
        await container.start().catch((error: unknown) => {
          throw notStarted(error, spec, where);
        });
        hooks.onStarted?.(container.id);
        const exitCode = await supervise(container, drained, hooks.signal, spec.name, where);
        return { exitCode, id: container.id };
      } catch (error) {
        throw fromDaemon(error, where, `run task "${spec.name}"`);
      } finally {
        await removeQuietly(container);
      }
    },
  };
}

/**
 * Start failures the user can fix. A command missing from the image is not one of them: it
 * starts under docker-init, which exits 127 saying so, as `docker run` would.
 */
function notStarted(error: unknown, spec: ContainerRunSpec, where: string): SkiffError {
  const message = daemonMessage(error);
  const because = /could not select device driver/i.test(message)
    ? `it asks for GPUs but Docker has no NVIDIA runtime. Install the NVIDIA Container Toolkit and restart Docker, or remove the task's accelerator.`
    : /docker-init|init binary/i.test(message)
      ? `Docker's init process (docker-init) is missing (${message}). Reinstall Docker, or use the process executor.`
      : undefined;
  if (because === undefined) return fromDaemon(error, where, `start task "${spec.name}"`);
  return new SkiffError(
    'FAILED_PRECONDITION',
    `Task "${spec.name}" cannot start: ${because}`,
    { name: spec.name },
    { cause: error },
  );
}

function checkSpec(spec: ContainerRunSpec, local: boolean): void {
  if (spec.argv.length === 0) {
    throw new SkiffError('INVALID_ARGUMENT', `Task "${spec.name}" has an empty command.`, {
      name: spec.name,
    });
  }
  for (const { hostPath, containerPath } of spec.mounts) {
    const bad = containerPath.includes(':') || !path.posix.isAbsolute(containerPath);
    if (bad || (process.platform !== 'win32' && hostPath.includes(':'))) {
      throw new SkiffError(
        'INVALID_ARGUMENT',
        `Mount ${hostPath} → ${containerPath} cannot be passed to Docker: the container path must be absolute and neither path may contain ":".`,
        { hostPath, containerPath },
      );
    }
    // Docker would create a missing folder itself, owned by root; say so instead.
    if (local && !existsSync(hostPath)) {
      throw new SkiffError(
        'FAILED_PRECONDITION',
        `The folder ${hostPath} to mount does not exist. Create it before the task runs.`,
        { hostPath },
      );
    }
  }
}

async function inspectImage(docker: Dockerode, image: string, where: string): Promise<void> {
  await withDeadline(docker.getImage(image).inspect(), FIRST_ANSWER_MS).catch((error: unknown) => {
    throw statusCode(error) === 404
      ? missingImage(image)
      : fromDaemon(error, where, `inspect image ${image}`);
  });
}
