/**
 * Skiff's pipeline DSL: typed container components and pipelines that compile to the
 * KFP v2 IR (PipelineSpec) exactly as `kfp.compiler` lays it out.
 */
export { artifact, type ArtifactDecl, type ArtifactSchema } from './artifact.js';
export { collected } from './collected.js';
export { compile, toYaml } from './compile.js';
export { Condition } from './condition.js';
export {
  containerComponent,
  type ContainerComponent,
  type ContainerComponentOptions,
} from './container-component.js';
export { exitHandler } from './exit-handler.js';
export { forEach, type ForEachOptions } from './for-each.js';
export { fstring, FormattedString } from './fstring.js';
export { param, type FinalStatusDecl, type JsonObject, type ParameterDecl } from './parameter.js';
export {
  pipeline,
  type Pipeline,
  type PipelineContext,
  type PipelineInputDecls,
  type PipelineOptions,
} from './pipeline.js';
export { pipelineSpecToYaml } from './pipeline-yaml.js';
export { PipelineTask } from './pipeline-task.js';
export { placeholders, type CommandContext } from './placeholders.js';
export { ArtifactListRef, ArtifactRef, ParamRef, type Untyped } from './refs.js';
export type { Empty, ResourceSettings, RetrySettings, TaskArguments } from './signature.js';
export { when, type ConditionChain } from './when.js';
