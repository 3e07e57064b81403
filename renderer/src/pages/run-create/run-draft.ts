import type {
  CreateRecurringRunRequest,
  PipelineSource,
  Trigger,
} from '../../api/kfp-recurring-runs';
import type { PipelineSpec, ProtoValue } from '../../api/kfp-types';
import { collectParameters, type FormField } from './run-form';
import { buildTrigger, defaultTrigger, type TriggerDraft } from './trigger-draft';

export type RunKind = 'one-off' | 'recurring';
export type ExecutorChoice = '' | 'auto' | 'docker' | 'process';
export interface LabelRow {
  key: string;
  value: string;
}

/**
 * Everything the Create run form holds, as text. Errors are keyed by form key: `name`,
 * `pipeline`, `experiment`, `param.<name>`, `labels`, `label.<row>`, `executor`,
 * `trigger.cron|interval|start|end|max_concurrency`.
 */
export interface RunDraft {
  kind: RunKind;
  name: string;
  description: string;
  pipelineId: string;
  versionId: string;
  /** A cloned run's own spec, when it has no stored version. */
  inlineSpec?: PipelineSpec;
  values: Record<string, string>;
  experimentMode: 'existing' | 'new';
  /** '' for the default experiment. */
  experimentId: string;
  newExperimentName: string;
  labels: LabelRow[];
  caching: boolean;
  executor: ExecutorChoice;
  trigger: TriggerDraft;
}

export function emptyDraft(): RunDraft {
  return {
    kind: 'one-off',
    name: '',
    description: '',
    pipelineId: '',
    versionId: '',
    values: {},
    experimentMode: 'existing',
    experimentId: '',
    newExperimentName: '',
    labels: [],
    caching: true,
    executor: '',
    trigger: defaultTrigger(),
  };
}

const LABEL_KEY = /^[\w./-]+$/;

/** Rows with a key become labels; a value without a key, or a repeated key, is an error. */
export function collectLabels(rows: readonly LabelRow[]): {
  labels: Record<string, string>;
  errors: Record<string, string>;
} {
  const labels: Record<string, string> = {};
  const errors: Record<string, string> = {};
  rows.forEach((row, i) => {
    const key = row.key.trim();
    if (key === '') {
      if (row.value !== '') errors[`label.${i}`] = 'Give this label a key.';
      return;
    }
    if (!LABEL_KEY.test(key)) {
      errors[`label.${i}`] =
        `Label key “${key}” may use letters, digits, “.”, “_”, “/” and “-” only.`;
    } else if (key in labels) errors[`label.${i}`] = `Label “${key}” is given twice.`;
    else labels[key] = row.value;
  });
  return { labels, errors };
}

export type Prepared =
  | {
      ok: true;
      parameters: Record<string, ProtoValue>;
      labels: Record<string, string>;
      trigger?: Trigger;
      maxConcurrency?: number;
    }
  | { ok: false; errors: Record<string, string> };

/** Checks the whole draft; the typed values to send, or every error by form key. */
export function prepareDraft(draft: RunDraft, fields: readonly FormField[]): Prepared {
  const errors: Record<string, string> = {};
  if (!draft.inlineSpec && (!draft.pipelineId || !draft.versionId)) {
    errors['pipeline'] = 'Choose a pipeline and a version.';
  }
  const params = collectParameters([...fields], draft.values);
  for (const [name, message] of Object.entries(params.errors)) errors[`param.${name}`] = message;
  if (draft.experimentMode === 'new' && draft.newExperimentName.trim() === '') {
    errors['experiment'] = 'Name the new experiment, or pick an existing one.';
  }
  const labels = collectLabels(draft.labels);
  Object.assign(errors, labels.errors);
  if (draft.kind === 'recurring' && draft.name.trim() === '') {
    errors['name'] = 'Name the recurring run.';
  }
  const built = draft.kind === 'recurring' ? buildTrigger(draft.trigger) : null;
  if (built && !built.ok) Object.assign(errors, built.errors);

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    parameters: params.parameters,
    labels: labels.labels,
    ...(built?.ok ? { trigger: built.trigger, maxConcurrency: built.maxConcurrency } : {}),
  };
}

export function pipelineSource(draft: RunDraft): PipelineSource {
  if (draft.pipelineId && draft.versionId) {
    return {
      pipeline_version_reference: {
        pipeline_id: draft.pipelineId,
        pipeline_version_id: draft.versionId,
      },
    };
  }
  return draft.inlineSpec ? { pipeline_spec: draft.inlineSpec } : {};
}

/** KFP's CreateRun body plus Skiff's `labels`, `enable_caching` and `executor`. */
export interface RunRequestBody extends PipelineSource {
  display_name: string;
  description?: string;
  experiment_id?: string;
  runtime_config: { parameters: Record<string, ProtoValue> };
  labels?: Record<string, string>;
  enable_caching?: boolean;
  executor?: Exclude<ExecutorChoice, ''>;
}

export function runBody(
  draft: RunDraft,
  prepared: Extract<Prepared, { ok: true }>,
  experimentId: string | undefined,
  fallbackName: string,
): RunRequestBody {
  const body: RunRequestBody = {
    display_name: draft.name.trim() || fallbackName,
    ...pipelineSource(draft),
    runtime_config: { parameters: prepared.parameters },
    labels: prepared.labels,
    enable_caching: draft.caching,
  };
  if (draft.description.trim()) body.description = draft.description.trim();
  if (experimentId) body.experiment_id = experimentId;
  if (draft.executor) body.executor = draft.executor;
  return body;
}

export function recurringRunBody(
  draft: RunDraft,
  prepared: Extract<Prepared, { ok: true }>,
  experimentId: string | undefined,
): CreateRecurringRunRequest {
  const body: CreateRecurringRunRequest = {
    display_name: draft.name.trim(),
    ...pipelineSource(draft),
    runtime_config: { parameters: prepared.parameters },
    trigger: prepared.trigger ?? {},
    max_concurrency: String(prepared.maxConcurrency ?? 1),
    no_catchup: !draft.trigger.catchup,
    mode: draft.trigger.enabled ? 'ENABLE' : 'DISABLE',
    labels: prepared.labels,
    enable_caching: draft.caching,
  };
  if (draft.description.trim()) body.description = draft.description.trim();
  if (experimentId) body.experiment_id = experimentId;
  if (draft.executor) body.executor = draft.executor;
  return body;
}
