/**
 * `recurring-run.yaml` of a GitOps folder: the pipeline's recurring runs as KFP v2beta1
 * RecurringRun request bodies (what `POST /apis/v2beta1/recurringruns` takes), one YAML
 * document each, or a commented template when the pipeline has none.
 */
import { stringify } from 'yaml';

/** The v2beta1 RecurringRun fields this file keeps; the rest are the server's. */
export interface RecurringRunDefinition {
  display_name?: string;
  description?: string;
  pipeline_version_reference?: { pipeline_id?: string; pipeline_version_id?: string };
  runtime_config?: { parameters?: Record<string, unknown>; pipeline_root?: string };
  trigger?: unknown;
  max_concurrency?: string;
  mode?: string;
  no_catchup?: boolean;
  service_account?: string;
  experiment_id?: string;
  namespace?: string;
}

/**
 * Ids, timestamps and status are assigned by the server that stores the run, so a
 * definition applied elsewhere must not carry them; keeping them would also make the
 * file change on every export.
 */
const KEPT_FIELDS: readonly (keyof RecurringRunDefinition)[] = [
  'display_name',
  'description',
  'pipeline_version_reference',
  'runtime_config',
  'trigger',
  'max_concurrency',
  'mode',
  'no_catchup',
  'service_account',
  'experiment_id',
  'namespace',
];

export function recurringRunDefinition(run: RecurringRunDefinition): RecurringRunDefinition {
  const kept: RecurringRunDefinition = {};
  for (const field of KEPT_FIELDS) {
    if (run[field] !== undefined) Object.assign(kept, { [field]: run[field] });
  }
  return kept;
}

export function recurringRunsYaml(
  runs: readonly RecurringRunDefinition[],
  pipelineName: string,
): string {
  if (runs.length === 0) return template(pipelineName);
  const header = `# Recurring runs of pipeline "${pipelineName}" (KFP v2beta1 RecurringRun).\n`;
  const documents = [...runs]
    .map(recurringRunDefinition)
    .sort((a, b) => (a.display_name ?? '').localeCompare(b.display_name ?? ''))
    .map((run) => stringify(run, { sortMapEntries: true, lineWidth: 0 }));
  return header + documents.join('---\n');
}

function template(pipelineName: string): string {
  return `# Pipeline "${pipelineName}" has no recurring runs. To schedule it, uncomment this
# KFP v2beta1 RecurringRun, fill in the ids, and POST it (as JSON) to
# /apis/v2beta1/recurringruns, or use \`kfp recurring-run create\` (see README.md).
#
# display_name: ${pipelineName} nightly
# pipeline_version_reference:
#   pipeline_id: PIPELINE_ID
#   pipeline_version_id: VERSION_ID
# runtime_config:
#   parameters: {}
# trigger:
#   cron_schedule:
#     cron: 0 0 2 * * *
# max_concurrency: "1"
# mode: ENABLE
# no_catchup: true
`;
}
