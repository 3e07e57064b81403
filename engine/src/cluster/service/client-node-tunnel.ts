/**
 * Tunnels through the Kubernetes API with @kubernetes/client-node's PortForward (the
 * same websocket protocol as `kubectl port-forward`). Loaded only when a cluster runs.
 */
import type { Socket } from 'node:net';
import type { ComponentEndpoint } from '../cluster-types.js';
import {
  chooseTarget,
  labelSelector,
  type ForwardTarget,
  type PodShape,
  type ServiceShape,
} from './port-forward-target.js';
import { TcpPortForwarder, type TunnelOpener } from './port-forwards.js';

interface Closable {
  close(): void;
}

export async function createClientNodeTunnel(kubeconfigPath: string): Promise<TunnelOpener> {
  const k8s = await import('@kubernetes/client-node');
  const config = new k8s.KubeConfig();
  config.loadFromFile(kubeconfigPath);
  const core = config.makeApiClient(k8s.CoreV1Api);
  const forwarder = new k8s.PortForward(config, true);
  const targets = new Map<string, Promise<ForwardTarget>>();

  async function resolve(endpoint: ComponentEndpoint): Promise<ForwardTarget> {
    const service = await core.readNamespacedService({
      name: endpoint.service,
      namespace: endpoint.namespace,
    });
    const shape: ServiceShape = {
      ...(service.spec?.selector ? { selector: service.spec.selector } : {}),
      ports: (service.spec?.ports ?? []).map((port) => ({
        port: port.port,
        ...(port.targetPort !== undefined ? { targetPort: port.targetPort } : {}),
      })),
    };
    const pods = await core.listNamespacedPod({
      namespace: endpoint.namespace,
      labelSelector: labelSelector(endpoint, shape),
    });
    const podShapes: PodShape[] = pods.items.map((pod) => ({
      name: pod.metadata?.name ?? '',
      deleting: pod.metadata?.deletionTimestamp !== undefined,
      ready:
        pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false,
      containerPorts: (pod.spec?.containers ?? []).flatMap((container) =>
        (container.ports ?? []).map((port) => ({
          containerPort: port.containerPort,
          ...(port.name !== undefined ? { name: port.name } : {}),
        })),
      ),
    }));
    return chooseTarget(endpoint, shape, podShapes);
  }

  return {
    async open(endpoint: ComponentEndpoint, socket: Socket) {
      let target = targets.get(endpoint.name);
      if (target === undefined) {
        target = resolve(endpoint);
        targets.set(endpoint.name, target);
      }
      const { pod, port } = await target;
      // The websocket's type comes from isomorphic-ws; only close() is needed here.
      const opened: unknown = await forwarder.portForward(
        endpoint.namespace,
        pod,
        [port],
        socket,
        null,
        socket,
      );
      const ws =
        typeof opened === 'function' ? (opened as () => Closable | null)() : (opened as Closable);
      socket.on('close', () => ws?.close());
    },
    forget(endpoint: ComponentEndpoint) {
      targets.delete(endpoint.name);
    },
  };
}

/** The PortForwarder production uses: TCP servers tunnelled through client-node. */
export function createClientNodePortForwarder(onLog?: (line: string) => void): TcpPortForwarder {
  return new TcpPortForwarder(createClientNodeTunnel, onLog);
}
