import type { Migration } from './index.js';

/**
 * The executor a run asked for at creation (`auto`, `docker` or `process`; NULL follows
 * Settings). `runs.executor` stays what the run actually ran on, which recovery needs.
 */
export const runOptions: Migration = {
  version: 5,
  name: 'run options',
  sql: `
ALTER TABLE runs ADD COLUMN executor_request TEXT;
`,
};
