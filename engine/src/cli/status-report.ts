/** `skiff status` and `skiff operations list`: what runs, on what machine, doing what. */
import type { Operation, SystemInfo, ToolStatus } from '../api/contract.js';
import { formatBytes } from '../system/byte-size.js';

export interface EngineSummary {
  url: string;
  version: string;
  pid?: number;
  startedAt?: string;
}

export function formatStatusReport(
  engine: EngineSummary,
  system: SystemInfo,
  running: readonly Operation[],
  now: Date,
): string {
  const lines: string[] = [formatEngineLine(engine, now), '', 'System'];
  const rows: Array<[string, string]> = [
    [
      'Machine',
      `${system.platform.os} ${system.platform.arch}, ${system.cpus} CPUs, ${formatBytes(system.memory.totalBytes)} memory (${formatBytes(system.memory.freeBytes)} free), Node ${system.platform.node}`,
    ],
    [
      'Disk',
      `${formatBytes(system.disk.freeBytes)} free of ${formatBytes(system.disk.totalBytes)} under ${system.disk.path}`,
    ],
    ['Docker', formatDocker(system)],
    ['GPUs', formatGpus(system)],
    [
      'Tools',
      `kind ${formatTool(system.tools.kind)}, k3d ${formatTool(system.tools.k3d)}, kubectl ${formatTool(system.tools.kubectl)}`,
    ],
  ];
  for (const [label, value] of rows) lines.push(`  ${label.padEnd(8)}  ${value}`);
  lines.push('', 'Operations');
  if (running.length === 0) lines.push('  No running operations.');
  else lines.push(...formatOperationTable(running).map((line) => `  ${line}`));
  return `${lines.join('\n')}\n`;
}

export function formatEngineLine(engine: EngineSummary, now: Date): string {
  const facts: string[] = [];
  if (engine.pid !== undefined) facts.push(`pid ${engine.pid}`);
  if (engine.startedAt !== undefined) {
    const started = Date.parse(engine.startedAt);
    if (Number.isFinite(started)) facts.push(`up ${formatDuration(now.getTime() - started)}`);
  }
  const suffix = facts.length > 0 ? ` (${facts.join(', ')})` : '';
  return `Skiff ${engine.version} is running at ${engine.url}${suffix}`;
}

export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  const d = Math.floor(seconds / 86400);
  const h = Math.floor((seconds % 86400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (d > 0) return `${d}d ${h}h`;
  if (h > 0) return `${h}h ${m}m`;
  if (m > 0) return `${m}m ${s}s`;
  return `${s}s`;
}

/** Aligned columns: ID, STATE, PROGRESS, TITLE — message. */
export function formatOperationTable(operations: readonly Operation[]): string[] {
  const rows = operations.map((op) => [
    op.id,
    op.state,
    op.progress.total > 0 ? `${op.progress.current}/${op.progress.total}` : '-',
    op.progress.message !== '' && op.state === 'RUNNING'
      ? `${op.title} — ${op.progress.message}`
      : op.state === 'FAILED' && op.error !== undefined
        ? `${op.title} — ${op.error.message}`
        : op.title,
  ]);
  const header = ['ID', 'STATE', 'PROGRESS', 'TITLE'];
  const widths = header.map((title, i) =>
    Math.max(title.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: string[]): string =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

function formatDocker(system: SystemInfo): string {
  const { docker } = system;
  if (!docker.reachable) return `not reachable — ${docker.error}`;
  const runtimes = docker.runtimes.length > 0 ? `, runtimes ${docker.runtimes.join(', ')}` : '';
  return `${docker.version}, ${docker.cpus} CPUs, ${formatBytes(docker.memoryBytes)}${runtimes}`;
}

function formatGpus(system: SystemInfo): string {
  const { gpus } = system;
  if (gpus.devices.length > 0)
    return gpus.devices.map((gpu) => `#${gpu.index} ${gpu.name}`).join(', ');
  return gpus.error ?? 'none (no NVIDIA GPU found)';
}

function formatTool(tool: ToolStatus): string {
  if (!tool.found) return 'not found';
  return tool.version ?? 'found';
}
