import { invalidArgument } from '../../../core/errors.js';
import type { ExecutorPreference } from '../../../executors/executor-selection.js';
import type { RunRecord } from '../../../pipelines/store/run-repository.js';
import { asObject, type JsonObject } from './request-fields.js';

/** Skiff's extensions to KFP's CreateRun body: `labels`, `enable_caching`, `executor`. */
export type RunOptions = Pick<RunRecord, 'labels' | 'cacheEnabled' | 'executor'>;

export const MAX_LABELS = 64;
const MAX_KEY = 63;
const MAX_VALUE = 256;
// Keys end up in a JSON path when runs are filtered by `labels.<key>`: no quotes or spaces.
const KEY_PATTERN = /^[\w./-]+$/;
const EXECUTORS: readonly ExecutorPreference[] = ['auto', 'docker', 'process'];

export function runOptions(body: JsonObject): RunOptions {
  const options: RunOptions = {
    labels: labels(body.labels),
    cacheEnabled: enableCaching(body.enable_caching),
  };
  const executor = body.executor;
  if (executor !== undefined && executor !== null && executor !== '') {
    if (!EXECUTORS.includes(executor as ExecutorPreference)) {
      throw invalidArgument(
        'executor',
        `${JSON.stringify(executor)} is not one of ${EXECUTORS.join(', ')}; leave it out to follow Settings`,
      );
    }
    options.executor = executor as ExecutorPreference;
  }
  return options;
}

function enableCaching(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value !== 'boolean') {
    throw invalidArgument('enable_caching', 'must be true or false (a JSON boolean)');
  }
  return value;
}

/** String → string, like Kubernetes labels but with longer values (run notes, sweeps). */
function labels(value: unknown): Record<string, string> {
  if (value === undefined || value === null) return {};
  const object = asObject(value, 'labels');
  const entries = Object.entries(object);
  if (entries.length > MAX_LABELS) {
    throw invalidArgument(
      'labels',
      `has ${entries.length} labels; a run takes at most ${MAX_LABELS}`,
    );
  }
  for (const [key, item] of entries) {
    const field = `labels.${key}`;
    if (key === '') throw invalidArgument('labels', 'a label key is empty; name every label');
    if (key.length > MAX_KEY) {
      throw invalidArgument(field, `the key is ${key.length} characters; at most ${MAX_KEY}`);
    }
    if (!KEY_PATTERN.test(key)) {
      throw invalidArgument(field, 'keys use letters, digits, ".", "_", "/" and "-" only');
    }
    if (typeof item !== 'string') throw invalidArgument(field, 'the value must be a string');
    if (item.length > MAX_VALUE) {
      throw invalidArgument(field, `the value is ${item.length} characters; at most ${MAX_VALUE}`);
    }
  }
  return object as Record<string, string>;
}
