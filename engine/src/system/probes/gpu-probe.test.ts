import { describe, expect, it } from 'vitest';
import type { Exec } from '../../core/ports.js';
import { parseNvidiaSmiCsv, probeGpus } from './gpu-probe.js';

const TWO_GPUS = `0, NVIDIA GeForce RTX 3090, 24576, 550.54.14
1, NVIDIA A100-SXM4-80GB, 81920, 550.54.14
`;

describe('parseNvidiaSmiCsv', () => {
  it('parses one device per line', () => {
    expect(parseNvidiaSmiCsv(TWO_GPUS)).toEqual([
      { index: 0, name: 'NVIDIA GeForce RTX 3090', memoryMiB: 24576, driverVersion: '550.54.14' },
      { index: 1, name: 'NVIDIA A100-SXM4-80GB', memoryMiB: 81920, driverVersion: '550.54.14' },
    ]);
  });

  it('keeps commas inside a GPU name', () => {
    expect(parseNvidiaSmiCsv('0, Tesla T4, PCIe, 15360, 535.129.03')[0]?.name).toBe(
      'Tesla T4, PCIe',
    );
  });

  it('reads [N/A] memory as 0 and skips blank or broken lines', () => {
    expect(parseNvidiaSmiCsv('\n0, Some GPU, [N/A], 535.1\nnot csv\n')).toEqual([
      { index: 0, name: 'Some GPU', memoryMiB: 0, driverVersion: '535.1' },
    ]);
  });
});

describe('probeGpus', () => {
  it('reports no nvidia-smi as no GPU, without an error', async () => {
    const exec: Exec = {
      which: () => Promise.resolve(undefined),
      run: () => Promise.reject(new Error('must not run')),
    };
    expect(await probeGpus(exec)).toEqual({ nvidiaSmi: false, devices: [] });
  });

  it('reports a failing nvidia-smi with its last stderr line', async () => {
    const exec: Exec = {
      which: () => Promise.resolve('/usr/bin/nvidia-smi'),
      run: () =>
        Promise.resolve({
          exitCode: 9,
          stdout: '',
          stderr: "NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver.\n",
        }),
    };
    const status = await probeGpus(exec);
    expect(status.nvidiaSmi).toBe(false);
    expect(status.error).toContain("couldn't communicate with the NVIDIA driver");
  });

  it('lists the devices nvidia-smi reports', async () => {
    const exec: Exec = {
      which: () => Promise.resolve('/usr/bin/nvidia-smi'),
      run: () => Promise.resolve({ exitCode: 0, stdout: TWO_GPUS, stderr: '' }),
    };
    const status = await probeGpus(exec);
    expect(status.nvidiaSmi).toBe(true);
    expect(status.devices).toHaveLength(2);
  });
});
