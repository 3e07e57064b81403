/**
 * A typed client for the KFP REST API v2beta1 over fetch. It knows a base URL and the
 * headers that authenticate (a Bearer token for Skiff, whatever a cluster wants), nothing
 * about Skiff: the same code talks to the local engine and to a remote Kubeflow.
 */
import { KfpHttp, type KfpHttpOptions, type Query } from './kfp-http.js';
import type {
  KfpExperiment,
  KfpExperimentPage,
  KfpListOptions,
  KfpPipeline,
  KfpPipelinePage,
  KfpPipelineVersion,
  KfpPipelineVersionPage,
  KfpRun,
  KfpRunInput,
  KfpRunPage,
} from './kfp-types.js';

export type { Fetch } from './kfp-http.js';
export type KfpClientOptions = KfpHttpOptions;

export interface UploadOptions {
  name?: string;
  displayName?: string;
  description?: string;
  namespace?: string;
}

export class KfpClient {
  readonly #http: KfpHttp;

  constructor(options: KfpClientOptions) {
    this.#http = new KfpHttp(options);
  }

  get baseUrl(): string {
    return this.#http.baseUrl;
  }

  uploadPipeline(file: Uint8Array, fileName: string, options: UploadOptions = {}) {
    const query = { ...uploadQuery(options), namespace: options.namespace };
    return this.#http.upload<KfpPipeline>('/pipelines/upload', file, fileName, query);
  }

  uploadPipelineVersion(
    file: Uint8Array,
    fileName: string,
    options: UploadOptions & { pipelineId: string },
  ) {
    const query = { ...uploadQuery(options), pipelineid: options.pipelineId };
    return this.#http.upload<KfpPipelineVersion>(
      '/pipelines/upload_version',
      file,
      fileName,
      query,
    );
  }

  listPipelines(options: KfpListOptions = {}) {
    return this.#http.json<KfpPipelinePage>('GET', '/pipelines', listQuery(options, true));
  }

  getPipeline(pipelineId: string) {
    return this.#http.json<KfpPipeline>('GET', `/pipelines/${enc(pipelineId)}`);
  }

  getPipelineByName(name: string, namespace?: string) {
    return this.#http.json<KfpPipeline>('GET', `/pipelines/names/${enc(name)}`, { namespace });
  }

  listPipelineVersions(pipelineId: string, options: KfpListOptions = {}) {
    const path = `/pipelines/${enc(pipelineId)}/versions`;
    return this.#http.json<KfpPipelineVersionPage>('GET', path, listQuery(options, false));
  }

  getPipelineVersion(pipelineId: string, versionId: string) {
    const path = `/pipelines/${enc(pipelineId)}/versions/${enc(versionId)}`;
    return this.#http.json<KfpPipelineVersion>('GET', path);
  }

  listExperiments(options: KfpListOptions = {}) {
    return this.#http.json<KfpExperimentPage>('GET', '/experiments', listQuery(options, true));
  }

  getExperiment(experimentId: string) {
    return this.#http.json<KfpExperiment>('GET', `/experiments/${enc(experimentId)}`);
  }

  createExperiment(experiment: { display_name: string; description?: string; namespace?: string }) {
    return this.#http.json<KfpExperiment>('POST', '/experiments', {}, experiment);
  }

  createRun(run: KfpRunInput) {
    return this.#http.json<KfpRun>('POST', '/runs', {}, run);
  }

  listRuns(options: KfpListOptions & { experimentId?: string } = {}) {
    const query = { ...listQuery(options, true), experiment_id: options.experimentId };
    return this.#http.json<KfpRunPage>('GET', '/runs', query);
  }

  getRun(runId: string) {
    return this.#http.json<KfpRun>('GET', `/runs/${enc(runId)}`);
  }

  async terminateRun(runId: string): Promise<void> {
    await this.#http.json<unknown>('POST', `/runs/${enc(runId)}:terminate`);
  }

  async retryRun(runId: string): Promise<void> {
    await this.#http.json<unknown>('POST', `/runs/${enc(runId)}:retry`);
  }
}

function uploadQuery(options: UploadOptions): Query {
  return {
    name: options.name,
    display_name: options.displayName,
    description: options.description,
  };
}

function listQuery(options: KfpListOptions, withNamespace: boolean): Query {
  const filter =
    options.filter === undefined || typeof options.filter === 'string'
      ? options.filter
      : JSON.stringify(options.filter);
  return {
    page_size: options.pageSize,
    page_token: options.pageToken,
    sort_by: options.sortBy,
    filter,
    ...(withNamespace ? { namespace: options.namespace } : {}),
  };
}

const enc = encodeURIComponent;
