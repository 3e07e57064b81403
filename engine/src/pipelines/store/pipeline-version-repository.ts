import { createHash } from 'node:crypto';
import { SkiffError } from '../../core/errors.js';
import type { SqliteDatabase } from '../../store/database.js';
import type { PipelinePackage } from '../ir/pipeline-spec.js';
import { listPage, type ListRequest, type Page } from './list-page.js';
import type { ListTable } from './list-table.js';
import { isUniqueViolation } from './unique-violation.js';
import { packageColumns, packageFromColumns } from './package-columns.js';

export interface PipelineVersionRecord {
  pipelineVersionId: string;
  pipelineId: string;
  /** Unique within its pipeline. */
  name: string;
  displayName: string;
  description: string;
  package: PipelinePackage;
  packageUrl?: string;
  codeSourceUrl?: string;
  createdAt: string;
  tags: Record<string, string>;
}

interface VersionRow {
  pipeline_version_id: string;
  pipeline_id: string;
  name: string;
  display_name: string;
  description: string;
  pipeline_spec: string;
  platform_spec: string | null;
  digest: string;
  package_url: string | null;
  code_source_url: string | null;
  created_at: string;
  tags: string;
}

export const PIPELINE_VERSION_LIST: ListTable = {
  name: 'pipeline versions',
  table: 'pipeline_versions',
  fields: {
    pipeline_version_id: { column: 'pipeline_version_id', kind: 'string' },
    id: { column: 'pipeline_version_id', kind: 'string' },
    name: { column: 'name', kind: 'string' },
    display_name: { column: 'display_name', kind: 'string' },
    description: { column: 'description', kind: 'string' },
    created_at: { column: 'created_at', kind: 'time' },
  },
  tagsColumn: 'tags',
  defaultSort: 'created_at',
};

function toRecord(row: VersionRow): PipelineVersionRecord {
  const pkg = packageFromColumns(row);
  const record: PipelineVersionRecord = {
    pipelineVersionId: row.pipeline_version_id,
    pipelineId: row.pipeline_id,
    name: row.name,
    displayName: row.display_name,
    description: row.description,
    package: pkg,
    createdAt: row.created_at,
    tags: JSON.parse(row.tags) as Record<string, string>,
  };
  if (row.package_url !== null) record.packageUrl = row.package_url;
  if (row.code_source_url !== null) record.codeSourceUrl = row.code_source_url;
  return record;
}

/** The `pipeline_versions` table: each version keeps its PipelineSpec and platform spec as JSON. */
export class PipelineVersionRepository {
  readonly #insert;
  readonly #get;
  readonly #latest;
  readonly #count;
  readonly #delete;

  constructor(private readonly db: SqliteDatabase) {
    this.#insert =
      db.prepare(`INSERT INTO pipeline_versions (pipeline_version_id, pipeline_id, name,
      display_name, description, pipeline_spec, platform_spec, digest, package_url, code_source_url,
      created_at, tags) VALUES (@pipeline_version_id, @pipeline_id, @name, @display_name, @description,
      @pipeline_spec, @platform_spec, @digest, @package_url, @code_source_url, @created_at, @tags)`);
    this.#get = db.prepare<[string], VersionRow>(
      'SELECT * FROM pipeline_versions WHERE pipeline_version_id = ?',
    );
    this.#latest = db.prepare<[string], VersionRow>(
      'SELECT * FROM pipeline_versions WHERE pipeline_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1',
    );
    this.#count = db.prepare<[string], { n: number }>(
      'SELECT COUNT(*) AS n FROM pipeline_versions WHERE pipeline_id = ?',
    );
    this.#delete = db.prepare<[string]>(
      'DELETE FROM pipeline_versions WHERE pipeline_version_id = ?',
    );
  }

  insert(version: PipelineVersionRecord): void {
    const columns = packageColumns(version.package);
    try {
      this.#insert.run({
        pipeline_version_id: version.pipelineVersionId,
        pipeline_id: version.pipelineId,
        name: version.name,
        display_name: version.displayName,
        description: version.description,
        ...columns,
        digest: createHash('sha256')
          .update(columns.pipeline_spec)
          .update(columns.platform_spec ?? '')
          .digest('hex'),
        package_url: version.packageUrl ?? null,
        code_source_url: version.codeSourceUrl ?? null,
        created_at: version.createdAt,
        tags: JSON.stringify(version.tags),
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw new SkiffError(
        'ALREADY_EXISTS',
        `Pipeline "${version.pipelineId}" already has a version named "${version.name}". Give the new version another name.`,
        { pipelineId: version.pipelineId, name: version.name },
        { cause: error },
      );
    }
  }

  get(pipelineVersionId: string): PipelineVersionRecord | undefined {
    const row = this.#get.get(pipelineVersionId);
    return row ? toRecord(row) : undefined;
  }

  /** The newest version: what a run that names only the pipeline uses. */
  latest(pipelineId: string): PipelineVersionRecord | undefined {
    const row = this.#latest.get(pipelineId);
    return row ? toRecord(row) : undefined;
  }

  countByPipeline(pipelineId: string): number {
    return this.#count.get(pipelineId)?.n ?? 0;
  }

  list(pipelineId: string, request: ListRequest): Page<PipelineVersionRecord> {
    const scope = [{ sql: 'pipeline_id = ?', params: [pipelineId] }];
    const page = listPage<VersionRow>(this.db, PIPELINE_VERSION_LIST, request, scope);
    return { ...page, rows: page.rows.map(toRecord) };
  }

  /** Runs made from it keep their own copy of the spec (runs.pipeline_version_id → NULL). */
  delete(pipelineVersionId: string): boolean {
    return this.#delete.run(pipelineVersionId).changes > 0;
  }
}
