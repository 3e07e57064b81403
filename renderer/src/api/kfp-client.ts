import { API_ROUTES, type TaskLogs } from '@skiff/engine/api-contract';
import { createRequest, type ApiClientOptions } from './http-request';
import type {
  CreateRunRequest,
  KfpExperiment,
  KfpPage,
  KfpPipeline,
  KfpPipelineVersion,
  KfpRun,
  ListOptions,
  ListRunsOptions,
} from './kfp-types';

export const KFP_BASE = '/apis/v2beta1';

/** `?a=1&b=x` from the defined, non-empty options; '' when there are none. */
export function queryString(options: object): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(options)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** A KFP filter matching runs in one state, for `filter=`. */
export function stateFilter(state: string): string {
  return JSON.stringify({
    predicates: [{ key: 'state', operation: 'EQUALS', string_value: state }],
  });
}

const seg = encodeURIComponent;

/** The typed client for KFP's REST API v2beta1, as served by the engine (or a remote KFP). */
export function createKfpClient(options: ApiClientOptions = {}) {
  const base = createRequest(options);
  // KFP errors are {code: number, message}: the message is kept, the code comes from the status.
  const request = <T>(method: string, path: string, body?: unknown): Promise<T> =>
    base<T>(method, path, body === undefined ? {} : { body });

  const kfp = (path: string) => `${KFP_BASE}${path}`;

  return {
    listPipelines: (opts: ListOptions = {}) =>
      request<{ pipelines?: KfpPipeline[] } & KfpPage>(
        'GET',
        kfp(`/pipelines${queryString(opts)}`),
      ),

    getPipeline: (id: string) => request<KfpPipeline>('GET', kfp(`/pipelines/${seg(id)}`)),

    deletePipeline: async (id: string): Promise<void> => {
      await request<unknown>('DELETE', kfp(`/pipelines/${seg(id)}?cascade=true`));
    },

    listPipelineVersions: (pipelineId: string, opts: ListOptions = {}) =>
      request<{ pipeline_versions?: KfpPipelineVersion[] } & KfpPage>(
        'GET',
        kfp(`/pipelines/${seg(pipelineId)}/versions${queryString(opts)}`),
      ),

    getPipelineVersion: (pipelineId: string, versionId: string) =>
      request<KfpPipelineVersion>(
        'GET',
        kfp(`/pipelines/${seg(pipelineId)}/versions/${seg(versionId)}`),
      ),

    /** Multipart upload of a YAML, JSON, zip or tar.gz package, as the `uploadfile` field. */
    uploadPipeline: (file: Blob, name: string, description?: string) => {
      const form = new FormData();
      form.append('uploadfile', file, file instanceof File ? file.name : 'pipeline.yaml');
      return request<KfpPipeline>(
        'POST',
        kfp(`/pipelines/upload${queryString({ name, description })}`),
        form,
      );
    },

    listExperiments: (opts: ListOptions = {}) =>
      request<{ experiments?: KfpExperiment[] } & KfpPage>(
        'GET',
        kfp(`/experiments${queryString(opts)}`),
      ),

    createRun: (run: CreateRunRequest) => request<KfpRun>('POST', kfp('/runs'), run),

    listRuns: (opts: ListRunsOptions = {}) =>
      request<{ runs?: KfpRun[] } & KfpPage>('GET', kfp(`/runs${queryString(opts)}`)),

    getRun: (id: string) => request<KfpRun>('GET', kfp(`/runs/${seg(id)}`)),

    terminateRun: async (id: string): Promise<void> => {
      await request<unknown>('POST', kfp(`/runs/${seg(id)}:terminate`));
    },

    retryRun: async (id: string): Promise<void> => {
      await request<unknown>('POST', kfp(`/runs/${seg(id)}:retry`));
    },

    getTaskLogs: (runId: string, taskId: string) =>
      request<TaskLogs>('GET', API_ROUTES.taskLogs(runId, taskId)),
  };
}

export type KfpClient = ReturnType<typeof createKfpClient>;
