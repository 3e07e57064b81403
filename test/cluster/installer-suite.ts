import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { InstallProgress, PlatformProfile } from '../../engine/src/cluster/cluster-types.js';
import { createClientNodeObjects } from '../../engine/src/cluster/installer/client-node-objects.js';
import type { ObjectKey } from '../../engine/src/cluster/installer/cluster-objects.js';
import { createInstallStateRepository } from '../../engine/src/cluster/installer/install-state-repository.js';
import { createPlatformInstaller } from '../../engine/src/cluster/installer/platform-installer.js';
import { SkiffError } from '../../engine/src/core/errors.js';
import { openDatabase, type SqliteDatabase } from '../../engine/src/store/database.js';
import type { KubeApiHarnessFactory, KubeApiHarnessOptions } from '../support/kube-api-harness.js';

const SMALL = fileURLToPath(new URL('fixtures/small-platform', import.meta.url));
const BUNDLED = fileURLToPath(new URL('../../bundled-manifests', import.meta.url));

/** Every object of the small platform, in the order the installer must apply them. */
export const SMALL_APPLY_ORDER = [
  'Namespace skiff-test',
  'ConfigMap skiff-test/db-config',
  'Service skiff-test/db',
  'Deployment skiff-test/db',
  'CustomResourceDefinition widgets.example.skiff.dev',
  'Widget skiff-test/default',
  'Deployment skiff-test/api',
  'StatefulSet skiff-test/cache',
  'DaemonSet skiff-test/agent',
];

const API_VERSIONS: Record<string, string | undefined> = {
  Namespace: 'v1',
  ConfigMap: 'v1',
  Service: 'v1',
  Widget: 'example.skiff.dev/v1',
  CustomResourceDefinition: 'apiextensions.k8s.io/v1',
};

/** "Deployment skiff-test/db" as an object key. */
const ref = (line: string): ObjectKey => {
  const [kind = '', path = ''] = line.split(' ');
  const [namespace, name = ''] = path.includes('/') ? path.split('/') : [undefined, path];
  const apiVersion = API_VERSIONS[kind] ?? 'apps/v1';
  return { apiVersion, kind, name, ...(namespace ? { namespace } : {}) };
};

/**
 * The installer's behaviour against a Kubernetes API. `startHarness` gives the fake in
 * test/fakes, or a real kube-apiserver: cases needing fake-only controls skip elsewhere.
 */
