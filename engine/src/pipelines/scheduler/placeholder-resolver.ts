/**
 * Resolves the placeholders of a container's command and args (parsed by
 * ir/placeholder-syntax) against the task's ExecutorInput and run values. `{{$}}` is the
 * whole ExecutorInput, non-string parameters are JSON-dumped, `IfPresent` splices its
 * Then/Else list into argv. An unknown placeholder or one with no value fails the task.
 */
import { SkiffError } from '../../core/errors.js';
import {
  parsePlaceholders,
  parseStructuredPlaceholder,
  type ArtifactField,
  type CommandLineElement,
  type PlaceholderPart,
  type RunValueName,
} from '../ir/placeholder-syntax.js';
import { localPathOf, type ExecutorInput, type RuntimeArtifact } from './executor-input.js';
import { textOf } from './parameter-references.js';

export type RunValues = Record<RunValueName, string>;

export interface PlaceholderContext {
  executorInput: ExecutorInput;
  run: RunValues;
}

/** Resolves command + args into argv; structured placeholders may add or remove elements. */
export function resolveArgv(templates: readonly string[], context: PlaceholderContext): string[] {
  return templates.flatMap((template) => {
    const structured = parseStructuredPlaceholder(template);
    return structured === undefined
      ? [resolveText(template, context)]
      : expand(structured, context);
  });
}

/** Resolves the `{{$…}}` placeholders inside one string. */
export function resolveText(text: string, context: PlaceholderContext): string {
  return parsePlaceholders(text)
    .map((part) => resolvePart(part, context))
    .join('');
}

function expand(element: CommandLineElement, context: PlaceholderContext): string[] {
  if (typeof element === 'string') return [resolveText(element, context)];
  if (element.kind === 'concat')
    return [element.items.flatMap((item) => expand(item, context)).join('')];
  const branch = isPresent(element.inputName, context.executorInput) ? element.then : element.else;
  return branch.flatMap((item) => expand(item, context));
}

function isPresent(name: string, executorInput: ExecutorInput): boolean {
  const { parameterValues, artifacts } = executorInput.inputs;
  return parameterValues[name] !== undefined || (artifacts[name]?.artifacts.length ?? 0) > 0;
}

function resolvePart(part: PlaceholderPart, context: PlaceholderContext): string {
  const { inputs, outputs } = context.executorInput;
  switch (part.kind) {
    case 'literal':
      return part.text;
    case 'executorInput':
      return JSON.stringify(context.executorInput);
    case 'inputParameter': {
      const value = inputs.parameterValues[part.name];
      if (value === undefined) {
        throw unresolved(
          part.text,
          `input parameter "${part.name}" has no value; an optional input belongs inside IfPresent`,
        );
      }
      return textOf(value);
    }
    case 'inputArtifact':
      return artifactField(part, inputs.artifacts[part.name]?.artifacts, 'input');
    case 'outputArtifact':
      return artifactField(part, outputs.artifacts[part.name]?.artifacts, 'output');
    case 'outputParameterFile': {
      const file = outputs.parameters[part.name]?.outputFile;
      if (file === undefined)
        throw unresolved(part.text, `"${part.name}" is not an output parameter of the component`);
      return file;
    }
    case 'outputMetadataFile':
      return outputs.outputFile;
    case 'runValue':
      return context.run[part.name];
    case 'unknown':
      throw unresolved(part.text, 'Skiff does not know this placeholder');
  }
}

function artifactField(
  part: { text: string; name: string; field: ArtifactField; metadataKey?: string },
  artifacts: RuntimeArtifact[] | undefined,
  direction: 'input' | 'output',
): string {
  const first = artifacts?.[0];
  if (artifacts === undefined || first === undefined) {
    throw unresolved(
      part.text,
      `${direction} artifact "${part.name}" is not there; an optional input belongs inside IfPresent`,
    );
  }
  switch (part.field) {
    case 'uri':
      return first.uri;
    case 'path':
      return localPathOf(first.uri);
    case 'list':
      return JSON.stringify(artifacts);
    case 'metadata': {
      if (part.metadataKey === undefined) return JSON.stringify(first.metadata);
      const value = first.metadata[part.metadataKey];
      if (value === undefined)
        throw unresolved(part.text, `the artifact has no metadata key "${part.metadataKey}"`);
      return textOf(value);
    }
  }
}

function unresolved(placeholder: string, reason: string): SkiffError {
  return new SkiffError(
    'INVALID_ARGUMENT',
    `Cannot resolve the placeholder ${placeholder}: ${reason}.`,
    { placeholder },
  );
}
