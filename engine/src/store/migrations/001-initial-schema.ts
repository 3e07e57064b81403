import type { Migration } from './index.js';

/**
 * The KFP v2beta1 resources (pipelines, versions, experiments, runs, tasks, artifacts,
 * recurring runs) with KFP's names, plus the engine's operations and durable events.
 * JSON columns hold protobuf-shaped documents exactly as the API returns them.
 */
export const initialSchema: Migration = {
  version: 1,
  name: 'initial schema',
  sql: `
CREATE TABLE pipelines (
  pipeline_id   TEXT PRIMARY KEY,
  display_name  TEXT NOT NULL,
  description   TEXT NOT NULL DEFAULT '',
  namespace     TEXT NOT NULL DEFAULT '',
  created_at    TEXT NOT NULL,
  UNIQUE (namespace, display_name)
);

CREATE TABLE pipeline_versions (
  pipeline_version_id TEXT PRIMARY KEY,
  pipeline_id         TEXT NOT NULL REFERENCES pipelines(pipeline_id) ON DELETE CASCADE,
  display_name        TEXT NOT NULL,
  description         TEXT NOT NULL DEFAULT '',
  pipeline_spec       TEXT NOT NULL,
  platform_spec       TEXT,
  digest              TEXT NOT NULL,
  package_url         TEXT,
  code_source_url     TEXT,
  created_at          TEXT NOT NULL,
  UNIQUE (pipeline_id, display_name)
);
CREATE INDEX pipeline_versions_by_pipeline ON pipeline_versions (pipeline_id, created_at);

CREATE TABLE experiments (
  experiment_id       TEXT PRIMARY KEY,
  display_name        TEXT NOT NULL,
  description         TEXT NOT NULL DEFAULT '',
  namespace           TEXT NOT NULL DEFAULT '',
  storage_state       TEXT NOT NULL DEFAULT 'AVAILABLE' CHECK (storage_state IN ('AVAILABLE', 'ARCHIVED')),
  created_at          TEXT NOT NULL,
  last_run_created_at TEXT,
  UNIQUE (namespace, display_name)
);

CREATE TABLE recurring_runs (
  recurring_run_id    TEXT PRIMARY KEY,
  display_name        TEXT NOT NULL,
  description         TEXT NOT NULL DEFAULT '',
  experiment_id       TEXT REFERENCES experiments(experiment_id) ON DELETE SET NULL,
  pipeline_version_id TEXT REFERENCES pipeline_versions(pipeline_version_id) ON DELETE SET NULL,
  pipeline_spec       TEXT,
  runtime_config      TEXT NOT NULL DEFAULT '{}',
  trigger             TEXT NOT NULL,
  max_concurrency     INTEGER NOT NULL DEFAULT 1 CHECK (max_concurrency BETWEEN 1 AND 10),
  no_catchup          INTEGER NOT NULL DEFAULT 0,
  mode                TEXT NOT NULL DEFAULT 'ENABLE' CHECK (mode IN ('ENABLE', 'DISABLE')),
  namespace           TEXT NOT NULL DEFAULT '',
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  last_triggered_at   TEXT
);

CREATE TABLE runs (
  run_id              TEXT PRIMARY KEY,
  display_name        TEXT NOT NULL,
  description         TEXT NOT NULL DEFAULT '',
  experiment_id       TEXT REFERENCES experiments(experiment_id) ON DELETE SET NULL,
  pipeline_version_id TEXT REFERENCES pipeline_versions(pipeline_version_id) ON DELETE SET NULL,
  pipeline_spec       TEXT NOT NULL,
  runtime_config      TEXT NOT NULL DEFAULT '{}',
  recurring_run_id    TEXT REFERENCES recurring_runs(recurring_run_id) ON DELETE SET NULL,
  state               TEXT NOT NULL DEFAULT 'PENDING',
  storage_state       TEXT NOT NULL DEFAULT 'AVAILABLE' CHECK (storage_state IN ('AVAILABLE', 'ARCHIVED')),
  executor            TEXT,
  error               TEXT,
  labels              TEXT NOT NULL DEFAULT '{}',
  created_at          TEXT NOT NULL,
  scheduled_at        TEXT,
  finished_at         TEXT
);
CREATE INDEX runs_by_experiment ON runs (experiment_id, created_at);
CREATE INDEX runs_by_state ON runs (state, created_at);
CREATE INDEX runs_by_storage ON runs (storage_state, created_at);
CREATE INDEX runs_by_recurring_run ON runs (recurring_run_id, created_at);

CREATE TABLE tasks (
  task_id           TEXT PRIMARY KEY,
  run_id            TEXT NOT NULL REFERENCES runs(run_id) ON DELETE CASCADE,
  parent_task_id    TEXT REFERENCES tasks(task_id) ON DELETE CASCADE,
  name              TEXT NOT NULL,
  display_name      TEXT NOT NULL,
  iteration_index   INTEGER,
  state             TEXT NOT NULL DEFAULT 'PENDING',
  cached            INTEGER NOT NULL DEFAULT 0,
  cache_fingerprint TEXT,
  attempts          INTEGER NOT NULL DEFAULT 0,
  inputs            TEXT NOT NULL DEFAULT '{}',
  outputs           TEXT NOT NULL DEFAULT '{}',
  container_id      TEXT,
  error             TEXT,
  created_at        TEXT NOT NULL,
  started_at        TEXT,
  finished_at       TEXT
);
CREATE INDEX tasks_by_run ON tasks (run_id);
CREATE INDEX tasks_by_fingerprint ON tasks (cache_fingerprint);

CREATE TABLE artifacts (
  artifact_id      TEXT PRIMARY KEY,
  run_id           TEXT NOT NULL REFERENCES runs(run_id) ON DELETE CASCADE,
  producer_task_id TEXT REFERENCES tasks(task_id) ON DELETE SET NULL,
  output_key       TEXT NOT NULL,
  schema_title     TEXT NOT NULL,
  uri              TEXT NOT NULL,
  size_bytes       INTEGER,
  metadata         TEXT NOT NULL DEFAULT '{}',
  created_at       TEXT NOT NULL
);
CREATE INDEX artifacts_by_run ON artifacts (run_id);

CREATE TABLE artifact_consumers (
  artifact_id TEXT NOT NULL REFERENCES artifacts(artifact_id) ON DELETE CASCADE,
  task_id     TEXT NOT NULL REFERENCES tasks(task_id) ON DELETE CASCADE,
  input_key   TEXT NOT NULL,
  PRIMARY KEY (artifact_id, task_id, input_key)
);

CREATE TABLE operations (
  id               TEXT PRIMARY KEY,
  kind             TEXT NOT NULL,
  title            TEXT NOT NULL,
  state            TEXT NOT NULL CHECK (state IN ('RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
  progress_current INTEGER NOT NULL DEFAULT 0,
  progress_total   INTEGER NOT NULL DEFAULT 0,
  progress_message TEXT NOT NULL DEFAULT '',
  error            TEXT,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  finished_at      TEXT
);
CREATE INDEX operations_by_state ON operations (state);
CREATE INDEX operations_by_created ON operations (created_at);

CREATE TABLE events (
  id   INTEGER PRIMARY KEY AUTOINCREMENT,
  type TEXT NOT NULL,
  data TEXT NOT NULL,
  time TEXT NOT NULL
);
`,
};
