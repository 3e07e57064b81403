import { SkiffError } from '../../core/errors.js';
import type { SqliteDatabase } from '../../store/database.js';
import type { SqlCondition } from './filter-sql.js';
import { listPage, type ListRequest, type Page } from './list-page.js';
import type { ListTable } from './list-table.js';
import { isUniqueViolation } from './unique-violation.js';

export interface PipelineRecord {
  pipelineId: string;
  /** Unique in its namespace; what `GET /pipelines/names/{name}` looks up. */
  name: string;
  displayName: string;
  description: string;
  namespace: string;
  createdAt: string;
  tags: Record<string, string>;
}

interface PipelineRow {
  pipeline_id: string;
  name: string;
  display_name: string;
  description: string;
  namespace: string;
  created_at: string;
  tags: string;
}

export const PIPELINE_LIST: ListTable = {
  name: 'pipelines',
  table: 'pipelines',
  fields: {
    pipeline_id: { column: 'pipeline_id', kind: 'string' },
    id: { column: 'pipeline_id', kind: 'string' },
    name: { column: 'name', kind: 'string' },
    display_name: { column: 'display_name', kind: 'string' },
    description: { column: 'description', kind: 'string' },
    namespace: { column: 'namespace', kind: 'string' },
    created_at: { column: 'created_at', kind: 'time' },
  },
  tagsColumn: 'tags',
  defaultSort: 'created_at',
};

function toRecord(row: PipelineRow): PipelineRecord {
  return {
    pipelineId: row.pipeline_id,
    name: row.name,
    displayName: row.display_name,
    description: row.description,
    namespace: row.namespace,
    createdAt: row.created_at,
    tags: JSON.parse(row.tags) as Record<string, string>,
  };
}

/** The `pipelines` table. Names and display names are unique per namespace. */
export class PipelineRepository {
  readonly #insert;
  readonly #get;
  readonly #byName;
  readonly #delete;

  constructor(private readonly db: SqliteDatabase) {
    this.#insert = db.prepare(`INSERT INTO pipelines
      (pipeline_id, name, display_name, description, namespace, created_at, tags)
      VALUES (@pipeline_id, @name, @display_name, @description, @namespace, @created_at, @tags)`);
    this.#get = db.prepare<[string], PipelineRow>('SELECT * FROM pipelines WHERE pipeline_id = ?');
    this.#byName = db.prepare<[{ namespace: string; name: string }], PipelineRow>(
      `SELECT * FROM pipelines WHERE namespace = @namespace AND (name = @name OR display_name = @name)
       ORDER BY name = @name DESC LIMIT 1`,
    );
    this.#delete = db.prepare<[string]>('DELETE FROM pipelines WHERE pipeline_id = ?');
  }

  insert(pipeline: PipelineRecord): void {
    try {
      this.#insert.run({
        pipeline_id: pipeline.pipelineId,
        name: pipeline.name,
        display_name: pipeline.displayName,
        description: pipeline.description,
        namespace: pipeline.namespace,
        created_at: pipeline.createdAt,
        tags: JSON.stringify(pipeline.tags),
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const { namespace } = pipeline;
      const existing =
        this.#byName.get({ namespace, name: pipeline.name }) ??
        this.#byName.get({ namespace, name: pipeline.displayName });
      throw new SkiffError(
        'ALREADY_EXISTS',
        `A pipeline named "${existing?.display_name ?? pipeline.name}" already exists${inNamespace(pipeline.namespace)} (id ${existing?.pipeline_id ?? '?'}). Choose another name, or add a version to it with POST /apis/v2beta1/pipelines/upload_version?pipelineid=${existing?.pipeline_id ?? '<id>'}.`,
        {
          name: pipeline.name,
          namespace: pipeline.namespace,
          ...(existing ? { pipelineId: existing.pipeline_id } : {}),
        },
        { cause: error },
      );
    }
  }

  get(pipelineId: string): PipelineRecord | undefined {
    const row = this.#get.get(pipelineId);
    return row ? toRecord(row) : undefined;
  }

  /** By `name`, or by `display_name` for pipelines whose name was never set apart. */
  getByName(namespace: string, name: string): PipelineRecord | undefined {
    const row = this.#byName.get({ namespace, name });
    return row ? toRecord(row) : undefined;
  }

  /** `namespace` undefined lists every namespace (single-user Skiff's default). */
  list(request: ListRequest, namespace?: string): Page<PipelineRecord> {
    const scope: SqlCondition[] =
      namespace === undefined ? [] : [{ sql: 'namespace = ?', params: [namespace] }];
    const page = listPage<PipelineRow>(this.db, PIPELINE_LIST, request, scope);
    return { ...page, rows: page.rows.map(toRecord) };
  }

  /** Deletes the pipeline; its versions go with it (ON DELETE CASCADE). */
  delete(pipelineId: string): boolean {
    return this.#delete.run(pipelineId).changes > 0;
  }
}

export function inNamespace(namespace: string): string {
  return namespace ? ` in namespace "${namespace}"` : '';
}
