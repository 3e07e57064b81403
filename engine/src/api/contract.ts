/**
 * The HTTP contract of Skiff's own API (/api/v1), described once and shared by the
 * engine's server, the CLI's client and the renderer's client. It holds types and route
 * paths only, so importing it pulls no engine code into the renderer. One file per area
 * under contract/; this module is the one entry point.
 */
export type { ErrorBody, ErrorCode } from '../core/errors.js';
export type { RuntimeState, TaskRecord } from '../pipelines/scheduler/run-model.js';
export type {
  CheckStatus,
  ClusterSpec,
  ComponentEndpoint,
  ComponentHealth,
  ComponentPhase,
  GpuRequest,
  InstallProgress,
  PlatformProfile,
  PreflightCheck,
  PreflightReport,
  ProviderName,
} from '../cluster/cluster-types.js';
export * from './contract/system.js';
export * from './contract/operations.js';
export * from './contract/events.js';
export * from './contract/runs.js';
export * from './contract/cluster.js';
export * from './contract/targets.js';
export * from './contract/routes.js';
