import { expect } from 'vitest';
import type { TaskRecord } from '../../engine/src/pipelines/scheduler/run-model.js';
import type { RunCase } from './run-cases.js';
import type { FinishedRun } from './run-harness.js';

type Executor = 'process' | 'docker';

/** Corpus pipelines that cannot run on one machine, each with the reason. */
export function runExclusion(file: string, executor: Executor): string | undefined {
  const always: Record<string, string> = {
    'critical/modelcar.yaml':
      'imports a model from an OCI registry (oci://registry.domain.local/…); Skiff is offline',
    'critical/pipeline_with_artifact_upload_download.yaml':
      'downloads a Hugging Face dataset from the internet',
    'critical/pipeline_with_pod_metadata.yaml':
      'reads pod labels and annotations through the Kubernetes downward API',
    'critical/pipeline_with_submit_request.yaml':
      'sends an HTTP request to a remote URL with `requests`; Skiff is offline',
  };
  const dockerOnly: Record<string, string> = {
    'critical/notebook_component_simple.yaml':
      'runs a notebook through nbclient and ipykernel, which local/python-ml:bookworm does not carry (the host Python does)',
  };
  const processOnly: Record<string, string> = {
    'parallel_and_nested/parallel_for_mount_pvc.yaml':
      'mounts a volume at /data, which only a container can see (the Docker executor runs it)',
  };
  return always[file] ?? (executor === 'process' ? processOnly : dockerOnly)[file];
}

const succeeded = (run: FinishedRun, name: string): TaskRecord[] =>
  run.named(name).filter((t) => t.state === 'SUCCEEDED');
const output = (task: TaskRecord, key = 'Output'): unknown => task.outputs.parameters[key];

/** Parameters, expected end state and output checks per corpus pipeline. */
export const RUN_CASES: Record<string, RunCase> = {
  'critical/add_numbers.yaml': {
    parameters: { a: 2, b: 3 },
    state: 'SUCCEEDED',
    check: (run) => expect(output(run.task('add-numbers'))).toBe(5),
  },
  'critical/collected_parameters.yaml': {
    state: 'SUCCEEDED',
    check: (run) => {
      // Three loop iterations prepend an id each; the consumer gets all three as one list.
      const consumers = run.named('consume-ids');
      expect(consumers.length).toBeGreaterThan(0);
      for (const consumer of consumers) {
        const ids = consumer.inputs.parameters.ids as string[];
        expect(ids).toHaveLength(3);
        for (const id of ids) expect(id).toMatch(/^model_id_/);
      }
    },
  },
  'critical/flip_coin.yaml': {
    state: 'SUCCEEDED',
    check: (run) => {
      const side = output(run.task('flip-coin'));
      expect(['heads', 'tails']).toContain(side);
      const [taken, notTaken] =
        side === 'heads' ? ['condition-1', 'condition-4'] : ['condition-4', 'condition-1'];
      expect(run.task(taken).state).toBe('SUCCEEDED');
      expect(run.task(notTaken).state).toBe('SKIPPED');
    },
  },
  'critical/pipeline_with_retry.yaml': {
    state: 'SUCCEEDED',
    check: (run) => expect(run.task('add').state).toBe('SUCCEEDED'),
  },
  'essential/concat_message.yaml': {
    parameters: { message1: 'Hello', message2: 'World' },
    state: 'SUCCEEDED',
    check: (run) => expect(output(run.task('concat-message'))).toBe('HelloWorld'),
  },
  'essential/lightweight_python_functions_with_outputs.yaml': {
    parameters: {
      first_message: 'first',
      first_number: 1,
      second_message: 'second',
      second_number: 2,
    },
    state: 'SUCCEEDED',
  },
  'failing/fail_v2.yaml': {
    state: 'FAILED',
    check: (run) =>
      expect(run.tasks.some((t) => t.state === 'FAILED' && t.kind === 'container')).toBe(true),
  },
  'failing/pipeline_with_multiple_exit_handlers.yaml': {
    state: 'FAILED',
    check: (run) => {
      // Every exit task runs after its handler's group, failed or not.
      for (const exitTask of ['print-op', 'print-op-3', 'print-op-5']) {
        expect(run.tasks.find((t) => t.name === exitTask)?.state, exitTask).toBe('SUCCEEDED');
      }
      expect(run.tasks.find((t) => t.name === 'fail-op')?.state).toBe('FAILED');
    },
  },
  'if_elif_else_complex.yaml': {
    state: 'SUCCEEDED',
    check: (run) => {
      // Each iteration draws a number and takes exactly one of even/odd, so the fan-in
      // of printed results has one entry per iteration.
      const ints = run.task('print-ints').inputs.parameters.ints as unknown[];
      expect(ints.length).toBeGreaterThan(0);
    },
  },
  'pipeline_with_parallelfor_parallelism.yaml': {
    parameters: { loop_parameter: [1, 2, 3] },
    state: 'SUCCEEDED',
  },
  'pipeline_with_task_final_status.yaml': {
    state: 'FAILED',
    check: (run) => expect(succeeded(run, 'exit-op')).toHaveLength(1),
  },
};
