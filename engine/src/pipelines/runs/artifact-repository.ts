import type { SqliteDatabase } from '../../store/database.js';
import type { ArtifactRef } from '../scheduler/run-model.js';

export interface StoredArtifact extends ArtifactRef {
  runId: string;
  producerTaskId: string;
  outputKey: string;
  sizeBytes?: number;
  createdAt: string;
}

interface ArtifactRow {
  artifact_id: string;
  run_id: string;
  producer_task_id: string | null;
  output_key: string;
  schema_title: string;
  uri: string;
  size_bytes: number | null;
  metadata: string;
  created_at: string;
}

/** Artifacts and their lineage: who produced each, who consumed it. */
export class ArtifactRepository {
  readonly #insert;
  readonly #consume;
  readonly #byRun;
  readonly #byId;
  readonly #consumers;

  constructor(db: SqliteDatabase) {
    this.#insert =
      db.prepare(`INSERT OR REPLACE INTO artifacts (artifact_id, run_id, producer_task_id, output_key,
      schema_title, uri, size_bytes, metadata, created_at) VALUES (@artifact_id, @run_id, @producer_task_id,
      @output_key, @schema_title, @uri, @size_bytes, @metadata, @created_at)`);
    this.#consume = db.prepare(
      'INSERT OR IGNORE INTO artifact_consumers (artifact_id, task_id, input_key) VALUES (?, ?, ?)',
    );
    this.#byRun = db.prepare<[string], ArtifactRow>(
      'SELECT * FROM artifacts WHERE run_id = ? ORDER BY created_at, rowid',
    );
    this.#byId = db.prepare<[string], ArtifactRow>('SELECT * FROM artifacts WHERE artifact_id = ?');
    this.#consumers = db.prepare<[string], { task_id: string; input_key: string }>(
      'SELECT task_id, input_key FROM artifact_consumers WHERE artifact_id = ?',
    );
  }

  produced(artifact: StoredArtifact): void {
    this.#insert.run({
      artifact_id: artifact.artifactId,
      run_id: artifact.runId,
      producer_task_id: artifact.producerTaskId,
      output_key: artifact.outputKey,
      schema_title: artifact.type.schemaTitle ?? 'system.Artifact',
      uri: artifact.uri,
      size_bytes: artifact.sizeBytes ?? null,
      metadata: JSON.stringify({
        name: artifact.name,
        type: artifact.type,
        metadata: artifact.metadata,
      }),
      created_at: artifact.createdAt,
    });
  }

  consumed(artifactId: string, taskId: string, inputKey: string): void {
    this.#consume.run(artifactId, taskId, inputKey);
  }

  listByRun(runId: string): StoredArtifact[] {
    return this.#byRun.all(runId).map(toStored);
  }

  get(artifactId: string): StoredArtifact | undefined {
    const row = this.#byId.get(artifactId);
    return row === undefined ? undefined : toStored(row);
  }

  consumersOf(artifactId: string): { taskId: string; inputKey: string }[] {
    return this.#consumers
      .all(artifactId)
      .map((r) => ({ taskId: r.task_id, inputKey: r.input_key }));
  }
}

function toStored(row: ArtifactRow): StoredArtifact {
  const stored = JSON.parse(row.metadata) as Partial<
    Pick<ArtifactRef, 'name' | 'type' | 'metadata'>
  >;
  const artifact: StoredArtifact = {
    artifactId: row.artifact_id,
    runId: row.run_id,
    producerTaskId: row.producer_task_id ?? '',
    outputKey: row.output_key,
    uri: row.uri,
    createdAt: row.created_at,
    name: stored.name ?? row.output_key,
    type: stored.type ?? { schemaTitle: row.schema_title },
    metadata: stored.metadata ?? {},
  };
  if (row.size_bytes !== null) artifact.sizeBytes = row.size_bytes;
  return artifact;
}
