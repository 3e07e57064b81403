// FAKE helper shared by the FAKE `kind` and `k3d` executables in this folder (tests only).
// Records every invocation as a JSON line in $FAKE_CLUSTER_LOG and derives the clusters
// that "exist" from that log, so no other state is kept.
//   FAKE_CLUSTER_HANG=<command>  prints one line, then hangs until killed (for cancel tests)
//   FAKE_CLUSTER_FAIL=<command>  exits 1 with an error (for failure tests)
// <command> is the first two words, e.g. "create cluster" (kind) or "cluster create" (k3d).
import { appendFileSync, existsSync, readFileSync } from 'node:fs';

export function invocation(tool) {
  const argv = process.argv.slice(2);
  const positional = argv.filter((arg) => !arg.startsWith('-'));
  return { tool, argv, command: positional.slice(0, 2).join(' ') };
}

export function flag(argv, name) {
  const index = argv.indexOf(name);
  return index >= 0 ? argv[index + 1] : undefined;
}

export function previousCalls(tool) {
  const log = process.env.FAKE_CLUSTER_LOG;
  if (log === undefined || !existsSync(log)) return [];
  return readFileSync(log, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line))
    .filter((call) => call.tool === tool);
}

export function record(call, extra = {}) {
  const log = process.env.FAKE_CLUSTER_LOG;
  if (log !== undefined) appendFileSync(log, `${JSON.stringify({ ...call, ...extra })}\n`);
}

/** Fails or hangs when the environment asks for it; otherwise returns. */
export function maybeMisbehave(call) {
  if (process.env.FAKE_CLUSTER_FAIL === call.command) {
    process.stderr.write(
      `ERROR: fake ${call.tool} failure for "${call.command}" (FAKE_CLUSTER_FAIL)\n`,
    );
    process.exit(1);
  }
  if (process.env.FAKE_CLUSTER_HANG === call.command) {
    process.stdout.write(
      `fake ${call.tool}: ${call.command} started and now hangs (FAKE_CLUSTER_HANG)\n`,
    );
    setInterval(() => undefined, 60_000);
    return true;
  }
  return false;
}

export function kubeconfig(cluster, server) {
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    `- name: ${cluster}`,
    '  cluster:',
    `    server: ${server}`,
    'contexts:',
    `- name: ${cluster}`,
    '  context:',
    `    cluster: ${cluster}`,
    `    user: admin@${cluster}`,
    `current-context: ${cluster}`,
    'users:',
    `- name: admin@${cluster}`,
    '  user:',
    '    token: fake-token',
    '',
  ].join('\n');
}
