import type {
  ClusterEndpointView,
  ClusterResourceUsage,
  ClusterState,
  ClusterStatus,
} from '../../api/contract.js';
import type { ComponentEndpoint, ComponentHealth, InstallProgress } from '../cluster-types.js';
import type { ForwardState } from './cluster-ports.js';
import type { ClusterRecord } from './cluster-repository.js';
import { gpusEnabled } from './cluster-request.js';

/** States in which an operation is working on the cluster, so other actions must wait. */
export const BUSY_STATES: ReadonlySet<ClusterState> = new Set([
  'CREATING',
  'INSTALLING',
  'STARTING',
  'STOPPING',
  'DELETING',
]);

/** What the service knows beyond the record: live facts kept in memory. */
export interface ClusterLiveFacts {
  install: InstallProgress[];
  components: ComponentHealth[];
  endpoints: ComponentEndpoint[];
  forwards: ForwardState[];
  usage?: ClusterResourceUsage;
}

export function noClusterStatus(now: Date): ClusterStatus {
  return {
    state: 'NONE',
    install: [],
    components: [],
    endpoints: [],
    gpus: { enabled: false, request: 'none' },
    updatedAt: now.toISOString(),
  };
}

export function clusterStatusView(record: ClusterRecord, facts: ClusterLiveFacts): ClusterStatus {
  const status: ClusterStatus = {
    state: record.state,
    spec: record.spec,
    profile: record.profile,
    install: facts.install,
    components: record.state === 'RUNNING' ? facts.components : [],
    endpoints: facts.endpoints.map((endpoint) => endpointView(endpoint, facts.forwards)),
    gpus: { enabled: gpusEnabled(record.spec.gpus), request: record.spec.gpus },
    updatedAt: record.updatedAt,
  };
  if (record.operationId !== undefined) status.operationId = record.operationId;
  if (record.failure !== undefined && record.state === 'ERROR') status.failure = record.failure;
  if (facts.usage !== undefined && record.state === 'RUNNING') status.usage = facts.usage;
  return status;
}

function endpointView(endpoint: ComponentEndpoint, forwards: ForwardState[]): ClusterEndpointView {
  const forward = forwards.find((state) => state.name === endpoint.name);
  const view: ClusterEndpointView = {
    ...endpoint,
    url: `http://127.0.0.1:${endpoint.localPort}${endpoint.path ?? '/'}`,
    forwarding: forward?.forwarding ?? false,
  };
  if (forward?.lastError !== undefined) view.lastError = forward.lastError;
  return view;
}

/** Keeps the latest progress of each component, in the order they first reported. */
export function mergeInstallProgress(
  list: InstallProgress[],
  progress: InstallProgress,
): InstallProgress[] {
  const index = list.findIndex((item) => item.component === progress.component);
  if (index === -1) return [...list, progress];
  return list.map((item, i) => (i === index ? progress : item));
}
