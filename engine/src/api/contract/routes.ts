/** Routes of /api/v1, for clients that want the paths in one place. */
import type { ArtifactContentOptions } from './runs.js';

export const API_ROUTES = {
  health: '/api/v1/health',
  system: '/api/v1/system',
  settings: '/api/v1/settings',
  operations: '/api/v1/operations',
  operation: (id: string) => `/api/v1/operations/${encodeURIComponent(id)}`,
  operationLogs: (id: string) => `/api/v1/operations/${encodeURIComponent(id)}/logs`,
  operationCancel: (id: string) => `/api/v1/operations/${encodeURIComponent(id)}/cancel`,
  events: '/api/v1/events',
  cluster: '/api/v1/cluster',
  clusterStart: '/api/v1/cluster/start',
  clusterStop: '/api/v1/cluster/stop',
  clusterPreflight: (query: { provider?: string; profile?: string; gpus?: string } = {}) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
    const search = params.toString();
    return `/api/v1/cluster/preflight${search ? `?${search}` : ''}`;
  },
  clusterImages: (profile?: string) =>
    `/api/v1/cluster/images${profile ? `?profile=${encodeURIComponent(profile)}` : ''}`,
  clusterImagesSave: '/api/v1/cluster/images/save',
  clusterImagesLoad: '/api/v1/cluster/images/load',
  loginTickets: '/api/v1/login-tickets',
  cache: '/api/v1/cache',
  taskLogs: (runId: string, taskId: string) =>
    `/api/v1/runs/${encodeURIComponent(runId)}/tasks/${encodeURIComponent(taskId)}/logs`,
  task: (runId: string, taskId: string) =>
    `/api/v1/runs/${encodeURIComponent(runId)}/tasks/${encodeURIComponent(taskId)}`,
  runArtifacts: (runId: string) => `/api/v1/runs/${encodeURIComponent(runId)}/artifacts`,
  artifact: (artifactId: string) => `/api/v1/artifacts/${encodeURIComponent(artifactId)}`,
  artifactContent: (artifactId: string, options: ArtifactContentOptions | string = {}) => {
    const { path, download, limit } = typeof options === 'string' ? { path: options } : options;
    const query = new URLSearchParams();
    if (path !== undefined && path !== '') query.set('path', path);
    if (download) query.set('download', '1');
    if (limit !== undefined) query.set('limit', String(limit));
    const search = query.toString();
    return `/api/v1/artifacts/${encodeURIComponent(artifactId)}/content${search ? `?${search}` : ''}`;
  },
  targets: '/api/v1/targets',
  target: (name: string) => `/api/v1/targets/${encodeURIComponent(name)}`,
  targetTest: (name: string) => `/api/v1/targets/${encodeURIComponent(name)}/test`,
  targetPush: (name: string) => `/api/v1/targets/${encodeURIComponent(name)}/push`,
  targetRuns: (name: string) => `/api/v1/targets/${encodeURIComponent(name)}/runs`,
  targetRun: (name: string, runId: string) =>
    `/api/v1/targets/${encodeURIComponent(name)}/runs/${encodeURIComponent(runId)}`,
  taskLogsDownload: (runId: string, taskId: string) =>
    `/api/v1/runs/${encodeURIComponent(runId)}/tasks/${encodeURIComponent(taskId)}/logs?download=1`,
  targetImagesPush: '/api/v1/targets/images/push',
} as const;
