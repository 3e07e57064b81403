import type { KubeObject } from '../platform/index.js';
import type { ClusterObjects } from './cluster-objects.js';

/** What a person needs to see why a workload is not ready (Rancher Desktop style). */
export interface WorkloadDiagnosis {
  pods: PodDiagnosis[];
  /** Warning events of the workload and its pods, newest last, as "reason: message". */
  events: string[];
}

export interface PodDiagnosis {
  name: string;
  restarts: number;
  /** e.g. "CrashLoopBackOff" from a waiting container, or the pod phase. */
  state: string;
  /** Last log lines of the first container that is not ready. */
  logLines: string[];
}

const LOG_LINES = 10;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');
const EVENTS = 5;

const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

/** The workload's pods (by its selector), their states, last events and log lines. */
export async function diagnoseWorkload(
  objects: ClusterObjects,
  workload: KubeObject,
  options: { withLogs: boolean },
): Promise<WorkloadDiagnosis> {
  const namespace = workload.metadata.namespace ?? 'default';
  const matchLabels = record(record(record(workload['spec'])['selector'])['matchLabels']);
  const labelSelector = Object.entries(matchLabels)
    .map(([key, value]) => `${key}=${String(value)}`)
    .join(',');
  const pods = labelSelector ? await objects.list('v1', 'Pod', { namespace, labelSelector }) : [];
  const events: Array<{ at: string; text: string }> = [];
  for (const name of [workload.metadata.name, ...pods.map((pod) => pod.metadata.name)]) {
    const found = await objects.list('v1', 'Event', {
      namespace,
      fieldSelector: `involvedObject.name=${name}`,
    });
    for (const event of found) {
      if (event['type'] === 'Normal') continue;
      const at = text(event['lastTimestamp']) || text(event['eventTime']);
      events.push({ at, text: `${name}: ${text(event['reason'])}: ${text(event['message'])}` });
    }
  }
  events.sort((a, b) => a.at.localeCompare(b.at));
  const diagnosed: PodDiagnosis[] = [];
  for (const pod of pods) diagnosed.push(await diagnosePod(objects, pod, options.withLogs));
  return { pods: diagnosed, events: events.slice(-EVENTS).map((event) => event.text) };
}

async function diagnosePod(
  objects: ClusterObjects,
  pod: KubeObject,
  withLogs: boolean,
): Promise<PodDiagnosis> {
  const status = record(pod['status']);
  const containers = Array.isArray(status['containerStatuses'])
    ? status['containerStatuses'].map(record)
    : [];
  const restarts = containers.reduce(
    (sum, c) => sum + (typeof c['restartCount'] === 'number' ? c['restartCount'] : 0),
    0,
  );
  const failing = containers.find((c) => c['ready'] !== true);
  const waiting = record(record(failing?.['state'])['waiting']);
  const state = text(waiting['reason']) || text(status['phase']) || 'Unknown';
  let logLines: string[] = [];
  if (withLogs && failing && typeof failing['name'] === 'string') {
    // A pod that never started has no log: the events say why, so this is not an error.
    const log = await objects
      .podLog(pod.metadata.namespace ?? 'default', pod.metadata.name, failing['name'], LOG_LINES)
      .catch(() => '');
    logLines = log
      .split('\n')
      .filter((line) => line.trim() !== '')
      .slice(-LOG_LINES);
  }
  return { name: pod.metadata.name, restarts, state, logLines };
}

/** The diagnosis as message text: pod states, events, then log lines. */
export function formatDiagnosis(diagnosis: WorkloadDiagnosis): string {
  const parts: string[] = [];
  for (const pod of diagnosis.pods) {
    parts.push(`Pod ${pod.name}: ${pod.state}, ${pod.restarts} restarts.`);
  }
  if (diagnosis.events.length > 0) parts.push(`Last events:\n  ${diagnosis.events.join('\n  ')}`);
  for (const pod of diagnosis.pods) {
    if (pod.logLines.length > 0) {
      parts.push(`Last log lines of ${pod.name}:\n  ${pod.logLines.join('\n  ')}`);
    }
  }
  return parts.join('\n');
}
