import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../platform/index.js';
import { crdEstablished, workloadReadiness } from './workload-readiness.js';

const workload = (kind: string, spec: object, status: object, generation = 2): KubeObject => ({
  apiVersion: 'apps/v1',
  kind,
  metadata: { name: 'w', namespace: 'ns', generation },
  spec,
  status,
});

describe('workloadReadiness', () => {
  it('counts a Deployment ready once enough replicas are available and updated', () => {
    const ready = workload(
      'Deployment',
      { replicas: 2 },
      { observedGeneration: 2, availableReplicas: 2, updatedReplicas: 2 },
    );
    expect(workloadReadiness(ready)).toMatchObject({
      ready: true,
      detail: '2/2 replicas available',
    });
    const short = workload(
      'Deployment',
      { replicas: 2 },
      { observedGeneration: 2, availableReplicas: 1, updatedReplicas: 2 },
    );
    expect(workloadReadiness(short).ready).toBe(false);
  });

  it('does not trust a status the controller wrote for an older generation', () => {
    const stale = workload(
      'Deployment',
      { replicas: 1 },
      { observedGeneration: 1, availableReplicas: 1, updatedReplicas: 1 },
    );
    expect(workloadReadiness(stale)).toMatchObject({
      ready: false,
      detail: '1/1 replicas available (rollout not yet observed)',
    });
  });

  it('uses ready replicas for a StatefulSet', () => {
    const set = workload(
      'StatefulSet',
      { replicas: 1 },
      { observedGeneration: 2, readyReplicas: 1 },
    );
    expect(workloadReadiness(set)).toMatchObject({ ready: true, detail: '1/1 replicas ready' });
  });

  it('counts a DaemonSet with nothing to schedule as ready', () => {
    const none = workload(
      'DaemonSet',
      {},
      { observedGeneration: 2, desiredNumberScheduled: 0, numberAvailable: 0 },
    );
    expect(workloadReadiness(none).ready).toBe(true);
    const missing = workload(
      'DaemonSet',
      {},
      { observedGeneration: 2, desiredNumberScheduled: 2, numberAvailable: 1 },
    );
    expect(workloadReadiness(missing)).toMatchObject({
      ready: false,
      detail: '1/2 pods available',
    });
  });
});

describe('crdEstablished', () => {
  it('is true only with an Established=True condition', () => {
    const crd = (status: string): KubeObject => ({
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'x' },
      status: {
        conditions: [
          { type: 'NamesAccepted', status: 'True' },
          { type: 'Established', status },
        ],
      },
    });
    expect(crdEstablished(crd('True'))).toBe(true);
    expect(crdEstablished(crd('False'))).toBe(false);
  });
});
