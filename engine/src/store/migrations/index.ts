import { initialSchema } from './001-initial-schema.js';
import { taskKindAndCache } from './002-task-kind-and-cache.js';
import { kfpApiFields } from './003-kfp-api-fields.js';
import { recurringRunFields } from './004-recurring-run-fields.js';
import { runOptions } from './005-run-options.js';
import { clusterInstall } from './006-cluster-install.js';
import { clusters } from './007-clusters.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Every schema change, in order. Never edit a released migration: add the next one. */
export const MIGRATIONS: readonly Migration[] = [
  initialSchema,
  taskKindAndCache,
  kfpApiFields,
  recurringRunFields,
  runOptions,
  clusterInstall,
  clusters,
];
