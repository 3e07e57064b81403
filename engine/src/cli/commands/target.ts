import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { TargetInput, TargetTestResult, TargetView } from '../../api/contract.js';
import { API_ROUTES } from '../../api/contract.js';
import { expectPositionals, usageError, withUsage } from '../args.js';
import type { CliContext } from '../cli-context.js';
import { CLIENT_OPTIONS, CLIENT_OPTIONS_HELP, engineLocation } from '../client-options.js';
import { errorFromResponse } from '../engine-client.js';
import { connectEngine, readToken, type EngineLocation } from '../engine-discovery.js';

export const help = `Usage: skiff target add NAME --url URL [--token T | --token-file F | --kubeconfig PATH [--context C] | --cookie C]
                        [--namespace N] [--ca-file F] [--insecure-skip-verify]
       skiff target list [--json]
       skiff target test NAME [--json]
       skiff target remove NAME

Kubeflow targets: the local cluster or any remote Kubeflow Pipelines API, to push
pipelines to (\`skiff pipeline push FILE --target NAME\`) and run them on
(\`skiff run create FILE --target NAME --watch\`). Secrets are kept in
$SKIFF_HOME/secrets/targets (mode 0600) and shown as their last 4 characters only.
The engine writes the settings, so it must run for add and remove.

Options:
  --url URL               KFP API URL; behind a Kubeflow gateway include /pipeline,
                          e.g. https://kubeflow.example.com/pipeline
  --token T               Bearer token (\`-\` reads it from stdin)
  --token-file F          A service-account token file, re-read at each request
  --kubeconfig PATH       Use the static token of a kubeconfig user (exec plugins are not run)
  --context C             The kubeconfig context (default: its current context)
  --cookie C              A session cookie for oauth2-proxy / Dex, e.g. "oauth2_proxy=…"
  --namespace N           The profile namespace on multi-user Kubeflow
  --ca-file F             PEM CA certificate of a server with a private CA
  --insecure-skip-verify  Do not check the server's certificate (prints a warning)
${CLIENT_OPTIONS_HELP}

Examples:
  skiff target add prod --url https://kubeflow.example.com/pipeline --token-file ~/.kube/kfp-token --namespace team-a
  skiff target add local --url http://127.0.0.1:8080 
  skiff target test prod
`;

const OPTIONS = {
  ...CLIENT_OPTIONS,
  url: { type: 'string' },
  token: { type: 'string' },
  'token-file': { type: 'string' },
  kubeconfig: { type: 'string' },
  context: { type: 'string' },
  cookie: { type: 'string' },
  namespace: { type: 'string' },
  'ca-file': { type: 'string' },
  'insecure-skip-verify': { type: 'boolean', default: false },
  'engine-url': { type: 'string' },
} as const;

