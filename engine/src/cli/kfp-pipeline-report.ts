/** What `skiff pipeline` prints: the upload summary, the pipeline table, one pipeline, its spec. */
import { SkiffError } from '../core/errors.js';
import { fromRunSpec } from './kfp-package.js';
import type { KfpPipeline, KfpPipelineVersion } from './kfp-types.js';
import { formatTable, formatTime } from './run-table.js';

export function formatUpload(
  pipeline: KfpPipeline,
  version: KfpPipelineVersion,
  addedVersion: boolean,
): string {
  const named = version.display_name ? ` (${version.display_name})` : '';
  return (
    `${addedVersion ? 'Added a version to' : 'Uploaded'} pipeline "${pipelineName(pipeline)}".\n` +
    `  Pipeline ID  ${pipeline.pipeline_id}\n` +
    `  Version ID   ${version.pipeline_version_id}${named}\n` +
    `Run it with \`skiff run create ${pipeline.pipeline_id}\`.\n`
  );
}

export function formatPipelineTable(pipelines: readonly KfpPipeline[]): string {
  if (pipelines.length === 0) {
    return 'No pipelines yet. Upload one with `skiff pipeline upload FILE`.\n';
  }
  const rows = pipelines.map((p) => [
    p.pipeline_id,
    pipelineName(p),
    formatTime(p.created_at),
    oneLine(p.description),
  ]);
  return `${formatTable(['ID', 'NAME', 'CREATED', 'DESCRIPTION'], rows).join('\n')}\n`;
}

export function formatPipelineDetails(
  pipeline: KfpPipeline,
  versions: readonly KfpPipelineVersion[],
): string {
  const lines = [
    `Pipeline "${pipelineName(pipeline)}" (${pipeline.pipeline_id})`,
    ...(pipeline.description ? [`  ${oneLine(pipeline.description)}`] : []),
    `  Created  ${formatTime(pipeline.created_at)}`,
    '',
    ...formatTable(
      ['VERSION ID', 'NAME', 'CREATED'],
      versions.map((v) => [
        v.pipeline_version_id,
        v.display_name ?? v.name ?? '',
        formatTime(v.created_at),
      ]),
    ),
  ];
  return `${lines.join('\n')}\n`;
}

/** The spec as the file it came from: YAML (platform spec as a second document) or JSON. */
export async function formatSpec(version: KfpPipelineVersion, asJson: boolean): Promise<string> {
  const docs = fromRunSpec(version.pipeline_spec);
  if (docs === undefined) {
    const message = `Version ${version.pipeline_version_id} has no pipeline spec.`;
    throw new SkiffError('NOT_FOUND', message);
  }
  if (asJson) return `${JSON.stringify(version.pipeline_spec, null, 2)}\n`;
  const { stringify } = await import('yaml');
  const platform = docs.platformSpec !== undefined ? `---\n${stringify(docs.platformSpec)}` : '';
  return `${stringify(docs.pipelineSpec)}${platform}`;
}

export function withoutSpec(
  version: KfpPipelineVersion,
): Omit<KfpPipelineVersion, 'pipeline_spec'> {
  const rest = { ...version };
  delete rest.pipeline_spec;
  return rest;
}

function pipelineName(pipeline: KfpPipeline): string {
  return pipeline.display_name ?? pipeline.name ?? '';
}

function oneLine(text: string | undefined): string {
  const line = (text ?? '').replace(/\s+/g, ' ').trim();
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}
