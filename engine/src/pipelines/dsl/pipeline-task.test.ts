import { describe, expect, it } from 'vitest';
import { compile } from './compile.js';
import { pipeline } from './pipeline.js';
import { compileChecked } from './testing/compile-checked.js';
import { echo } from './testing/sample-components.js';

describe('task settings', () => {
  it('applies caching, retries, display names, env, resources and .after()', () => {
    const p = pipeline({ name: 'settings' }, () => {
      const first = echo({ msg: 'first' }).setCaching(false);
      echo({ msg: 'second' })
        .after(first)
        .setDisplayName('Second step')
        .setRetry({ maxRetries: 3, backoffDuration: '1m', backoffMaxDuration: 7200 })
        .setEnv('MODE', 'fast')
        .setResources({
          cpuLimit: '500m',
          memoryLimit: '512Mi',
          cpuRequest: '2',
          memoryRequest: '4G',
          accelerator: { type: 'nvidia.com/gpu', count: 1 },
        });
    });
    const spec = compileChecked(p);
    const tasks = spec.root.dag?.tasks ?? {};
    expect(tasks.echo?.cachingOptions).toEqual({});
    expect(tasks['echo-2']).toMatchObject({
      cachingOptions: { enableCache: true },
      dependentTasks: ['echo'],
      taskInfo: { name: 'Second step' },
      retryPolicy: {
        maxRetryCount: 3,
        backoffDuration: '60s',
        backoffFactor: 2,
        backoffMaxDuration: '3600s',
      },
    });
    expect(spec.deploymentSpec?.executors?.['exec-echo-2']?.container).toMatchObject({
      env: [{ name: 'MODE', value: 'fast' }],
      resources: {
        cpuLimit: 0.5,
        resourceCpuLimit: '500m',
        memoryLimit: 0.536870912,
        resourceMemoryLimit: '512Mi',
        cpuRequest: 2,
        resourceCpuRequest: '2',
        memoryRequest: 4,
        resourceMemoryRequest: '4G',
        accelerator: {
          type: 'nvidia.com/gpu',
          count: '1',
          resourceType: 'nvidia.com/gpu',
          resourceCount: '1',
        },
      },
    });
  });

  it('rejects resources KFP would reject', () => {
    const p = pipeline({ name: 'bad-memory' }, () => {
      echo({ msg: 'x' }).setResources({ memoryLimit: '4GB' });
    });
    expect(() => compile(p)).toThrow(/memoryLimit "4GB" is not a memory amount/);
  });

  it('rejects a negative retry count', () => {
    const p = pipeline({ name: 'bad-retry' }, () => {
      echo({ msg: 'x' }).setRetry({ maxRetries: -1 });
    });
    expect(() => compile(p)).toThrow(/maxRetries must be a whole number/);
  });
});
