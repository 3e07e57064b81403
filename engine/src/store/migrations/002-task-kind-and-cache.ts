import type { Migration } from './index.js';

/** Task kinds, per-run platform spec and caching switch, and the content-addressed task cache. */
export const taskKindAndCache: Migration = {
  version: 2,
  name: 'task kind and cache',
  sql: `
ALTER TABLE tasks ADD COLUMN kind TEXT NOT NULL DEFAULT 'container';
ALTER TABLE runs ADD COLUMN platform_spec TEXT;
ALTER TABLE runs ADD COLUMN cache_enabled INTEGER NOT NULL DEFAULT 1;
ALTER TABLE runs ADD COLUMN started_at TEXT;
CREATE INDEX tasks_by_parent ON tasks (parent_task_id);

CREATE TABLE cache_entries (
  fingerprint TEXT PRIMARY KEY,
  task_id     TEXT NOT NULL,
  run_id      TEXT NOT NULL,
  outputs     TEXT NOT NULL,
  created_at  TEXT NOT NULL
);
`,
};
