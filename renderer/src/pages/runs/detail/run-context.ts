import type { KfpRunDetail } from '../../../api/kfp-run-actions';

/** Names for the run's links and the spec its graph is drawn from. */
export interface RunContext {
  pipelineName?: string;
  versionName?: string;
  experimentName?: string;
  spec: Record<string, unknown> | null;
}

export interface RunContextSources {
  getPipeline: (id: string) => Promise<{ display_name: string }>;
  getPipelineVersion: (
    pipelineId: string,
    versionId: string,
  ) => Promise<{ display_name: string; pipeline_spec?: object }>;
  getExperiment: (id: string) => Promise<{ display_name: string }>;
}

/**
 * The run's pipeline, version and experiment names and its spec, asked in parallel. A
 * deleted pipeline or experiment only loses its name: the page still shows the run.
 */
export async function loadRunContext(
  run: KfpRunDetail,
  sources: RunContextSources,
): Promise<RunContext> {
  const ref = run.pipeline_version_reference;
  const [pipeline, version, experiment] = await Promise.allSettled([
    ref ? sources.getPipeline(ref.pipeline_id) : Promise.reject(new Error('none')),
    ref
      ? sources.getPipelineVersion(ref.pipeline_id, ref.pipeline_version_id)
      : Promise.reject(new Error('none')),
    run.experiment_id
      ? sources.getExperiment(run.experiment_id)
      : Promise.reject(new Error('none')),
  ]);
  const context: RunContext = {
    spec:
      run.pipeline_spec ??
      (version.status === 'fulfilled'
        ? ((version.value.pipeline_spec as Record<string, unknown> | undefined) ?? null)
        : null),
  };
  if (pipeline.status === 'fulfilled') context.pipelineName = pipeline.value.display_name;
  if (version.status === 'fulfilled') context.versionName = version.value.display_name;
  if (experiment.status === 'fulfilled') context.experimentName = experiment.value.display_name;
  return context;
}
