import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type SqliteDatabase } from '../../store/database.js';
import type { PipelineSpec } from '../ir/pipeline-spec.js';
import { RecurringRunRepository, type RecurringRunRecord } from './recurring-run-repository.js';
import { RunRepository } from './run-repository.js';

let db: SqliteDatabase;
let recurring: RecurringRunRepository;

const T0 = '2026-01-01T00:00:00.000Z';
const spec = { root: {}, pipelineInfo: { name: 'p' } } as unknown as PipelineSpec;

const record = (id: string, change: Partial<RecurringRunRecord> = {}): RecurringRunRecord => ({
  recurringRunId: id,
  displayName: `rr ${id}`,
  description: 'd',
  package: { pipelineSpec: spec, platformSpec: { platforms: {} } },
  runtimeConfig: { parameters: { n: 3 }, pipeline_root: '/tmp/root' },
  serviceAccount: 'sa',
  trigger: { cron_schedule: { cron: '0 * * * * *' } },
  maxConcurrency: 2,
  noCatchup: true,
  mode: 'ENABLE',
  namespace: '',
  createdAt: T0,
  updatedAt: T0,
  ...change,
});

function addRun(runId: string, state: string, recurringRunId?: string): void {
  new RunRepository(db).insert({
    runId,
    displayName: runId,
    description: '',
    package: { pipelineSpec: spec },
    runtimeConfig: {},
    namespace: '',
    serviceAccount: '',
    createdAt: T0,
  });
  db.prepare('UPDATE runs SET state = ? WHERE run_id = ?').run(state, runId);
  if (recurringRunId) recurring.recordTrigger(recurringRunId, runId, T0);
}

beforeEach(() => {
  db = openDatabase(':memory:');
  recurring = new RecurringRunRepository(db);
});

describe('RecurringRunRepository', () => {
  it('stores and reads back every field', () => {
    recurring.insert(record('a'));
    expect(recurring.get('a')).toEqual(record('a'));
    expect(recurring.get('missing')).toBeUndefined();
  });

  it('enables and disables; the scheduler sees only enabled ones', () => {
    recurring.insert(record('a'));
    recurring.insert(record('b', { createdAt: '2026-01-02T00:00:00.000Z' }));
    expect(recurring.setMode('a', 'DISABLE', '2026-01-03T00:00:00.000Z')).toBe(true);
    expect(recurring.get('a')).toMatchObject({
      mode: 'DISABLE',
      updatedAt: '2026-01-03T00:00:00.000Z',
    });
    expect(recurring.listEnabled().map((r) => r.recurringRunId)).toEqual(['b']);
    expect(recurring.setMode('missing', 'ENABLE', T0)).toBe(false);
  });

  it('lists with KFP filters, scope and pages', () => {
    recurring.insert(record('a', { displayName: 'alpha' }));
    recurring.insert(record('b', { displayName: 'beta', mode: 'DISABLE' }));
    recurring.insert(record('c', { displayName: 'gamma', namespace: 'team' }));
    const filter = JSON.stringify({
      predicates: [{ key: 'mode', operation: 'EQUALS', string_value: 'DISABLE' }],
    });
    expect(recurring.list({ filter }).rows.map((r) => r.displayName)).toEqual(['beta']);
    expect(recurring.list({}, { namespace: 'team' }).rows.map((r) => r.displayName)).toEqual([
      'gamma',
    ]);
    const first = recurring.list({ pageSize: 2, sortBy: 'name desc' });
    expect(first.rows.map((r) => r.displayName)).toEqual(['gamma', 'beta']);
    expect(first.totalSize).toBe(3);
    const second = recurring.list({ pageToken: first.nextPageToken ?? '' });
    expect(second.rows.map((r) => r.displayName)).toEqual(['alpha']);
  });

  it('links the runs it triggered and counts only the unfinished ones', () => {
    recurring.insert(record('a'));
    addRun('r1', 'RUNNING', 'a');
    addRun('r2', 'PENDING', 'a');
    addRun('r3', 'SUCCEEDED', 'a');
    addRun('r4', 'RUNNING');
    expect(recurring.activeRunCount('a')).toBe(2);
    expect(new RunRepository(db).get('r1')?.recurringRunId).toBe('a');
    expect(recurring.get('a')?.lastTriggeredAt).toBe(T0);
  });

  it('deletes the recurring run but keeps its runs, unlinked', () => {
    recurring.insert(record('a'));
    addRun('r1', 'SUCCEEDED', 'a');
    expect(recurring.delete('a')).toBe(true);
    expect(recurring.get('a')).toBeUndefined();
    expect(new RunRepository(db).get('r1')).toMatchObject({ runId: 'r1' });
    expect(new RunRepository(db).get('r1')?.recurringRunId).toBeUndefined();
  });
});
