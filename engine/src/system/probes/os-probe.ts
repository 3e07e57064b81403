/** Facts about this machine that Node knows without asking anyone. */
import os from 'node:os';
import type { SystemInfo } from '../../api/contract.js';

export type OsFacts = Pick<SystemInfo, 'platform' | 'cpus' | 'memory'>;

export function probeOs(): OsFacts {
  return {
    platform: {
      os: process.platform,
      arch: process.arch,
      release: os.release(),
      node: process.versions.node,
    },
    cpus: os.availableParallelism(),
    memory: { totalBytes: os.totalmem(), freeBytes: os.freemem() },
  };
}
