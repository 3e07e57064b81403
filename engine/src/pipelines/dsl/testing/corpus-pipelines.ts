import type { Pipeline, PipelineInputDecls } from '../pipeline.js';
import type { OutputRefs } from '../signature.js';
import { flipCoin, loops, multipleExitHandlers } from './corpus-control-flow.js';
import { collectedParameters, paramsContainingFormat } from './corpus-data-passing.js';

/**
 * DSL versions of pipelines in the KFP compiler's test corpus (kfp-ir/valid/), written
 * from the structure of the compiled files, keyed by corpus path.
 */
export const corpusMirrors: Record<string, () => Pipeline<PipelineInputDecls, OutputRefs>> = {
  'critical/flip_coin.yaml': flipCoin,
  'critical/collected_parameters.yaml': collectedParameters,
  'parallel_and_nested/pipeline_with_loops.yaml': loops,
  'failing/pipeline_with_multiple_exit_handlers.yaml': multipleExitHandlers,
  'essential/pipeline_with_params_containing_format.yaml': paramsContainingFormat,
};
