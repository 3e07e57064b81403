import type { EventLog } from '../core/event-bus.js';
import type { OperationStore } from '../core/operation-store.js';
import { openDatabase, type SqliteDatabase } from './database.js';
import { createEventLogRepository } from './event-log-repository.js';
import { createOperationRepository } from './operation-repository.js';
import { SettingsStore } from './settings-store.js';

/** Everything the engine keeps: SQLite for queried state, lowdb for settings. */
export interface Store {
  readonly db: SqliteDatabase;
  readonly operations: OperationStore;
  readonly events: EventLog;
  readonly settings: SettingsStore;
  close(): void;
}

export async function openStore(paths: { database: string; settings: string }): Promise<Store> {
  const settings = await SettingsStore.open(paths.settings);
  const db = openDatabase(paths.database);
  return {
    db,
    operations: createOperationRepository(db),
    events: createEventLogRepository(db),
    settings,
    close: () => db.close(),
  };
}
