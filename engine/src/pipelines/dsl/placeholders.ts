import type { ArtifactDecl } from './artifact.js';
import { pythonJson } from './python-json.js';
import type { InputDecls, OutputDecls } from './signature.js';

/**
 * The strings a container's command and args are written with, exactly as KFP emits them:
 * `{{$.inputs.parameters['lr']}}`, `{{$.outputs.artifacts['model'].path}}`, and so on.
 */

export interface InputArtifactPlaceholders {
  /** The local path the artifact is read from. */
  readonly path: string;
  readonly uri: string;
  /** The artifact's metadata as JSON. */
  readonly metadata: string;
}

export type OutputArtifactPlaceholders = InputArtifactPlaceholders;

export interface OutputParameterPlaceholders {
  /** Write the value here (KFP's `OutputPath(...)`, `{{$.outputs.parameters['x'].output_file}}`). */
  readonly path: string;
}

export type InputPlaceholders<I> = {
  readonly [K in keyof I]: I[K] extends ArtifactDecl ? InputArtifactPlaceholders : string;
};

export type OutputPlaceholders<O> = {
  readonly [K in keyof O]: O[K] extends ArtifactDecl
    ? OutputArtifactPlaceholders
    : OutputParameterPlaceholders;
};

export interface CommandContext<I, O> {
  readonly inputs: InputPlaceholders<I>;
  readonly outputs: OutputPlaceholders<O>;
  /** The whole ExecutorInput as JSON (`{{$}}`). */
  readonly executorInput: string;
  /** Where to write an ExecutorOutput JSON, e.g. metrics metadata (`{{$.outputs.output_file}}`). */
  readonly executorOutputFile: string;
  /** `then` when the optional input was given, `otherwise` when not (KFP's `IfPresent`). */
  ifPresent(
    input: keyof I & string,
    then: readonly string[],
    otherwise?: readonly string[],
  ): string;
  /** Joins the parts into one argument at run time (KFP's `Concat`). */
  concat(...parts: string[]): string;
}

/** Run-level placeholders that need no input. */
export const placeholders = {
  pipelineJobName: '{{$.pipeline_job_name}}',
  pipelineJobResourceName: '{{$.pipeline_job_resource_name}}',
  pipelineJobId: '{{$.pipeline_job_uuid}}',
  pipelineTaskName: '{{$.pipeline_task_name}}',
  pipelineTaskId: '{{$.pipeline_task_uuid}}',
  pipelineRoot: '{{$.pipeline_root}}',
  pipelineJobCreateTimeUtc: '{{$.pipeline_job_create_time_utc}}',
  pipelineJobScheduleTimeUtc: '{{$.pipeline_job_schedule_time_utc}}',
} as const;

function artifactPlaceholders(side: 'inputs' | 'outputs', name: string) {
  const base = `{{$.${side}.artifacts['${name}']`;
  return { path: `${base}.path}}`, uri: `${base}.uri}}`, metadata: `${base}.metadata}}` };
}

export function commandContext<I extends InputDecls, O extends OutputDecls>(
  inputs: I,
  outputs: O,
): CommandContext<I, O> {
  const inputPlaceholders: Record<string, string | InputArtifactPlaceholders> = {};
  for (const [name, decl] of Object.entries(inputs)) {
    inputPlaceholders[name] =
      decl.decl === 'artifact'
        ? artifactPlaceholders('inputs', name)
        : `{{$.inputs.parameters['${name}']}}`;
  }
  const outputPlaceholders: Record<
    string,
    OutputArtifactPlaceholders | OutputParameterPlaceholders
  > = {};
  for (const [name, decl] of Object.entries(outputs)) {
    outputPlaceholders[name] =
      decl.decl === 'artifact'
        ? artifactPlaceholders('outputs', name)
        : { path: `{{$.outputs.parameters['${name}'].output_file}}` };
  }
  return {
    inputs: inputPlaceholders as InputPlaceholders<I>,
    outputs: outputPlaceholders as OutputPlaceholders<O>,
    executorInput: '{{$}}',
    executorOutputFile: '{{$.outputs.output_file}}',
    ifPresent: (input, then, otherwise) =>
      pythonJson({
        IfPresent: {
          InputName: input,
          Then: [...then],
          ...(otherwise !== undefined ? { Else: [...otherwise] } : {}),
        },
      }),
    concat: (...parts) => pythonJson({ Concat: parts }),
  };
}
