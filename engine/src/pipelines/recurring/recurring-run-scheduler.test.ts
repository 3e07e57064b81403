import { beforeEach, describe, expect, it } from 'vitest';
import type { IdGenerator, Logger } from '../../core/ports.js';
import { openDatabase, type SqliteDatabase } from '../../store/database.js';
import { FakeClock, sequentialIds } from '../../testing/fake-ports.js';
import type { PipelineSpec } from '../ir/pipeline-spec.js';
import type { RunLauncher } from '../runs/run-launcher.js';
import { ExperimentRepository } from '../store/experiment-repository.js';
import {
  RecurringRunRepository,
  type RecurringRunRecord,
} from '../store/recurring-run-repository.js';
import { RunRepository } from '../store/run-repository.js';
import { RecurringRunScheduler } from './recurring-run-scheduler.js';
import { createRecurringRunTrigger } from './recurring-run-trigger.js';
import type { TriggerJson } from './recurring-trigger.js';

const T0 = '2026-01-01T00:00:00.000Z';
const quiet: Logger = { log: () => undefined, child: () => quiet };

let db: SqliteDatabase;
let clock: FakeClock;
let ids: IdGenerator;
let started: string[];
let launchError: Error | undefined;

beforeEach(() => {
  db = openDatabase(':memory:');
  clock = new FakeClock(new Date(T0));
  ids = sequentialIds('run');
  started = [];
  launchError = undefined;
  new ExperimentRepository(db).insert({
    experimentId: 'e1',
    displayName: 'Default',
    description: '',
    namespace: '',
    storageState: 'AVAILABLE',
    createdAt: T0,
  });
});

/** A scheduler as the engine builds one; a new one on the same db is an engine restart. */
function scheduler(): RecurringRunScheduler {
  const recurringRuns = new RecurringRunRepository(db);
  const launcher: RunLauncher = {
    start: (runId) => {
      if (launchError) throw launchError;
      started.push(runId);
    },
    terminate: () => undefined,
    retry: () => undefined,
  };
  const deps = { clock, ids, logger: quiet };
  const trigger = createRecurringRunTrigger({
    db,
    runs: new RunRepository(db),
    experiments: new ExperimentRepository(db),
    recurringRuns,
    launcher,
    ...deps,
  });
  return new RecurringRunScheduler({ recurringRuns, trigger, ...deps });
}

function addRecurringRun(trigger: TriggerJson, change: Partial<RecurringRunRecord> = {}): void {
  new RecurringRunRepository(db).insert({
    recurringRunId: 'rr1',
    displayName: 'nightly',
    description: '',
    experimentId: 'e1',
    package: { pipelineSpec: { root: {} } as unknown as PipelineSpec },
    runtimeConfig: { parameters: { n: 1 } },
    serviceAccount: '',
    trigger,
    maxConcurrency: 1,
    noCatchup: false,
    mode: 'ENABLE',
    namespace: '',
    createdAt: T0,
    updatedAt: T0,
    ...change,
  });
}

const every2s: TriggerJson = { periodic_schedule: { interval_second: '2' } };

/** The runs rr1 triggered: [display name, scheduled_at, state]. */
function triggered(): [string, string, string][] {
  return new RunRepository(db)
    .list({ pageSize: 200 }, {})
    .rows.filter((run) => run.recurringRunId === 'rr1')
    .map((run) => [run.displayName, run.scheduledAt ?? '', run.state]);
}

const finishAll = (): void => {
  db.prepare("UPDATE runs SET state = 'SUCCEEDED'").run();
};

const at = (seconds: number): string => new Date(Date.parse(T0) + seconds * 1000).toISOString();

describe('RecurringRunScheduler', () => {
  it('triggers on time, names runs <name>-<yyyyMMddHHmmss>, and says when it is next due', () => {
    addRecurringRun(every2s);
    const s = scheduler();
    clock.advance(1000);
    expect(s.tick()?.toISOString()).toBe(at(2));
    expect(triggered()).toEqual([]);
    clock.advance(1000);
    expect(s.tick()?.toISOString()).toBe(at(4));
    expect(triggered()).toEqual([['nightly-20260101000002', at(2), 'PENDING']]);
    expect(started).toEqual(['run-1']);
    expect(new RecurringRunRepository(db).get('rr1')?.lastTriggeredAt).toBe(at(2));
    expect(new ExperimentRepository(db).get('e1')?.lastRunCreatedAt).toBe(at(2));
  });

  it('waits while max_concurrency runs are unfinished, then triggers the waiting time', () => {
    addRecurringRun(every2s);
    const s = scheduler();
    clock.advance(2000);
    s.tick();
    clock.advance(2000);
    s.tick();
    expect(triggered()).toHaveLength(1);
    finishAll();
    s.tick();
    expect(triggered().map(([, time]) => time)).toEqual([at(2), at(4)]);
  });

  it('never triggers a disabled recurring run', () => {
    addRecurringRun(every2s, { mode: 'DISABLE' });
    clock.advance(60_000);
    expect(scheduler().tick()).toBeUndefined();
    expect(triggered()).toEqual([]);
  });

  it('after downtime, catches up every missed time in order, within max_concurrency', () => {
    addRecurringRun(every2s, { maxConcurrency: 3 });
    clock.advance(2000);
    scheduler().tick();
    finishAll();
    clock.advance(10_000); // the engine was down from 2 s to 12 s
    const restarted = scheduler();
    restarted.tick();
    expect(triggered().map(([, time]) => time)).toEqual([at(2), at(4), at(6), at(8)]);
    finishAll();
    restarted.tick();
    expect(triggered().map(([, time]) => time)).toEqual([
      at(2),
      at(4),
      at(6),
      at(8),
      at(10),
      at(12),
    ]);
  });

  it('with no_catchup, triggers only the most recent missed time', () => {
    addRecurringRun(every2s, { noCatchup: true, maxConcurrency: 3 });
    clock.advance(2000);
    scheduler().tick();
    finishAll();
    clock.advance(11_000);
    scheduler().tick();
    expect(triggered().map(([, time]) => time)).toEqual([at(2), at(12)]);
  });

  it('stops at end_time', () => {
    addRecurringRun(
      { cron_schedule: { cron: '*/2 * * * * *', end_time: at(4) } },
      { maxConcurrency: 5 },
    );
    clock.advance(30_000);
    expect(scheduler().tick()).toBeUndefined();
    expect(triggered().map(([, time]) => time)).toEqual([at(2), at(4)]);
  });

  it('keeps a run whose launch failed as FAILED with the reason, and moves on', () => {
    addRecurringRun(every2s);
    launchError = new Error('no executor');
    clock.advance(2000);
    scheduler().tick();
    const [run] = new RunRepository(db).list({}).rows;
    expect(run?.state).toBe('FAILED');
    expect(run?.error?.message).toContain('no executor');
    launchError = undefined;
    clock.advance(2000);
    scheduler().tick();
    expect(triggered().map(([, time, state]) => [time, state])).toEqual([
      [at(2), 'FAILED'],
      [at(4), 'PENDING'],
    ]);
  });

  it('start() triggers at once what is due; stop() ends it', () => {
    addRecurringRun(every2s);
    clock.advance(2000);
    const s = scheduler();
    s.start();
    s.stop();
    expect(triggered()).toHaveLength(1);
  });
});
