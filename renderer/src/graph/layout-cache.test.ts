import { describe, expect, it } from 'vitest';
import type { GraphTask } from './graph-task';
import { buildView } from './graph-view';
import { createLayoutCache } from './layout-cache';
import { specGraph } from './spec-graph';
import { layeredSpec } from './testing/spec-fixtures';

const graph = specGraph(layeredSpec(2, 2));
const task = (state: string): GraphTask => ({
  taskId: 'a',
  name: 'task-0-0',
  displayName: 'task-0-0',
  state,
  cached: false,
});

describe('createLayoutCache', () => {
  it('keeps positions and swaps in new states when only states change', () => {
    const layout = createLayoutCache();
    const first = layout(buildView(graph, [task('RUNNING')]), graph);
    const second = layout(buildView(graph, [task('SUCCEEDED')]), graph);
    expect(second.edges).toBe(first.edges);
    const placed = second.nodes.find((n) => n.node.id === 'task-0-0');
    expect(placed?.x).toBe(first.nodes.find((n) => n.node.id === 'task-0-0')?.x);
    expect(placed?.node.task?.state).toBe('SUCCEEDED');
  });

  it('lays out again when a group folds', () => {
    const nested = specGraph({
      components: { 'comp-g': { dag: { tasks: { x: { componentRef: { name: 'comp-x' } } } } } },
      root: { dag: { tasks: { g: { componentRef: { name: 'comp-g' } } } } },
    });
    const layout = createLayoutCache();
    expect(layout(buildView(nested), nested).nodes).toHaveLength(2);
    expect(layout(buildView(nested, [], { g: false }), nested).nodes).toHaveLength(1);
  });
});
