/**
 * Finds a cycle in a directed graph given as node → nodes it depends on. Iterative, so a
 * chain of a hundred thousand tasks cannot overflow the stack.
 */

/** One cycle as a path that returns to its start (`[a, b, a]`), or undefined. */
export function findCycle(edges: Map<string, string[]>): string[] | undefined {
  const done = new Set<string>();
  for (const start of edges.keys()) {
    if (done.has(start)) continue;
    const onPath = new Map<string, number>();
    const path: string[] = [];
    const pending: { node: string; next: number }[] = [{ node: start, next: 0 }];
    onPath.set(start, 0);
    path.push(start);
    while (pending.length > 0) {
      const frame = pending[pending.length - 1];
      if (frame === undefined) break;
      const neighbours = edges.get(frame.node) ?? [];
      const neighbour = neighbours[frame.next++];
      if (neighbour === undefined) {
        pending.pop();
        path.pop();
        onPath.delete(frame.node);
        done.add(frame.node);
        continue;
      }
      const seenAt = onPath.get(neighbour);
      if (seenAt !== undefined) return [...path.slice(seenAt), neighbour];
      if (done.has(neighbour) || !edges.has(neighbour)) continue;
      onPath.set(neighbour, path.length);
      path.push(neighbour);
      pending.push({ node: neighbour, next: 0 });
    }
  }
  return undefined;
}