export function installerSuite(label: string, startHarness: KubeApiHarnessFactory): void {
  describe(`platform installer (${label})`, () => {
    const cleanups: Array<() => Promise<void>> = [];
    afterEach(async () => {
      for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    });

    async function setup(options: KubeApiHarnessOptions = {}, bundleDir = SMALL) {
      const harness = await startHarness({
        crdEstablishDelayMs: 150,
        readyDelayMs: 100,
        ...options,
      });
      const dir = await mkdtemp(join(tmpdir(), 'skiff-installer-'));
      const databases: SqliteDatabase[] = [];
      cleanups.push(async () => {
        for (const db of databases) db.close();
        await harness.stop();
        await rm(dir, { recursive: true, force: true });
      });
      /** An installer with its own state database (a new one forgets earlier installs). */
      const installer = (dbName = 'skiff.db') => {
        const db = openDatabase(join(dir, dbName));
        databases.push(db);
        return createPlatformInstaller({ bundleDir, state: createInstallStateRepository(db) });
      };
      const objects = await createClientNodeObjects(harness.kubeconfigPath);
      return { harness, installer, objects };
    }

    async function run(
      installer: ReturnType<typeof createPlatformInstaller>,
      kubeconfigPath: string,
      options: {
        profile?: PlatformProfile;
        signal?: AbortSignal;
        onProgress?: (p: InstallProgress) => void;
      } = {},
    ) {
      const progress: InstallProgress[] = [];
      const log: string[] = [];
      const error = await installer
        .install(kubeconfigPath, options.profile ?? 'lite', {
          signal: options.signal ?? new AbortController().signal,
          onProgress: (p) => {
            progress.push(p);
            options.onProgress?.(p);
          },
          onLog: (line) => log.push(line),
        })
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      const applied = log
        .filter((l) => l.startsWith('applied '))
        .map((l) => l.slice('applied '.length));
      const phases = (component: string) =>
        progress.filter((p) => p.component === component).map((p) => p.phase);
      return { error, progress, applied, phases };
    }

    it('installs a fresh cluster in dependency order, CRDs before their custom resources', async () => {
      const { harness, installer } = await setup();
      const result = await run(installer(), harness.kubeconfigPath);
      expect(result.error).toBeUndefined();
      expect(result.applied).toEqual(SMALL_APPLY_ORDER);
      if (harness.applied) expect(harness.applied()).toEqual(SMALL_APPLY_ORDER);
      expect(result.phases('database')).toEqual(['pending', 'applying', 'waiting', 'ready']);
      expect(result.progress.at(-1)).toMatchObject({
        component: 'api',
        phase: 'ready',
        done: 4,
        total: 4,
      });
    });

    it('waits for a CRD to be Established before applying a custom resource of its kind', async () => {
      const { harness, installer, objects } = await setup({ crdEstablishDelayMs: 600 });
      const result = await run(installer(), harness.kubeconfigPath);
      expect(result.error).toBeUndefined();
      expect(await objects.read(ref('Widget skiff-test/default'))).toMatchObject({
        spec: { size: 3 },
      });
      const established = harness.establishedAt?.('widgets.example.skiff.dev');
      const widgetApplied = harness.firstAppliedAt?.('Widget skiff-test/default');
      if (established !== undefined && widgetApplied !== undefined) {
        expect(widgetApplied).toBeGreaterThanOrEqual(established);
      }
    });

    it('fails naming the component, its events and log lines when a Deployment never becomes Available', async () => {
      const { harness, installer } = await setup({
        neverReady: [
          { kind: 'Deployment', namespace: 'skiff-test', name: 'db', reason: 'CrashLoopBackOff' },
        ],
      });
      const started = Date.now();
      const result = await run(installer(), harness.kubeconfigPath);
      expect(result.error).toBeInstanceOf(SkiffError);
      const error = result.error as SkiffError;
      expect(error.message).toContain('Component "database" did not become ready within 3s');
      expect(error.message).toContain('Deployment skiff-test/db has 0/1 replicas available');
      expect(error.message).toMatch(/CrashLoopBackOff/);
      expect(error.message).toMatch(/BackOff: Back-off restarting failed container db/);
      expect(error.message).toContain('connect: connection refused');
      expect(error.details).toMatchObject({
        component: 'database',
        object: 'Deployment skiff-test/db',
      });
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(result.phases('database').at(-1)).toBe('failed');
      expect(result.phases('api')).toEqual(['pending']);

      const health = await installer().health(harness.kubeconfigPath, 'lite');
      expect(health.find((h) => h.component === 'database')).toMatchObject({
        ready: false,
        detail: '0/1 replicas ready',
        restarts: 4,
      });
      expect(health.find((h) => h.component === 'database')?.lastError).toMatch(/BackOff/);
    });

    it('reports every component healthy after an install', async () => {
      const { harness, installer } = await setup();
      const first = installer();
      expect((await run(first, harness.kubeconfigPath)).error).toBeUndefined();
      expect(await first.health(harness.kubeconfigPath, 'lite')).toEqual([
        { component: 'namespaces', ready: true, detail: '0/0 replicas ready', restarts: 0 },
        { component: 'database', ready: true, detail: '1/1 replicas ready', restarts: 0 },
        { component: 'widgets', ready: true, detail: '0/0 replicas ready', restarts: 0 },
        { component: 'api', ready: true, detail: '3/3 replicas ready', restarts: 0 },
      ]);
    });

    it('changes nothing when run again, with or without its install state', async () => {
      const { harness, installer, objects } = await setup();
      const first = installer();
      expect((await run(first, harness.kubeconfigPath)).error).toBeUndefined();
      const versions = async () =>
        Promise.all(
          SMALL_APPLY_ORDER.map(
            async (line) => (await objects.read(ref(line)))?.metadata['resourceVersion'],
          ),
        );
      const before = await versions();
      expect(before.every((version) => typeof version === 'string')).toBe(true);

      const again = await run(first, harness.kubeconfigPath);
      expect(again.error).toBeUndefined();
      expect(again.applied).toEqual([]);
      expect(again.progress.filter((p) => p.phase === 'skipped').map((p) => p.component)).toEqual([
        'namespaces',
        'database',
        'widgets',
        'api',
      ]);

      // A new state database re-applies everything; server-side apply of the same content is a no-op.
      const forgetful = await run(installer('other.db'), harness.kubeconfigPath);
      expect(forgetful.error).toBeUndefined();
      expect(forgetful.applied).toEqual(SMALL_APPLY_ORDER);
      expect(await versions()).toEqual(before);
    });

    it('completes after the API went away mid-install, skipping what was ready', async (ctx) => {
      const { harness, installer } = await setup();
      if (!harness.crashAfterApplies || !harness.recover || !harness.applied) {
        console.info(
          `installer suite (${label}): the harness cannot simulate a crash; case skipped.`,
        );
        return ctx.skip();
      }
      const state = installer();
      harness.crashAfterApplies(5); // the database is ready, the CRD applied, then the API drops
      const crashed = await run(state, harness.kubeconfigPath);
      expect(crashed.error).toMatchObject({ code: 'UNAVAILABLE' });
      expect((crashed.error as SkiffError).message).toMatch(
        /Widget skiff-test\/default|CustomResourceDefinition/,
      );
      harness.recover();
      const appliedBefore = harness.applied().length;
      const resumed = await run(state, harness.kubeconfigPath);
      expect(resumed.error).toBeUndefined();
      expect(resumed.phases('database')).toEqual(['pending', 'skipped']);
      expect(resumed.phases('widgets').at(-1)).toBe('ready');
      expect(harness.applied().slice(appliedBefore)).toEqual(SMALL_APPLY_ORDER.slice(4));
    });

    it('uninstall removes everything Skiff applied and waits for the namespace to go', async () => {
      const { harness, installer, objects } = await setup();
      const state = installer();
      expect((await run(state, harness.kubeconfigPath)).error).toBeUndefined();
      const log: string[] = [];
      await state.uninstall(harness.kubeconfigPath, 'lite', {
        signal: new AbortController().signal,
        onProgress: () => undefined,
        onLog: (line) => log.push(line),
      });
      for (const line of SMALL_APPLY_ORDER)
        expect(await objects.read(ref(line)), line).toBeUndefined();
      expect(log.at(-1)).toBe('Namespace skiff-test is gone');
      // With nothing left, the next install starts from scratch and applies everything.
      const reinstall = await run(state, harness.kubeconfigPath);
      expect(reinstall.applied).toEqual(SMALL_APPLY_ORDER);
    });

    it('stops promptly when cancelled while waiting', async () => {
      const { harness, installer } = await setup({ readyDelayMs: 30_000 });
      const controller = new AbortController();
      let cancelledAt = 0;
      const result = await run(installer(), harness.kubeconfigPath, {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.phase === 'waiting' && !controller.signal.aborted) {
            cancelledAt = Date.now();
            controller.abort();
          }
        },
      });
      expect(result.error).toMatchObject({ code: 'CANCELLED' });
      expect(Date.now() - cancelledAt).toBeLessThan(1_000);
      expect(result.phases('database').at(-1)).toBe('failed');
      expect(result.phases('api')).toEqual(['pending']);
    });

    const bundled = existsSync(join(BUNDLED, 'platform.yaml'));
    if (!bundled)
      console.info(
        'installer suite: bundled-manifests/platform.yaml is absent, so the lite-profile case is skipped.',
      );
    it.skipIf(!bundled)(
      'installs the bundled lite profile',
      async () => {
        const { harness, installer } = await setup(
          { crdEstablishDelayMs: 20, readyDelayMs: 20 },
          BUNDLED,
        );
        const result = await run(installer(), harness.kubeconfigPath);
        expect(result.error).toBeUndefined();
        const last = result.progress.at(-1);
        expect(last?.phase).toBe('ready');
        expect(last?.done).toBe(last?.total);
      },
      120_000,
    );
  });
}
