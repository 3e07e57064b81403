import { parseArgs } from 'node:util';
import type {
  ClusterOperationStarted,
  ClusterPreflight,
  ClusterStatus,
  CreateClusterRequest,
  PlatformProfile,
  ProviderName,
} from '../../api/contract.js';
import { API_ROUTES } from '../../api/contract.js';
import { SkiffError } from '../../core/errors.js';
import { expectPositionals, usageError, withUsage } from '../args.js';
import type { CliContext } from '../cli-context.js';
import { CLIENT_OPTIONS, CLIENT_OPTIONS_HELP, engineLocation } from '../client-options.js';
import { runImages } from '../cluster-images.js';
import { formatClusterStatus, formatPreflight } from '../cluster-report.js';
import type { EngineClient } from '../engine-client.js';
import { connectEngine } from '../engine-discovery.js';
import { EXIT_CODES } from '../exit-codes.js';
import { watchOperation } from '../operation-watch.js';

export const help = `Usage: skiff cluster create [--provider kind|k3d] [--profile lite|full] [--nodes N]
                            [--gpus all|none|0,1] [--name NAME]
       skiff cluster status [--json]
       skiff cluster start | stop
       skiff cluster delete --yes
       skiff cluster images list [--profile lite|full] [--json]
       skiff cluster images save --archive DIR [--profile lite|full]
       skiff cluster images load --archive DIR|FILE [--profile lite|full]

A local Kubernetes cluster (kind or k3d) with the Kubeflow platform installed: KFP,
Katib, KServe, notebooks, Prometheus and Grafana, reachable on stable local ports.

  create   Check the machine, create the cluster, preload images, install the
           platform and start port-forwards; follows the work with a progress bar.
           Retry a failed create with the same command.
  status   State, nodes, component health, resource usage and endpoint URLs
  start    Start a stopped cluster (and its port-forwards)
  stop     Stop the cluster; its data stays
  delete   Delete the cluster and everything in it (needs --yes)
  images   list: the profile's images and whether the local Docker has them;
           save: write them to DIR/skiff-<profile>-images.tar (for offline machines);
           load: load such an archive into every node of the running cluster

Options:
  --provider P   kind (default) or k3d
  --profile P    lite (default; KFP, Katib, KServe, monitoring) or full (adds Istio,
                 Dex, the central dashboard)
  --nodes N      1 (default) to 5; more than 1 adds workers
  --gpus G       none (default), all, or indexes such as 0,1 (nvidia-smi -L)
  --name NAME    Cluster name (default skiff): lowercase letters, digits and "-"
  --yes          delete: do not ask, delete
  --archive P    images save/load: a folder or a .tar file
${CLIENT_OPTIONS_HELP}

Ctrl-C detaches from the progress; cancel with \`skiff operations cancel ID\`.

Examples:
  skiff cluster create --profile lite
  skiff cluster create --provider k3d --nodes 2 --gpus all
  skiff cluster status
  skiff cluster images save --archive /media/usb
`;

const OPTIONS = {
  ...CLIENT_OPTIONS,
  provider: { type: 'string' },
  profile: { type: 'string' },
  nodes: { type: 'string' },
  gpus: { type: 'string' },
  name: { type: 'string' },
  archive: { type: 'string' },
  yes: { type: 'boolean', default: false },
} as const;

type Values = ReturnType<typeof parse>['values'];

function parse(args: string[]) {
  return parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
}

export async function run(args: string[], ctx: CliContext): Promise<number> {
  const { values, positionals } = withUsage('cluster', () => parse(args));
  const [action = 'status', ...rest] = positionals;
  if (action === 'delete' && !values.yes) {
    throw usageError(
      'cluster',
      'Deleting removes the cluster and everything in it; run again with --yes',
    );
  }
  expectPositionals('cluster', rest, 0, action === 'images' ? 1 : 0, 'images action');
  const { client } = await connectEngine(engineLocation(values, ctx.env));
  switch (action) {
    case 'status': {
      const status = await client.request<ClusterStatus>('GET', API_ROUTES.cluster);
      ctx.stdout.write(
        values.json ? `${JSON.stringify(status, null, 2)}\n` : formatClusterStatus(status),
      );
      return 0;
    }
    case 'create':
      return create(client, values, ctx);
    case 'start':
    case 'stop':
      return follow(
        client,
        'POST',
        action === 'start' ? API_ROUTES.clusterStart : API_ROUTES.clusterStop,
        ctx,
      );
    case 'delete':
      return follow(client, 'DELETE', API_ROUTES.cluster, ctx);
    case 'images':
      return runImages(rest[0] ?? 'list', values, client, ctx);
    default:
      throw usageError(
        'cluster',
        `Unknown action "${action}"; use create, status, start, stop, delete or images`,
      );
  }
}

async function create(client: EngineClient, values: Values, ctx: CliContext): Promise<number> {
  const request = createRequest(values);
  const preflight = await client.request<ClusterPreflight>(
    'GET',
    API_ROUTES.clusterPreflight({
      provider: values.provider,
      profile: values.profile,
      gpus: values.gpus,
    }),
  );
  ctx.stderr.write(formatPreflight(preflight));
  if (!preflight.report.ok) {
    ctx.stderr.write(
      '✘ The machine is not ready for the cluster: apply the fixes above, then run this again.\n',
    );
    return EXIT_CODES.FAILED_PRECONDITION;
  }
  const code = await follow(client, 'POST', API_ROUTES.cluster, ctx, request);
  if (code === 0) {
    const status = await client.request<ClusterStatus>('GET', API_ROUTES.cluster);
    ctx.stdout.write(formatClusterStatus(status));
  }
  return code;
}

/** The request from flags; the engine validates values and names the field at fault. */
export function createRequest(
  values: Partial<Record<'provider' | 'profile' | 'nodes' | 'gpus' | 'name', string>>,
): CreateClusterRequest {
  const request: CreateClusterRequest = {};
  if (values.provider !== undefined) request.provider = values.provider as ProviderName;
  if (values.profile !== undefined) request.profile = values.profile as PlatformProfile;
  if (values.name !== undefined) request.name = values.name;
  if (values.gpus !== undefined) request.gpus = values.gpus;
  if (values.nodes !== undefined) {
    if (!/^\d+$/.test(values.nodes)) {
      throw new SkiffError(
        'INVALID_ARGUMENT',
        `--nodes: "${values.nodes}" is not a number; use 1 to 5.`,
        { field: '--nodes' },
      );
    }
    request.nodes = Number(values.nodes);
  }
  // Provider and profile values are checked by the engine, which names the field.
  return request;
}

async function follow(
  client: EngineClient,
  method: string,
  path: string,
  ctx: CliContext,
  body?: unknown,
): Promise<number> {
  const started = await client.request<ClusterOperationStarted>(method, path, body);
  return watchOperation(client, started.operation.id, ctx);
}
