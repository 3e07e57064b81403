/** Finds a CLI tool (kind, k3d, kubectl) on PATH and asks it for its version. */
import type { ToolStatus } from '../../api/contract.js';
import type { Exec } from '../../core/ports.js';

export const TOOL_PROBE_TIMEOUT_MS = 3000;

export type ToolName = 'kind' | 'k3d' | 'kubectl';

interface VersionCommand {
  args: readonly string[];
  parse: (stdout: string) => string | undefined;
}

const VERSION_COMMANDS: Record<ToolName, VersionCommand> = {
  kind: { args: ['version'], parse: parseKindVersion },
  k3d: { args: ['version'], parse: parseK3dVersion },
  kubectl: { args: ['version', '--client', '-o', 'json'], parse: parseKubectlVersion },
};

export async function probeTool(exec: Exec, tool: ToolName): Promise<ToolStatus> {
  const found = await exec.which(tool);
  if (found === undefined) return { found: false };
  const command = VERSION_COMMANDS[tool];
  try {
    const result = await exec.run(found, command.args, { timeoutMs: TOOL_PROBE_TIMEOUT_MS });
    const version = result.exitCode === 0 ? command.parse(result.stdout) : undefined;
    return version === undefined
      ? { found: true, path: found }
      : { found: true, path: found, version };
  } catch {
    return { found: true, path: found };
  }
}

/** `kind v0.27.0 go1.23.6 linux/amd64` → `v0.27.0`. */
export function parseKindVersion(stdout: string): string | undefined {
  return /\bkind (v?\d+\.\d+\.\d+[^\s]*)/.exec(stdout)?.[1];
}

/** `k3d version v5.8.3\nk3s version v1.31.5-k3s1 (default)` → `v5.8.3`. */
export function parseK3dVersion(stdout: string): string | undefined {
  return /\bk3d version (v?\d+\.\d+\.\d+[^\s]*)/.exec(stdout)?.[1];
}

/** `kubectl version --client -o json` → `clientVersion.gitVersion`. */
export function parseKubectlVersion(stdout: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(stdout);
    if (typeof parsed !== 'object' || parsed === null || !('clientVersion' in parsed))
      return undefined;
    const client = parsed.clientVersion;
    if (typeof client !== 'object' || client === null || !('gitVersion' in client))
      return undefined;
    return typeof client.gitVersion === 'string' ? client.gitVersion : undefined;
  } catch {
    return /Client Version: (v?\d+\.\d+\.\d+[^\s]*)/.exec(stdout)?.[1];
  }
}
