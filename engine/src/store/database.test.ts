import { describe, expect, it } from 'vitest';
import { migrate, openDatabase } from './database.js';
import { MIGRATIONS } from './migrations/index.js';

const LATEST = Math.max(...MIGRATIONS.map((migration) => migration.version));

describe('openDatabase', () => {
  it('runs the migrations once and turns on foreign keys', () => {
    const db = openDatabase(':memory:');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(migrate(db, MIGRATIONS)).toEqual([]);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(
      expect.arrayContaining([
        'pipelines',
        'pipeline_versions',
        'experiments',
        'runs',
        'tasks',
        'artifacts',
        'recurring_runs',
        'operations',
        'events',
      ]),
    );
  });

  it('rolls back a failing migration completely', () => {
    const db = openDatabase(':memory:');
    expect(() =>
      migrate(db, [
        ...MIGRATIONS,
        { version: LATEST + 1, name: 'broken', sql: 'CREATE TABLE t (a); CREATE TABLE oops (' },
      ]),
    ).toThrow();
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 't'").pluck().get()).toBe(0);
    expect(db.prepare('SELECT max(version) FROM schema_migrations').pluck().get()).toBe(LATEST);
  });

  it('refuses a database written by a newer Skiff', () => {
    const db = openDatabase(':memory:');
    db.prepare("INSERT INTO schema_migrations VALUES (99, 'future', 'x')").run();
    expect(() => migrate(db, [])).toThrow(/newer Skiff/);
  });

  it('enforces references between runs and experiments', () => {
    const db = openDatabase(':memory:');
    const insertRun = db.prepare(
      "INSERT INTO runs (run_id, display_name, experiment_id, pipeline_spec, created_at) VALUES ('r', 'r', 'missing', '{}', 'now')",
    );
    expect(() => insertRun.run()).toThrow(/FOREIGN KEY/);
  });
});
