/** Kubeflow targets (/api/v1/targets): connection, push, runs and image publishing. */
/** How Skiff authenticates to a target's KFP API. Secrets never come back in full. */
export type TargetAuthInput =
  | { type: 'none' }
  | { type: 'bearer'; token: string }
  | { type: 'kubeconfig'; kubeconfigPath: string; context?: string }
  | { type: 'serviceAccountTokenFile'; tokenFile: string }
  | { type: 'cookie'; cookie: string };

export interface TargetInput {
  /** KFP API base URL, including a gateway's `/pipeline` prefix when there is one. */
  url: string;
  auth: TargetAuthInput;
  /** The profile namespace on multi-user Kubeflow. */
  namespace?: string;
  tls?: { caFile?: string; insecureSkipVerify?: boolean };
  /** Where "Open in Kubeflow" links go (the central dashboard); derived from url if absent. */
  uiUrl?: string;
}

/** A target as shown: the secret is reduced to its last 4 characters. */
export interface TargetView extends Omit<TargetInput, 'auth'> {
  name: string;
  auth: { type: TargetAuthInput['type']; hint?: string };
  /** Set when TLS verification is off: shown next to the target. */
  warning?: string;
}

export interface TargetTestResult {
  ok: boolean;
  version?: string;
  multiUser?: boolean;
  message: string;
}

/** POST /api/v1/targets/:name/push: promote a local pipeline version to a target. */
export interface PushRequest {
  pipelineId: string;
  versionId?: string;
  /** The remote version's name; the local version's name by default. */
  versionName?: string;
  /** A recurring run on the target: KFP 6-field cron or an interval in seconds. */
  schedule?: { cron: string } | { intervalSecond: number };
  parameters?: Record<string, unknown>;
  /** Push even when the target already holds a different version of this pipeline. */
  force?: boolean;
  /** Push although the pipeline uses images built on this machine (the cluster has them). */
  allowLocalImages?: boolean;
}

export interface PushResult {
  remotePipelineId: string;
  remoteVersionId: string;
  /** Unified diff of the IR when the target already had this pipeline and it differed. */
  diff?: string;
  /** The target already had exactly this IR: nothing was uploaded. */
  unchanged: boolean;
  recurringRunId?: string;
  /** False when the target held a different IR and `force` was not set: see `diff`. */
  uploaded?: boolean;
  /** Images the remote cluster cannot pull (built locally). */
  localImages: string[];
  url: string;
}

/** POST /api/v1/targets/:name/runs: run a local pipeline version on a target. */
export interface TargetRunRequest {
  pipelineId: string;
  versionId?: string;
  displayName: string;
  parameters?: Record<string, unknown>;
  experimentName?: string;
  allowLocalImages?: boolean;
}

export interface TargetRunResult {
  target: string;
  runId: string;
  /** The run in the target's own UI. */
  url: string;
}

/** POST /api/v1/targets/images/push: publish a local pipeline's locally built images. */
export interface ImagesPushRequest {
  pipelineId: string;
  /** Default: the pipeline's latest version. */
  versionId?: string;
  /** `HOST:PORT[/prefix]`, no scheme, e.g. `127.0.0.1:5000`. */
  registry: string;
  /** Registry credentials; omit for an open registry. */
  auth?: { username: string; password: string };
}

export interface ImagesPushResult {
  /** Each local image and the registry name it was pushed as. */
  pushed: Array<{ from: string; to: string }>;
}
