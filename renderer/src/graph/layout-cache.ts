/**
 * Reuses the last layout while only task states change (every task.updated event), so a
 * live 200-task run re-renders without running dagre again. Folding, unfolding or new
 * loop iterations change the structure and lay the graph out anew.
 */
import { layoutGraph, type GraphLayout } from './graph-layout';
import type { ViewLevel, ViewNode } from './graph-view';

export function structureKey(view: ViewLevel): string {
  const parts: string[] = [];
  const walk = (nodes: ViewNode[]): void => {
    for (const node of nodes) {
      parts.push(`${node.id}${node.expanded ? '+' : '-'}${node.children.length}`);
      walk(node.children);
    }
  };
  walk(view.nodes);
  return parts.join('|');
}

/** `owner` is the spec the view came from: the same ids in another spec are laid out anew. */
export function createLayoutCache(): (view: ViewLevel, owner: object) => GraphLayout {
  let lastKey = '';
  let lastOwner: object | undefined;
  let last: GraphLayout | undefined;
  return (view, owner) => {
    const key = structureKey(view);
    if (last && key === lastKey && owner === lastOwner) return rebind(last, view);
    lastKey = key;
    lastOwner = owner;
    last = layoutGraph(view);
    return last;
  };
}

/** The same positions, carrying the new view's nodes (their states and summaries). */
function rebind(layout: GraphLayout, view: ViewLevel): GraphLayout {
  const byId = new Map<string, ViewNode>();
  const walk = (nodes: ViewNode[]): void => {
    for (const node of nodes) {
      byId.set(node.id, node);
      walk(node.children);
    }
  };
  walk(view.nodes);
  return {
    ...layout,
    nodes: layout.nodes.map((placed) => ({
      ...placed,
      node: byId.get(placed.node.id) ?? placed.node,
    })),
  };
}
