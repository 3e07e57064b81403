import type { ExperimentRecord } from '../../../pipelines/store/experiment-repository.js';
import type { KfpExperiment } from './kfp-types.js';

export function experimentJson(experiment: ExperimentRecord): KfpExperiment {
  const json: KfpExperiment = {
    experiment_id: experiment.experimentId,
    display_name: experiment.displayName,
    description: experiment.description,
    created_at: experiment.createdAt,
    namespace: experiment.namespace,
    storage_state: experiment.storageState,
  };
  if (experiment.lastRunCreatedAt) json.last_run_created_at = experiment.lastRunCreatedAt;
  return json;
}
