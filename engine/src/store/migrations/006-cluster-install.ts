import type { Migration } from './index.js';

/**
 * Per-component install state of the bundled platform, so an install that stopped (crash,
 * cancel, failure) resumes: components ready with the same bundle digest are skipped.
 * `objects` lists what Skiff applied, so uninstall removes exactly that.
 */
export const clusterInstall: Migration = {
  version: 6,
  name: 'cluster install',
  sql: `
CREATE TABLE cluster_install_components (
  target TEXT NOT NULL,
  component TEXT NOT NULL,
  digest TEXT NOT NULL,
  state TEXT NOT NULL,
  objects TEXT NOT NULL,
  error TEXT,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (target, component)
);
`,
};
