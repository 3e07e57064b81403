import { parseArgs } from 'node:util';
import { expectPositionals, usageError, withUsage } from '../args.js';
import type { CliContext } from '../cli-context.js';
import { CLIENT_OPTIONS, CLIENT_OPTIONS_HELP, engineLocation } from '../client-options.js';
import { connectKfp } from '../kfp-connect.js';
import { findRun } from '../kfp-lookup.js';
import type { KfpRun } from '../kfp-types.js';
import {
  checkParameters,
  readFileSource,
  readPipelineSource,
  retryRun,
  submitRun,
} from '../run-create.js';
import { listRuns, runListFilter } from '../run-list.js';
import { printRunLogs } from '../run-logs.js';
import { parseParameterArgs } from '../run-parameters.js';
import { formatRunDetails } from '../run-report.js';
import { formatRunTable } from '../run-table.js';
import { watchRun } from '../run-watch.js';

export const help = `Usage: skiff run create FILE|PIPELINE [-p NAME=VALUE]… [--experiment NAME] [--name RUN_NAME]
                        [--no-cache] [--watch] [--json] [--target NAME [--allow-local-images]]
       skiff run list [--experiment NAME] [--state STATE] [--limit N] [--json]
       skiff run get RUN [--json]
       skiff run watch RUN [--json]
       skiff run cancel RUN
       skiff run retry RUN [--watch]
       skiff run logs RUN [TASK] [-f]

Runs pipelines on the engine through its KFP API (/apis/v2beta1). RUN is a run id or
name; TASK a task id or name.

  create   Start a run. FILE (.yaml, .json, .zip, .tar.gz) is sent as the run's inline
           pipeline spec; PIPELINE (an id or name) runs its latest version.
  list     Runs, newest first
  get      A run and its task table
  watch    A live task table until the run ends: exits 0 when it succeeds, 1 when it
           fails (with the failed tasks' last log lines), 130 when it is canceled.
           Ctrl-C detaches and leaves the run going.
  cancel   Stop a run (KFP's :terminate)
  retry    Run a failed or canceled run again, reusing what succeeded
  logs     Task logs (from the engine's files, so on the engine's machine); -f follows

Options:
  -p, --param NAME=VALUE  A pipeline parameter; VALUE is JSON when it parses (10, true,
                          [1,2], {"a":1}), else a string. Checked against the pipeline's
                          inputs: unknown names and wrong types are refused (exit 2).
  --experiment NAME       create: run in this experiment, created if needed; list: only
                          its runs
  --name RUN_NAME         create: the run's name (default: pipeline name and time)
  --no-cache              create: run every task, ignoring cached results (FILE only)
  --watch                 create, retry: follow the run like \`skiff run watch\`
  --target NAME           create: run FILE on a Kubeflow target (\`skiff target\`) instead
                          of the engine; with --watch, follow its state until it ends
  --allow-local-images    create --target: run although the pipeline uses images built here
  --state STATE           list: only runs in this state (RUNNING, SUCCEEDED, FAILED, …)
  --limit N               list: at most N runs (default 50)
  -f, --follow            logs: keep printing new lines until the run ends
${CLIENT_OPTIONS_HELP}

Examples:
  skiff run create pipeline.yaml -p epochs=10 -p lr=0.01 --watch
  skiff run create my-pipeline --experiment tuning -p 'layers=[64,32]'
  skiff run list --state FAILED
  skiff run logs 3f0c2f6e-8a61-4bd4-9d0e-2a4b8a1e6b0d train -f
`;

const OPTIONS = {
  ...CLIENT_OPTIONS,
  param: { type: 'string', short: 'p', multiple: true },
  experiment: { type: 'string' },
  name: { type: 'string' },
  'no-cache': { type: 'boolean', default: false },
  watch: { type: 'boolean', default: false },
  state: { type: 'string' },
  limit: { type: 'string' },
  follow: { type: 'boolean', short: 'f', default: false },
  target: { type: 'string' },
  'allow-local-images': { type: 'boolean', default: false },
} as const;

const ACTION_OPTIONS: Record<string, readonly string[]> = {
  create: ['param', 'experiment', 'name', 'no-cache', 'watch', 'target', 'allow-local-images'],
  list: ['experiment', 'state', 'limit'],
  get: [],
  watch: [],
  cancel: [],
  retry: ['watch'],
  logs: ['follow'],
};

