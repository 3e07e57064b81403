import { parseArgs } from 'node:util';
import { SkiffError } from '../../core/errors.js';
import { EXPORT_FORMATS, parseExportFormat } from '../../packages/export-format.js';
import { recurringRunsOf, type RecurringRunPage } from '../../packages/pipeline-recurring-runs.js';
import { writeExport } from '../../packages/write-export.js';
import { pipelinePackageFromValue } from '../../pipelines/ir/package-reader.js';
import { expectPositionals, usageError, withUsage } from '../args.js';
import type { CliContext } from '../cli-context.js';
import { CLIENT_OPTIONS, CLIENT_OPTIONS_HELP, engineLocation } from '../client-options.js';
import { readToken } from '../engine-discovery.js';
import type { KfpClient } from '../kfp-client.js';
import { connectKfp } from '../kfp-connect.js';
import { KfpHttp } from '../kfp-http.js';
import { findPipeline, latestVersion, listVersions } from '../kfp-lookup.js';
import type { KfpPipeline, KfpPipelineVersion } from '../kfp-types.js';

export const help = `Usage: skiff export PIPELINE [--version V] --format yaml|zip|gitops --out DIR

Writes a pipeline on the engine (by id or name; its latest version unless --version)
as files under DIR (created when missing), and prints their paths.

Formats:
  yaml     DIR/NAME.yaml: the IR YAML kfp.compiler writes (a second \`---\` document
           holds the platform spec); the same pipeline always gives the same bytes
  zip      DIR/NAME.zip holding pipeline.yaml, for uploads that want an archive
  gitops   DIR/NAME/ with pipeline.yaml, recurring-run.yaml (the pipeline's recurring
           runs as KFP v2beta1 RecurringRuns, or a template) and a README.md on
           applying them with Argo CD or the kfp CLI

Options:
  --version V     a version of the pipeline, by id or name (default: the latest)
  --format F      yaml, zip or gitops
  --out DIR       the folder to write into
${CLIENT_OPTIONS_HELP}

Examples:
  skiff export hello --format yaml --out exported
  skiff export hello --format gitops --out ~/gitops/pipelines
`;

const OPTIONS = {
  ...CLIENT_OPTIONS,
  version: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
} as const;

export async function run(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = withUsage('export', () =>
    parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true }),
  );
  expectPositionals('export', positionals, 1, 1, 'PIPELINE (its id or name)');
  if (values.format === undefined) {
    throw usageError('export', `Missing --format; use one of ${EXPORT_FORMATS.join(', ')}`);
  }
  const format = parseExportFormat(values.format);
  if (values.out === undefined || values.out.trim() === '') {
    throw usageError('export', 'Missing --out DIR: the folder to write the export into');
  }
  const location = engineLocation(values, ctx.env);
  const { kfp } = await connectKfp(location);
  const pipeline = await findPipeline(kfp, positionals[0] ?? '');
  const version =
    values.version === undefined
      ? await latestVersion(kfp, pipeline)
      : await findVersion(kfp, pipeline, values.version);
  if (version.pipeline_spec === undefined) {
    throw new SkiffError(
      'NOT_FOUND',
      `Version ${version.pipeline_version_id} of pipeline "${nameOf(pipeline)}" has no pipeline spec to export. Upload the pipeline file again.`,
      { pipeline: pipeline.pipeline_id, version: version.pipeline_version_id },
    );
  }
  const pkg = pipelinePackageFromValue(version.pipeline_spec, 'pipeline_spec');
  const recurringRuns =
    format === 'gitops'
      ? await recurringRunsOf(
          await recurringRunPages(kfp, location.home),
          pipeline.pipeline_id,
          values.version === undefined ? undefined : version.pipeline_version_id,
        )
      : [];
  const paths = await writeExport({
    format,
    pkg,
    pipelineName: nameOf(pipeline),
    outDir: values.out,
    recurringRuns,
  });
  if (values.json) {
    ctx.stdout.write(`${JSON.stringify({ files: paths }, null, 2)}\n`);
  } else {
    ctx.stdout.write(`${paths.join('\n')}\n`);
  }
  return 0;
}

async function findVersion(
  kfp: KfpClient,
  pipeline: KfpPipeline,
  ref: string,
): Promise<KfpPipelineVersion> {
  const versions = await listVersions(kfp, pipeline.pipeline_id);
  const match =
    versions.find((version) => version.pipeline_version_id === ref) ??
    versions.find((version) => version.display_name === ref || version.name === ref);
  if (match === undefined) {
    throw new SkiffError(
      'NOT_FOUND',
      `Pipeline "${nameOf(pipeline)}" has no version with the id or name "${ref}" (--version). See its versions with \`skiff pipeline get ${pipeline.pipeline_id}\`.`,
      { field: 'version', pipeline: pipeline.pipeline_id, version: ref },
    );
  }
  // Listed versions may leave out the spec; the single-version answer carries it.
  return kfp.getPipelineVersion(pipeline.pipeline_id, match.pipeline_version_id);
}

/** KfpClient has no recurring-run calls yet; the same wire and token reach them. */
async function recurringRunPages(kfp: KfpClient, home: string) {
  const token = await readToken(home);
  const http = new KfpHttp({ baseUrl: kfp.baseUrl, headers: { authorization: `Bearer ${token}` } });
  return (pageToken: string | undefined) =>
    http.json<RecurringRunPage>('GET', '/recurringruns', { page_size: 100, page_token: pageToken });
}

function nameOf(pipeline: KfpPipeline): string {
  return pipeline.display_name ?? pipeline.name ?? pipeline.pipeline_id;
}
