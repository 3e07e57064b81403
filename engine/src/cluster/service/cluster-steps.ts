/**
 * The named steps of each cluster operation. The service owns the state machine; these
 * only do the work, reporting through the operation (progress, log, last command).
 */
import { mkdir, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { CLUSTER_CREATE_STEPS } from '../../api/contract.js';
import { SkiffError } from '../../core/errors.js';
import type { OperationContext } from '../../core/operation.js';
import type { ClusterProvider, InstallProgress, ProviderContext } from '../cluster-types.js';
import type { ClusterPorts } from './cluster-ports.js';
import type { ClusterRecord } from './cluster-repository.js';

export interface StepHooks {
  /** The platform install began: the state becomes INSTALLING. */
  onInstalling(): void;
  onInstallProgress(progress: InstallProgress): void;
}

const [PREFLIGHT, CREATE, KUBECONFIG, PRELOAD, INSTALL, FORWARD] = CLUSTER_CREATE_STEPS;
export const CREATE_STEPS = CLUSTER_CREATE_STEPS.length;
const INSTALL_STEP_INDEX = CLUSTER_CREATE_STEPS.indexOf(INSTALL);

export function providerContext(op: OperationContext): ProviderContext {
  return {
    signal: op.signal,
    onLog: (line) => op.log(line),
    onCommand: (line) => op.command(line),
  };
}

export async function createSteps(
  ports: ClusterPorts,
  record: ClusterRecord,
  op: OperationContext,
  hooks: StepHooks,
): Promise<void> {
  const { spec, profile } = record;
  const provider = ports.providers.get(spec.provider);
  const ctx = providerContext(op);
  await op.step(PREFLIGHT, async (signal) => {
    const report = await ports.preflight.run(spec, profile, signal);
    for (const check of report.checks)
      op.log(`${check.status.padEnd(7)} ${check.title}: ${check.detail}`);
    const errors = report.checks.filter((check) => check.status === 'error');
    if (!report.ok || errors.length > 0) {
      const fixes = errors
        .map((check) => `${check.title}: ${check.fix ?? check.detail}`)
        .join('; ');
      throw new SkiffError(
        'FAILED_PRECONDITION',
        `The machine is not ready for the cluster. ${fixes}`,
        {
          checks: errors.map((check) => check.id),
        },
      );
    }
  });
  await op.step(CREATE, async () => {
    const existing = (await provider.list()).find((info) => info.name === spec.name);
    if (existing === undefined) return provider.create(spec, ctx);
    // A retry after a failure: the cluster is already there; reuse it.
    op.log(`${spec.provider} cluster "${spec.name}" already exists; reusing it.`);
    if (!existing.running) await provider.start(spec.name, ctx);
  });
  await op.step(KUBECONFIG, () => writeKubeconfig(provider, record));
  await op.step(PRELOAD, () => ports.preloader.preload(provider, spec.name, profile, ctx));
  await op.step(INSTALL, async (signal) => {
    hooks.onInstalling();
    await ports.installer.install(spec.kubeconfigPath, profile, {
      signal,
      onLog: (line) => op.log(line),
      onProgress: (progress) => {
        hooks.onInstallProgress(progress);
        op.progress(
          INSTALL_STEP_INDEX,
          CREATE_STEPS,
          `Installing the platform (${progress.done}/${progress.total}): ${progress.component} ${progress.phase}`,
        );
      },
    });
  });
  await op.step(FORWARD, () => startForwards(ports, record));
}

export async function startSteps(
  ports: ClusterPorts,
  record: ClusterRecord,
  op: OperationContext,
): Promise<void> {
  const provider = ports.providers.get(record.spec.provider);
  await op.step(`Starting ${record.spec.provider} cluster "${record.spec.name}"`, () =>
    provider.start(record.spec.name, providerContext(op)),
  );
  // The API server's host port can change across restarts (k3d), so write it again.
  await op.step('Writing kubeconfig', () => writeKubeconfig(provider, record));
  await op.step('Starting port-forwards', () => startForwards(ports, record));
}

export async function stopSteps(
  ports: ClusterPorts,
  record: ClusterRecord,
  op: OperationContext,
): Promise<void> {
  await op.step('Stopping port-forwards', () => Promise.resolve(ports.forwarder.stop()));
  await op.step(`Stopping ${record.spec.provider} cluster "${record.spec.name}"`, () =>
    ports.providers.get(record.spec.provider).stop(record.spec.name, providerContext(op)),
  );
}

export async function deleteSteps(
  ports: ClusterPorts,
  record: ClusterRecord,
  op: OperationContext,
): Promise<void> {
  await op.step('Stopping port-forwards', () => Promise.resolve(ports.forwarder.stop()));
  const provider = ports.providers.get(record.spec.provider);
  await op.step(`Deleting ${record.spec.provider} cluster "${record.spec.name}"`, async () => {
    const exists = (await provider.list()).some((info) => info.name === record.spec.name);
    if (exists) await provider.delete(record.spec.name, providerContext(op));
    else op.log(`${record.spec.provider} cluster "${record.spec.name}" is already gone.`);
  });
  await op.step('Removing kubeconfig', () =>
    rm(dirname(record.spec.kubeconfigPath), { recursive: true, force: true }),
  );
}

async function writeKubeconfig(provider: ClusterProvider, record: ClusterRecord): Promise<void> {
  await mkdir(dirname(record.spec.kubeconfigPath), { recursive: true, mode: 0o700 });
  await provider.writeKubeconfig(record.spec.name, record.spec.kubeconfigPath);
}

async function startForwards(ports: ClusterPorts, record: ClusterRecord): Promise<void> {
  const endpoints = await ports.catalog.endpoints(record.profile);
  await ports.forwarder.start(record.spec.kubeconfigPath, endpoints);
}
