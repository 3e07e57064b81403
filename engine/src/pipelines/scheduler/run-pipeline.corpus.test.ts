import { afterAll, describe, expect, it } from 'vitest';
import type { ParameterType, PipelineSpec, ProtoValue } from '../ir/pipeline-spec.js';
import {
  corpusAvailable,
  explainCorpusSkip,
  listCorpusFiles,
  loadCorpusSpec,
} from './testing/corpus.js';
import { removeHarnessRoots, runHarness } from './testing/scheduler-harness.js';
import { ScriptedExecutor, type ScriptedRun } from './testing/scripted-executor.js';

afterAll(removeHarnessRoots);
explainCorpusSkip();

const SAMPLE: Partial<Record<ParameterType, ProtoValue>> = {
  STRING: 'heads',
  NUMBER_INTEGER: 7,
  NUMBER_DOUBLE: 1.5,
  BOOLEAN: true,
  LIST: [
    { a: 1, A_a: 'x', B_b: 'y' },
    { a: 2, A_a: 'z', B_b: 'w' },
  ],
  STRUCT: { a: 1 },
};

/** Writes a sample value of the declared type for every output, and a file for every artifact. */
function genericComponent(spec: PipelineSpec) {
  return async (run: ScriptedRun): Promise<number> => {
    const component = spec.components?.[run.spec.labels?.['skiff.component'] ?? ''];
    for (const [name, output] of Object.entries(component?.outputDefinitions?.parameters ?? {})) {
      run.output(name, SAMPLE[output.parameterType] ?? null);
    }
    for (const name of Object.keys(component?.outputDefinitions?.artifacts ?? {}))
      await run.artifact(name, `${name}\n`);
    return run.task.startsWith('fail') ? 1 : 0;
  };
}

/** Pipelines that must fail: a component named fail*, or a pipeline input artifact no run can give. */
const EXPECTED_FAILURES: Record<string, RegExp> = {
  'failing/fail_v2.yaml': /Task "fail" failed: the container exited with code 1/,
  'failing/pipeline_with_multiple_exit_handlers.yaml':
    /Task "fail-op" \(in exit-handler-1\) failed/,
  'pipeline_with_task_final_status.yaml': /Task "fail-op" \(in exit-handler-1\) failed/,
  'component_with_metadata_fields.yaml': /required input artifact "dataset_a" has no value/,
  'pipeline_with_metadata_fields.yaml': /required input artifact "dataset_b" has no value/,
  'pipeline_with_various_io_types.yaml': /required input artifact "input_3" has no value/,
};

const files = listCorpusFiles().filter((file) => {
  try {
    loadCorpusSpec(file);
    return true;
  } catch {
    return false;
  }
});

describe.skipIf(!corpusAvailable)('every parseable corpus pipeline', () => {
  it.each(files)('%s runs to its expected end with every task settled', async (file) => {
    const spec = loadCorpusSpec(file);
    const executor = new ScriptedExecutor(genericComponent(spec));
    const { outcome, recorder } = await runHarness({
      spec,
      executor,
      parameters: requiredParameters(spec),
    });
    const expectedFailure = EXPECTED_FAILURES[file];
    if (expectedFailure === undefined) {
      expect(outcome.error?.message ?? '').toBe('');
      expect(outcome.state).toBe('SUCCEEDED');
    } else {
      expect(outcome.state).toBe('FAILED');
      expect(outcome.error?.message).toMatch(expectedFailure);
    }
    for (const task of recorder.all()) {
      expect(['SUCCEEDED', 'FAILED', 'SKIPPED'], `${file} ${task.name}`).toContain(task.state);
      if (task.parentTaskId !== undefined) expect(recorder.tasks.has(task.parentTaskId)).toBe(true);
    }
  });
});

/** Sample values for required pipeline parameters that have no default. */
function requiredParameters(spec: PipelineSpec): Record<string, ProtoValue> {
  const entries = Object.entries(spec.root.inputDefinitions?.parameters ?? {})
    .filter(([, p]) => p.defaultValue === undefined && p.isOptional !== true)
    .map(([name, p]) => [name, SAMPLE[p.parameterType] ?? null] as const);
  return Object.fromEntries(entries);
}
