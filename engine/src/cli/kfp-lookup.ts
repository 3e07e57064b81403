/**
 * Finding KFP resources the way people name them: by id or by display name, the latest
 * version of a pipeline, an experiment found or created. Only the KFP API is used, so
 * this works against any KFP server.
 */
import { SkiffError } from '../core/errors.js';
import type { KfpClient } from './kfp-client.js';
import type { KfpExperiment, KfpPipeline, KfpPipelineVersion, KfpRun } from './kfp-types.js';

const PAGE_SIZE = 100;

interface Page<T> {
  items: T[];
  next?: string | undefined;
}

/** Follows next_page_token until `limit` items or the last page. */
export async function collectPages<T>(
  fetchPage: (pageToken: string | undefined) => Promise<Page<T>>,
  limit = Number.POSITIVE_INFINITY,
  keep: (item: T) => boolean = () => true,
): Promise<T[]> {
  const out: T[] = [];
  let token: string | undefined;
  const seen = new Set<string>();
  do {
    const page = await fetchPage(token);
    for (const item of page.items) if (out.length < limit && keep(item)) out.push(item);
    token =
      page.next !== undefined && page.next !== '' && !seen.has(page.next) ? page.next : undefined;
    if (token !== undefined) seen.add(token);
  } while (token !== undefined && out.length < limit);
  return out;
}

export async function findPipeline(kfp: KfpClient, ref: string): Promise<KfpPipeline> {
  const byId = await orMissing(() => kfp.getPipeline(ref));
  if (byId !== undefined) return byId;
  const byName = await orMissing(() => kfp.getPipelineByName(ref));
  if (byName !== undefined) return byName;
  throw new SkiffError(
    'NOT_FOUND',
    `No pipeline has the id or name "${ref}". See them with \`skiff pipeline list\`.`,
    { pipeline: ref },
  );
}

export async function listVersions(
  kfp: KfpClient,
  pipelineId: string,
): Promise<KfpPipelineVersion[]> {
  return collectPages(async (pageToken) => {
    const page = await kfp.listPipelineVersions(pipelineId, {
      pageSize: PAGE_SIZE,
      sortBy: 'created_at desc',
      ...(pageToken !== undefined ? { pageToken } : {}),
    });
    return { items: page.pipeline_versions ?? [], next: page.next_page_token };
  });
}

/** The newest version, with its spec. */
export async function latestVersion(
  kfp: KfpClient,
  pipeline: KfpPipeline,
): Promise<KfpPipelineVersion> {
  const versions = await listVersions(kfp, pipeline.pipeline_id);
  const newest = versions.reduce<KfpPipelineVersion | undefined>(
    (best, version) =>
      best === undefined || (version.created_at ?? '') > (best.created_at ?? '') ? version : best,
    undefined,
  );
  if (newest === undefined) {
    throw new SkiffError(
      'FAILED_PRECONDITION',
      `Pipeline "${pipeline.display_name ?? pipeline.pipeline_id}" has no versions yet; upload one with \`skiff pipeline upload FILE --pipeline ${pipeline.pipeline_id}\`.`,
      { pipeline: pipeline.pipeline_id },
    );
  }
  if (newest.pipeline_spec !== undefined) return newest;
  return kfp.getPipelineVersion(pipeline.pipeline_id, newest.pipeline_version_id);
}

export async function findExperiment(
  kfp: KfpClient,
  ref: string,
): Promise<KfpExperiment | undefined> {
  const [byName] = await collectPages(
    async (pageToken) => {
      const page = await kfp.listExperiments({
        pageSize: PAGE_SIZE,
        ...(pageToken !== undefined ? { pageToken } : {}),
      });
      return { items: page.experiments ?? [], next: page.next_page_token };
    },
    1,
    (experiment) => experiment.display_name === ref || experiment.experiment_id === ref,
  );
  return byName ?? (await orMissing(() => kfp.getExperiment(ref)));
}

/** `--experiment NAME`: the experiment of that name (or id), created when there is none. */
export async function ensureExperiment(
  kfp: KfpClient,
  name: string,
): Promise<{ experiment: KfpExperiment; created: boolean }> {
  const found = await findExperiment(kfp, name);
  if (found !== undefined) return { experiment: found, created: false };
  try {
    return { experiment: await kfp.createExperiment({ display_name: name }), created: true };
  } catch (error) {
    // Someone else created it in between.
    if (!(error instanceof SkiffError && error.code === 'ALREADY_EXISTS')) throw error;
    const again = await findExperiment(kfp, name);
    if (again === undefined) throw error;
    return { experiment: again, created: false };
  }
}

/** A run by id, or the newest run with that display name. */
export async function findRun(kfp: KfpClient, ref: string): Promise<KfpRun> {
  const byId = await orMissing(() => kfp.getRun(ref));
  if (byId !== undefined) return byId;
  const [byName] = await collectPages(
    async (pageToken) => {
      const page = await kfp.listRuns({
        pageSize: PAGE_SIZE,
        sortBy: 'created_at desc',
        ...(pageToken !== undefined ? { pageToken } : {}),
      });
      return { items: page.runs ?? [], next: page.next_page_token };
    },
    1,
    (run) => run.display_name === ref,
  ).catch(() => []);
  if (byName !== undefined) return kfp.getRun(byName.run_id);
  throw new SkiffError(
    'NOT_FOUND',
    `No run has the id or name "${ref}". See them with \`skiff run list\`.`,
    {
      run: ref,
    },
  );
}

/** undefined for NOT_FOUND (and INVALID_ARGUMENT: servers that reject a name as an id). */
async function orMissing<T>(get: () => Promise<T>): Promise<T | undefined> {
  try {
    return await get();
  } catch (error) {
    if (
      error instanceof SkiffError &&
      (error.code === 'NOT_FOUND' || error.code === 'INVALID_ARGUMENT')
    ) {
      return undefined;
    }
    throw error;
  }
}
