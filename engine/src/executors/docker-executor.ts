/**
 * The `docker` executor: one task spec as one container through dockerode. Skiff is
 * offline, so an image is never pulled; a container is always removed when its task ends.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type Dockerode from 'dockerode';
import { SkiffError } from '../core/errors.js';
import type {
  ContainerExecutor,
  ContainerRunResult,
  ContainerRunSpec,
  RunHooks,
} from './container-executor.js';
import { dockerUnavailable, resolveDockerEndpoint } from './dockerode-docker.js';

/** On every container Skiff creates, so leftovers can be found after a crash. */
export const MANAGED_LABEL = 'dev.skiff.managed';
const STOP_GRACE_SECONDS = 2;
/** A daemon that has not answered the first request by then counts as down. */
const FIRST_ANSWER_MS = 10_000;
/** Output still in flight when the container has exited. */
const DRAIN_MS = 2000;
/** A "line" that never ends (progress bars use \r) is cut here to bound memory. */
const MAX_LINE_CHARS = 64 * 1024;

export interface DockerExecutorOptions {
  /** Daemon socket; default as `docker` finds it (DOCKER_HOST, then the usual places). */
  socketPath?: string;
  /** Who tasks run as; default this process's uid:gid. Root keeps the image's user. */
  hostUser?: { uid: number; gid: number };
}

