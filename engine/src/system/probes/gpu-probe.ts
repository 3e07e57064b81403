/** NVIDIA GPUs as nvidia-smi reports them. No nvidia-smi means no GPU passthrough. */
import type { GpuDevice, GpuStatus } from '../../api/contract.js';
import type { Exec } from '../../core/ports.js';

export const GPU_PROBE_TIMEOUT_MS = 3000;

export const NVIDIA_SMI_ARGS = [
  '--query-gpu=index,name,memory.total,driver_version',
  '--format=csv,noheader,nounits',
] as const;

export async function probeGpus(exec: Exec): Promise<GpuStatus> {
  const nvidiaSmi = await exec.which('nvidia-smi');
  if (nvidiaSmi === undefined) return { nvidiaSmi: false, devices: [] };
  try {
    const result = await exec.run(nvidiaSmi, NVIDIA_SMI_ARGS, { timeoutMs: GPU_PROBE_TIMEOUT_MS });
    if (result.exitCode !== 0) {
      const reason =
        lastLine(result.stderr) ?? lastLine(result.stdout) ?? `exit code ${result.exitCode}`;
      return { nvidiaSmi: false, devices: [], error: `nvidia-smi failed: ${reason}` };
    }
    return { nvidiaSmi: true, devices: parseNvidiaSmiCsv(result.stdout) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { nvidiaSmi: false, devices: [], error: `nvidia-smi failed: ${reason}` };
  }
}

/** Parses `0, NVIDIA GeForce RTX 3090, 24576, 550.54.14` lines; skips what does not parse. */
export function parseNvidiaSmiCsv(stdout: string): GpuDevice[] {
  const devices: GpuDevice[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const fields = line.split(',').map((field) => field.trim());
    if (fields.length < 4) continue;
    // A GPU name may itself contain commas: index first, memory and driver last.
    const index = Number(fields[0]);
    const driverVersion = fields[fields.length - 1] ?? '';
    const memoryMiB = Number(fields[fields.length - 2]);
    const name = fields.slice(1, -2).join(', ');
    if (!Number.isInteger(index) || fields[0] === '' || name === '') continue;
    devices.push({
      index,
      name,
      memoryMiB: Number.isFinite(memoryMiB) ? memoryMiB : 0,
      driverVersion,
    });
  }
  return devices;
}

function lastLine(text: string): string | undefined {
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  return lines[lines.length - 1]?.trim();
}
