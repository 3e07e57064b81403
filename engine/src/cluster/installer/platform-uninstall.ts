import type { PlatformComponent } from '../cluster-types.js';
import type { KubeObject } from '../platform/index.js';
import type { InstallContext } from '../service/cluster-ports.js';
import { describeKey, keyOf, type ClusterObjects, type ObjectKey } from './cluster-objects.js';
import type { InstallStateStore } from './install-state-repository.js';
import { SkiffError } from '../../core/errors.js';
import { throwIfCancelled, waitUntil } from './wait-until.js';

const NAMESPACE_GONE_MS = 120_000;

/**
 * Deletes everything Skiff applied, components in reverse install order and each one's
 * objects in reverse apply order: what the install state recorded (an older bundle may
 * have applied more) plus what the bundle holds now. Namespaces go last and are waited
 * gone, so a following install does not hit "namespace is being terminated".
 */
export async function uninstallPlatform(
  cluster: ClusterObjects,
  state: InstallStateStore,
  target: string,
  components: ReadonlyArray<{ component: PlatformComponent; objects: KubeObject[] }>,
  ctx: InstallContext,
): Promise<void> {
  const onLog = ctx.onLog ?? (() => undefined);
  const namespaces: ObjectKey[] = [];
  const total = components.length;
  let done = 0;
  for (const { component, objects } of [...components].reverse()) {
    ctx.onProgress({
      component: component.name,
      phase: 'applying',
      message: 'Removing',
      done,
      total,
    });
    const recorded = state.get(target, component.name)?.objects ?? [];
    const keys = unique([...recorded, ...objects.map(keyOf)]).reverse();
    for (const key of keys) {
      throwIfCancelled(ctx.signal);
      if (key.kind === 'Namespace') {
        namespaces.push(key);
        continue;
      }
      if (await cluster.remove(key)) onLog(`deleted ${describeKey(key)}`);
    }
    state.remove(target, component.name);
    done += 1;
    ctx.onProgress({ component: component.name, phase: 'ready', message: 'Removed', done, total });
  }
  for (const key of namespaces) {
    if (await cluster.remove(key)) onLog(`deleting ${describeKey(key)}`);
  }
  for (const key of namespaces) {
    const gone = await waitUntil(async () => ((await cluster.read(key)) ? undefined : true), {
      timeoutMs: NAMESPACE_GONE_MS,
      signal: ctx.signal,
    });
    if (!gone) {
      throw new SkiffError(
        'UNAVAILABLE',
        `Namespace ${key.name} is still terminating after ${NAMESPACE_GONE_MS / 1000}s. An object with a finalizer whose controller is gone usually holds it: see \`kubectl get namespace ${key.name} -o yaml\`.`,
        { namespace: key.name },
      );
    }
    onLog(`Namespace ${key.name} is gone`);
  }
}

function unique(keys: ObjectKey[]): ObjectKey[] {
  const seen = new Set<string>();
  return keys.filter((key) => {
    const id = `${key.apiVersion}|${describeKey(key)}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
