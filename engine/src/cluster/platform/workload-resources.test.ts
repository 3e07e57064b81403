import { describe, expect, it } from 'vitest';
import type { KubeObject } from './component-objects.js';
import { parseQuantity, steadyRequests, workloadContainers } from './workload-resources.js';

const MiB = 2 ** 20;

function container(name: string, memory: string, cpu = '100m'): Record<string, unknown> {
  return { name, image: `ghcr.io/x/${name}:1`, resources: { requests: { memory, cpu } } };
}

function workload(kind: string, spec: Record<string, unknown>): KubeObject {
  return { apiVersion: 'apps/v1', kind, metadata: { name: 'w' }, spec };
}

describe('parseQuantity', () => {
  it('reads binary, decimal and milli suffixes', () => {
    expect(parseQuantity('512Mi')).toBe(512 * MiB);
    expect(parseQuantity('1Gi')).toBe(2 ** 30);
    expect(parseQuantity('500M')).toBe(500e6);
    expect(parseQuantity('250m')).toBe(0.25);
    expect(parseQuantity('1.5')).toBe(1.5);
  });

  it('rejects what Kubernetes would not take', () => {
    expect(() => parseQuantity('lots')).toThrow(/not a Kubernetes quantity/);
    expect(() => parseQuantity('1GB')).toThrow(/not a Kubernetes quantity/);
  });
});

describe('steadyRequests', () => {
  it('multiplies a pod by its replicas', () => {
    const template = { spec: { containers: [container('a', '128Mi'), container('b', '64Mi')] } };
    const deployment = workload('Deployment', { replicas: 2, template });
    expect(steadyRequests(deployment, 'memory')).toBe(384 * MiB);
    expect(steadyRequests(deployment, 'cpu')).toBeCloseTo(0.4);
  });

  it('counts the larger of the containers and the biggest init container', () => {
    const spec = {
      initContainers: [container('migrate', '512Mi')],
      containers: [container('app', '128Mi')],
    };
    expect(steadyRequests(workload('StatefulSet', { template: { spec } }), 'memory')).toBe(
      512 * MiB,
    );
  });

  it('counts a DaemonSet once, for the one node, and Jobs not at all', () => {
    const template = { spec: { containers: [container('a', '100Mi')] } };
    expect(steadyRequests(workload('DaemonSet', { template }), 'memory')).toBe(100 * MiB);
    expect(steadyRequests(workload('Job', { template }), 'memory')).toBe(0);
  });
});

describe('workloadContainers', () => {
  it('reaches the containers of a CronJob through its job template', () => {
    const cronJob = workload('CronJob', {
      jobTemplate: { spec: { template: { spec: { containers: [container('backup', '64Mi')] } } } },
    });
    expect(workloadContainers(cronJob).map((c) => [c.name, c.requests['memory']])).toEqual([
      ['backup', '64Mi'],
    ]);
  });
});
