import type { ProtoValue } from '../../engine/src/pipelines/ir/pipeline-spec.js';
import type { FinishedRun } from './run-harness.js';

export interface RunCase {
  parameters?: Record<string, ProtoValue>;
  state: 'SUCCEEDED' | 'FAILED';
  check?: (run: FinishedRun) => void;
}

/** Folders whose every pipeline must run (others are picked by feature below). */
export const RUN_FOLDERS = [
  'critical',
  'essential',
  'parallel_and_nested',
  'local_execution',
  'failing',
];

/** Top-level corpus files with loops, conditions, fan-in or exit handlers. */
export const RUN_FEATURE_PATTERN =
  /loop|condition|collected|exit|if_|oneof|parallelfor|final_status|nested|producer_consumer/;
