import type {
  ArtifactSpec,
  ComponentSpec,
  InterfaceDefinitions,
  ParameterSpec,
} from '../../ir/pipeline-spec.js';
import { ARTIFACT_SCHEMA_VERSION } from '../artifact.js';
import type { ChannelType } from '../channel.js';
import type { InputDecls, OutputDecls } from '../signature.js';
import type { GroupOutput, ResolvedChannel } from './group-io.js';

/**
 * Component interfaces (`inputDefinitions` / `outputDefinitions`) as KFP writes them: from
 * a component's declarations, or from the channels a sub-DAG passes through.
 */

export function artifactType(schemaTitle: string): ArtifactSpec['artifactType'] {
  return { schemaTitle, schemaVersion: ARTIFACT_SCHEMA_VERSION };
}

/** The interface of a container component or pipeline, from its declarations. */
export function declaredInterface(inputs: InputDecls, outputs: OutputDecls): ComponentSpec {
  const inputParameters: Record<string, ParameterSpec> = {};
  const inputArtifacts: Record<string, ArtifactSpec> = {};
  for (const [name, decl] of Object.entries(inputs)) {
    if (decl.decl === 'artifact') {
      inputArtifacts[name] = {
        artifactType: artifactType(decl.schemaTitle),
        ...(decl.isList ? { isArtifactList: true } : {}),
        ...(decl.optional ? { isOptional: true } : {}),
        ...(decl.description !== undefined ? { description: decl.description } : {}),
      };
    } else if (decl.decl === 'final-status') {
      inputParameters[name] = {
        parameterType: 'TASK_FINAL_STATUS',
        isOptional: true,
        ...(decl.description !== undefined ? { description: decl.description } : {}),
      };
    } else {
      inputParameters[name] = {
        parameterType: decl.type,
        ...(decl.optional ? { isOptional: true } : {}),
        ...(decl.optional && decl.default !== undefined ? { defaultValue: decl.default } : {}),
        ...(decl.description !== undefined ? { description: decl.description } : {}),
      };
    }
  }
  const outputParameters: Record<string, ParameterSpec> = {};
  const outputArtifacts: Record<string, ArtifactSpec> = {};
  for (const [name, decl] of Object.entries(outputs)) {
    const description = decl.description !== undefined ? { description: decl.description } : {};
    if (decl.decl === 'artifact') {
      outputArtifacts[name] = {
        artifactType: artifactType(decl.schemaTitle),
        ...(decl.isList ? { isArtifactList: true } : {}),
        ...description,
      };
    } else {
      outputParameters[name] = { parameterType: decl.type, ...description };
    }
  }
  const spec: ComponentSpec = {};
  const inputDefinitions = definitions(inputParameters, inputArtifacts);
  const outputDefinitions = definitions(outputParameters, outputArtifacts);
  if (inputDefinitions !== undefined) spec.inputDefinitions = inputDefinitions;
  if (outputDefinitions !== undefined) spec.outputDefinitions = outputDefinitions;
  return spec;
}

/** A sub-DAG's interface: one `pipelinechannel--…` input per value passed in, outputs it re-exports. */
export function groupInterface(
  inputs: ReadonlyMap<string, ResolvedChannel>,
  outputs: ReadonlyMap<string, GroupOutput>,
): ComponentSpec {
  const inputTypes: Record<string, ChannelType> = {};
  for (const [name, channel] of inputs) inputTypes[name] = channel.type;
  const outputTypes: Record<string, ChannelType> = {};
  for (const [name, output] of outputs) outputTypes[name] = output.type;
  const spec: ComponentSpec = {};
  const inputDefinitions = typedDefinitions(inputTypes);
  const outputDefinitions = typedDefinitions(outputTypes);
  if (inputDefinitions !== undefined) spec.inputDefinitions = inputDefinitions;
  if (outputDefinitions !== undefined) spec.outputDefinitions = outputDefinitions;
  return spec;
}

/** Definitions carrying types only (outputs, sub-DAG inputs). */
export function typedDefinitions(
  types: Readonly<Record<string, ChannelType>>,
): InterfaceDefinitions | undefined {
  const parameters: Record<string, ParameterSpec> = {};
  const artifacts: Record<string, ArtifactSpec> = {};
  for (const [name, type] of Object.entries(types)) {
    if (type.io === 'parameter') parameters[name] = { parameterType: type.parameterType };
    else {
      artifacts[name] = {
        artifactType: artifactType(type.schemaTitle),
        ...(type.isList ? { isArtifactList: true } : {}),
      };
    }
  }
  return definitions(parameters, artifacts);
}

function definitions(
  parameters: Record<string, ParameterSpec>,
  artifacts: Record<string, ArtifactSpec>,
): InterfaceDefinitions | undefined {
  const result: InterfaceDefinitions = {};
  if (Object.keys(parameters).length > 0) result.parameters = parameters;
  if (Object.keys(artifacts).length > 0) result.artifacts = artifacts;
  return Object.keys(result).length > 0 ? result : undefined;
}
