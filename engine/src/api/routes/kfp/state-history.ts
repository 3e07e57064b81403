import type { RuntimeState } from '../../../pipelines/scheduler/run-model.js';
import type { KfpRuntimeStatus } from './kfp-types.js';
import { rpcStatus } from './rpc-status.js';

export interface StateTimes {
  state: RuntimeState;
  createdAt: string;
  startedAt?: string;
  finishedAt?: string;
  error?: { code: string; message: string };
}

/**
 * KFP's `state_history`, told from the times Skiff keeps: PENDING when created, RUNNING
 * when started, then the current state (at its finish time once it has one).
 */
export function stateHistory(entity: StateTimes): KfpRuntimeStatus[] {
  const history: KfpRuntimeStatus[] = [{ update_time: entity.createdAt, state: 'PENDING' }];
  if (entity.startedAt) history.push({ update_time: entity.startedAt, state: 'RUNNING' });
  if (history.at(-1)?.state !== entity.state) {
    const status: KfpRuntimeStatus = { state: entity.state };
    if (entity.finishedAt) status.update_time = entity.finishedAt;
    if (entity.error) status.error = rpcStatus(entity.error);
    history.push(status);
  }
  return history;
}
