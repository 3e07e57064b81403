/**
 * kind has no start/stop: its nodes are Docker containers labelled with the cluster's
 * name, so Skiff starts and stops those through the daemon (control plane first up, last down).
 */
import type { ContainerInfo } from 'dockerode';
import { SkiffError } from '../../core/errors.js';
import {
  connector,
  type DockerConnectionOptions,
} from '../../executors/docker-daemon-connection.js';
import { fromDaemon, statusCode } from '../../executors/docker-daemon-errors.js';

export const KIND_CLUSTER_LABEL = 'io.x-k8s.kind.cluster';
const KIND_ROLE_LABEL = 'io.x-k8s.kind.role';

export interface NodeContainer {
  name: string;
  role: string;
  running: boolean;
}

export interface KindNodeContainers {
  list(cluster: string, signal?: AbortSignal): Promise<NodeContainer[]>;
  start(cluster: string, signal: AbortSignal, onLog: (line: string) => void): Promise<void>;
  stop(cluster: string, signal: AbortSignal, onLog: (line: string) => void): Promise<void>;
}

export function dockerKindNodeContainers(
  options: DockerConnectionOptions = {},
): KindNodeContainers {
  const connect = connector(options);

  const list = async (cluster: string, signal?: AbortSignal): Promise<NodeContainer[]> => {
    const { docker, where } = await connect();
    try {
      const found = await docker.listContainers({
        all: true,
        filters: { label: [`${KIND_CLUSTER_LABEL}=${cluster}`] },
        ...(signal ? { abortSignal: signal } : {}),
      });
      return found.map(toNode).sort(byRole);
    } catch (error) {
      throw fromDaemon(error, where, `list the nodes of kind cluster "${cluster}"`);
    }
  };

  const change = async (
    cluster: string,
    action: 'start' | 'stop',
    signal: AbortSignal,
    onLog: (line: string) => void,
  ): Promise<void> => {
    const nodes = await list(cluster, signal);
    if (nodes.length === 0) {
      throw new SkiffError(
        'NOT_FOUND',
        `kind cluster "${cluster}" has no node containers in Docker. List clusters with \`skiff cluster list\`, or create it again.`,
        { cluster },
      );
    }
    const { docker, where } = await connect();
    const ordered = action === 'start' ? nodes : [...nodes].reverse();
    for (const node of ordered) {
      signal.throwIfAborted();
      if (node.running === (action === 'start')) continue;
      onLog(`${action === 'start' ? 'Starting' : 'Stopping'} node ${node.name}`);
      try {
        const container = docker.getContainer(node.name);
        await (action === 'start'
          ? container.start({ abortSignal: signal })
          : container.stop({ abortSignal: signal }));
      } catch (error) {
        // 304: already in the wanted state (a race with Docker's own restart policy).
        if (statusCode(error) === 304) continue;
        throw fromDaemon(error, where, `${action} kind node ${node.name}`);
      }
    }
  };

  return {
    list,
    start: (cluster, signal, onLog) => change(cluster, 'start', signal, onLog),
    stop: (cluster, signal, onLog) => change(cluster, 'stop', signal, onLog),
  };
}

function toNode(info: ContainerInfo): NodeContainer {
  return {
    name: (info.Names[0] ?? info.Id).replace(/^\//, ''),
    role: info.Labels[KIND_ROLE_LABEL] ?? '',
    running: info.State === 'running',
  };
}

/** Control plane first, then workers by name: the order nodes must come up in. */
function byRole(a: NodeContainer, b: NodeContainer): number {
  const rank = (node: NodeContainer): number => (node.role === 'control-plane' ? 0 : 1);
  return rank(a) - rank(b) || a.name.localeCompare(b.name);
}
