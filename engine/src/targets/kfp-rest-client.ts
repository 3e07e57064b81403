/**
 * KFP REST API v2beta1 for targets: what promoting and running need, over kfpRequest so
 * TLS options and per-request auth apply. The same calls work against Skiff's own
 * `/apis/v2beta1`, which is how the end-to-end test drives it.
 */
import { buildMultipartBody } from '../cli/kfp-multipart-body.js';
import type {
  KfpExperiment,
  KfpExperimentPage,
  KfpPage,
  KfpPipeline,
  KfpPipelineVersion,
  KfpPipelineVersionPage,
  KfpRun,
  KfpRunInput,
  KfpRunPage,
  KfpRuntimeConfig,
} from '../cli/kfp-types.js';
import { SkiffError } from '../core/errors.js';
import { kfpRequest, type KfpConnection, type KfpRequest, type Query } from './kfp-http.js';

export interface KfpHealth {
  commit_sha?: string;
  tag_name?: string;
  multi_user?: boolean;
}

export type RecurringTrigger =
  { cron_schedule: { cron: string } } | { periodic_schedule: { interval_second: string } };

export interface KfpRecurringRunInput {
  display_name: string;
  pipeline_version_reference: { pipeline_id: string; pipeline_version_id: string };
  trigger: RecurringTrigger;
  experiment_id?: string;
  runtime_config?: KfpRuntimeConfig;
  max_concurrency: string;
  mode: 'ENABLE' | 'DISABLE';
}

export interface KfpRecurringRun {
  recurring_run_id: string;
  display_name?: string;
}

const enc = encodeURIComponent;

export class KfpRestClient {
  constructor(
    readonly connection: KfpConnection,
    readonly namespace?: string,
  ) {}

  get url(): string {
    return this.connection.url.replace(/\/+$/, '');
  }

