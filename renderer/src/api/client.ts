import {
  API_ROUTES,
  type ClusterImages,
  type ClusterOperationStarted,
  type ClusterPreflight,
  type ClusterStatus,
  type CreateClusterRequest,
  type ArtifactContentOptions,
  type ArtifactDetail,
  type ArtifactView,
  type Operation,
  type OperationList,
  type OperationLogs,
  type Settings,
  type SettingsPatch,
  type SystemInfo,
  type TaskView,
  type PushRequest,
  type PushResult,
  type TargetInput,
  type TargetRunRequest,
  type TargetRunResult,
  type TargetTestResult,
  type TargetView,
} from '@skiff/engine/api-contract';
import { createRequest, type ApiClientOptions } from './http-request';

export type { ApiClientOptions, FetchLike } from './http-request';
export type { ArtifactContentOptions };

/**
 * An artifact's bytes (or folder listing) for `<img src>`, a sandboxed `<iframe>`, a
 * download link or a fetch: same-origin, so the session cookie authorises it.
 */
export function artifactContentUrl(artifactId: string, opts: ArtifactContentOptions = {}): string {
  return API_ROUTES.artifactContent(artifactId, opts);
}

/** The raw log file of a task, as a `<run>-<task>.log` download. */
export function taskLogsDownloadUrl(runId: string, taskId: string): string {
  return API_ROUTES.taskLogsDownload(runId, taskId);
}

/** RFC 7386: a merge patch has its own media type (it also keeps cross-origin forms out). */
export const MERGE_PATCH_TYPE = 'application/merge-patch+json';

/** The one typed client for Skiff's /api/v1. Components use it through state modules. */
export function createApiClient(options: ApiClientOptions = {}) {
  const request = createRequest(options);

  return {
    getSystem: (signal?: AbortSignal) =>
      request<SystemInfo>('GET', API_ROUTES.system, signal ? { signal } : {}),

    getSettings: () => request<Settings>('GET', API_ROUTES.settings),

    /** Sends only what changed; `null` removes a key (e.g. an images.map entry). */
    patchSettings: (patch: SettingsPatch) =>
      request<Settings>('PATCH', API_ROUTES.settings, {
        body: patch,
        contentType: MERGE_PATCH_TYPE,
      }),

    listOperations: () => request<OperationList>('GET', API_ROUTES.operations),

    getOperation: (id: string) => request<Operation>('GET', API_ROUTES.operation(id)),

    getOperationLogs: (id: string) => request<OperationLogs>('GET', API_ROUTES.operationLogs(id)),

    /** One task with its inputs and outputs; artifacts carry producer links. */
    getTask: async (runId: string, taskId: string): Promise<TaskView> =>
      (await request<{ task: TaskView }>('GET', API_ROUTES.task(runId, taskId))).task,

    /** Every artifact a run produced (compare reads Metrics metadata from these). */
    listRunArtifacts: async (runId: string): Promise<ArtifactView[]> =>
      (await request<{ artifacts: ArtifactView[] }>('GET', API_ROUTES.runArtifacts(runId)))
        .artifacts,

    /** An artifact with its lineage: the task that made it and the tasks that read it. */
    getArtifact: async (artifactId: string): Promise<ArtifactDetail> =>
      (await request<{ artifact: ArtifactDetail }>('GET', API_ROUTES.artifact(artifactId)))
        .artifact,

    /** Asks the engine to stop; the operation's final state arrives as an event. */
    cancelOperation: async (id: string): Promise<void> => {
      await request<unknown>('POST', API_ROUTES.operationCancel(id));
    },

    /** The local cluster: state, health, endpoints (GET /api/v1/cluster). */
    getCluster: () => request<ClusterStatus>('GET', API_ROUTES.cluster),

    /** Starts creating the cluster; follow the returned operation. */
    createCluster: (body: CreateClusterRequest) =>
      request<ClusterOperationStarted>('POST', API_ROUTES.cluster, { body }),

    startCluster: () => request<ClusterOperationStarted>('POST', API_ROUTES.clusterStart),

    stopCluster: () => request<ClusterOperationStarted>('POST', API_ROUTES.clusterStop),

    deleteCluster: () => request<ClusterOperationStarted>('DELETE', API_ROUTES.cluster),

    /** Checks, providers found, GPUs and profiles for the create wizard. */
    getClusterPreflight: (query: { provider?: string; profile?: string; gpus?: string }) =>
      request<ClusterPreflight>('GET', API_ROUTES.clusterPreflight(query)),

    getClusterImages: (profile?: string) =>
      request<ClusterImages>('GET', API_ROUTES.clusterImages(profile)),

    // Kubeflow targets: remote KFP endpoints to push pipelines to and run them on.
    /** The engine answers a bare array (as the CLI's `skiff target list` reads it). */
    listTargets: (): Promise<TargetView[]> => request<TargetView[]>('GET', API_ROUTES.targets),

    putTarget: (name: string, body: TargetInput) =>
      request<TargetView>('PUT', API_ROUTES.target(name), { body }),

    deleteTarget: async (name: string): Promise<void> => {
      await request<unknown>('DELETE', API_ROUTES.target(name));
    },

    /** Calls the target's healthz; a failure comes back as `ok: false` with the reason. */
    testTarget: (name: string) => request<TargetTestResult>('POST', API_ROUTES.targetTest(name)),

    pushToTarget: (name: string, body: PushRequest) =>
      request<PushResult>('POST', API_ROUTES.targetPush(name), { body }),

    runOnTarget: (name: string, body: TargetRunRequest) =>
      request<TargetRunResult>('POST', API_ROUTES.targetRuns(name), { body }),

    /** The remote KFP run as the target reports it. */
    getTargetRun: (name: string, runId: string, signal?: AbortSignal) =>
      request<RemoteRun>('GET', API_ROUTES.targetRun(name, runId), signal ? { signal } : {}),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;

/** A run on a target, in KFP's own JSON names. */
export interface RemoteRun {
  run_id: string;
  display_name?: string;
  state?: string;
  created_at?: string;
  finished_at?: string;
  error?: { code?: number; message?: string } | string;
}
