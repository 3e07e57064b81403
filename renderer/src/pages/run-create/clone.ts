import type { KfpRun, PipelineSpec } from '../../api/kfp-types';
import { emptyDraft, type ExecutorChoice, type RunDraft } from './run-draft';
import { textForValue, type FormField } from './run-form';

/** A run as the engine answers it, with Skiff's extra fields (see the engine's run-json.ts). */
export type ClonableRun = KfpRun & {
  description?: string;
  pipeline_spec?: PipelineSpec;
  labels?: Record<string, string>;
  enable_caching?: boolean;
  executor?: string;
};

const EXECUTORS: readonly string[] = ['auto', 'docker', 'process'];

/** The Create run form filled in from an earlier run: same pipeline, values and options. */
export function cloneDraft(run: ClonableRun, fields: readonly FormField[]): RunDraft {
  const draft = emptyDraft();
  const ref = run.pipeline_version_reference;
  if (ref) {
    draft.pipelineId = ref.pipeline_id;
    draft.versionId = ref.pipeline_version_id;
  } else if (run.pipeline_spec) {
    draft.inlineSpec = run.pipeline_spec;
  }
  draft.name = `Clone of ${run.display_name}`;
  draft.description = run.description ?? '';
  const given = run.runtime_config?.parameters ?? {};
  draft.values = Object.fromEntries(
    fields.map((f) => [f.name, f.name in given ? textForValue(f.kind, given[f.name]) : f.initial]),
  );
  draft.experimentId = run.experiment_id ?? '';
  draft.labels = Object.entries(run.labels ?? {}).map(([key, value]) => ({ key, value }));
  draft.caching = run.enable_caching ?? true;
  draft.executor = EXECUTORS.includes(run.executor ?? '') ? (run.executor as ExecutorChoice) : '';
  return draft;
}
