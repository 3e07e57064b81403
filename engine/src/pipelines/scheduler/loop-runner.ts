/**
 * dsl.ParallelFor: one iteration of the loop component's DAG per item (`raw` JSON, an
 * input LIST or JSON string, or an artifact list), at most `parallelismLimit` at once.
 * Outputs fan in like dsl.Collected: parameters become a list in iteration order (only
 * iterations that produced them), artifact lists are concatenated.
 */
import { SkiffError } from '../../core/errors.js';
import type { ComponentSpec, PipelineTaskSpec, ProtoValue } from '../ir/pipeline-spec.js';
import { runDag, type DagOutcome } from './dag-runner.js';
import type { RunContext } from './run-context.js';
import type { ArtifactRef, TaskIo } from './run-model.js';
import type { TaskOutcome } from './task-outcome.js';
import { settle } from './task-node.js';
import type { TrackedTask } from './task-tracker.js';

export interface LoopTask {
  task: TrackedTask;
  spec: PipelineTaskSpec;
  component: ComponentSpec;
  inputs: TaskIo;
  path: readonly string[];
}

type Item = { parameter: ProtoValue } | { artifact: ArtifactRef };

export async function runLoop(ctx: RunContext, loop: LoopTask): Promise<TaskOutcome> {
  const dag = loop.component.dag;
  if (dag === undefined)
    throw new SkiffError('INVALID_ARGUMENT', 'A loop task needs a DAG component.');
  const items = loopItems(loop.spec, loop.inputs);
  const itemInput =
    loop.spec.parameterIterator?.itemInput ?? loop.spec.artifactIterator?.itemInput ?? '';
  loop.task.start();
  const iterations = items.map((_, index) =>
    ctx.tracker.create({
      name: loop.task.record.name,
      displayName: loop.task.record.displayName,
      kind: 'iteration',
      parentTaskId: loop.task.taskId,
      iterationIndex: index,
    }),
  );
  const outcomes: (DagOutcome | undefined)[] = items.map(() => undefined);
  const limit = loop.spec.iteratorPolicy?.parallelismLimit;
  const workers = Math.max(
    1,
    Math.min(items.length, limit !== undefined && limit > 0 ? limit : items.length),
  );
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      const iteration = iterations[index];
      const item = items[index];
      if (iteration === undefined || item === undefined) continue;
      outcomes[index] = await runIteration(
        ctx,
        loop,
        iteration,
        index,
        bind(loop.inputs, itemInput, item),
      );
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
  const finished = outcomes.filter((outcome): outcome is DagOutcome => outcome !== undefined);
  const outputs = collectIterations(loop.component, finished);
  const canceled = finished.find((outcome) => outcome.state === 'CANCELED');
  if (canceled !== undefined)
    return settle(loop.task, 'CANCELED', {
      outputs,
      ...(canceled.error ? { error: canceled.error } : {}),
    });
  const failed = finished.find((outcome) => outcome.state === 'FAILED');
  if (failed !== undefined)
    return settle(loop.task, 'FAILED', {
      outputs,
      ...(failed.error ? { error: failed.error } : {}),
    });
  return settle(loop.task, 'SUCCEEDED', { outputs });
}

async function runIteration(
  ctx: RunContext,
  loop: LoopTask,
  iteration: TrackedTask,
  index: number,
  inputs: TaskIo,
): Promise<DagOutcome> {
  if (ctx.signal.aborted) {
    iteration.finish('CANCELED');
    return { state: 'CANCELED', outputs: { parameters: {}, artifacts: {} } };
  }
  iteration.update({ inputs });
  iteration.start();
  const path = [...loop.path, `iteration-${index}`];
  const outcome = await runDag(ctx, loop.component.dag ?? { tasks: {} }, {
    path,
    parentTaskId: iteration.taskId,
    inputs,
  });
  iteration.finish(outcome.state, {
    outputs: outcome.outputs,
    ...(outcome.error ? { error: outcome.error } : {}),
  });
  return outcome;
}

export function loopItems(spec: PipelineTaskSpec, inputs: TaskIo): Item[] {
  if (spec.artifactIterator !== undefined) {
    const name = spec.artifactIterator.items.inputArtifact;
    const list = inputs.artifacts[name];
    if (list === undefined) {
      throw new SkiffError(
        'FAILED_PRECONDITION',
        `The loop has no artifact list "${name}" to iterate over.`,
      );
    }
    return list.map((artifact) => ({ artifact }));
  }
  const items = spec.parameterIterator?.items;
  if (items === undefined)
    throw new SkiffError('INVALID_ARGUMENT', 'The loop task has no iterator.');
  const source =
    items.raw ??
    (items.inputParameter === undefined ? undefined : inputs.parameters[items.inputParameter]);
  const what = items.raw !== undefined ? 'its raw items' : `input "${items.inputParameter ?? ''}"`;
  if (source === undefined)
    throw new SkiffError('FAILED_PRECONDITION', `The loop has no value for ${what}.`);
  let list: unknown = source;
  if (typeof source === 'string') {
    try {
      list = JSON.parse(source);
    } catch {
      list = undefined;
    }
  }
  if (!Array.isArray(list)) {
    throw new SkiffError(
      'INVALID_ARGUMENT',
      `The loop cannot iterate over ${what}: it is not a list (${JSON.stringify(source).slice(0, 80)}).`,
    );
  }
  return (list as ProtoValue[]).map((parameter) => ({ parameter }));
}

function bind(inputs: TaskIo, itemInput: string, item: Item): TaskIo {
  if ('artifact' in item)
    return {
      parameters: { ...inputs.parameters },
      artifacts: { ...inputs.artifacts, [itemInput]: [item.artifact] },
    };
  return {
    parameters: { ...inputs.parameters, [itemInput]: item.parameter },
    artifacts: { ...inputs.artifacts },
  };
}

/** dsl.Collected: per-iteration values in iteration order; artifact lists flattened. */
export function collectIterations(
  component: ComponentSpec,
  iterations: readonly DagOutcome[],
): TaskIo {
  const parameters: Record<string, ProtoValue> = {};
  for (const name of Object.keys(component.dag?.outputs?.parameters ?? {})) {
    parameters[name] = iterations.flatMap((it) =>
      it.outputs.parameters[name] === undefined ? [] : [it.outputs.parameters[name]],
    );
  }
  const artifacts: Record<string, ArtifactRef[]> = {};
  for (const name of Object.keys(component.dag?.outputs?.artifacts ?? {})) {
    artifacts[name] = iterations.flatMap((it) => it.outputs.artifacts[name] ?? []);
  }
  return { parameters, artifacts };
}
