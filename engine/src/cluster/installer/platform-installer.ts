import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { toSkiffError } from '../../core/errors.js';
import type {
  ComponentHealth,
  ComponentPhase,
  PlatformComponent,
  PlatformProfile,
} from '../cluster-types.js';
import {
  loadPlatformManifest,
  profileComponents,
  readComponentObjects,
  type KubeObject,
} from '../platform/index.js';
import type { InstallContext, PlatformInstaller } from '../service/cluster-ports.js';
import { createClientNodeObjects } from './client-node-objects.js';
import { keyOf, type ClusterObjects } from './cluster-objects.js';
import { applyComponent } from './component-apply.js';
import { componentHealth } from './component-health.js';
import { componentReady, waitComponentReady } from './component-readiness.js';
import { installOrder } from './install-order.js';
import type { InstallStateStore } from './install-state-repository.js';
import { uninstallPlatform } from './platform-uninstall.js';
import { throwIfCancelled } from './wait-until.js';

export interface PlatformInstallerDeps {
  /** The bundled-manifests folder (platform.yaml and one folder per component). */
  bundleDir: string;
  state: InstallStateStore;
  /** How to reach a cluster; client-node by default. */
  connect?: (kubeconfigPath: string) => Promise<ClusterObjects>;
}

export interface ManifestInstaller extends PlatformInstaller {
  uninstall(kubeconfigPath: string, profile: PlatformProfile, ctx: InstallContext): Promise<void>;
}

interface PlannedComponent {
  component: PlatformComponent;
  objects: KubeObject[];
  digest: string;
}

/**
 * Installs a profile of the bundled platform: components in dependency order, each
 * server-side applied (field manager `skiff`) and waited ready within its timeout.
 * Per-component state in SQLite makes a re-run skip what is ready with the same digest.
 */
export function createPlatformInstaller(deps: PlatformInstallerDeps): ManifestInstaller {
  const connect = deps.connect ?? createClientNodeObjects;

  async function plan(profile: PlatformProfile): Promise<PlannedComponent[]> {
    const platform = await loadPlatformManifest(deps.bundleDir);
    const planned: PlannedComponent[] = [];
    for (const component of installOrder(profileComponents(platform, profile))) {
      const objects = (await readComponentObjects(deps.bundleDir, component)).map((o) => o.object);
      const digest = createHash('sha256')
        .update(JSON.stringify({ objects, readiness: component.readiness }))
        .digest('hex');
      planned.push({ component, objects, digest });
    }
    return planned;
  }

  return {
    async install(kubeconfigPath, profile, ctx) {
      const target = resolve(kubeconfigPath);
      const onLog = ctx.onLog ?? (() => undefined);
      const components = await plan(profile);
      const cluster = await connect(kubeconfigPath);
      const total = components.length;
      let done = 0;
      const report = (name: string, phase: ComponentPhase, message: string): void =>
        ctx.onProgress({ component: name, phase, message, done, total });
      for (const { component } of components)
        report(component.name, 'pending', 'Waiting for its turn');

      for (const { component, objects, digest } of components) {
        const name = component.name;
        const keys = objects.map(keyOf);
        try {
          throwIfCancelled(ctx.signal);
          const previous = deps.state.get(target, name);
          if (
            previous?.state === 'ready' &&
            previous.digest === digest &&
            (await componentReady(cluster, component))
          ) {
            done += 1;
            report(name, 'skipped', 'Already installed and ready');
            continue;
          }
          deps.state.put(target, { component: name, digest, state: 'applying', objects: keys });
          report(name, 'applying', `Applying ${objects.length} objects`);
          const deadline = Date.now() + component.timeoutSeconds * 1000;
          await applyComponent(cluster, objects, {
            component: name,
            deadline,
            signal: ctx.signal,
            onLog,
          });
          deps.state.put(target, { component: name, digest, state: 'applied', objects: keys });
          report(name, 'waiting', `Waiting for ${component.readiness.length} readiness checks`);
          await waitComponentReady(cluster, component, {
            deadline,
            signal: ctx.signal,
            kubeconfigPath,
            onLog,
          });
          deps.state.put(target, { component: name, digest, state: 'ready', objects: keys });
          done += 1;
          report(name, 'ready', 'Ready');
        } catch (error) {
          const failure = toSkiffError(error);
          deps.state.put(target, {
            component: name,
            digest,
            state: 'failed',
            objects: keys,
            error: failure.message,
          });
          report(name, 'failed', failure.message);
          if (!('component' in failure.details)) failure.details.component = name;
          throw failure;
        }
      }
    },

    async uninstall(kubeconfigPath, profile, ctx) {
      const components = await plan(profile);
      const cluster = await connect(kubeconfigPath);
      await uninstallPlatform(cluster, deps.state, resolve(kubeconfigPath), components, ctx);
    },

    async health(kubeconfigPath, profile): Promise<ComponentHealth[]> {
      const platform = await loadPlatformManifest(deps.bundleDir);
      const cluster = await connect(kubeconfigPath);
      return componentHealth(cluster, installOrder(profileComponents(platform, profile)));
    },
  };
}
