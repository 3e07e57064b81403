import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type SqliteDatabase } from '../../store/database.js';
import { ExperimentRepository } from './experiment-repository.js';
import { RunRepository, type RunRecord } from './run-repository.js';

let db: SqliteDatabase;
let runs: RunRepository;

const run = (
  id: string,
  extra: Partial<RunRecord> = {},
): Omit<RunRecord, 'state' | 'storageState'> => ({
  runId: id,
  displayName: id,
  description: '',
  experimentId: 'e1',
  package: { pipelineSpec: { pipelineInfo: { name: 'p' }, root: {} } },
  runtimeConfig: { parameters: { n: 3 }, pipeline_root: '/tmp/root' },
  namespace: '',
  serviceAccount: '',
  createdAt: '2026-01-01T00:00:00.000Z',
  scheduledAt: '2026-01-01T00:00:00.000Z',
  ...extra,
});

beforeEach(() => {
  db = openDatabase(':memory:');
  const experiments = new ExperimentRepository(db);
  for (const id of ['e1', 'e2']) {
    experiments.insert({
      experimentId: id,
      displayName: id,
      description: '',
      namespace: '',
      storageState: 'AVAILABLE',
      createdAt: '2026-01-01T00:00:00.000Z',
    });
  }
  runs = new RunRepository(db);
});

describe('RunRepository', () => {
  it('stores a new run as PENDING and AVAILABLE with its runtime config', () => {
    runs.insert(run('r1'));
    expect(runs.get('r1')).toMatchObject({
      state: 'PENDING',
      storageState: 'AVAILABLE',
      runtimeConfig: { parameters: { n: 3 }, pipeline_root: '/tmp/root' },
      scheduledAt: '2026-01-01T00:00:00.000Z',
    });
    expect(runs.get('r1')?.finishedAt).toBeUndefined();
  });

  it('lists by experiment and filters by state', () => {
    runs.insert(run('r1'));
    runs.insert(run('r2', { experimentId: 'e2' }));
    runs.insert(run('r3'));
    db.prepare("UPDATE runs SET state = 'SUCCEEDED' WHERE run_id = 'r3'").run();
    expect(runs.list({}, { experimentId: 'e1' }).rows.map((r) => r.runId)).toEqual(['r1', 'r3']);
    const filter = JSON.stringify({
      predicates: [{ key: 'state', operation: 'EQUALS', string_value: 'SUCCEEDED' }],
    });
    expect(runs.list({ filter }).rows.map((r) => r.runId)).toEqual(['r3']);
  });

  it('archives the runs of an experiment', () => {
    runs.insert(run('r1'));
    runs.insert(run('r2', { experimentId: 'e2' }));
    runs.archiveByExperiment('e1');
    expect(runs.get('r1')?.storageState).toBe('ARCHIVED');
    expect(runs.get('r2')?.storageState).toBe('AVAILABLE');
  });

  it('reads the launcher error as JSON, or plain text as the message', () => {
    runs.insert(run('r1'));
    runs.markFailed(
      'r1',
      { code: 'UNAVAILABLE', message: 'no docker' },
      '2026-01-01T00:01:00.000Z',
    );
    expect(runs.get('r1')).toMatchObject({
      state: 'FAILED',
      error: { code: 'UNAVAILABLE', message: 'no docker' },
      finishedAt: '2026-01-01T00:01:00.000Z',
    });
    db.prepare("UPDATE runs SET error = 'boom' WHERE run_id = 'r1'").run();
    expect(runs.get('r1')?.error).toEqual({ code: 'INTERNAL', message: 'boom' });
  });

  it('deletes a run', () => {
    runs.insert(run('r1'));
    expect(runs.delete('r1')).toBe(true);
    expect(runs.get('r1')).toBeUndefined();
  });
});
