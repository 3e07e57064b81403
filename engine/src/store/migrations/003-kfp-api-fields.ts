import type { Migration } from './index.js';

/**
 * Fields KFP's v2beta1 API has and 001 lacked: pipeline and version `name` (the unique,
 * required name; `display_name` defaults to it) and `tags`; a run's pipeline, namespace and
 * service account; indexes for the list pages' default sort.
 */
export const kfpApiFields: Migration = {
  version: 3,
  name: 'kfp api fields',
  sql: `
ALTER TABLE pipelines ADD COLUMN name TEXT NOT NULL DEFAULT '';
ALTER TABLE pipelines ADD COLUMN tags TEXT NOT NULL DEFAULT '{}';
UPDATE pipelines SET name = display_name WHERE name = '';
CREATE UNIQUE INDEX pipelines_by_name ON pipelines (namespace, name);
CREATE INDEX pipelines_by_created ON pipelines (created_at);

ALTER TABLE pipeline_versions ADD COLUMN name TEXT NOT NULL DEFAULT '';
ALTER TABLE pipeline_versions ADD COLUMN tags TEXT NOT NULL DEFAULT '{}';
UPDATE pipeline_versions SET name = display_name WHERE name = '';
CREATE UNIQUE INDEX pipeline_versions_by_name ON pipeline_versions (pipeline_id, name);

ALTER TABLE runs ADD COLUMN pipeline_id TEXT;
ALTER TABLE runs ADD COLUMN namespace TEXT NOT NULL DEFAULT '';
ALTER TABLE runs ADD COLUMN service_account TEXT NOT NULL DEFAULT '';
CREATE INDEX runs_by_created ON runs (created_at);

CREATE INDEX experiments_by_created ON experiments (created_at);
`,
};
