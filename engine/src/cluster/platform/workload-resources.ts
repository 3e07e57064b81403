import { isRecord, type KubeObject } from './component-objects.js';

/**
 * The containers a workload runs and what it asks of the node: the laptop-sizing checks and
 * the figures (`scripts/platform-figures.mjs`) read the manifests through this.
 */

export interface WorkloadContainer {
  name: string;
  image: string;
  init: boolean;
  requests: Record<string, string>;
  limits: Record<string, string>;
  record: Record<string, unknown>;
}

export interface PodTemplate {
  spec: Record<string, unknown>;
  /** Copies running at steady state on a one-node cluster (a DaemonSet runs once). */
  replicas: number;
  /** Jobs and CronJobs finish, so they hold no memory at steady state. */
  longRunning: boolean;
}

/** The pod spec a built-in workload kind carries, or undefined for anything else. */
export function podTemplate(object: KubeObject): PodTemplate | undefined {
  const spec = isRecord(object['spec']) ? object['spec'] : undefined;
  const template = (s: unknown): Record<string, unknown> | undefined =>
    isRecord(s) && isRecord(s['template']) && isRecord(s['template']['spec'])
      ? s['template']['spec']
      : undefined;
  const replicas = typeof spec?.['replicas'] === 'number' ? spec['replicas'] : 1;
  switch (object.kind) {
    case 'Pod':
      return spec && { spec, replicas: 1, longRunning: true };
    case 'Deployment':
    case 'StatefulSet':
    case 'ReplicaSet': {
      const pod = template(spec);
      return pod && { spec: pod, replicas, longRunning: true };
    }
    case 'DaemonSet': {
      const pod = template(spec);
      return pod && { spec: pod, replicas: 1, longRunning: true };
    }
    case 'Job': {
      const pod = template(spec);
      return pod && { spec: pod, replicas: 1, longRunning: false };
    }
    case 'CronJob': {
      const job = isRecord(spec?.['jobTemplate']) ? spec['jobTemplate']['spec'] : undefined;
      const pod = template(job);
      return pod && { spec: pod, replicas: 1, longRunning: false };
    }
    default:
      return undefined;
  }
}

export function workloadContainers(object: KubeObject): WorkloadContainer[] {
  const pod = podTemplate(object);
  if (!pod) return [];
  const list = (key: string, init: boolean): WorkloadContainer[] => {
    const raw = pod.spec[key];
    if (!Array.isArray(raw)) return [];
    return raw.filter(isRecord).map((record) => {
      const resources = isRecord(record['resources']) ? record['resources'] : {};
      return {
        name: String(record['name']),
        image: typeof record['image'] === 'string' ? record['image'] : '',
        init,
        requests: stringMap(resources['requests']),
        limits: stringMap(resources['limits']),
        record,
      };
    });
  };
  return [...list('initContainers', true), ...list('containers', false)];
}

function stringMap(value: unknown): Record<string, string> {
  if (!isRecord(value)) return {};
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)]));
}

const SUFFIX: Record<string, number> = {
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
};

/** A Kubernetes quantity ("512Mi", "250m", "1.5") as a number of base units. */
export function parseQuantity(quantity: string): number {
  const match = /^(\d+(?:\.\d+)?)([a-zA-Z]*)$/.exec(quantity.trim());
  const factor = match && (match[2] === '' ? 1 : SUFFIX[match[2] ?? '']);
  if (!match || factor === undefined || factor === null) {
    throw new RangeError(`"${quantity}" is not a Kubernetes quantity Skiff understands`);
  }
  return Number(match[1]) * factor;
}

/**
 * What the scheduler reserves for one steady-state workload, in base units (bytes, cores):
 * a pod needs the larger of its containers' sum and its biggest init container.
 */
export function steadyRequests(object: KubeObject, resource: 'memory' | 'cpu'): number {
  const pod = podTemplate(object);
  if (!pod?.longRunning) return 0;
  let running = 0;
  let init = 0;
  for (const c of workloadContainers(object)) {
    const value = c.requests[resource] ? parseQuantity(c.requests[resource]) : 0;
    if (c.init) init = Math.max(init, value);
    else running += value;
  }
  return Math.max(running, init) * pod.replicas;
}
