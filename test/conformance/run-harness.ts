import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LaunchedEngine } from '../../engine/src/launch.js';
import type { ProtoValue } from '../../engine/src/pipelines/ir/pipeline-spec.js';
import { readPipelinePackage } from '../../engine/src/pipelines/ir/package-reader.js';
import type { TaskRecord } from '../../engine/src/pipelines/scheduler/run-model.js';
import { KFP_IR_VALID } from '../support/corpus.js';

export interface FinishedRun {
  runId: string;
  state: string;
  error?: { message?: string };
  tasks: TaskRecord[];
  /** Leaf and group tasks by display name (several for loop iterations). */
  named(displayName: string): TaskRecord[];
  /** The single task with this display name. */
  task(displayName: string): TaskRecord;
}

/** Creates a run of a corpus pipeline through the KFP API and waits for it to end. */
export async function runCorpusPipeline(
  engine: LaunchedEngine,
  token: string,
  file: string,
  parameters: Record<string, ProtoValue> = {},
): Promise<FinishedRun> {
  const pkg = readPipelinePackage(readFileSync(join(KFP_IR_VALID, file)), file);
  const pipelineSpec = pkg.platformSpec
    ? { pipeline_spec: pkg.pipelineSpec, platform_spec: pkg.platformSpec }
    : pkg.pipelineSpec;
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const created = await fetch(`${engine.url}/apis/v2beta1/runs`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      display_name: file,
      pipeline_spec: pipelineSpec,
      runtime_config: { parameters },
    }),
  });
  const body = (await created.json()) as { run_id?: string; message?: string };
  if (!created.ok || !body.run_id)
    throw new Error(`creating a run of ${file} answered ${created.status}: ${body.message ?? ''}`);
  const runId = body.run_id;
  await engine.engine.pipelines.launcher.settled(runId);
  const run = (await (
    await fetch(`${engine.url}/apis/v2beta1/runs/${runId}`, { headers })
  ).json()) as {
    state: string;
    error?: { message?: string };
  };
  const tasks = engine.engine.pipelines.tasks.listByRun(runId);
  const named = (displayName: string): TaskRecord[] =>
    tasks.filter((t) => t.displayName === displayName);
  return {
    runId,
    state: run.state,
    ...(run.error ? { error: run.error } : {}),
    tasks,
    named,
    task(displayName) {
      const found = named(displayName);
      if (found.length !== 1) {
        throw new Error(
          `expected one task "${displayName}", found ${found.length}: ${tasks.map((t) => t.displayName).join(', ')}`,
        );
      }
      return found[0] as TaskRecord;
    },
  };
}

/** Why a run ended as it did, for assertion messages. */
export function describeRun(run: FinishedRun): string {
  const failed = run.tasks
    .filter((t) => t.state === 'FAILED')
    .map((t) => `${t.displayName}: ${t.error?.message ?? '?'}`);
  return `${run.state}${run.error?.message ? ` (${run.error.message})` : ''}${failed.length ? `; failed: ${failed.join(' | ')}` : ''}`;
}
