import type { Migration } from './index.js';

/**
 * What recurring runs need beyond 001: the pipeline a version belongs to, the platform
 * spec and service account copied into each triggered run, and an index for the list page.
 */
export const recurringRunFields: Migration = {
  version: 4,
  name: 'recurring run fields',
  sql: `
ALTER TABLE recurring_runs ADD COLUMN pipeline_id TEXT REFERENCES pipelines(pipeline_id) ON DELETE SET NULL;
ALTER TABLE recurring_runs ADD COLUMN platform_spec TEXT;
ALTER TABLE recurring_runs ADD COLUMN service_account TEXT NOT NULL DEFAULT '';
CREATE INDEX recurring_runs_by_created ON recurring_runs (created_at);
`,
};
