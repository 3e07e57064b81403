/** `skiff run get`: one run's facts, then its task table. */
import type { KfpRun } from './kfp-types.js';
import { formatElapsed, formatTaskTable, formatTime, rowFromDetail } from './run-table.js';

export function formatRunDetails(run: KfpRun, now: Date): string {
  const facts: Array<[string, string]> = [['State', run.state ?? 'unknown']];
  facts.push(['Pipeline', describePipeline(run)]);
  if (run.experiment_id) facts.push(['Experiment', run.experiment_id]);
  if (run.created_at) facts.push(['Created', formatTime(run.created_at)]);
  if (run.finished_at && Date.parse(run.finished_at) > 0)
    facts.push(['Finished', formatTime(run.finished_at)]);
  if (run.created_at) {
    const finished =
      run.finished_at && Date.parse(run.finished_at) > 0 ? run.finished_at : undefined;
    const took = formatElapsed(run.created_at, finished, now);
    if (took) facts.push(['Duration', took]);
  }
  if (run.error?.message) facts.push(['Error', run.error.message]);
  const parameters = Object.entries(run.runtime_config?.parameters ?? {});
  if (parameters.length > 0) {
    facts.push([
      'Parameters',
      parameters.map(([key, value]) => `${key}=${JSON.stringify(value)}`).join(', '),
    ]);
  }
  const width = Math.max(...facts.map(([label]) => label.length));
  const lines = [
    `Run "${run.display_name ?? run.run_id}" (${run.run_id})`,
    ...facts.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`),
    '',
    ...formatTaskTable((run.run_details?.task_details ?? []).map(rowFromDetail), now),
  ];
  return `${lines.join('\n')}\n`;
}

function describePipeline(run: KfpRun): string {
  const ref = run.pipeline_version_reference;
  if (ref?.pipeline_id) {
    return ref.pipeline_version_id
      ? `${ref.pipeline_id}, version ${ref.pipeline_version_id}`
      : `${ref.pipeline_id}, latest version`;
  }
  const spec = run.pipeline_spec;
  const inner = spec !== undefined && isRecord(spec.pipeline_spec) ? spec.pipeline_spec : spec;
  const info = inner !== undefined && isRecord(inner.pipelineInfo) ? inner.pipelineInfo : undefined;
  const name = info !== undefined && typeof info.name === 'string' ? ` "${info.name}"` : '';
  return `inline spec${name}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
