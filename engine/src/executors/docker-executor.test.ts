import { describe, expect, it } from 'vitest';
import { SkiffError } from '../core/errors.js';
import type { ContainerRunSpec } from './container-executor.js';
import {
  attachDockerContainer,
  createDockerExecutor,
  createOutputDemuxer,
  listManagedContainers,
  toContainerConfig,
} from './docker-executor.js';

const base: ContainerRunSpec = {
  name: 'skiff-run1/train',
  image: 'local/python-ml:bookworm',
  argv: ['python3', '-c', 'print(1)'],
  env: { A: '1', B: 'x=y' },
  mounts: [],
};

describe('toContainerConfig', () => {
  it('runs exactly the argv with no image entrypoint, on the host network by default', () => {
    const config = toContainerConfig(base);
    expect(config.Image).toBe('local/python-ml:bookworm');
    expect(config.Entrypoint).toEqual([]);
    expect(config.Cmd).toEqual(['python3', '-c', 'print(1)']);
    expect(config.Env).toEqual(['A=1', 'B=x=y']);
    expect(config.HostConfig?.NetworkMode).toBe('host');
    expect(config.WorkingDir).toBeUndefined();
    expect(config.name).toMatch(/^skiff-run1-train-[0-9a-f]{6}$/);
  });

  it('maps mounts, network, limits and GPUs', () => {
    const config = toContainerConfig({
      ...base,
      workingDir: '/work',
      network: 'none',
      mounts: [
        { hostPath: '/home/u/runs/1', containerPath: '/skiff/outputs' },
        { hostPath: '/home/u/data', containerPath: '/data', readOnly: true },
      ],
      resources: { cpuLimit: 1.5, memoryLimitBytes: 512 * 1024 * 1024, gpus: { count: 2 } },
    });
    expect(config.WorkingDir).toBe('/work');
    expect(config.HostConfig).toMatchObject({
      Binds: ['/home/u/runs/1:/skiff/outputs', '/home/u/data:/data:ro'],
      NetworkMode: 'none',
      NanoCpus: 1_500_000_000,
      Memory: 536_870_912,
      DeviceRequests: [{ Driver: 'nvidia', Count: 2, Capabilities: [['gpu']] }],
    });
    const all = toContainerConfig({ ...base, resources: { gpus: { count: 'all' } } });
    expect(all.HostConfig?.DeviceRequests?.[0]?.Count).toBe(-1);
    const none = toContainerConfig({ ...base, resources: { gpus: { count: 0 } } });
    expect(none.HostConfig?.DeviceRequests).toBeUndefined();
  });

  it('labels the container as Skiff-managed, keeping the spec labels', () => {
    const config = toContainerConfig({
      ...base,
      labels: { 'dev.skiff.run': 'run1', 'dev.skiff.managed': 'false' },
    });
    expect(config.Labels).toEqual({
      'dev.skiff.run': 'run1',
      'dev.skiff.task': 'skiff-run1/train',
      'dev.skiff.managed': 'true',
    });
  });

  it('runs as a non-root host user with a writable HOME, unless the spec sets one', () => {
    const config = toContainerConfig(base, { uid: 1000, gid: 1001 });
    expect(config.User).toBe('1000:1001');
    expect(config.Env).toContain('HOME=/tmp');
    const ownHome = toContainerConfig(
      { ...base, env: { HOME: '/home/me' } },
      { uid: 1000, gid: 1 },
    );
    expect(ownHome.Env).toEqual(['HOME=/home/me']);
  });

  it("keeps the image's user when the engine runs as root", () => {
    const config = toContainerConfig(base, { uid: 0, gid: 0 });
    expect(config.User).toBeUndefined();
    expect(config.Env).toEqual(['A=1', 'B=x=y']);
  });
});

/** One frame of Docker's multiplexed stream. */
function frame(stream: 1 | 2, text: string | Buffer): Buffer {
  const payload = typeof text === 'string' ? Buffer.from(text) : text;
  const header = Buffer.alloc(8);
  header.writeUInt8(stream, 0);
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
}

function collect(): { lines: string[]; onLog: (line: string, stream: string) => void } {
  const lines: string[] = [];
  return { lines, onLog: (line, stream) => lines.push(`${stream}:${line}`) };
}

describe('createOutputDemuxer', () => {
  it('splits frames into lines per stream, whatever the chunk boundaries', () => {
    const bytes = Buffer.concat([
      frame(1, 'one\ntw'),
      frame(2, 'err\n'),
      frame(1, 'o\r\nthr'),
      frame(1, 'ee'),
    ]);
    for (const size of [1, 3, 7, 8, 9, bytes.length]) {
      const { lines, onLog } = collect();
      const demuxer = createOutputDemuxer(onLog);
      for (let i = 0; i < bytes.length; i += size) demuxer.write(bytes.subarray(i, i + size));
      expect(lines).toEqual(['stdout:one', 'stderr:err', 'stdout:two']);
      demuxer.end();
      demuxer.end();
      expect(lines).toEqual(['stdout:one', 'stderr:err', 'stdout:two', 'stdout:three']);
    }
  });

  it('keeps a UTF-8 character split across frames whole', () => {
    const euro = Buffer.from('€\n');
    const { lines, onLog } = collect();
    const demuxer = createOutputDemuxer(onLog);
    demuxer.write(frame(1, euro.subarray(0, 1)));
    demuxer.write(frame(1, euro.subarray(1)));
    expect(lines).toEqual(['stdout:€']);
  });

  it('cuts a line that never ends so memory stays bounded', () => {
    const { lines, onLog } = collect();
    const demuxer = createOutputDemuxer(onLog);
    demuxer.write(frame(1, 'x'.repeat(64 * 1024 + 10)));
    expect(lines).toHaveLength(1);
    demuxer.end();
    expect(lines[1]).toBe(`stdout:${'x'.repeat(10)}`);
  });
});

describe('without a daemon', () => {
  const socketPath = '/tmp/skiff-no-such-docker.sock';
  const hooks = { signal: new AbortController().signal, onLog: () => undefined };

  it('fails with UNAVAILABLE naming the socket and the fix', async () => {
    for (const attempt of [
      createDockerExecutor({ socketPath }).run(base, hooks),
      attachDockerContainer('abc', hooks, { socketPath }),
      listManagedContainers({ socketPath }),
    ]) {
      const error: unknown = await attempt.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SkiffError);
      expect((error as SkiffError).code).toBe('UNAVAILABLE');
      expect((error as SkiffError).message).toContain(socketPath);
      expect((error as SkiffError).message).toContain('Start Docker');
    }
  });

  it('fails with CANCELLED before touching Docker when already aborted', async () => {
    const executor = createDockerExecutor({ socketPath });
    const error: unknown = await executor
      .run(base, { signal: AbortSignal.abort(), onLog: () => undefined })
      .catch((e: unknown) => e);
    expect((error as SkiffError).code).toBe('CANCELLED');
  });
});
