import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { SkiffError } from '../../core/errors.js';
import { expectPositionals, usageError, withUsage } from '../args.js';
import type { CliContext } from '../cli-context.js';
import { CLIENT_OPTIONS, CLIENT_OPTIONS_HELP, engineLocation } from '../client-options.js';
import { connectKfp } from '../kfp-connect.js';
import { collectPages, findPipeline, latestVersion, listVersions } from '../kfp-lookup.js';
import {
  formatPipelineDetails,
  formatPipelineTable,
  formatSpec,
  formatUpload,
  withoutSpec,
} from '../kfp-pipeline-report.js';
import type { KfpPipeline, KfpPipelineVersion } from '../kfp-types.js';

export const help = `Usage: skiff pipeline upload FILE [--name NAME] [--description TEXT] [--pipeline ID|NAME] [--json]
       skiff pipeline list [--json]
       skiff pipeline get ID|NAME [--spec] [--json]
       skiff pipeline push FILE --target NAME [--version V] [--schedule CRON|--every SECONDS]
                           [--force] [--allow-local-images] [--json]

Pipelines on the engine, through its KFP API (/apis/v2beta1). FILE is a compiled KFP
pipeline: IR YAML (as kfp.compiler writes it), JSON, or a .zip / .tar.gz holding one.

  upload   Add a pipeline (its first version); with --pipeline, a new version of it
  list     Every pipeline
  push     Promote FILE to a Kubeflow target (see \`skiff target\`): unchanged IR uploads
           nothing; different IR prints the diff and needs --force to add version V;
           --schedule adds a recurring run there (KFP 6-field cron, seconds first)
  get      A pipeline and its versions; --spec prints the latest version's spec (YAML,
           or JSON with --json), ready for \`skiff run create FILE\`

Options:
  --name NAME          upload: the pipeline's (or version's) name (default: the server's
                       choice, from the file)
  --description TEXT   upload: a description
  --pipeline ID|NAME   upload: add the file as a new version of this pipeline
  --spec               get: print the latest version's pipeline spec
${CLIENT_OPTIONS_HELP}

Examples:
  skiff pipeline upload pipeline.yaml --name hello --description "Says hello"
  skiff pipeline upload pipeline-v2.yaml --pipeline hello
  skiff pipeline list
  skiff pipeline get hello --spec > hello.yaml
`;

const OPTIONS = {
  ...CLIENT_OPTIONS,
  name: { type: 'string' },
  description: { type: 'string' },
  pipeline: { type: 'string' },
  spec: { type: 'boolean', default: false },
  target: { type: 'string' },
  version: { type: 'string' },
  schedule: { type: 'string' },
  every: { type: 'string' },
  force: { type: 'boolean', default: false },
  'allow-local-images': { type: 'boolean', default: false },
} as const;

