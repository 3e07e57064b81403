import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchEngine, type LaunchedEngine } from '../../engine/src/launch.js';
import { readPipelinePackage } from '../../engine/src/pipelines/ir/package-reader.js';
import type { TaskRecord } from '../../engine/src/pipelines/scheduler/run-model.js';
import { tempHome } from '../support/engine-process.js';
import { hasDocker } from '../support/requirements.js';

const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));

describe.skipIf(!hasDocker())('the scikit-learn example in Docker', () => {
  let engine: LaunchedEngine;
  let headers: Record<string, string>;

  beforeAll(async () => {
    const home = tempHome('skiff-example-');
    engine = await launchEngine({ home, port: 0 });
    headers = {
      authorization: `Bearer ${readFileSync(join(home, 'token'), 'utf8').trim()}`,
      'content-type': 'application/json',
    };
    await engine.engine.updateSettings({ pipelines: { executor: 'docker' } });
  });

  afterAll(async () => {
    await engine.stop();
  });

  async function run(
    file: string,
    parameters: Record<string, unknown>,
  ): Promise<{ state: string; tasks: TaskRecord[] }> {
    const pkg = readPipelinePackage(readFileSync(join(EXAMPLES, file)), file);
    const res = await fetch(`${engine.url}/apis/v2beta1/runs`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        display_name: file,
        pipeline_spec: pkg.pipelineSpec,
        runtime_config: { parameters },
      }),
    });
    const { run_id: runId } = (await res.json()) as { run_id: string };
    await engine.engine.pipelines.launcher.settled(runId);
    const got = (await (
      await fetch(`${engine.url}/apis/v2beta1/runs/${runId}`, { headers })
    ).json()) as { state: string };
    return { state: got.state, tasks: engine.engine.pipelines.tasks.listByRun(runId) };
  }

  const containers = (tasks: TaskRecord[]): TaskRecord[] =>
    tasks.filter((t) => t.kind === 'container');

  it.each(['sklearn-iris/pipeline.yaml', 'sklearn-iris-python/pipeline.yaml'])(
    '%s trains, evaluates and writes Metrics and ClassificationMetrics; a second identical run is fully cached',
    async (file) => {
      const first = await run(file, { test_size: 0.3 });
      expect(first.state).toBe('SUCCEEDED');
      expect(containers(first.tasks)).toHaveLength(4);
      const evaluate = containers(first.tasks).find((t) => /evaluate/.test(t.name));
      const metrics = Object.values(evaluate?.outputs.artifacts ?? {}).flat();
      const scalar = metrics.find((a) => a.type.schemaTitle === 'system.Metrics');
      const classification = metrics.find(
        (a) => a.type.schemaTitle === 'system.ClassificationMetrics',
      );
      expect(scalar?.metadata.accuracy).toEqual(expect.any(Number));
      expect(Number(scalar?.metadata.accuracy)).toBeGreaterThan(0.8);
      expect(classification?.metadata).toHaveProperty('confusionMatrix');
      expect(classification?.metadata).toHaveProperty('confidenceMetrics');

      const second = await run(file, { test_size: 0.3 });
      expect(second.state).toBe('SUCCEEDED');
      expect(
        containers(second.tasks)
          .filter((t) => !t.cached)
          .map((t) => t.name),
      ).toEqual([]);
    },
  );
});