export async function run(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = withUsage('run', () =>
    parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true }),
  );
  const [action, ...rest] = positionals;
  const allowed = action !== undefined ? ACTION_OPTIONS[action] : undefined;
  if (action === undefined || allowed === undefined) {
    throw usageError(
      'run',
      action === undefined
        ? 'Missing action: create, list, get, watch, cancel, retry or logs'
        : `Unknown action "${action}"; use create, list, get, watch, cancel, retry or logs`,
    );
  }
  for (const [option, value] of Object.entries(values)) {
    const given = Array.isArray(value) ? value.length > 0 : value !== false;
    if (given && !(option in CLIENT_OPTIONS) && !allowed.includes(option)) {
      throw usageError('run', `--${option} does not apply to \`run ${action}\``);
    }
  }
  const location = engineLocation(values, ctx.env);
  const out = (text: string): void => void ctx.stdout.write(text);
  const json = (value: unknown): void => out(`${JSON.stringify(value, null, 2)}\n`);

  if (action === 'create') {
    expectPositionals('run', rest, 1, 1, 'FILE or PIPELINE');
    const ref = rest[0] ?? '';
    const raw = parseParameterArgs(values.param ?? []);
    const noCache = values['no-cache'];
    // A file's parameters are checked before anything talks to the engine.
    const fileSource = await readFileSource(ref, noCache);
    const fileParameters = fileSource !== undefined ? checkParameters(fileSource, raw) : undefined;
    if (values.target !== undefined) {
      if (fileSource === undefined || fileParameters === undefined) {
        throw usageError('run', '--target runs a pipeline FILE (.yaml, .json, .zip, .tar.gz)');
      }
      return createOnTarget(ref, values.target, fileParameters, values, location.home, ctx);
    }
    const deps = await connectKfp(location);
    const source = fileSource ?? (await readPipelineSource(deps.kfp, ref, noCache));
    const parameters = fileParameters ?? checkParameters(source, raw);
    const notes = values.json ? ctx.stderr : ctx.stdout;
    const submit = async (): Promise<KfpRun> => {
      const created = await submitRun(deps.kfp, {
        source,
        parameters,
        name: values.name,
        experiment: values.experiment,
      });
      const { run: newRun } = created;
      if (!values.json || values.watch) {
        if (created.experimentCreated) {
          notes.write(`Created experiment "${values.experiment ?? ''}".\n`);
        }
        const name = newRun.display_name ?? newRun.run_id;
        notes.write(`Created run "${name}" (${newRun.run_id}) from ${source.description}.\n`);
      }
      return newRun;
    };
    // --watch subscribes to the engine's events before the run exists.
    if (values.watch) return watchRun(deps, submit, ctx, { json: values.json });
    const newRun = await submit();
    if (values.json) json(newRun);
    else out(`Follow it with \`skiff run watch ${newRun.run_id}\`.\n`);
    return 0;
  }

  if (action === 'list') {
    expectPositionals('run', rest, 0, 0, '');
    const filter = runListFilter(values);
    const deps = await connectKfp(location);
    const runs = await listRuns(deps.kfp, filter);
    const { state } = filter;
    if (values.json) json(runs);
    else if (runs.length === 0) out(state === undefined ? 'No runs yet.\n' : `No ${state} runs.\n`);
    else out(`${formatRunTable(runs, new Date()).join('\n')}\n`);
    return 0;
  }

  const maxArgs = action === 'logs' ? 2 : 1;
  expectPositionals('run', rest, 1, maxArgs, 'RUN');
  const [ref = '', task] = rest;
  const deps = await connectKfp(location);
  const found = await findRun(deps.kfp, ref);
  const runId = found.run_id;
  switch (action) {
    case 'get':
      if (values.json) json(found);
      else out(formatRunDetails(found, new Date()));
      return 0;
    case 'watch':
      return watchRun(deps, runId, ctx, { json: values.json });
    case 'cancel':
      await deps.kfp.terminateRun(runId);
      if (values.json) json(await deps.kfp.getRun(runId));
      else out(`Canceling run "${found.display_name ?? runId}" (${runId}).\n`);
      return 0;
    case 'retry':
      if (values.watch)
        return watchRun(deps, () => retryRun(deps.kfp, found), ctx, { json: values.json });
      await deps.kfp.retryRun(runId);
      if (values.json) json(await deps.kfp.getRun(runId));
      else
        out(
          `Retrying run "${found.display_name ?? runId}" (${runId}). Follow it with \`skiff run watch ${runId}\`.\n`,
        );
      return 0;
    default:
      return printRunLogs(deps, runId, ctx, {
        ...(task !== undefined ? { task } : {}),
        follow: values.follow,
      });
  }
}

async function createOnTarget(
  file: string,
  target: string,
  parameters: Record<string, unknown>,
  values: {
    name?: string;
    experiment?: string;
    watch: boolean;
    json: boolean;
    'no-cache': boolean;
    'allow-local-images': boolean;
  },
  home: string,
  ctx: CliContext,
): Promise<number> {
  const { readPackageFile, runFileOnTarget } = await import('../../targets/push-file.js');
  const pkg = await readPackageFile(file);
  if (values['no-cache']) {
    const { withCachingDisabled } = await import('../kfp-package.js');
    pkg.pipelineSpec = withCachingDisabled(pkg.pipelineSpec);
  }
  const notes = values.json ? ctx.stderr : ctx.stdout;
  const { created, final } = await runFileOnTarget(home, target, pkg, {
    displayName: values.name ?? `${pkg.pipelineSpec.pipelineInfo.name} ${new Date().toISOString()}`,
    parameters,
    ...(values.experiment !== undefined ? { experimentName: values.experiment } : {}),
    allowLocalImages: values['allow-local-images'],
    ...(values.watch
      ? { watch: { onState: (r: KfpRun) => void notes.write(`${r.state ?? 'PENDING'}\n`) } }
      : {}),
  });
  notes.write(`Created run ${created.runId} on "${target}": ${created.url}\n`);
  if (values.json) ctx.stdout.write(`${JSON.stringify(final ?? created, null, 2)}\n`);
  if (final === undefined) return 0;
  if (final.state === 'SUCCEEDED' || final.state === 'SKIPPED') return 0;
  if (final.error?.message) ctx.stderr.write(`${final.error.message}\n`);
  return final.state === 'CANCELED' ? 130 : 1;
}
