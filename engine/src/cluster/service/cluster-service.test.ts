import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ClusterStatus } from '../../api/contract.js';
import { EventBus } from '../../core/event-bus.js';
import { silentLogger } from '../../core/logger.js';
import { Operations } from '../../core/operations.js';
import { openDatabase } from '../../store/database.js';
import { createEventLogRepository } from '../../store/event-log-repository.js';
import { createOperationRepository } from '../../store/operation-repository.js';
import { FakeClock, sequentialIds } from '../../testing/fake-ports.js';
import { clusterStatus } from './cluster-queries.js';
import { recoverCluster } from './cluster-recovery.js';
import { createClusterRepository } from './cluster-repository.js';
import { ClusterService } from './cluster-service.js';
import { ScriptedClusterPorts } from './testing/scripted-cluster-ports.js';

function setup(db = openDatabase(':memory:'), fakes = new ScriptedClusterPorts()) {
  const clock = new FakeClock();
  const events = new EventBus(createEventLogRepository(db), clock);
  const operations = new Operations({
    store: createOperationRepository(db),
    events,
    clock,
    ids: sequentialIds('op'),
    logger: silentLogger,
    logsDir: mkdtempSync(join(tmpdir(), 'skiff-cluster-ops-')),
  });
  const updates: ClusterStatus[] = [];
  events.subscribe((event) => event.type === 'cluster.updated' && updates.push(event.data));
  const service = new ClusterService({
    ports: fakes.ports,
    operations,
    events,
    repository: createClusterRepository(db),
    clock,
    logger: silentLogger,
    clustersDir: mkdtempSync(join(tmpdir(), 'skiff-clusters-')),
  });
  return { service, fakes, operations, updates, db };
}