export async function run(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = withUsage('target', () =>
    parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true }),
  );
  const [action, ...rest] = positionals;
  // --url names the target's URL here; --engine-url reaches a non-default engine.
  const location = engineLocation({ home: values.home, url: values['engine-url'] }, ctx.env);
  const out = (text: string): void => void ctx.stdout.write(text);
  const json = (value: unknown): void => out(`${JSON.stringify(value, null, 2)}\n`);

  if (action === 'add') {
    expectPositionals('target', rest, 1, 1, 'NAME');
    const name = rest[0] ?? '';
    if (values.url === undefined) throw usageError('target', '--url is required: the KFP API URL');
    const input: TargetInput = {
      url: values.url,
      auth: await authFrom(values),
      ...(values.namespace !== undefined ? { namespace: values.namespace } : {}),
      ...(values['ca-file'] !== undefined || values['insecure-skip-verify']
        ? {
            tls: {
              ...(values['ca-file'] !== undefined ? { caFile: values['ca-file'] } : {}),
              ...(values['insecure-skip-verify'] ? { insecureSkipVerify: true } : {}),
            },
          }
        : {}),
    };
    const view = await engineCall<TargetView>(location, 'PUT', API_ROUTES.target(name), input);
    if (values.json) json(view);
    else {
      out(
        `Saved target "${name}" (${view.url}, auth ${view.auth.type}${view.auth.hint ? ` ${view.auth.hint}` : ''}).\n`,
      );
      if (view.warning) ctx.stderr.write(`warning: ${view.warning}\n`);
      out(`Check it with \`skiff target test ${name}\`.\n`);
    }
    return 0;
  }
  if (action === 'list') {
    expectPositionals('target', rest, 0, 0, '');
    const targets = await engineCall<TargetView[]>(location, 'GET', API_ROUTES.targets);
    if (values.json) json(targets);
    else if (targets.length === 0)
      out('No targets yet. Add one with `skiff target add NAME --url URL`.\n');
    else
      for (const t of targets) {
        const ns = t.namespace ? ` namespace=${t.namespace}` : '';
        const warn = t.warning ? '  (TLS verification off)' : '';
        out(
          `${t.name}\t${t.url}\t${t.auth.type}${t.auth.hint ? ` ${t.auth.hint}` : ''}${ns}${warn}\n`,
        );
      }
    return 0;
  }
  if (action === 'test') {
    expectPositionals('target', rest, 1, 1, 'NAME');
    const name = rest[0] ?? '';
    const result = await engineCall<TargetTestResult>(
      location,
      'POST',
      API_ROUTES.targetTest(name),
    );
    if (values.json) json(result);
    else out(`${result.ok ? 'OK' : 'FAILED'}: ${result.message}\n`);
    return result.ok ? 0 : 1;
  }
  if (action === 'remove') {
    expectPositionals('target', rest, 1, 1, 'NAME');
    const name = rest[0] ?? '';
    await engineCall<unknown>(location, 'DELETE', API_ROUTES.target(name));
    out(`Removed target "${name}" and its stored secret.\n`);
    return 0;
  }
  throw usageError(
    'target',
    action === undefined
      ? 'Missing action: add, list, test or remove'
      : `Unknown action "${action}"; use add, list, test or remove`,
  );
}

type Values = {
  token?: string;
  'token-file'?: string;
  kubeconfig?: string;
  context?: string;
  cookie?: string;
};

async function authFrom(values: Values): Promise<TargetInput['auth']> {
  const given = (['token', 'token-file', 'kubeconfig', 'cookie'] as const).filter(
    (k) => values[k] !== undefined,
  );
  if (given.length > 1) {
    throw usageError(
      'target',
      `give one way to authenticate, not ${given.map((k) => `--${k}`).join(' and ')}`,
    );
  }
  if (values.context !== undefined && values.kubeconfig === undefined) {
    throw usageError('target', '--context goes with --kubeconfig PATH');
  }
  if (values.token !== undefined) {
    const token = values.token === '-' ? (await readStdin()).trim() : values.token;
    return { type: 'bearer', token };
  }
  if (values['token-file'] !== undefined)
    return { type: 'serviceAccountTokenFile', tokenFile: values['token-file'] };
  if (values.kubeconfig !== undefined) {
    return {
      type: 'kubeconfig',
      kubeconfigPath: values.kubeconfig,
      ...(values.context !== undefined ? { context: values.context } : {}),
    };
  }
  if (values.cookie !== undefined) return { type: 'cookie', cookie: values.cookie };
  return { type: 'none' };
}

/** `--token -` keeps the token out of the shell history and `ps`. */
function readStdin(): Promise<string> {
  return readFile('/dev/stdin', 'utf8');
}

async function engineCall<T>(
  location: EngineLocation,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const { client } = await connectEngine(location);
  const token = await readToken(location.home);
  const response = await fetch(`${client.baseUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  if (!response.ok) throw await errorFromResponse(response);
  return response.status === 204 ? (undefined as T) : ((await response.json()) as T);
}
