import { describe, expect, it } from 'vitest';
import { GROUP_HEADER, layoutGraph, NODE_HEIGHT, NODE_WIDTH } from './graph-layout';
import { buildView } from './graph-view';
import { specGraph } from './spec-graph';
import { controlFlowSpec, layeredSpec } from './testing/spec-fixtures';

describe('layoutGraph', () => {
  it('puts a consumer below its producer and routes the edge between them', () => {
    const result = layoutGraph(buildView(specGraph(layeredSpec(2, 1))));
    const [a, b] = result.nodes;
    expect(a?.width).toBe(NODE_WIDTH);
    expect(a?.height).toBe(NODE_HEIGHT);
    expect((b?.y ?? 0) > (a?.y ?? 0) + NODE_HEIGHT).toBe(true);
    expect(result.edges).toHaveLength(1);
    expect(result.edges[0]?.points.length).toBeGreaterThanOrEqual(2);
  });

  it('places the tasks of an unfolded group inside its box, under its header', () => {
    const result = layoutGraph(buildView(specGraph(controlFlowSpec())));
    const group = result.nodes.find((n) => n.node.id === 'exit-handler-1');
    const inner = result.nodes.find((n) => n.node.id === 'exit-handler-1/flip-coin');
    expect(group && inner).toBeTruthy();
    if (!group || !inner) return;
    expect(inner.depth).toBe(group.depth + 1);
    expect(inner.y).toBeGreaterThanOrEqual(group.y + GROUP_HEADER);
    expect(inner.x + inner.width).toBeLessThanOrEqual(group.x + group.width);
    expect(inner.y + inner.height).toBeLessThanOrEqual(group.y + group.height);
    expect(result.nodes.indexOf(group)).toBeLessThan(result.nodes.indexOf(inner));
  });

  it('lays tasks without edges out as a grid, not one long row', () => {
    const result = layoutGraph(buildView(specGraph(layeredSpec(1, 16))));
    expect(result.width).toBeLessThan(16 * NODE_WIDTH);
    expect(result.height).toBeGreaterThan(NODE_HEIGHT);
  });

  it('lays out a 200-task pipeline in well under 500 ms', () => {
    const graph = specGraph(layeredSpec(20, 10));
    const started = performance.now();
    const result = layoutGraph(buildView(graph));
    const elapsed = performance.now() - started;
    expect(result.nodes).toHaveLength(200);
    expect(result.edges.length).toBeGreaterThan(190);
    expect(elapsed).toBeLessThan(400);
  });
});
