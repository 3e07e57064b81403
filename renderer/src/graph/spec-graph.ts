/**
 * The task tree of a KFP PipelineSpec (IR): each DAG's tasks, their sub-DAGs (conditions,
 * loops, nested pipelines, exit handlers) and the edges between tasks of the same DAG.
 */

export type SpecTaskKind = 'container' | 'importer' | 'dag' | 'loop';
export type GroupKind = 'condition' | 'branches' | 'loop' | 'nested' | 'exit-handler';

export interface SpecEdge {
  from: string;
  to: string;
  /** True when `to` reads an output of `from`; false for a bare `.after()` ordering. */
  data: boolean;
}

export interface SpecTask {
  key: string;
  displayName: string;
  kind: SpecTaskKind;
  componentName: string;
  /** For DAG and loop tasks: what kind of group the sub-DAG is. */
  group?: GroupKind;
  /** triggerPolicy.condition, with KFP's pipelinechannel noise taken out. */
  condition?: string;
  /** Runs once its upstream tasks finish, whatever their state (exit tasks). */
  runsOnExit: boolean;
  /** Raw loop items, when the spec lists them (`parameterIterator.items.raw`). */
  iterationCount?: number;
  children: SpecTask[];
  edges: SpecEdge[];
}

export interface SpecGraph {
  name: string;
  tasks: SpecTask[];
  edges: SpecEdge[];
}

type Json = Record<string, unknown>;

const MAX_DEPTH = 32;

function obj(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Json)
    : {};
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The PipelineSpec, also when KFP wraps it as `{pipeline_spec, platform_spec}`. */
export function unwrapSpec(spec: Json): Json {
  return 'pipeline_spec' in spec && !('root' in spec) ? obj(spec['pipeline_spec']) : spec;
}

export function specGraph(input: Json): SpecGraph {
  const spec = unwrapSpec(input);
  const components = obj(spec['components']);
  const executors = obj(obj(spec['deploymentSpec'])['executors']);
  const name =
    str(obj(spec['pipelineInfo'])['displayName']) ??
    str(obj(spec['pipelineInfo'])['name']) ??
    'pipeline';

  function dagOf(dag: unknown, depth: number): { tasks: SpecTask[]; edges: SpecEdge[] } {
    const tasks = obj(obj(dag)['tasks']);
    const keys = Object.keys(tasks);
    const list = keys.map((key) => taskOf(key, obj(tasks[key]), depth));
    return { tasks: list, edges: edgesOf(tasks, new Set(keys)) };
  }

  function taskOf(key: string, task: Json, depth: number): SpecTask {
    const componentName = str(obj(task['componentRef'])['name']) ?? '';
    const component = obj(components[componentName]);
    const trigger = obj(task['triggerPolicy']);
    const condition = str(trigger['condition']);
    const result: SpecTask = {
      key,
      displayName: str(obj(task['taskInfo'])['name']) ?? key,
      kind: 'container',
      componentName,
      runsOnExit: trigger['strategy'] === 'ALL_UPSTREAM_TASKS_COMPLETED',
      children: [],
      edges: [],
      ...(condition ? { condition: readableCondition(condition) } : {}),
    };
    const iterator = task['parameterIterator'] ?? task['artifactIterator'];
    if (component['dag'] !== undefined) {
      result.kind = iterator === undefined ? 'dag' : 'loop';
      result.group = groupKind(componentName, iterator !== undefined, condition);
      const count = rawCount(obj(obj(iterator)['items'])['raw']);
      if (count !== undefined) result.iterationCount = count;
      // A component that (wrongly) contains itself would recurse forever: stop deep down.
      if (depth < MAX_DEPTH) Object.assign(result, toChildren(dagOf(component['dag'], depth + 1)));
    } else {
      const label = str(component['executorLabel']) ?? '';
      if (obj(executors[label])['importer'] !== undefined) result.kind = 'importer';
    }
    return result;
  }

  const root = dagOf(obj(spec['root'])['dag'], 0);
  return { name, tasks: root.tasks, edges: root.edges };
}

function toChildren(dag: { tasks: SpecTask[]; edges: SpecEdge[] }) {
  return { children: dag.tasks, edges: dag.edges };
}

function groupKind(component: string, loop: boolean, condition?: string): GroupKind {
  if (loop) return 'loop';
  if (/^comp-condition-branches-\d+$/.test(component)) return 'branches';
  if (/^comp-exit-handler-\d+$/.test(component)) return 'exit-handler';
  if (condition !== undefined || /^comp-condition-\d+$/.test(component)) return 'condition';
  return 'nested';
}

/** Edges into each task: `dependentTasks` plus the producers its inputs read. */
function edgesOf(tasks: Json, keys: Set<string>): SpecEdge[] {
  const edges: SpecEdge[] = [];
  for (const [to, value] of Object.entries(tasks)) {
    const task = obj(value);
    const inputs = obj(task['inputs']);
    const data = new Set<string>();
    for (const input of Object.values(obj(inputs['parameters']))) {
      const producer =
        str(obj(obj(input)['taskOutputParameter'])['producerTask']) ??
        str(obj(obj(input)['taskFinalStatus'])['producerTask']);
      if (producer) data.add(producer);
    }
    for (const input of Object.values(obj(inputs['artifacts']))) {
      const producer = str(obj(obj(input)['taskOutputArtifact'])['producerTask']);
      if (producer) data.add(producer);
    }
    const order = Array.isArray(task['dependentTasks']) ? task['dependentTasks'] : [];
    const from = new Set([...data, ...order.filter((d): d is string => typeof d === 'string')]);
    for (const producer of from) {
      if (producer !== to && keys.has(producer))
        edges.push({ from: producer, to, data: data.has(producer) });
    }
  }
  return edges;
}

function rawCount(raw: unknown): number | undefined {
  if (typeof raw !== 'string') return Array.isArray(raw) ? raw.length : undefined;
  try {
    const list: unknown = JSON.parse(raw);
    return Array.isArray(list) ? list.length : undefined;
  } catch {
    return undefined;
  }
}

/** `inputs.parameter_values['pipelinechannel--flip-coin-Output'] == 'heads'` → `flip-coin-Output == 'heads'`. */
export function readableCondition(condition: string): string {
  return condition
    .replace(/inputs\.parameter_values\[['"](?:pipelinechannel--)?([^'"]+)['"]\]/g, '$1')
    .replace(/int\(([^()]+)\)/g, '$1');
}
