/**
 * What the graph shows: the spec's task tree joined with a run's tasks, groups folded or
 * unfolded, loop iterations as their own groups. Edges always join tasks of one DAG.
 */
import type { GraphTask } from './graph-task';
import type { GroupKind, SpecEdge, SpecGraph, SpecTask, SpecTaskKind } from './spec-graph';
import { stateSummary } from './task-status';

export interface ViewNode {
  /** Unique in the graph: the path of task keys, with `#i` for a loop iteration. */
  id: string;
  key: string;
  label: string;
  type: 'task' | 'group' | 'iteration';
  taskKind: SpecTaskKind;
  group?: GroupKind;
  componentName: string;
  condition?: string;
  runsOnExit: boolean;
  task?: GraphTask;
  iterationIndex?: number;
  /** A loop's iterations: the run's, else the spec's raw item count. */
  count?: number;
  /** For groups: "4 succeeded · 1 running", or "3 tasks" before a run. */
  summary?: string;
  expanded: boolean;
  /** Shown children, empty while folded. */
  children: ViewNode[];
  /** Between children, by id. */
  edges: SpecEdge[];
}

/** The top-level nodes and the edges between them. */
export interface ViewLevel {
  nodes: ViewNode[];
  edges: SpecEdge[];
}

/** Folded or unfolded by the user, by node id; everything else uses the defaults. */
export type ExpandedOverrides = Readonly<Record<string, boolean>>;

/** Iterations unfold by default only when there are few of them. */
const UNFOLDED_ITERATIONS = 4;

interface TaskIndex {
  byParent: Map<string, GraphTask[]>;
}

function indexTasks(tasks: readonly GraphTask[]): TaskIndex {
  const ids = new Set(tasks.map((t) => t.taskId));
  const byParent = new Map<string, GraphTask[]>();
  for (const task of tasks) {
    // Tasks whose parent is unknown (e.g. a root DAG record KFP adds) sit at the top.
    const parent = task.parentTaskId && ids.has(task.parentTaskId) ? task.parentTaskId : '';
    const list = byParent.get(parent);
    if (list) list.push(task);
    else byParent.set(parent, [task]);
  }
  return { byParent };
}

export function buildView(
  graph: SpecGraph,
  tasks: readonly GraphTask[] = [],
  overrides: ExpandedOverrides = {},
): ViewLevel {
  const index = indexTasks(tasks);
  const hasRun = tasks.length > 0;
  let top = index.byParent.get('') ?? [];
  // A lone root DAG record (remote KFP) holds the real top-level tasks.
  const lone = top.length === 1 && top[0] ? top[0] : undefined;
  if (lone && !graph.tasks.some((t) => t.key === lone.name) && index.byParent.has(lone.taskId))
    top = index.byParent.get(lone.taskId) ?? [];

  function level(
    specTasks: SpecTask[],
    edges: SpecEdge[],
    parentId: string,
    candidates: GraphTask[] | undefined,
  ): ViewLevel {
    const idOf = (key: string) => (parentId ? `${parentId}/${key}` : key);
    const nodes = specTasks.map((spec) => node(spec, idOf(spec.key), match(spec, candidates)));
    const viewEdges = edges.map((e) => ({ ...e, from: idOf(e.from), to: idOf(e.to) }));
    return { nodes, edges: viewEdges };
  }

  function node(spec: SpecTask, id: string, task: GraphTask | undefined): ViewNode {
    const isGroup = spec.kind === 'dag' || spec.kind === 'loop';
    const view: ViewNode = {
      id,
      key: spec.key,
      label: spec.displayName,
      type: isGroup ? 'group' : 'task',
      taskKind: spec.kind,
      componentName: spec.componentName,
      runsOnExit: spec.runsOnExit,
      expanded: isGroup && (overrides[id] ?? true),
      children: [],
      edges: [],
      ...(spec.group ? { group: spec.group } : {}),
      ...(spec.condition ? { condition: spec.condition } : {}),
      ...(task ? { task } : {}),
    };
    if (!isGroup) return view;
    const iterations = spec.kind === 'loop' && task ? iterationsOf(task) : [];
    if (iterations.length > 0) {
      view.count = iterations.length;
      view.summary = stateSummary(iterations.map((t) => t.state));
      if (view.expanded) view.children = iterations.map((it, i) => iteration(spec, id, it, i));
      return view;
    }
    if (spec.iterationCount !== undefined) view.count = spec.iterationCount;
    view.summary = hasRun && task ? leafSummary(spec, task) : taskCount(spec);
    if (view.expanded) unfold(view, spec, task ? index.byParent.get(task.taskId) : undefined);
    return view;
  }

  function iteration(spec: SpecTask, loopId: string, task: GraphTask, i: number): ViewNode {
    const index0 = task.iterationIndex ?? i;
    const id = `${loopId}#${index0}`;
    const view: ViewNode = {
      id,
      key: spec.key,
      label: `Iteration ${index0}`,
      type: 'iteration',
      taskKind: 'dag',
      componentName: spec.componentName,
      runsOnExit: false,
      task,
      iterationIndex: index0,
      summary: leafSummary(spec, task),
      expanded: overrides[id] ?? (spec.children.length > 0 && i < UNFOLDED_ITERATIONS),
      children: [],
      edges: [],
    };
    if (view.expanded) unfold(view, spec, index.byParent.get(task.taskId));
    return view;
  }

  function unfold(view: ViewNode, spec: SpecTask, candidates: GraphTask[] | undefined): void {
    const inner = level(spec.children, spec.edges, view.id, candidates);
    view.children = inner.nodes;
    view.edges = inner.edges;
  }

  function iterationsOf(loop: GraphTask): GraphTask[] {
    const list = index.byParent.get(loop.taskId) ?? [];
    return [...list].sort((a, b) => (a.iterationIndex ?? 0) - (b.iterationIndex ?? 0));
  }

  /** States of the run's container and importer tasks anywhere under `task`. */
  function leafStates(task: GraphTask, out: string[]): string[] {
    for (const child of index.byParent.get(task.taskId) ?? []) {
      const leaf = child.kind ? child.kind === 'container' || child.kind === 'importer' : true;
      if (leaf && !index.byParent.has(child.taskId)) out.push(child.state);
      else leafStates(child, out);
    }
    return out;
  }

  function leafSummary(spec: SpecTask, task: GraphTask): string {
    const states = leafStates(task, []);
    return states.length === 0 ? taskCount(spec) : stateSummary(states);
  }

  return level(graph.tasks, graph.edges, '', hasRun ? top : undefined);
}

function match(spec: SpecTask, candidates: GraphTask[] | undefined): GraphTask | undefined {
  if (!candidates) return undefined;
  return (
    candidates.find((t) => t.name === spec.key && t.kind !== 'iteration') ??
    candidates.find((t) => t.displayName === spec.displayName && t.kind !== 'iteration')
  );
}

function taskCount(spec: SpecTask): string {
  let count = 0;
  const walk = (tasks: SpecTask[]): void => {
    for (const t of tasks) {
      if (t.kind === 'dag' || t.kind === 'loop') walk(t.children);
      else count++;
    }
  };
  walk(spec.children);
  return count === 1 ? '1 task' : `${count} tasks`;
}
