/**
 * Positions for a view: every DAG level is laid out on its own with dagre (edges only join
 * tasks of one DAG), an unfolded group takes the size of its inner layout, and a level
 * without edges (loop iterations, independent tasks) is a grid rather than one long row.
 */
import { graphlib, layout, type EdgeLabel, type GraphLabel, type NodeLabel } from '@dagrejs/dagre';
import type { ViewLevel, ViewNode } from './graph-view';

export interface Point {
  x: number;
  y: number;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PlacedNode extends Box {
  node: ViewNode;
  depth: number;
}

export interface PlacedEdge {
  id: string;
  from: string;
  to: string;
  data: boolean;
  points: Point[];
}

export interface GraphLayout {
  /** Parents before their children, so groups are drawn under their tasks. */
  nodes: PlacedNode[];
  edges: PlacedEdge[];
  width: number;
  height: number;
}

export const NODE_WIDTH = 216;
export const NODE_HEIGHT = 56;
export const FOLDED_GROUP_HEIGHT = 64;
/** Room for an unfolded group's header above its tasks. */
export const GROUP_HEADER = 40;
const PADDING = 16;
const GAP = 24;
const RANK_GAP = 44;
const BIG_LEVEL = 50;

interface LevelLayout {
  width: number;
  height: number;
  /** Children relative to the level's top-left corner. */
  placed: { node: ViewNode; box: Box; inner?: LevelLayout }[];
  edges: PlacedEdge[];
}

export function layoutGraph(view: ViewLevel): GraphLayout {
  const root = layoutLevel(view.nodes, view.edges);
  const nodes: PlacedNode[] = [];
  const edges: PlacedEdge[] = [];
  place(root, 0, 0, 0, nodes, edges);
  return { nodes, edges, width: root.width, height: root.height };
}

function place(
  level: LevelLayout,
  dx: number,
  dy: number,
  depth: number,
  nodes: PlacedNode[],
  edges: PlacedEdge[],
): void {
  for (const e of level.edges)
    edges.push({ ...e, points: e.points.map((p) => ({ x: p.x + dx, y: p.y + dy })) });
  // Reading order (top to bottom, left to right) is also the DOM and Tab order.
  const ordered = [...level.placed].sort((a, b) => a.box.y - b.box.y || a.box.x - b.box.x);
  for (const { node, box, inner } of ordered) {
    const x = box.x + dx;
    const y = box.y + dy;
    nodes.push({ node, depth, x, y, width: box.width, height: box.height });
    if (inner) place(inner, x + PADDING, y + GROUP_HEADER, depth + 1, nodes, edges);
  }
}

function sizeOf(node: ViewNode): { width: number; height: number; inner?: LevelLayout } {
  if (node.type === 'task') return { width: NODE_WIDTH, height: NODE_HEIGHT };
  if (!node.expanded || node.children.length === 0)
    return { width: NODE_WIDTH + 24, height: FOLDED_GROUP_HEIGHT };
  const inner = layoutLevel(node.children, node.edges);
  return {
    width: Math.max(NODE_WIDTH + 24, inner.width + 2 * PADDING),
    height: inner.height + GROUP_HEADER + PADDING,
    inner,
  };
}

function layoutLevel(nodes: ViewNode[], viewEdges: ViewLevel['edges']): LevelLayout {
  const sized = nodes.map((node) => ({ node, ...sizeOf(node) }));
  if (viewEdges.length === 0) return gridLevel(sized);
  const g = new graphlib.Graph<GraphLabel, NodeLabel, EdgeLabel>();
  // network-simplex draws small DAGs best but costs ~4× more on big ones.
  const ranker = sized.length > BIG_LEVEL ? 'tight-tree' : 'network-simplex';
  g.setGraph({ rankdir: 'TB', nodesep: GAP, ranksep: RANK_GAP, marginx: 0, marginy: 0, ranker });
  g.setDefaultEdgeLabel(() => ({}));
  for (const s of sized) g.setNode(s.node.id, { width: s.width, height: s.height });
  for (const e of viewEdges) g.setEdge(e.from, e.to);
  layout(g);
  const placed = sized.map((s) => {
    const label = g.node(s.node.id);
    const box = { x: (label.x ?? 0) - s.width / 2, y: (label.y ?? 0) - s.height / 2, ...dims(s) };
    return s.inner ? { node: s.node, box, inner: s.inner } : { node: s.node, box };
  });
  const edges = viewEdges.map((e) => {
    const label = g.edge(e.from, e.to) as EdgeLabel | undefined;
    return { id: `${e.from}->${e.to}`, ...e, points: label?.points ?? [] };
  });
  const size = g.graph();
  return { width: size.width ?? 0, height: size.height ?? 0, placed, edges };
}

function dims(s: { width: number; height: number }): { width: number; height: number } {
  return { width: s.width, height: s.height };
}

/** Rows of roughly equal count, wider than tall, each row as high as its tallest node. */
function gridLevel(
  sized: { node: ViewNode; width: number; height: number; inner?: LevelLayout }[],
): LevelLayout {
  const columns = Math.max(1, Math.ceil(Math.sqrt(sized.length * 2)));
  const placed: LevelLayout['placed'] = [];
  let y = 0;
  let width = 0;
  for (let start = 0; start < sized.length; start += columns) {
    const row = sized.slice(start, start + columns);
    let x = 0;
    let rowHeight = 0;
    for (const s of row) {
      const box = { x, y, ...dims(s) };
      placed.push(s.inner ? { node: s.node, box, inner: s.inner } : { node: s.node, box });
      x += s.width + GAP;
      rowHeight = Math.max(rowHeight, s.height);
    }
    width = Math.max(width, x - GAP);
    y += rowHeight + GAP;
  }
  return { width, height: Math.max(0, y - GAP), placed, edges: [] };
}
