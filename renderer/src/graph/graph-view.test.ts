import { describe, expect, it } from 'vitest';
import type { GraphTask } from './graph-task';
import { buildView, type ViewNode } from './graph-view';
import { specGraph } from './spec-graph';
import { controlFlowSpec } from './testing/spec-fixtures';

const graph = specGraph(controlFlowSpec());

function find(nodes: ViewNode[], id: string): ViewNode | undefined {
  for (const node of nodes) {
    if (node.id === id) return node;
    const inner = find(node.children, id);
    if (inner) return inner;
  }
  return undefined;
}

const t = (taskId: string, name: string, extra: Partial<GraphTask> = {}): GraphTask => ({
  taskId,
  name,
  displayName: name,
  state: 'SUCCEEDED',
  cached: false,
  ...extra,
});

/** A run of controlFlowSpec part-way through its loop: 2 iterations done, 1 running. */
function runTasks(): GraphTask[] {
  return [
    t('e', 'exit-handler-1', { kind: 'dag', state: 'RUNNING' }),
    t('c', 'cleanup', { state: 'PENDING' }),
    t('f', 'flip-coin', { parentTaskId: 'e', displayName: 'Flip a coin', cached: true }),
    t('k', 'condition-1', { parentTaskId: 'e', kind: 'dag', state: 'RUNNING' }),
    t('n', 'inner-pipeline', { parentTaskId: 'e', kind: 'dag', state: 'SKIPPED' }),
    t('nl', 'load', { parentTaskId: 'n', kind: 'importer', state: 'SKIPPED' }),
    t('l', 'for-loop-2', { parentTaskId: 'k', kind: 'loop', state: 'RUNNING' }),
    ...[0, 1, 2].map((i) =>
      t(`i${i}`, 'for-loop-2', {
        parentTaskId: 'l',
        kind: 'iteration',
        iterationIndex: i,
        state: i === 2 ? 'RUNNING' : 'SUCCEEDED',
      }),
    ),
    ...[0, 1, 2].map((i) =>
      t(`p${i}`, 'print-op', { parentTaskId: `i${i}`, state: i === 2 ? 'RUNNING' : 'SUCCEEDED' }),
    ),
  ];
}

describe('buildView', () => {
  it('shows the spec unfolded with ids by path before a run', () => {
    const view = buildView(graph);
    expect(view.nodes.map((n) => n.id)).toEqual(['exit-handler-1', 'cleanup']);
    expect(view.edges).toEqual([{ from: 'exit-handler-1', to: 'cleanup', data: false }]);
    const loop = find(view.nodes, 'exit-handler-1/condition-1/for-loop-2');
    expect(loop).toMatchObject({ type: 'group', count: 3, summary: '1 task', expanded: true });
    expect(loop?.children.map((n) => n.id)).toEqual([
      'exit-handler-1/condition-1/for-loop-2/print-op',
    ]);
    expect(find(view.nodes, 'exit-handler-1')?.edges[0]).toEqual({
      from: 'exit-handler-1/flip-coin',
      to: 'exit-handler-1/condition-1',
      data: true,
    });
  });

  it('folds a group the user folded and keeps its summary', () => {
    const view = buildView(graph, [], { 'exit-handler-1': false });
    expect(view.nodes[0]).toMatchObject({ expanded: false, children: [], summary: '3 tasks' });
  });

  it('joins run tasks to spec tasks through parents and keys', () => {
    const view = buildView(graph, runTasks());
    expect(find(view.nodes, 'exit-handler-1/flip-coin')?.task?.taskId).toBe('f');
    expect(find(view.nodes, 'cleanup')?.task?.state).toBe('PENDING');
    expect(find(view.nodes, 'exit-handler-1/inner-pipeline/load')?.task?.state).toBe('SKIPPED');
  });

  it('groups loop iterations with their counts and states', () => {
    const view = buildView(graph, runTasks());
    const loop = find(view.nodes, 'exit-handler-1/condition-1/for-loop-2');
    expect(loop).toMatchObject({ count: 3, summary: '1 running · 2 succeeded' });
    expect(loop?.children.map((n) => [n.id, n.type, n.summary])).toEqual([
      ['exit-handler-1/condition-1/for-loop-2#0', 'iteration', '1 succeeded'],
      ['exit-handler-1/condition-1/for-loop-2#1', 'iteration', '1 succeeded'],
      ['exit-handler-1/condition-1/for-loop-2#2', 'iteration', '1 running'],
    ]);
    const body = find(view.nodes, 'exit-handler-1/condition-1/for-loop-2#2/print-op');
    expect(body?.task?.taskId).toBe('p2');
  });

  it('summarises a folded group by the states of the tasks inside it', () => {
    const view = buildView(graph, runTasks(), { 'exit-handler-1': false });
    expect(view.nodes[0]?.summary).toBe('1 running · 3 succeeded · 1 skipped');
  });

  it('folds iterations by default when a loop has many', () => {
    const tasks = runTasks();
    for (let i = 3; i < 8; i++)
      tasks.push(
        t(`i${i}`, 'for-loop-2', { parentTaskId: 'l', kind: 'iteration', iterationIndex: i }),
      );
    const loop = find(buildView(graph, tasks).nodes, 'exit-handler-1/condition-1/for-loop-2');
    expect(loop?.children.map((n) => n.expanded)).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
  });

  it('finds the top tasks under a lone root DAG record', () => {
    const tasks = runTasks().map((task) =>
      task.parentTaskId ? task : { ...task, parentTaskId: 'root' },
    );
    tasks.push(t('root', 'control-flow', { kind: 'dag' }));
    expect(find(buildView(graph, tasks).nodes, 'cleanup')?.task?.taskId).toBe('c');
  });
});
