import { openDatabase } from '../../engine/src/store/database.js';
import { RunRepository } from '../../engine/src/pipelines/store/run-repository.js';
import type { PipelineSpec } from '../../engine/src/pipelines/ir/pipeline-spec.js';

/**
 * Writes `count` finished runs straight into a home's SQLite (before the engine starts),
 * through the engine's own repository: a realistic big history in seconds instead of
 * hours. Runs alternate between SUCCEEDED and FAILED and are spread over `count` minutes.
 */
export function seedFinishedRuns(databasePath: string, spec: PipelineSpec, count: number): void {
  const db = openDatabase(databasePath);
  try {
    const runs = new RunRepository(db);
    const finish = db.prepare<[string, string, string]>(
      'UPDATE runs SET state = ?, started_at = created_at, finished_at = ? WHERE run_id = ?',
    );
    const start = Date.parse('2026-01-01T00:00:00Z');
    db.transaction(() => {
      for (let i = 0; i < count; i++) {
        const runId = `seeded-${String(i).padStart(6, '0')}`;
        const createdAt = new Date(start + i * 60_000).toISOString();
        runs.insert({
          runId,
          displayName: `seeded run ${i}`,
          description: '',
          package: { pipelineSpec: spec },
          runtimeConfig: { parameters: {} },
          namespace: '',
          serviceAccount: '',
          createdAt,
          scheduledAt: createdAt,
        });
        const finishedAt = new Date(Date.parse(createdAt) + 5_000).toISOString();
        finish.run(i % 7 === 0 ? 'FAILED' : 'SUCCEEDED', finishedAt, runId);
      }
    })();
  } finally {
    db.close();
  }
}