export async function run(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = withUsage('pipeline', () =>
    parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true }),
  );
  const [action, ...rest] = positionals;
  const location = engineLocation(values, ctx.env);
  const json = (value: unknown): void =>
    void ctx.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  const uploadOnly =
    values.name !== undefined || values.description !== undefined || values.pipeline !== undefined;
  if (action === 'push') {
    expectPositionals('pipeline', rest, 1, 1, 'FILE');
    return pushToTarget(rest[0] ?? '', values, location.home, ctx);
  }
  if (action !== 'upload' && uploadOnly) {
    throw usageError(
      'pipeline',
      '--name, --description and --pipeline apply to `pipeline upload` only',
    );
  }
  if (action !== 'get' && values.spec)
    throw usageError('pipeline', '--spec applies to `pipeline get` only');

  if (action === 'upload') {
    expectPositionals('pipeline', rest, 1, 1, 'FILE');
    const file = rest[0] ?? '';
    const bytes = await readFile(file).catch((error: unknown) => {
      throw new SkiffError(
        'NOT_FOUND',
        `Cannot read ${file}: ${(error as Error).message}`,
        { file },
        { cause: error },
      );
    });
    const { kfp } = await connectKfp(location);
    const options = {
      ...(values.name !== undefined ? { name: values.name } : {}),
      ...(values.description !== undefined ? { description: values.description } : {}),
    };
    let pipeline: KfpPipeline;
    let version: KfpPipelineVersion;
    if (values.pipeline !== undefined) {
      pipeline = await findPipeline(kfp, values.pipeline);
      version = await kfp.uploadPipelineVersion(bytes, basename(file), {
        ...options,
        pipelineId: pipeline.pipeline_id,
      });
    } else {
      pipeline = await kfp
        .uploadPipeline(bytes, basename(file), options)
        .catch((error: unknown) => {
          if (error instanceof SkiffError && error.code === 'ALREADY_EXISTS') {
            const hint = `To add it as a new version: \`skiff pipeline upload ${file} --pipeline NAME\`.`;
            throw new SkiffError(error.code, `${error.message} ${hint}`, error.details, {
              cause: error,
            });
          }
          throw error;
        });
      version = await latestVersion(kfp, pipeline);
    }
    if (values.json) {
      json({ pipeline, version: withoutSpec(version) });
      return 0;
    }
    ctx.stdout.write(formatUpload(pipeline, version, values.pipeline !== undefined));
    return 0;
  }

  if (action === 'list') {
    expectPositionals('pipeline', rest, 0, 0, '');
    const { kfp } = await connectKfp(location);
    const pipelines = await collectPages(async (pageToken) => {
      const page = await kfp.listPipelines({
        pageSize: 100,
        ...(pageToken !== undefined ? { pageToken } : {}),
      });
      return { items: page.pipelines ?? [], next: page.next_page_token };
    });
    if (values.json) json(pipelines);
    else ctx.stdout.write(formatPipelineTable(pipelines));
    return 0;
  }

  if (action === 'get') {
    expectPositionals('pipeline', rest, 1, 1, 'ID or NAME');
    const { kfp } = await connectKfp(location);
    const pipeline = await findPipeline(kfp, rest[0] ?? '');
    if (values.spec) {
      const version = await latestVersion(kfp, pipeline);
      ctx.stdout.write(await formatSpec(version, values.json));
      return 0;
    }
    const versions = await listVersions(kfp, pipeline.pipeline_id);
    if (values.json) {
      json({ ...pipeline, versions: versions.map(withoutSpec) });
      return 0;
    }
    ctx.stdout.write(formatPipelineDetails(pipeline, versions));
    return 0;
  }

  throw usageError(
    'pipeline',
    action === undefined
      ? 'Missing action: upload, list, get or push'
      : `Unknown action "${action}"; use upload, list, get or push`,
  );
}

async function pushToTarget(
  file: string,
  values: {
    target?: string;
    version?: string;
    schedule?: string;
    every?: string;
    name?: string;
    force: boolean;
    'allow-local-images': boolean;
    json: boolean;
  },
  home: string,
  ctx: CliContext,
): Promise<number> {
  if (values.target === undefined) throw usageError('pipeline', 'push needs --target NAME');
  if (values.schedule !== undefined && values.every !== undefined) {
    throw usageError('pipeline', 'give --schedule or --every, not both');
  }
  const { pushFile } = await import('../../targets/push-file.js');
  const result = await pushFile(home, values.target, file, {
    ...(values.name !== undefined ? { name: values.name } : {}),
    ...(values.version !== undefined ? { versionName: values.version } : {}),
    ...(values.schedule !== undefined ? { schedule: { cron: values.schedule } } : {}),
    ...(values.every !== undefined ? { schedule: { intervalSecond: Number(values.every) } } : {}),
    force: values.force,
    allowLocalImages: values['allow-local-images'],
  });
  const out = (text: string): void => void ctx.stdout.write(text);
  if (values.json) out(`${JSON.stringify(result, null, 2)}\n`);
  else if (result.unchanged)
    out(`Target "${values.target}" already has this pipeline: nothing uploaded.\n${result.url}\n`);
  else if (result.uploaded === false) {
    out(result.diff ?? '');
    ctx.stderr.write(
      `Target "${values.target}" has a different version of this pipeline (diff above). Push it as a new version with --force${values.version === undefined ? ' [--version NAME]' : ''}.\n`,
    );
    return 1;
  } else {
    if (result.diff !== undefined) out(result.diff);
    out(`Pushed to "${values.target}": ${result.url}\n`);
    if (result.recurringRunId !== undefined)
      out(`Recurring run ${result.recurringRunId} created.\n`);
  }
  if (result.localImages.length > 0) {
    ctx.stderr.write(
      `warning: the target must be able to pull ${result.localImages.join(', ')}.\n`,
    );
  }
  return 0;
}
