import Database from 'better-sqlite3';
import { SkiffError } from '../core/errors.js';
import { MIGRATIONS, type Migration } from './migrations/index.js';

export type SqliteDatabase = Database.Database;

/**
 * Opens skiff.db: WAL so readers never block the writer, foreign keys on, then pending
 * migrations. synchronous=NORMAL: in WAL mode a committed transaction survives the engine
 * being killed (test/api/crash-safety.test.ts); only a power cut can lose the last few,
 * and the database stays consistent either way. FULL would fsync every commit, which
 * costs milliseconds per task state change.
 */
export function openDatabase(
  file: string,
  migrations: readonly Migration[] = MIGRATIONS,
): SqliteDatabase {
  let db: SqliteDatabase;
  try {
    db = new Database(file);
  } catch (error) {
    throw new SkiffError(
      'FAILED_PRECONDITION',
      `Cannot open the database ${file}: ${(error as Error).message}. Check the folder's permissions and free disk space.`,
      { file },
      { cause: error },
    );
  }
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db, migrations);
  return db;
}

/** Applies numbered migrations in order, each in its own transaction. */
export function migrate(db: SqliteDatabase, migrations: readonly Migration[]): number[] {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
  );
  const applied = new Set(
    db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[],
  );
  const newest = Math.max(0, ...applied);
  const known = Math.max(0, ...migrations.map((m) => m.version));
  if (newest > known) {
    throw new SkiffError(
      'FAILED_PRECONDITION',
      `The database was written by a newer Skiff (schema ${newest}, this one knows ${known}). Update Skiff or point SKIFF_HOME elsewhere.`,
    );
  }
  const ran: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (applied.has(migration.version)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        new Date().toISOString(),
      );
    })();
    ran.push(migration.version);
  }
  return ran;
}
