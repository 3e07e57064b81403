import { describe, expect, it } from 'vitest';
import { isBuiltInKind, schemaErrors } from './kube-schemas.js';

describe('Kubernetes schema validation', () => {
  it('tells built-in kinds from custom resources', async () => {
    expect(await isBuiltInKind('apps/v1', 'Deployment')).toBe(true);
    expect(await isBuiltInKind('v1', 'ConfigMap')).toBe(true);
    expect(await isBuiltInKind('argoproj.io/v1alpha1', 'Workflow')).toBe(false);
  });

  it('reports the field of an object the API server would reject', async () => {
    const errors = await schemaErrors({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'api' },
      spec: {
        selector: { matchLabels: { app: 'api' } },
        template: {
          spec: { containers: [{ name: 'api', resources: { requests: { memory: 'lots' } } }] },
        },
      },
    });
    expect(errors).toContain('containers/0/resources/requests/memory');
  });
});
