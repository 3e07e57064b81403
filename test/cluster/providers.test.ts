import { statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { ClusterSpec, ProviderContext } from '../../engine/src/cluster/cluster-types.js';
import { createClusterProvider } from '../../engine/src/cluster/providers/create-cluster-provider.js';
import type { KindNodeContainers } from '../../engine/src/cluster/providers/kind-node-containers.js';
import { SkiffError } from '../../engine/src/core/errors.js';
import { createExecaExec } from '../../engine/src/executors/execa-exec.js';
import { installFakeCli, type FakeCli } from './providers-fake-cli.js';

const exec = createExecaExec();
let fake: FakeCli;
let logs: string[];
let gpuSetups: string[][];

beforeEach(() => {
  fake = installFakeCli();
  logs = [];
  gpuSetups = [];
});
afterEach(() => fake.restore());

function ctx(signal = new AbortController().signal): ProviderContext {
  return { signal, onLog: (line) => logs.push(line) };
}

function spec(overrides: Partial<ClusterSpec> = {}): ClusterSpec {
  return {
    name: 'dev',
    provider: 'kind',
    nodes: 1,
    gpus: 'none',
    ports: [],
    kubeconfigPath: path.join(fake.dir, 'home', 'clusters', 'dev', 'kubeconfig'),
    ...overrides,
  };
}

/** Node containers as Docker would report them for the fake's clusters (no Docker needed). */
const stoppedNodes: KindNodeContainers = {
  list: () =>
    Promise.resolve([{ name: 'skiff-dev-control-plane', role: 'control-plane', running: false }]),
  start: () => Promise.resolve(),
  stop: () => Promise.resolve(),
};

function kindProvider() {
  return createClusterProvider('kind', {
    exec,
    home: path.join(fake.dir, 'home'),
    kindNodes: stoppedNodes,
    kindGpuNodeSetup: (nodes) => {
      gpuSetups.push(nodes);
      return Promise.resolve();
    },
  });
}

const mode = (file: string): number => statSync(file).mode & 0o777;

describe('kind provider (fake kind on PATH)', () => {
  it('creates a 3-node GPU cluster with the exact command, ports on 127.0.0.1 and GPU mounts on workers', async () => {
    const want = spec({ nodes: 3, gpus: [0, 1], ports: [{ hostPort: 8080, nodePort: 30080 }] });
    await kindProvider().create(want, ctx());

    const configFile = path.join(path.dirname(want.kubeconfigPath), 'kind-config.yaml');
    const create = fake.calls().find((call) => call.command === 'create cluster');
    expect(create?.argv).toEqual([
      'create',
      'cluster',
      '--name',
      'skiff-dev',
      '--config',
      configFile,
      '--kubeconfig',
      want.kubeconfigPath,
      '--wait',
      '120s',
    ]);
    const gpuWorker = {
      role: 'worker',
      labels: { 'skiff.dev/gpu': 'true' },
      extraMounts: [
        { hostPath: '/dev/null', containerPath: '/var/run/nvidia-container-devices/0' },
        { hostPath: '/dev/null', containerPath: '/var/run/nvidia-container-devices/1' },
      ],
    };
    expect(parse(create?.config ?? '')).toEqual({
      kind: 'Cluster',
      apiVersion: 'kind.x-k8s.io/v1alpha4',
      nodes: [
        {
          role: 'control-plane',
          extraPortMappings: [
            { containerPort: 30080, hostPort: 8080, listenAddress: '127.0.0.1', protocol: 'TCP' },
          ],
        },
        gpuWorker,
        gpuWorker,
      ],
    });
    expect(mode(want.kubeconfigPath)).toBe(0o600);
    expect(gpuSetups).toEqual([['skiff-dev-worker', 'skiff-dev-worker2']]);
  });

  it('says GPUs are off and mounts nothing without GPUs', async () => {
    await kindProvider().create(spec(), ctx());
    const create = fake.calls().find((call) => call.command === 'create cluster');
    expect(create?.config).not.toContain('nvidia');
    expect(logs).toContain('GPUs are off for this cluster.');
    expect(gpuSetups).toEqual([]);
  });

  it('lists only Skiff clusters, deletes by the prefixed name and loads images without a registry', async () => {
    const provider = kindProvider();
    await provider.create(spec({ nodes: 2 }), ctx());
    expect(await provider.list()).toEqual([
      { name: 'dev', provider: 'kind', nodes: 2, running: false },
    ]);

    await provider.loadImages('dev', { images: ['local/a:1', 'local/b:2'] }, ctx());
    await provider.loadImages('dev', { archive: '/data/images.tar' }, ctx());
    await provider.delete('dev', ctx());
    const argv = fake.calls().map((call) => call.argv);
    expect(argv).toContainEqual([
      'load',
      'docker-image',
      'local/a:1',
      'local/b:2',
      '--name',
      'skiff-dev',
    ]);
    expect(argv).toContainEqual([
      'load',
      'image-archive',
      '/data/images.tar',
      '--name',
      'skiff-dev',
    ]);
    expect(argv).toContainEqual(['delete', 'cluster', '--name', 'skiff-dev']);
    expect(await provider.list()).toEqual([]);
  });

  it('refuses to create over an existing cluster and never deletes it', async () => {
    const provider = kindProvider();
    await provider.create(spec(), ctx());
    await expect(provider.create(spec(), ctx())).rejects.toMatchObject({ code: 'ALREADY_EXISTS' });
    expect(fake.calls().filter((call) => call.command === 'delete cluster')).toEqual([]);
  });

  it('deletes the half-made cluster when cancelled mid-create', async () => {
    process.env.FAKE_CLUSTER_HANG = 'create cluster';
    const controller = new AbortController();
    const onLog = (line: string): void => {
      logs.push(line);
      if (line.includes('hangs')) controller.abort();
    };
    const error = await kindProvider()
      .create(spec(), { signal: controller.signal, onLog })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SkiffError);
    expect((error as SkiffError).code).toBe('CANCELLED');
    expect(fake.calls().map((call) => call.command)).toEqual([
      'get clusters',
      'create cluster',
      'delete cluster',
    ]);
  });

  it('shows the failing command and its error, and cleans up', async () => {
    process.env.FAKE_CLUSTER_FAIL = 'create cluster';
    const error = await kindProvider()
      .create(spec(), ctx())
      .catch((e: unknown) => e);
    expect((error as SkiffError).message).toContain('`kind create cluster --name skiff-dev');
    expect((error as SkiffError).message).toContain('fake kind failure');
    expect(fake.calls().at(-1)?.argv).toEqual(['delete', 'cluster', '--name', 'skiff-dev']);
  });
});

describe('a provider binary that is missing', () => {
  it('fails before running anything, naming how to install it', async () => {
    process.env.PATH = path.join(fake.dir, 'empty');
    const error = await kindProvider()
      .create(spec(), ctx())
      .catch((e: unknown) => e);
    expect((error as SkiffError).code).toBe('FAILED_PRECONDITION');
    expect((error as SkiffError).message).toMatch(
      /`kind` was not found on PATH.*go install sigs\.k8s\.io\/kind@/,
    );
    expect(fake.calls()).toEqual([]);
  });
});
