/** `skiff cluster status` and create's preflight, as text for people. */
import type { ClusterPreflight, ClusterStatus, PreflightCheck } from '../api/contract.js';
import { formatBytes } from '../system/byte-size.js';

const CHECK_MARK: Record<PreflightCheck['status'], string> = {
  ok: '✔',
  warning: '!',
  error: '✘',
};

export function formatPreflight(preflight: ClusterPreflight): string {
  const lines = ['Preflight'];
  for (const check of preflight.report.checks) {
    lines.push(`  ${CHECK_MARK[check.status]} ${check.title}: ${check.detail}`);
    if (check.status !== 'ok' && check.fix !== undefined) lines.push(`      Fix: ${check.fix}`);
  }
  return `${lines.join('\n')}\n`;
}

export function formatClusterStatus(status: ClusterStatus): string {
  if (status.state === 'NONE' || status.spec === undefined) {
    return 'No cluster. Create one with `skiff cluster create` (see `skiff cluster create --help`).\n';
  }
  const { spec } = status;
  const gpus = status.gpus.enabled ? `GPUs ${formatGpuRequest(status.gpus.request)}` : 'no GPUs';
  const lines = [
    `Cluster "${spec.name}": ${status.state}`,
    `  ${spec.provider}, ${spec.nodes} node(s), profile ${status.profile ?? '?'}, ${gpus}`,
    `  Kubeconfig  ${spec.kubeconfigPath}`,
  ];
  if (
    status.operationId !== undefined &&
    status.state !== 'RUNNING' &&
    status.state !== 'STOPPED'
  ) {
    lines.push(
      `  Operation   ${status.operationId} (skiff operations watch ${status.operationId})`,
    );
  }
  if (status.usage !== undefined) {
    const { usage } = status;
    const memory =
      usage.memoryUsedBytes !== undefined
        ? `${formatBytes(usage.memoryUsedBytes)} of ${formatBytes(usage.memoryCapacityBytes)}`
        : formatBytes(usage.memoryCapacityBytes);
    const cpu =
      usage.cpuUsedMillis !== undefined
        ? `${(usage.cpuUsedMillis / 1000).toFixed(1)} of ${usage.cpuCapacityMillis / 1000} CPUs`
        : `${usage.cpuCapacityMillis / 1000} CPUs`;
    lines.push(`  Usage       ${cpu}, ${memory} memory, ${usage.pods} pods`);
  }
  if (status.failure !== undefined) lines.push('', ...formatClusterFailure(status));
  if (status.install.length > 0) {
    lines.push('', 'Install');
    for (const item of status.install)
      lines.push(`  ${item.component.padEnd(20)} ${item.phase.padEnd(8)} ${item.message}`);
  }
  if (status.components.length > 0) {
    lines.push('', 'Components');
    for (const component of status.components) {
      const mark = component.ready ? '✔ ready    ' : '✘ not ready';
      const restarts = component.restarts > 0 ? `, ${component.restarts} restarts` : '';
      const error = component.lastError !== undefined ? ` — ${component.lastError}` : '';
      lines.push(
        `  ${component.component.padEnd(20)} ${mark} ${component.detail}${restarts}${error}`,
      );
    }
  }
  if (status.endpoints.length > 0) {
    lines.push('', 'Endpoints');
    for (const endpoint of status.endpoints) {
      const state = endpoint.forwarding
        ? ''
        : ` (not forwarding${endpoint.lastError ? `: ${endpoint.lastError}` : ''})`;
      lines.push(`  ${endpoint.name.padEnd(20)} ${endpoint.url}${state}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function formatClusterFailure(status: ClusterStatus): string[] {
  const failure = status.failure;
  if (failure === undefined) return [];
  const step = failure.step !== undefined ? ` at "${failure.step}"` : '';
  const lines = [`Failed${step}: ${failure.message}`];
  if (failure.lastCommand !== undefined) lines.push(`  Last command: ${failure.lastCommand}`);
  for (const line of failure.lastLines ?? []) lines.push(`    ${line}`);
  lines.push('Retry with `skiff cluster create` (same name), or `skiff cluster delete --yes`.');
  return lines;
}

export function formatGpuRequest(request: ClusterStatus['gpus']['request']): string {
  return Array.isArray(request) ? request.join(',') : request;
}
