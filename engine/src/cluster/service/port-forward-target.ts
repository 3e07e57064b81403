/**
 * Which pod and container port a Service's port leads to, as `kubectl port-forward
 * svc/...` picks it: a ready pod matching the selector, the targetPort (by number or by
 * the container port's name).
 */
import { SkiffError } from '../../core/errors.js';
import type { ComponentEndpoint } from '../cluster-types.js';

export interface ServiceShape {
  selector?: Record<string, string>;
  ports: { port: number; targetPort?: number | string; name?: string }[];
}

export interface PodShape {
  name: string;
  ready: boolean;
  deleting: boolean;
  containerPorts: { name?: string; containerPort: number }[];
}

export interface ForwardTarget {
  pod: string;
  port: number;
}

export function labelSelector(endpoint: ComponentEndpoint, service: ServiceShape): string {
  const selector = Object.entries(service.selector ?? {});
  if (selector.length === 0) {
    throw new SkiffError(
      'FAILED_PRECONDITION',
      `Service ${endpoint.namespace}/${endpoint.service} has no selector, so no pod to forward ${endpoint.name} to. Check the component's manifests.`,
    );
  }
  return selector.map(([key, value]) => `${key}=${value}`).join(',');
}

export function chooseTarget(
  endpoint: ComponentEndpoint,
  service: ServiceShape,
  pods: PodShape[],
): ForwardTarget {
  const servicePort = service.ports.find((port) => port.port === endpoint.port);
  if (servicePort === undefined) {
    throw new SkiffError(
      'FAILED_PRECONDITION',
      `Service ${endpoint.namespace}/${endpoint.service} has no port ${endpoint.port} (it has ${service.ports.map((port) => port.port).join(', ') || 'none'}).`,
    );
  }
  const pod = pods.find((candidate) => candidate.ready && !candidate.deleting);
  if (pod === undefined) {
    throw new SkiffError(
      'UNAVAILABLE',
      `No ready pod behind ${endpoint.namespace}/${endpoint.service} yet (${pods.length} found); ${endpoint.name} opens once it is ready. See \`skiff cluster status\`.`,
    );
  }
  const target = servicePort.targetPort ?? servicePort.port;
  if (typeof target === 'number') return { pod: pod.name, port: target };
  if (/^\d+$/.test(target)) return { pod: pod.name, port: Number(target) };
  const named = pod.containerPorts.find((port) => port.name === target);
  if (named === undefined) {
    throw new SkiffError(
      'FAILED_PRECONDITION',
      `Pod ${endpoint.namespace}/${pod.name} has no container port named "${target}" (the targetPort of ${endpoint.service}:${endpoint.port}).`,
    );
  }
  return { pod: pod.name, port: named.containerPort };
}

/** Delay before the next attempt after `failures` failures in a row: 1 s doubling to 30 s. */
export function backoffMs(failures: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.max(0, failures - 1));
}
