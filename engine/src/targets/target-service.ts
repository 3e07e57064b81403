/**
 * What /api/v1/targets does, behind the routes: the store, "Test connection", and push
 * and run of a local pipeline version — read through the same KFP client pointed at the
 * local engine's own /apis/v2beta1, so local and remote are handled by one piece of code.
 */
import type {
  PushRequest,
  PushResult,
  TargetRunRequest,
  TargetRunResult,
  TargetTestResult,
  TargetView,
} from '../api/contract.js';
import { fromRunSpec } from '../cli/kfp-package.js';
import type { KfpPipelineVersion, KfpRun } from '../cli/kfp-types.js';
import { SkiffError } from '../core/errors.js';
import type { PipelinePackage } from '../pipelines/ir/pipeline-spec.js';
import { KfpRestClient } from './kfp-rest-client.js';
import { promote } from './promote.js';
import { runOnTarget } from './run-on-target.js';
import { clientFor, testTarget } from './target-connect.js';
import { TargetStore } from './target-store.js';

export interface TargetServiceDeps {
  homeRoot: string;
  settings: () => unknown;
  updateSettings: (patch: unknown) => Promise<unknown>;
  /** The local engine's own KFP API. */
  local: { url: string; token: string };
}

export interface LocalVersion {
  pipelineName: string;
  versionName: string;
  pkg: PipelinePackage;
}

export class TargetService {
  readonly store: TargetStore;
  readonly #local: KfpRestClient;

  constructor(deps: TargetServiceDeps) {
    this.store = new TargetStore(TargetStore.secretsDirOf(deps.homeRoot), {
      read: () => (deps.settings() as { targets?: unknown }).targets,
      patch: async (targets) => {
        await deps.updateSettings({ targets });
      },
    });
    const headers = { authorization: `Bearer ${deps.local.token}` };
    this.#local = new KfpRestClient({
      url: deps.local.url,
      headers: () => Promise.resolve(headers),
    });
  }

  list(): TargetView[] {
    return this.store.list();
  }

  async test(name: string): Promise<TargetTestResult> {
    return testTarget(await this.store.get(name));
  }

  async push(name: string, request: PushRequest): Promise<PushResult> {
    const target = await this.store.get(name);
    const local = await this.readLocal(request.pipelineId, request.versionId);
    return promote({
      kfp: await clientFor(target),
      target,
      pipelineName: local.pipelineName,
      pkg: local.pkg,
      versionName: request.versionName ?? local.versionName,
      ...(request.schedule !== undefined ? { schedule: request.schedule } : {}),
      ...(request.parameters !== undefined ? { parameters: request.parameters } : {}),
      ...(request.force !== undefined ? { force: request.force } : {}),
      ...(request.allowLocalImages !== undefined
        ? { allowLocalImages: request.allowLocalImages }
        : {}),
    });
  }

  async run(name: string, request: TargetRunRequest): Promise<TargetRunResult> {
    const target = await this.store.get(name);
    const local = await this.readLocal(request.pipelineId, request.versionId);
    return runOnTarget({
      kfp: await clientFor(target),
      target,
      pkg: local.pkg,
      displayName: request.displayName,
      ...(request.parameters !== undefined ? { parameters: request.parameters } : {}),
      ...(request.experimentName !== undefined ? { experimentName: request.experimentName } : {}),
      ...(request.allowLocalImages !== undefined
        ? { allowLocalImages: request.allowLocalImages }
        : {}),
    });
  }

  async getRun(name: string, runId: string): Promise<KfpRun> {
    return (await clientFor(await this.store.get(name))).getRun(runId);
  }

  /** A local pipeline's version (the latest when none is named) as an IR package. */
  async readLocal(pipelineId: string, versionId?: string): Promise<LocalVersion> {
    if (typeof pipelineId !== 'string' || pipelineId === '') {
      throw new SkiffError('INVALID_ARGUMENT', 'pipelineId: give the local pipeline to push.', {
        field: 'pipelineId',
      });
    }
    const pipeline = await this.#local.getPipeline(pipelineId);
    let version: KfpPipelineVersion | undefined;
    if (versionId !== undefined) version = await this.#local.getVersion(pipelineId, versionId);
    else {
      const versions = await this.#local.listVersions(pipelineId);
      version = [...versions]
        .sort((a, b) => (a.created_at ?? '').localeCompare(b.created_at ?? ''))
        .at(-1);
    }
    const full =
      version?.pipeline_spec === undefined && version !== undefined
        ? await this.#local.getVersion(pipelineId, version.pipeline_version_id)
        : version;
    const pkg = fromRunSpec(full?.pipeline_spec);
    if (full === undefined || pkg === undefined) {
      throw new SkiffError(
        'FAILED_PRECONDITION',
        `Local pipeline "${pipelineId}" has no version with a pipeline spec to push.`,
        { field: 'versionId' },
      );
    }
    return {
      pipelineName: pipeline.name ?? pipeline.display_name ?? pipelineId,
      versionName: full.name ?? full.display_name ?? full.pipeline_version_id,
      pkg,
    };
  }
}
