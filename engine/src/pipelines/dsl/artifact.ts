/**
 * Artifact declarations: `artifact.model()`, `artifact.dataset({ list: true })`. The schema
 * title is part of the type, so a Model output can't be wired into a Dataset input.
 */

export const ARTIFACT_SCHEMA_VERSION = '0.0.1';

export type ArtifactSchema =
  | 'system.Artifact'
  | 'system.Dataset'
  | 'system.Model'
  | 'system.Metrics'
  | 'system.ClassificationMetrics'
  | 'system.SlicedClassificationMetrics'
  | 'system.HTML'
  | 'system.Markdown';

export interface ArtifactDecl<
  S extends ArtifactSchema = ArtifactSchema,
  Opt extends boolean = boolean,
  L extends boolean = boolean,
> {
  readonly decl: 'artifact';
  readonly schemaTitle: S;
  readonly optional: Opt;
  /** `List[Artifact]`: the input takes the fan-in of a loop (`collected(...)`). */
  readonly isList: L;
  readonly description?: string;
}

export interface ArtifactOptions {
  readonly optional?: boolean;
  readonly list?: boolean;
  readonly description?: string;
}

type Flag<O, K extends keyof ArtifactOptions> = O extends { [P in K]: true } ? true : false;
type NoOptions = Readonly<Record<string, never>>;

function artifactOf<S extends ArtifactSchema>(schemaTitle: S) {
  return <const O extends ArtifactOptions = NoOptions>(
    options?: O,
  ): ArtifactDecl<S, Flag<O, 'optional'>, Flag<O, 'list'>> => ({
    decl: 'artifact',
    schemaTitle,
    optional: (options?.optional === true) as Flag<O, 'optional'>,
    isList: (options?.list === true) as Flag<O, 'list'>,
    ...(options?.description !== undefined ? { description: options.description } : {}),
  });
}

export const artifact = {
  artifact: artifactOf('system.Artifact'),
  dataset: artifactOf('system.Dataset'),
  model: artifactOf('system.Model'),
  metrics: artifactOf('system.Metrics'),
  classificationMetrics: artifactOf('system.ClassificationMetrics'),
  slicedClassificationMetrics: artifactOf('system.SlicedClassificationMetrics'),
  html: artifactOf('system.HTML'),
  markdown: artifactOf('system.Markdown'),
};
