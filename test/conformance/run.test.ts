import { existsSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchEngine, type LaunchedEngine } from '../../engine/src/launch.js';
import { corpusAvailable, corpusFiles } from '../support/corpus.js';
import { tempHome } from '../support/engine-process.js';
import { hasDocker } from '../support/requirements.js';
import { RUN_CASES, runExclusion } from './run-expectations.js';
import { RUN_FEATURE_PATTERN, RUN_FOLDERS } from './run-cases.js';
import { describeRun, runCorpusPipeline } from './run-harness.js';

const available = corpusAvailable();
const files = available
  ? [
      ...RUN_FOLDERS.flatMap((folder) => corpusFiles(folder)),
      ...corpusFiles().filter((f) => !f.includes('/') && RUN_FEATURE_PATTERN.test(f)),
    ]
  : [];
const executors = (['process', 'docker'] as const).filter(
  (kind) => kind === 'process' || hasDocker(),
);
const hostPython = hostPythonBin();

/**
 * The process executor runs on the host as it is: tasks import pandas or scikit-learn
 * from the host's Python. Tests use `.venv-host` (scripts/python-host-venv) as that host.
 */
function hostPythonBin(): string | undefined {
  const bin = fileURLToPath(new URL('../../.venv-host/bin', import.meta.url));
  if (existsSync(join(bin, 'python3'))) return bin;
  const reason = 'host Python with the ML packages not found: run `bash scripts/python-host-venv`';
  if (process.env.SKIFF_REQUIRE_PYTHON_PEERS === '1') throw new Error(reason);
  console.warn(`[note] ${reason}; process-executor runs use the system python3.`);
  return undefined;
}

describe.skipIf(!available).each(executors)(
  'corpus pipelines run with the %s executor',
  (executor) => {
    let engine: LaunchedEngine;
    let token: string;
    const tally = { passed: 0, failed: 0, excluded: 0 };

    beforeAll(async () => {
      const home = tempHome(`skiff-conformance-${executor}-`);
      engine = await launchEngine({ home, port: 0 });
      token = readFileSync(join(home, 'token'), 'utf8').trim();
      await engine.engine.updateSettings({ pipelines: { executor, concurrency: 4 } });
      if (executor === 'process' && hostPython)
        process.env.PATH = `${hostPython}${delimiter}${process.env.PATH ?? ''}`;
    });

    afterAll(async () => {
      console.log(
        `run conformance (${executor}): ${tally.passed} passed, ${tally.failed} failed, ${tally.excluded} excluded`,
      );
      await engine.stop();
    });

    it.each(files)('%s', async (file) => {
      const exclusion = runExclusion(file, executor);
      if (exclusion) {
        tally.excluded++;
        console.log(`[excluded] ${file}: ${exclusion}`);
        return;
      }
      const expected = RUN_CASES[file] ?? {
        state: file.startsWith('failing/') ? 'FAILED' : 'SUCCEEDED',
      };
      try {
        const run = await runCorpusPipeline(engine, token, file, expected.parameters);
        expect(run.state, describeRun(run)).toBe(expected.state);
        expected.check?.(run);
        tally.passed++;
      } catch (error) {
        tally.failed++;
        throw error;
      }
    });
  },
);
