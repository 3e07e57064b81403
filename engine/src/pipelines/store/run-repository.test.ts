import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type SqliteDatabase } from '../../store/database.js';
import { ExperimentRepository } from './experiment-repository.js';
import { RunRepository, type NewRun, type RunRecord } from './run-repository.js';

let db: SqliteDatabase;
let runs: RunRepository;

const run = (id: string, extra: Partial<RunRecord> = {}): NewRun => ({
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

  it('keeps labels, the caching switch and the requested executor', () => {
    runs.insert(run('r1'));
    runs.insert(
      run('r2', { labels: { team: 'vision' }, cacheEnabled: false, executor: 'process' }),
    );
    expect(runs.get('r1')).toMatchObject({ labels: {}, cacheEnabled: true });
    expect(runs.get('r1')?.executor).toBeUndefined();
    expect(runs.get('r2')).toMatchObject({
      labels: { team: 'vision' },
      cacheEnabled: false,
      executor: 'process',
    });
    expect(runs.executorRequest('r2')).toBe('process');
  });

  it('filters by label, binding the key and value rather than splicing them into SQL', () => {
    runs.insert(run('r1', { labels: { team: 'vision', 'sweep/id': 'a.1' } }));
    runs.insert(run('r2', { labels: { team: 'nlp' } }));
    runs.insert(run('r3'));
    const byLabel = (key: string, value: string, operation = 'EQUALS'): string[] =>
      runs
        .list({
          filter: JSON.stringify({ predicates: [{ key, operation, string_value: value }] }),
        })
        .rows.map((r) => r.runId);
    expect(byLabel('labels.team', 'vision')).toEqual(['r1']);
    expect(byLabel('labels.sweep/id', 'a.1')).toEqual(['r1']);
    expect(byLabel('labels.team', 'vision', 'NOT_EQUALS')).toEqual(['r2', 'r3']);
    expect(byLabel('labels.team', "x' OR 1=1 --")).toEqual([]);
    expect(() => byLabel('labels.a"b', 'x')).toThrow(/labels\.<key>/);
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