export interface AttachHooks extends Pick<RunHooks, 'signal' | 'onLog'> {
  /** Replay output from this time (ms since epoch); default only output from now on. */
  sinceMs?: number;
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

/** Follows a container started by an earlier engine (crash recovery) until it exits. */
export async function attachDockerContainer(
  id: string,
  hooks: AttachHooks,
  options: Pick<DockerExecutorOptions, 'socketPath'> = {},
): Promise<ContainerRunResult> {
  const { docker, where } = await connector(options)();
  const container = docker.getContainer(id);
  const info = await withDeadline(container.inspect(), FIRST_ANSWER_MS).catch((error: unknown) => {
    if (statusCode(error) !== 404) throw fromDaemon(error, where, `inspect container ${id}`);
    throw new SkiffError(
      'NOT_FOUND',
      `Container ${id} no longer exists (it was removed, or Docker restarted), so its task cannot be followed. Run the task again.`,
      { id },
    );
  });
  try {
    const since = hooks.sinceMs === undefined ? { tail: 0 } : { since: unixSeconds(hooks.sinceMs) };
    const output = await container.logs({ follow: true, stdout: true, stderr: true, ...since });
    const drained = streamOutput(output, hooks.onLog);
    // Created but never started: the engine stopped between the two calls.
    if (info.State.Status === 'created') await container.start();
    return { exitCode: await supervise(container, drained, hooks.signal, id, where), id: info.Id };
  } catch (error) {
    throw fromDaemon(error, where, `follow container ${id}`);
  } finally {
    await removeQuietly(container);
  }
}

export async function listManagedContainers(
  options: Pick<DockerExecutorOptions, 'socketPath'> = {},
): Promise<{ id: string; labels: Record<string, string>; running: boolean }[]> {
  const { docker, where } = await connector(options)();
  const filters = { label: [`${MANAGED_LABEL}=true`] };
  const found = await withDeadline(
    docker.listContainers({ all: true, filters }),
    FIRST_ANSWER_MS,
  ).catch((error: unknown) => {
    throw fromDaemon(error, where, 'list Skiff containers');
  });
  return found.map((c) => ({ id: c.Id, labels: c.Labels, running: c.State === 'running' }));
}

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

/**
 * Docker's attach/logs stream without a TTY: frames of [stream, 0, 0, 0, size (uint32 BE)]
 * then the payload. Lines are split per stream; a partial line waits for its end.
 */
export function createOutputDemuxer(onLog: RunHooks['onLog']): {
  write(chunk: Buffer): void;
  end(): void;
} {
  const stdout = lineSplitter((line) => onLog(line, 'stdout'));
  const stderr = lineSplitter((line) => onLog(line, 'stderr'));
  let pending: Buffer = Buffer.alloc(0);
  let ended = false;
  return {
    write(chunk) {
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      while (pending.length >= 8) {
        const size = pending.readUInt32BE(4);
        if (pending.length < 8 + size) break;
        (pending[0] === 2 ? stderr : stdout).push(pending.subarray(8, 8 + size));
        pending = pending.subarray(8 + size);
      }
    },
    end() {
      if (ended) return;
      ended = true;
      stdout.flush();
      stderr.flush();
    },
  };
}

function lineSplitter(emit: (line: string) => void): { push(bytes: Buffer): void; flush(): void } {
  const decoder = new StringDecoder('utf8');
  let partial = '';
  const emitLine = (line: string): void => emit(line.endsWith('\r') ? line.slice(0, -1) : line);
  return {
    push(bytes) {
      const lines = (partial + decoder.write(bytes)).split('\n');
      partial = lines.pop() ?? '';
      lines.forEach(emitLine);
      while (partial.length > MAX_LINE_CHARS) {
        emitLine(partial.slice(0, MAX_LINE_CHARS));
        partial = partial.slice(MAX_LINE_CHARS);
      }
    },
    flush() {
      const rest = partial + decoder.end();
      partial = '';
      if (rest !== '') emitLine(rest);
    },
  };
}

function streamOutput(stream: NodeJS.ReadableStream, onLog: RunHooks['onLog']): Promise<void> {
  const demuxer = createOutputDemuxer(onLog);
  stream.on('data', (chunk: Buffer) => demuxer.write(chunk));
  return new Promise((resolve) => {
    const done = (): void => {
      demuxer.end();
      resolve();
    };
    for (const event of ['end', 'close', 'error']) stream.once(event, done);
  });
}

/** Waits for the exit; a cancel stops the container (SIGTERM, SIGKILL after 2 s). */
async function supervise(
  container: Dockerode.Container,
  drained: Promise<void>,
  signal: AbortSignal,
  name: string,
  where: string,
): Promise<number> {
  let stopping: Promise<unknown> = Promise.resolve();
  const onAbort = (): void => {
    stopping = withDeadline(
      container.stop({ t: STOP_GRACE_SECONDS }),
      (STOP_GRACE_SECONDS + 3) * 1000,
    )
      .catch(() => container.kill())
      .catch(() => undefined);
  };
  signal.addEventListener('abort', onAbort, { once: true });
  if (signal.aborted) onAbort();
  try {
    const outcome: unknown = await container.wait().catch((error: unknown) => {
      throw fromDaemon(error, where, `wait for task "${name}"`);
    });
    await stopping;
    await withDeadline(drained, DRAIN_MS).catch(() => undefined);
    if (signal.aborted) throw cancelled(name);
    return isRecord(outcome) && typeof outcome.StatusCode === 'number' ? outcome.StatusCode : 1;
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
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

function missingImage(image: string): SkiffError {
  return new SkiffError(
    'FAILED_PRECONDITION',
    `Image "${image}" is not present and Skiff is offline. Build it with \`npm run images\`, or map it to an image you have in Settings → Images.`,
    { image },
  );
}

function fromDaemon(error: unknown, where: string, doing: string, image?: string): SkiffError {
  if (error instanceof SkiffError) return error;
  const status = statusCode(error);
  if (status === undefined && errnoCode(error) !== undefined) {
    return dockerUnavailable(where, error);
  }
  const message = daemonMessage(error);
  if (status === 404 && image !== undefined && /no such image/i.test(message)) {
    return missingImage(image);
  }
  const code = status === 404 ? 'NOT_FOUND' : status === 400 ? 'INVALID_ARGUMENT' : 'INTERNAL';
  return new SkiffError(
    code,
    `Docker could not ${doing}: ${message}`,
    { status },
    { cause: error },
  );
}

async function removeQuietly(container: Dockerode.Container): Promise<void> {
  // 404: already gone; 409: removal already in progress. Neither needs more work.
  await container.remove({ force: true, v: true }).catch(() => undefined);
}

type Connection = { docker: Dockerode; where: string; local: boolean };

function connector(options: Pick<DockerExecutorOptions, 'socketPath'>): () => Promise<Connection> {
  const endpoint = resolveDockerEndpoint(options);
  let connection: Promise<Connection> | undefined;
  return () =>
    (connection ??= import('dockerode').then(({ default: Dockerode }) => ({
      // For a DOCKER_HOST URL the modem reads the environment itself (TLS, ssh, ...).
      docker: new Dockerode(
        'socketPath' in endpoint ? { socketPath: endpoint.socketPath } : undefined,
      ),
      where: 'socketPath' in endpoint ? endpoint.socketPath : endpoint.url,
      local: 'socketPath' in endpoint,
    })));
}

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    const error = Object.assign(new Error(`no answer within ${String(ms)} ms`), {
      code: 'ETIMEDOUT',
    });
    timer = setTimeout(() => reject(error), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** The `since` Docker parses: seconds, then nanoseconds after the dot. */
function unixSeconds(ms: number): string {
  const whole = Math.floor(ms);
  return `${String(Math.floor(whole / 1000))}.${String((whole % 1000) * 1e6).padStart(9, '0')}`;
}

/** A function, not an inline check, so TypeScript does not narrow `aborted` across awaits. */
function throwIfCancelled(signal: AbortSignal, name: string): void {
  if (signal.aborted) throw cancelled(name);
}

function cancelled(name: string): SkiffError {
  return new SkiffError(
    'CANCELLED',
    `Task "${name}" was cancelled; its container, if it had started, was stopped and removed.`,
    { name },
  );
}

function statusCode(error: unknown): number | undefined {
  return isRecord(error) && typeof error.statusCode === 'number' ? error.statusCode : undefined;
}

function errnoCode(error: unknown): string | undefined {
  return isRecord(error) && typeof error.code === 'string' ? error.code : undefined;
}

function daemonMessage(error: unknown): string {
  const json = isRecord(error) ? error.json : undefined;
  if (isRecord(json) && typeof json.message === 'string') return json.message.trim();
  return error instanceof Error ? error.message : String(error);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
