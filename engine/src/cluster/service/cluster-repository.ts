import type { ClusterState, OperationFailure } from '../../api/contract.js';
import type { SqliteDatabase } from '../../store/database.js';
import type { ClusterSpec, PlatformProfile } from '../cluster-types.js';

/** One persisted cluster: its spec and where its state machine stands. */
export interface ClusterRecord {
  spec: ClusterSpec;
  profile: PlatformProfile;
  state: ClusterState;
  operationId?: string;
  failure?: OperationFailure;
  createdAt: string;
  updatedAt: string;
}

interface ClusterRow {
  name: string;
  state: ClusterState;
  spec: string;
  profile: PlatformProfile;
  operation_id: string | null;
  failure: string | null;
  created_at: string;
  updated_at: string;
}

export interface ClusterRepository {
  /** The cluster Skiff manages (there is at most one). */
  current(): ClusterRecord | undefined;
  save(record: ClusterRecord): void;
  remove(name: string): void;
}

export function createClusterRepository(db: SqliteDatabase): ClusterRepository {
  const select = db.prepare('SELECT * FROM clusters ORDER BY created_at DESC LIMIT 1');
  const upsert = db.prepare(`INSERT INTO clusters
    (name, state, spec, profile, operation_id, failure, created_at, updated_at)
    VALUES (@name, @state, @spec, @profile, @operation_id, @failure, @created_at, @updated_at)
    ON CONFLICT(name) DO UPDATE SET state = excluded.state, spec = excluded.spec,
      profile = excluded.profile, operation_id = excluded.operation_id,
      failure = excluded.failure, updated_at = excluded.updated_at`);
  const remove = db.prepare('DELETE FROM clusters WHERE name = ?');
  return {
    current() {
      const row = select.get() as ClusterRow | undefined;
      return row === undefined ? undefined : toRecord(row);
    },
    save(record) {
      upsert.run({
        name: record.spec.name,
        state: record.state,
        spec: JSON.stringify(record.spec),
        profile: record.profile,
        operation_id: record.operationId ?? null,
        failure: record.failure ? JSON.stringify(record.failure) : null,
        created_at: record.createdAt,
        updated_at: record.updatedAt,
      });
    },
    remove(name) {
      remove.run(name);
    },
  };
}

function toRecord(row: ClusterRow): ClusterRecord {
  const record: ClusterRecord = {
    spec: JSON.parse(row.spec) as ClusterSpec,
    profile: row.profile,
    state: row.state,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
  if (row.operation_id !== null) record.operationId = row.operation_id;
  if (row.failure !== null) record.failure = JSON.parse(row.failure) as OperationFailure;
  return record;
}
