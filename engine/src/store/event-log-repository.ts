import type { DeliveredEvent, EngineEvent } from '../api/contract.js';
import type { EventLog } from '../core/event-bus.js';
import type { SqliteDatabase } from './database.js';

/** How many durable events are kept for SSE resume; older ones are pruned. */
const RETAINED_EVENTS = 10_000;
const PRUNE_EVERY = 500;

interface EventRow {
  id: number;
  type: EngineEvent['type'];
  data: string;
  time: string;
}

function toDeliveredEvent(row: EventRow): DeliveredEvent {
  const data = JSON.parse(row.data) as unknown;
  // Rows are written only by append() from typed events, so type and data belong together.
  return { id: row.id, type: row.type, data, time: row.time } as DeliveredEvent;
}

export function createEventLogRepository(db: SqliteDatabase, retained = RETAINED_EVENTS): EventLog {
  const insert = db.prepare('INSERT INTO events (type, data, time) VALUES (?, ?, ?)');
  const prune = db.prepare('DELETE FROM events WHERE id <= ?');
  const since = db.prepare<[number, number], EventRow>(
    'SELECT id, type, data, time FROM events WHERE id > ? ORDER BY id LIMIT ?',
  );
  return {
    append(event, time) {
      const id = Number(
        insert.run(event.type, JSON.stringify(event.data), time.toISOString()).lastInsertRowid,
      );
      if (id % PRUNE_EVERY === 0) prune.run(id - retained);
      return id;
    },
    since(lastId, limit) {
      return since.all(lastId, limit).map(toDeliveredEvent);
    },
  };
}
