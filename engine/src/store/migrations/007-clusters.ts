import type { Migration } from './index.js';

/**
 * The local cluster's state machine, so an engine restart shows the truth. SQLite rather
 * than settings.json: it is runtime state written on every transition (a transaction),
 * not a preference the user edits.
 */
export const clusters: Migration = {
  version: 7,
  name: 'clusters',
  sql: `
CREATE TABLE clusters (
  name TEXT PRIMARY KEY,
  state TEXT NOT NULL,
  spec TEXT NOT NULL,
  profile TEXT NOT NULL,
  operation_id TEXT,
  failure TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
`,
};
