/**
 * Skiff's offline KFP executor (engine/runtime/python) against the corpus: every compiled
 * lightweight component's source imports and binds its arguments. Skips without the corpus.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useExecutorScratch } from './executor-harness.js';
import {
  corpusComponents,
  corpusFiles,
  executorEnv,
  executorInputFor,
  haveCorpus,
  HOST_PYTHON,
  readJson,
  RUNTIME_DIR,
} from './support.js';

const { work: WORK } = useExecutorScratch();

describe.skipIf(!haveCorpus())('Skiff offline executor on the corpus component sources', () => {
  it('imports and binds every compiled lightweight component', () => {
    const cases = corpusFiles().flatMap((file, f) =>
      corpusComponents(file)
        .filter((c) => c.source !== undefined && c.functionName !== undefined)
        .map((c, i) => ({
          id: `${c.file}#${c.executor}`,
          source: c.source,
          fn: c.functionName,
          executorInput: executorInputFor(c, join(WORK, 'bind', `${f}-${i}`)),
        })),
    );
    expect(cases.length).toBeGreaterThan(200);
    const casesFile = join(WORK, 'bind-cases.json');
    const resultFile = join(WORK, 'bind', 'result.json');
    mkdirSync(join(WORK, 'bind'), { recursive: true });
    writeFileSync(casesFile, JSON.stringify(cases));
    const probe = spawnSync(
      HOST_PYTHON,
      [join(import.meta.dirname, 'fixtures', 'bind_probe.py'), casesFile, resultFile],
      {
        env: executorEnv('skiff'),
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    expect(probe.status, probe.stderr).toBe(0);
    const results = readJson(resultFile) as Record<
      string,
      { error?: string; message?: string; skipped?: string }
    >;
    expect(results.__kfp_file__).toBe(join(RUNTIME_DIR, 'kfp', '__init__.py'));
    delete results.__kfp_file__;
    const failures = Object.entries(results).filter(([, r]) => r.error !== undefined);
    expect(failures.map(([id, r]) => `${id}: ${r.error ?? ''} ${r.message ?? ''}`)).toEqual([]);
    const skipped = Object.values(results).filter((r) => r.skipped !== undefined);
    expect(skipped.length).toBeLessThan(10); // only sources needing e.g. nbclient at import
  });
});
