/** Read-side questions about the cluster: status with live health, preflight, images. */
import type { ClusterImages, ClusterPreflight, ClusterStatus } from '../../api/contract.js';
import { SkiffError } from '../../core/errors.js';
import type { ClusterService } from './cluster-service.js';
import { CREATE_DEFAULTS, parseGpus, parseProfile, parseProvider } from './cluster-request.js';

const HEALTH_TIMEOUT_MS = 5000;

/** The status; when RUNNING, component health and resource usage are asked for now. */
export async function clusterStatus(service: ClusterService): Promise<ClusterStatus> {
  const record = service.record;
  const { ports, logger } = service.deps;
  if (record !== undefined) {
    const endpoints = await ports.catalog.endpoints(record.profile);
    service.updateFacts({ endpoints });
  }
  if (record?.state === 'RUNNING') {
    const kubeconfig = record.spec.kubeconfigPath;
    const [components, usage] = await Promise.allSettled([
      withTimeout(ports.installer.health(kubeconfig, record.profile), 'component health'),
      withTimeout(ports.usage.usage(kubeconfig), 'resource usage'),
    ]);
    if (components.status === 'fulfilled') service.updateFacts({ components: components.value });
    else logger.log('warn', `Cluster health: ${(components.reason as Error).message}`);
    if (usage.status === 'fulfilled') service.updateFacts({ usage: usage.value });
    else logger.log('warn', `Cluster usage: ${(usage.reason as Error).message}`);
  }
  return service.snapshot();
}

export interface PreflightQuery {
  provider?: string | null;
  profile?: string | null;
  gpus?: string | null;
}

/** Everything the create wizard shows before Create: checks, providers, GPUs, profiles. */
export async function clusterPreflight(
  service: ClusterService,
  query: PreflightQuery,
): Promise<ClusterPreflight> {
  const provider = parseProvider(query.provider ?? CREATE_DEFAULTS.provider);
  const profile = parseProfile(query.profile ?? CREATE_DEFAULTS.profile);
  const gpus = parseGpus(query.gpus ?? CREATE_DEFAULTS.gpus);
  const { ports, clustersDir } = service.deps;
  const name = service.record?.spec.name ?? CREATE_DEFAULTS.name;
  const spec = {
    name,
    provider,
    nodes: 1,
    gpus,
    ports: [],
    kubeconfigPath: `${clustersDir}/${name}/kubeconfig`,
  };
  const [report, providers, gpuStatus, profiles] = await Promise.all([
    ports.preflight.run(spec, profile),
    ports.machine.providers(),
    ports.machine.gpus(),
    ports.catalog.profiles(),
  ]);
  return { report, providers, gpus: gpuStatus, profiles };
}

export async function clusterImages(
  service: ClusterService,
  profileParam: string | null,
): Promise<ClusterImages> {
  const profile = parseProfile(profileParam ?? service.record?.profile ?? CREATE_DEFAULTS.profile);
  const { ports } = service.deps;
  return { profile, images: await ports.archive.list(await ports.catalog.images(profile)) };
}

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new SkiffError(
            'UNAVAILABLE',
            `The cluster did not answer for ${what} in ${HEALTH_TIMEOUT_MS / 1000}s.`,
          ),
        ),
      HEALTH_TIMEOUT_MS,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
