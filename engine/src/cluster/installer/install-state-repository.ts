import type { SqliteDatabase } from '../../store/database.js';
import type { ObjectKey } from './cluster-objects.js';

export type ComponentInstallState = 'applying' | 'applied' | 'ready' | 'failed';

export interface ComponentRecord {
  component: string;
  digest: string;
  state: ComponentInstallState;
  /** Everything Skiff applied for the component, in apply order. */
  objects: ObjectKey[];
  error?: string;
}

/** Where the installer keeps per-component progress, per target (a cluster's kubeconfig). */
export interface InstallStateStore {
  get(target: string, component: string): ComponentRecord | undefined;
  list(target: string): ComponentRecord[];
  put(target: string, record: ComponentRecord): void;
  remove(target: string, component: string): void;
}

interface Row {
  component: string;
  digest: string;
  state: ComponentInstallState;
  objects: string;
  error: string | null;
}

const toRecord = (row: Row): ComponentRecord => ({
  component: row.component,
  digest: row.digest,
  state: row.state,
  objects: JSON.parse(row.objects) as ObjectKey[],
  ...(row.error ? { error: row.error } : {}),
});

export function createInstallStateRepository(db: SqliteDatabase): InstallStateStore {
  const one = db.prepare<[string, string], Row>(
    'SELECT * FROM cluster_install_components WHERE target = ? AND component = ?',
  );
  const all = db.prepare<[string], Row>(
    'SELECT * FROM cluster_install_components WHERE target = ? ORDER BY rowid',
  );
  const upsert = db.prepare(`INSERT INTO cluster_install_components
    (target, component, digest, state, objects, error, updated_at)
    VALUES (@target, @component, @digest, @state, @objects, @error, @updated_at)
    ON CONFLICT (target, component) DO UPDATE SET digest = excluded.digest, state = excluded.state,
    objects = excluded.objects, error = excluded.error, updated_at = excluded.updated_at`);
  const drop = db.prepare(
    'DELETE FROM cluster_install_components WHERE target = ? AND component = ?',
  );
  return {
    get: (target, component) => {
      const row = one.get(target, component);
      return row ? toRecord(row) : undefined;
    },
    list: (target) => all.all(target).map(toRecord),
    put: (target, record) =>
      void upsert.run({
        target,
        component: record.component,
        digest: record.digest,
        state: record.state,
        objects: JSON.stringify(record.objects),
        error: record.error ?? null,
        updated_at: new Date().toISOString(),
      }),
    remove: (target, component) => void drop.run(target, component),
  };
}
