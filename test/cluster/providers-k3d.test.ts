import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClusterSpec, ProviderContext } from '../../engine/src/cluster/cluster-types.js';
import { createClusterProvider } from '../../engine/src/cluster/providers/create-cluster-provider.js';
import { createExecaExec } from '../../engine/src/executors/execa-exec.js';
import { installFakeCli, type FakeCli } from './providers-fake-cli.js';

const exec = createExecaExec();
let fake: FakeCli;
let logs: string[];

beforeEach(() => {
  fake = installFakeCli();
  logs = [];
});
afterEach(() => fake.restore());

function ctx(signal = new AbortController().signal): ProviderContext {
  return { signal, onLog: (line) => logs.push(line) };
}

function spec(overrides: Partial<ClusterSpec> = {}): ClusterSpec {
  return {
    name: 'dev',
    provider: 'k3d',
    nodes: 1,
    gpus: 'none',
    ports: [],
    kubeconfigPath: path.join(fake.dir, 'home', 'clusters', 'dev', 'kubeconfig'),
    ...overrides,
  };
}

const k3dProvider = () => createClusterProvider('k3d', { exec, home: path.join(fake.dir, 'home') });
const mode = (file: string): number => statSync(file).mode & 0o777;

describe('k3d provider (fake k3d on PATH)', () => {
  it('creates with servers, agents, 127.0.0.1 ports, --gpus and the local NVIDIA k3s image', async () => {
    const want = spec({
      provider: 'k3d',
      nodes: 2,
      gpus: 'all',
      ports: [
        { hostPort: 8080, nodePort: 30080 },
        { hostPort: 3000, nodePort: 30300 },
      ],
    });
    await k3dProvider().create(want, ctx());

    expect(fake.calls().find((call) => call.command === 'cluster create')?.argv).toEqual([
      'cluster',
      'create',
      'skiff-dev',
      '--servers',
      '1',
      '--agents',
      '1',
      '-p',
      '127.0.0.1:8080:30080@server:0',
      '-p',
      '127.0.0.1:3000:30300@server:0',
      '--gpus',
      'all',
      '--image',
      'local/k3s-nvidia:v1.31.5-k3s1',
      '--k3s-node-label',
      'skiff.dev/gpu=true@agent:*',
      '--kubeconfig-update-default=false',
      '--kubeconfig-switch-context=false',
      '--wait',
      '--timeout',
      '120s',
    ]);
    expect(fake.calls().at(-1)?.argv).toEqual(['kubeconfig', 'get', 'skiff-dev']);
    expect(readFileSync(want.kubeconfigPath, 'utf8')).toContain('server: https://127.0.0.1:40002');
    expect(mode(want.kubeconfigPath)).toBe(0o600);
  });

  it('passes chosen GPUs in Docker syntax and says GPUs are off without them', async () => {
    const provider = k3dProvider();
    await provider.create(spec({ provider: 'k3d', gpus: [0, 2] }), ctx());
    const argv = fake.calls().find((call) => call.command === 'cluster create')?.argv ?? [];
    expect(argv.slice(argv.indexOf('--gpus'), argv.indexOf('--gpus') + 2)).toEqual([
      '--gpus',
      '"device=0,2"',
    ]);

    await provider.create(spec({ provider: 'k3d', name: 'cpu' }), ctx());
    const plain = fake.calls().filter((call) => call.command === 'cluster create')[1]?.argv ?? [];
    expect(plain).not.toContain('--gpus');
    expect(plain).not.toContain('--image');
    expect(logs).toContain('GPUs are off for this cluster.');
  });

  it('stops, starts, lists and imports images through k3d', async () => {
    const provider = k3dProvider();
    await provider.create(spec({ provider: 'k3d', nodes: 3 }), ctx());
    await provider.stop('dev', ctx());
    expect(await provider.list()).toEqual([
      { name: 'dev', provider: 'k3d', nodes: 3, running: false },
    ]);
    await provider.start('dev', ctx());
    expect(await provider.list()).toEqual([
      { name: 'dev', provider: 'k3d', nodes: 3, running: true },
    ]);
    await provider.loadImages('dev', { archive: '/data/images.tar' }, ctx());
    await provider.loadImages('dev', { images: ['local/a:1'] }, ctx());
    const argv = fake.calls().map((call) => call.argv);
    expect(argv).toContainEqual(['cluster', 'stop', 'skiff-dev']);
    expect(argv).toContainEqual(['cluster', 'start', 'skiff-dev', '--wait']);
    expect(argv).toContainEqual(['image', 'import', '-c', 'skiff-dev', '/data/images.tar']);
    expect(argv).toContainEqual(['image', 'import', '-c', 'skiff-dev', 'local/a:1']);
  });

  it('deletes the half-made cluster when cancelled mid-create', async () => {
    process.env.FAKE_CLUSTER_HANG = 'cluster create';
    const controller = new AbortController();
    const onLog = (line: string): void => {
      if (line.includes('hangs')) controller.abort();
    };
    await expect(
      k3dProvider().create(spec({ provider: 'k3d' }), { signal: controller.signal, onLog }),
    ).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(fake.calls().at(-1)?.argv).toEqual(['cluster', 'delete', 'skiff-dev']);
    expect(await k3dProvider().list()).toEqual([]);
  });
});
