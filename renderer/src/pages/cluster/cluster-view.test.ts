import type { ClusterPreflight, ClusterStatus, Operation } from '@skiff/engine/api-contract';
import { describe, expect, it } from 'vitest';
import {
  createBlocker,
  createSteps,
  gpuAvailability,
  retryRequest,
  viewFor,
  type WizardDraft,
} from './cluster-view';

const preflight: ClusterPreflight = {
  report: { ok: true, checks: [] },
  providers: { kind: { found: true, version: '0.27.0' }, k3d: { found: false } },
  gpus: { nvidiaSmi: false, devices: [] },
  profiles: [],
};
const draft: WizardDraft = {
  name: 'skiff',
  provider: 'kind',
  profile: 'lite',
  nodes: 1,
  gpus: 'none',
};

describe('cluster view', () => {
  it('shows the wizard, progress, overview or failure for each state', () => {
    expect(viewFor('NONE')).toBe('wizard');
    expect(viewFor('INSTALLING')).toBe('progress');
    expect(viewFor('DELETING')).toBe('progress');
    expect(viewFor('STOPPED')).toBe('overview');
    expect(viewFor('ERROR')).toBe('error');
  });

  it('marks steps done, current and failed from the operation', () => {
    const op = { state: 'FAILED', progress: { current: 2, total: 6, message: '' } } as Operation;
    const steps = createSteps(op);
    expect(steps.map((s) => s.state)).toEqual([
      'done',
      'done',
      'failed',
      'pending',
      'pending',
      'pending',
    ]);
    expect(createSteps(undefined)[0]?.state).toBe('current');
  });

  it('says why GPUs are off', () => {
    expect(gpuAvailability(preflight.gpus)).toMatchObject({
      available: false,
      reason: expect.stringContaining('No NVIDIA GPU') as unknown,
    });
    const one = {
      nvidiaSmi: true,
      devices: [{ index: 0, name: 'T4', memoryMiB: 16000, driverVersion: '550' }],
    };
    expect(gpuAvailability(one).available).toBe(true);
  });

  it('blocks Create with the reason: missing provider, bad name, nodes, failed checks', () => {
    expect(createBlocker(draft, preflight)).toBeNull();
    expect(createBlocker(draft, undefined)).toMatch(/Checking/);
    expect(createBlocker({ ...draft, provider: 'k3d' }, preflight)).toBe('k3d is not installed.');
    expect(createBlocker({ ...draft, name: 'Dev' }, preflight)).toMatch(/^Name:/);
    expect(createBlocker({ ...draft, nodes: 6 }, preflight)).toMatch(/^Nodes:/);
    expect(createBlocker(draft, { ...preflight, report: { ok: false, checks: [] } })).toMatch(
      /failed checks/,
    );
  });

  it('retries with the spec the cluster was created with', () => {
    const status = {
      state: 'ERROR',
      profile: 'full',
      spec: { name: 'dev', provider: 'k3d', nodes: 2, gpus: [0], ports: [], kubeconfigPath: '/k' },
    } as unknown as ClusterStatus;
    expect(retryRequest(status)).toEqual({
      name: 'dev',
      provider: 'k3d',
      nodes: 2,
      gpus: [0],
      profile: 'full',
    });
  });
});
