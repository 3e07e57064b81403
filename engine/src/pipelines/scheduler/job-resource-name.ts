import type { RunRequest } from './run-model.js';

/**
 * `{{$.pipeline_job_resource_name}}` and `pipelineJobResourceName` in final statuses: on
 * a cluster this is the workflow's name, derived from the pipeline's name, and
 * components check for it (critical/pipeline_with_input_status_state).
 */
export function jobResourceName(request: Pick<RunRequest, 'spec' | 'runId'>): string {
  return `${request.spec.pipelineInfo.name}-${request.runId.replace(/-/g, '').slice(0, 8)}`;
}