  #call<T>(req: KfpRequest): Promise<T> {
    return kfpRequest<T>(this.connection, req);
  }

  healthz(): Promise<KfpHealth> {
    return this.#call({ method: 'GET', path: '/healthz' });
  }

  uploadPipeline(spec: Uint8Array, fileName: string, name: string): Promise<KfpPipeline> {
    const query = { name, display_name: name, namespace: this.namespace };
    return this.#upload('/pipelines/upload', spec, fileName, query);
  }

  uploadVersion(
    spec: Uint8Array,
    fileName: string,
    pipelineId: string,
    name: string,
  ): Promise<KfpPipelineVersion> {
    const query = { name, display_name: name, pipelineid: pipelineId };
    return this.#upload('/pipelines/upload_version', spec, fileName, query);
  }

  #upload<T>(path: string, spec: Uint8Array, fileName: string, query: Query): Promise<T> {
    const { body, contentType } = buildMultipartBody([
      { field: 'uploadfile', fileName, content: spec },
    ]);
    return this.#call({ method: 'POST', path, query, body, contentType });
  }

  getPipeline(pipelineId: string): Promise<KfpPipeline> {
    return this.#call({ method: 'GET', path: `/pipelines/${enc(pipelineId)}` });
  }

  /** The pipeline of that name, or undefined when the target has none. */
  async findPipeline(name: string): Promise<KfpPipeline | undefined> {
    const path = `/pipelines/names/${enc(name)}`;
    return this.#call<KfpPipeline>({
      method: 'GET',
      path,
      query: { namespace: this.namespace },
    }).catch(orUndefinedWhenNotFound);
  }

  listVersions(pipelineId: string): Promise<KfpPipelineVersion[]> {
    return collectPages(async (page_token) => {
      const path = `/pipelines/${enc(pipelineId)}/versions`;
      const query = { page_size: 100, page_token };
      const page = await this.#call<KfpPipelineVersionPage>({ method: 'GET', path, query });
      return { items: page.pipeline_versions ?? [], page };
    });
  }

  getVersion(pipelineId: string, versionId: string): Promise<KfpPipelineVersion> {
    const path = `/pipelines/${enc(pipelineId)}/versions/${enc(versionId)}`;
    return this.#call({ method: 'GET', path });
  }

  async deleteVersion(pipelineId: string, versionId: string): Promise<void> {
    const path = `/pipelines/${enc(pipelineId)}/versions/${enc(versionId)}`;
    await this.#call({ method: 'DELETE', path });
  }

  async deletePipeline(pipelineId: string): Promise<void> {
    await this.#call({ method: 'DELETE', path: `/pipelines/${enc(pipelineId)}` });
  }

  /** The experiment of that name in the target's namespace, created when missing. */
  async ensureExperiment(displayName: string): Promise<KfpExperiment> {
    return (await this.findOrCreateExperiment(displayName)).experiment;
  }

  /** As ensureExperiment, saying whether this call created it (so a failed push can undo it). */
  async findOrCreateExperiment(
    displayName: string,
  ): Promise<{ experiment: KfpExperiment; created: boolean }> {
    const filter = JSON.stringify({
      predicates: [{ key: 'display_name', operation: 'EQUALS', string_value: displayName }],
    });
    const query = { filter, page_size: 1, namespace: this.namespace };
    const page = await this.#call<KfpExperimentPage>({
      method: 'GET',
      path: '/experiments',
      query,
    });
    const found = page.experiments?.[0];
    if (found !== undefined) return { experiment: found, created: false };
    const body = {
      display_name: displayName,
      ...(this.namespace ? { namespace: this.namespace } : {}),
    };
    const experiment = await this.#call<KfpExperiment>({
      method: 'POST',
      path: '/experiments',
      ...json(body),
    });
    return { experiment, created: true };
  }

  async deleteExperiment(experimentId: string): Promise<void> {
    await this.#call({ method: 'DELETE', path: `/experiments/${enc(experimentId)}` });
  }

  /** One authenticated read: proves the credentials and namespace work. */
  async ensureExperimentsReadable(): Promise<void> {
    const query = { page_size: 1, namespace: this.namespace };
    await this.#call<KfpExperimentPage>({ method: 'GET', path: '/experiments', query });
  }

  createRun(run: KfpRunInput): Promise<KfpRun> {
    return this.#call({ method: 'POST', path: '/runs', ...json(run) });
  }

  getRun(runId: string): Promise<KfpRun> {
    return this.#call({ method: 'GET', path: `/runs/${enc(runId)}` });
  }

  listRuns(experimentId?: string): Promise<KfpRun[]> {
    return collectPages(async (page_token) => {
      const query = {
        page_size: 100,
        page_token,
        experiment_id: experimentId,
        namespace: this.namespace,
      };
      const page = await this.#call<KfpRunPage>({ method: 'GET', path: '/runs', query });
      return { items: page.runs ?? [], page };
    });
  }

  async terminateRun(runId: string): Promise<void> {
    await this.#call({ method: 'POST', path: `/runs/${enc(runId)}:terminate` });
  }

  createRecurringRun(input: KfpRecurringRunInput): Promise<KfpRecurringRun> {
    return this.#call({ method: 'POST', path: '/recurringruns', ...json(input) });
  }
}

function json(body: unknown): Pick<KfpRequest, 'body' | 'contentType'> {
  return { body: JSON.stringify(body), contentType: 'application/json' };
}

function orUndefinedWhenNotFound(error: unknown): undefined {
  if (error instanceof SkiffError && error.code === 'NOT_FOUND') return undefined;
  throw error;
}

/** Follows next_page_token until the server has no more pages (bounded against loops). */
export async function collectPages<T>(
  fetchPage: (pageToken: string | undefined) => Promise<{ items: T[]; page: KfpPage }>,
): Promise<T[]> {
  const all: T[] = [];
  let token: string | undefined;
  for (let i = 0; i < 1000; i++) {
    const { items, page } = await fetchPage(token);
    all.push(...items);
    token = page.next_page_token;
    if (token === undefined || token === '') return all;
  }
  return all;
}