describe('ClusterService', () => {
  it('creates a cluster through named steps and ends RUNNING with port-forwards', async () => {
    const { service, fakes, operations, updates } = setup();
    const { operation } = service.create({ name: 'dev', provider: 'kind', profile: 'lite' });
    expect(service.record?.state).toBe('CREATING');
    await settle(operations, operation.id);
    expect(service.record?.state).toBe('RUNNING');
    expect(fakes.calls).toEqual([
      'preflight kind lite',
      'create dev',
      'writeKubeconfig dev',
      'preload dev lite',
      'install lite',
      'forward 18080,18888,13000',
    ]);
    expect(updates.map((u) => u.state)).toEqual(
      expect.arrayContaining(['CREATING', 'INSTALLING', 'RUNNING']),
    );
    const progress = updates.filter((u) => u.state === 'INSTALLING').flatMap((u) => u.install);
    expect(progress.some((p) => p.component === 'katib' && p.phase === 'ready')).toBe(true);
    const status = await clusterStatus(service);
    expect(status.components).toHaveLength(3);
    expect(status.endpoints[0]).toMatchObject({ url: 'http://127.0.0.1:18080/', forwarding: true });
    expect(status.usage?.pods).toBe(12);
  });

  it('names the field of a bad request and changes nothing', () => {
    const { service, fakes } = setup();
    expect(() => service.create({ name: 'Bad_Name' })).toThrow(/^name: /);
    expect(() => service.create({ nodes: 9 })).toThrow(/^nodes: .*1 to 5/);
    expect(() => service.create({ gpus: '0,x' })).toThrow(/^gpus: /);
    expect(() => service.create({ provider: 'minikube' })).toThrow(/^provider: /);
    expect(() => service.create({ profile: 'huge' })).toThrow(/^profile: /);
    expect(service.record).toBeUndefined();
    expect(fakes.calls).toEqual([]);
  });

  it('keeps the failed step, last command and log lines in ERROR, then retries', async () => {
    const { service, fakes, operations } = setup();
    fakes.script.set('create', 'fail');
    const { operation } = service.create({ name: 'dev' });
    await settle(operations, operation.id);
    expect(service.record?.state).toBe('ERROR');
    expect(service.record?.failure).toMatchObject({
      step: 'Creating the cluster',
      lastCommand: 'kind create cluster --name dev',
      lastLines: expect.arrayContaining(['Creating 1 node(s)']) as unknown,
    });
    expect(() => service.create({ name: 'other' })).toThrow(/^name: .*"dev"/);
    fakes.script.delete('create');
    const retry = service.create({ name: 'dev' });
    await settle(operations, retry.operation.id);
    expect(service.record?.state).toBe('RUNNING');
    expect(service.record?.failure).toBeUndefined();
  });

  it('fails preflight with the fixes and never creates anything', async () => {
    const { service, fakes, operations } = setup();
    fakes.preflightReport = {
      ok: false,
      checks: [
        { id: 'docker', title: 'Docker', status: 'error', detail: 'down', fix: 'Start Docker' },
      ],
    };
    const { operation } = service.create({});
    await settle(operations, operation.id);
    expect(service.record?.failure?.message).toMatch(/Docker: Start Docker/);
    expect(fakes.calls).toEqual(['preflight kind lite']);
  });

  it('cancels a hanging install through the operation and lands in ERROR', async () => {
    const { service, fakes, operations } = setup();
    fakes.script.set('install', 'hang');
    const { operation } = service.create({});
    await until(() => service.record?.state === 'INSTALLING');
    operations.cancel(operation.id);
    await settle(operations, operation.id);
    expect(operations.get(operation.id).state).toBe('CANCELLED');
    expect(service.record).toMatchObject({ state: 'ERROR', failure: { code: 'CANCELLED' } });
  });

  it('stops, starts and deletes, refusing actions the state does not allow', async () => {
    const { service, fakes, operations } = setup();
    await settle(operations, service.create({}).operation.id);
    expect(() => service.start()).toThrow(/is RUNNING; start needs STOPPED or ERROR/);
    await settle(operations, service.stop().operation.id);
    expect(service.record?.state).toBe('STOPPED');
    expect(fakes.forwards).toEqual([]);
    await settle(operations, service.start().operation.id);
    expect(service.record?.state).toBe('RUNNING');
    await settle(operations, service.delete().operation.id);
    expect(service.record).toBeUndefined();
    expect(fakes.clusters.size).toBe(0);
    expect(() => service.stop()).toThrow(/no cluster/);
  });

  it('marks work in flight at an engine restart as failed, with the reason', async () => {
    const db = openDatabase(':memory:');
    const first = setup(db);
    first.fakes.script.set('install', 'hang');
    first.service.create({});
    await until(() => first.service.record?.state === 'INSTALLING');
    const restarted = setup(db);
    await recoverCluster(restarted.service);
    expect(restarted.service.record).toMatchObject({
      state: 'ERROR',
      failure: {
        message: expect.stringMatching(
          /engine stopped while the cluster was INSTALLING/,
        ) as unknown,
      },
    });
    first.operations.cancelAll();
  });

  it('after a restart, restores port-forwards of a running cluster and notices a stopped one', async () => {
    const db = openDatabase(':memory:');
    const fakes = new ScriptedClusterPorts();
    const first = setup(db, fakes);
    await settle(first.operations, first.service.create({}).operation.id);
    fakes.forwards = [];
    const restarted = setup(db, fakes);
    await recoverCluster(restarted.service);
    expect(fakes.forwards).toHaveLength(3);
    fakes.clusters.set('skiff', { name: 'skiff', provider: 'kind', nodes: 1, running: false });
    const again = setup(db, fakes);
    await recoverCluster(again.service);
    expect(again.service.record?.state).toBe('STOPPED');
  });
});

async function settle(operations: Operations, id: string): Promise<void> {
  await until(() => operations.get(id).state !== 'RUNNING');
  await new Promise((resolve) => setImmediate(resolve));
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  expect(condition()).toBe(true);
}
