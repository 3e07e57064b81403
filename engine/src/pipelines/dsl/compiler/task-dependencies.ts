import { SkiffError } from '../../../core/errors.js';
import type { Channel } from '../channel.js';
import type { GroupIO } from './group-io.js';
import { argumentChannels, type PipelineGraph } from './pipeline-graph.js';

/**
 * `dependentTasks` for every task and group (KFP's `get_dependencies`): when a task reads
 * from or runs after another, the first groups their paths don't share depend on each
 * other. Also rejects what KFP rejects: reaching into a condition or exit handler from
 * outside, reading a loop's output without `collected()`, and cycles.
 */
export function taskDependencies(graph: PipelineGraph, io: GroupIO): Map<string, Set<string>> {
  const dependencies = new Map<string, Set<string>>();
  for (const task of graph.tasks) {
    const dataChannels: Channel[] = [...argumentChannels(task), ...graph.conditionChannelsOf(task)];
    const upstream = new Map<string, boolean>(); // producer → passes data without collected()
    for (const channel of dataChannels) {
      const producer = io.producerOf(channel);
      if (producer === undefined) continue;
      const direct = channel.source !== 'collected';
      upstream.set(producer, (upstream.get(producer) ?? false) || direct);
    }
    for (const after of task.upstream) {
      if (after.isExitTask) {
        throw new SkiffError(
          'INVALID_ARGUMENT',
          `Task "${task.name}" cannot run after exit task "${after.name}": exit tasks run last.`,
        );
      }
      if (!upstream.has(after.name)) upstream.set(after.name, false);
    }
    for (const [producer, passesData] of upstream) {
      const [up, down] = graph.uncommonAncestors(producer, task.name);
      const enclosing = up.length > 1 && up[0] !== undefined ? graph.group(up[0]) : undefined;
      if (
        enclosing?.kind === 'condition' ||
        enclosing?.kind === 'condition-branches' ||
        enclosing?.kind === 'exit-handler'
      ) {
        throw new SkiffError(
          'INVALID_ARGUMENT',
          `Task "${task.name}" depends on "${producer}", which is inside ${enclosing.name} while ` +
            `"${task.name}" is not. A task can only depend on tasks inside a condition or exit ` +
            'handler from within that same block.',
        );
      }
      if (enclosing?.kind === 'for-loop' && passesData) {
        throw new SkiffError(
          'INVALID_ARGUMENT',
          `Task "${task.name}" reads an output of "${producer}", which runs once per item of ` +
            `${enclosing.name}. Wrap the output in collected(...) to get every iteration's value as a list.`,
        );
      }
      const [from, to] = [down[0], up[0]];
      if (from === undefined || to === undefined) continue;
      let set = dependencies.get(from);
      if (set === undefined) dependencies.set(from, (set = new Set()));
      set.add(to);
    }
  }
  rejectCycles(dependencies);
  return dependencies;
}

function rejectCycles(dependencies: ReadonlyMap<string, ReadonlySet<string>>): void {
  const state = new Map<string, 'visiting' | 'done'>();
  const trail: string[] = [];
  const visit = (node: string): void => {
    if (state.get(node) === 'done') return;
    if (state.get(node) === 'visiting') {
      const cycle = [...trail.slice(trail.indexOf(node)), node].join(' → ');
      throw new SkiffError(
        'INVALID_ARGUMENT',
        `The pipeline has a dependency cycle: ${cycle}. Check the .after() calls.`,
      );
    }
    state.set(node, 'visiting');
    trail.push(node);
    for (const next of dependencies.get(node) ?? []) visit(next);
    trail.pop();
    state.set(node, 'done');
  };
  for (const node of dependencies.keys()) visit(node);
}
