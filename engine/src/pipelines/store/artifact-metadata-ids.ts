import type { SqliteDatabase } from '../../store/database.js';

/**
 * KFP's `ArtifactList.artifact_ids` are int64 ML Metadata ids. Skiff's artifacts have
 * string ids; their SQLite rowid is the stable integer KFP clients expect.
 */
export class ArtifactMetadataIds {
  readonly #lookup;

  constructor(db: SqliteDatabase) {
    this.#lookup = db.prepare<[string], { artifact_id: string; id: number }>(
      'SELECT artifact_id, rowid AS id FROM artifacts WHERE artifact_id IN (SELECT value FROM json_each(?))',
    );
  }

  /** Artifact id → decimal int64 string, for the ids that are stored. */
  lookup(artifactIds: readonly string[]): Map<string, string> {
    if (artifactIds.length === 0) return new Map();
    const rows = this.#lookup.all(JSON.stringify([...new Set(artifactIds)]));
    return new Map(rows.map((row) => [row.artifact_id, String(row.id)]));
  }
}
