/**
 * Skiff's offline KFP executor (engine/runtime/python) in the local python-ml image, run
 * with `docker run` as the docker executor would, network off. Skips without the image.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rewriteLightweightPythonArgv } from '../../engine/src/pipelines/python/lightweight-python.js';
import { byName, outputArtifact, text, useExecutorScratch } from './executor-harness.js';
import {
  corpusComponent,
  executorInputFor,
  haveCorpus,
  havePythonMlImage,
  PYTHON_ML_IMAGE,
  readJson,
  RUNTIME_DIR,
} from './support.js';

const { freshRoot } = useExecutorScratch();

describe.skipIf(!havePythonMlImage())(`Skiff offline executor in ${PYTHON_ML_IMAGE}`, () => {
  const uid =
    typeof process.getuid === 'function' ? `${process.getuid()}:${process.getgid?.() ?? 0}` : '0:0';
  function dockerRun(root: string, argv: string[], env: Record<string, string> = {}) {
    return spawnSync(
      'docker',
      [
        'run',
        '--rm',
        '--network',
        'none',
        '--user',
        uid,
        '-v',
        `${RUNTIME_DIR}:${RUNTIME_DIR}:ro`,
        '-v',
        `${root}:${root}`,
        ...Object.entries(env).flatMap(([k, v]) => ['-e', `${k}=${v}`]),
        PYTHON_ML_IMAGE,
        ...argv,
      ],
      { encoding: 'utf8', timeout: 180_000 },
    );
  }

  it('runs python3 -m kfp.dsl.executor_main with PYTHONPATH set to the runtime', () => {
    const c = byName('Input[Dataset] to Output[Model]');
    const root = freshRoot('docker-executor');
    const input = c.input(root);
    writeFileSync(join(root, 'component.py'), c.source);
    const result = dockerRun(
      root,
      [
        'python3',
        '-m',
        'kfp.dsl.executor_main',
        '--component_module_path',
        join(root, 'component.py'),
        '--executor_input',
        JSON.stringify(input),
        '--function_to_execute',
        c.fn,
      ],
      { PYTHONPATH: RUNTIME_DIR, _KFP_RUNTIME: 'true' },
    );
    expect(result.status, result.stderr + result.stdout).toBe(0);
    expect(readJson(input.outputs.outputFile)).toMatchObject({ parameterValues: { Output: 3 } });
    expect(text(join(root, 'artifacts', 'model'))).toBe('model of data');
  });

  it.skipIf(!haveCorpus())(
    'runs the rewritten corpus sklearn components (metrics_visualization_v2)',
    () => {
      for (const executor of ['exec-wine-classification', 'exec-digit-classification']) {
        const c = corpusComponent('valid/metrics_visualization_v2.yaml', executor);
        const root = freshRoot(`docker-${executor}`);
        const input = executorInputFor(c, root);
        const argv = rewriteLightweightPythonArgv([...c.command, ...c.args], RUNTIME_DIR).map(
          (a) => (a === '{{$}}' ? JSON.stringify(input) : a),
        );
        const result = dockerRun(root, argv, { SKIFF_IMAGE: PYTHON_ML_IMAGE });
        expect(result.status, result.stderr + result.stdout).toBe(0);
        expect(result.stderr).toContain('scikit-learn');
        const metrics = outputArtifact(readJson(input.outputs.outputFile), 'metrics') as {
          metadata: Record<string, unknown>;
        };
        if (executor === 'exec-wine-classification') {
          expect((metrics.metadata.confidenceMetrics as unknown[]).length).toBeGreaterThan(2);
        } else {
          expect(metrics.metadata.accuracy).toBeGreaterThan(50);
        }
      }
    },
  );

  it.skipIf(!haveCorpus())('fails a component whose package is not in the image, offline', () => {
    const c = corpusComponent(
      'valid/essential/component_with_pip_install.yaml',
      'exec-component-with-pip-install',
    );
    const root = freshRoot('docker-missing');
    const input = executorInputFor(c, root);
    // The image carries yapf (python3-yapf), so ask for a package it does not have.
    const command = c.command.map((part) => part.replaceAll('yapf', 'pyjokes'));
    const argv = rewriteLightweightPythonArgv([...command, ...c.args], RUNTIME_DIR).map((a) =>
      a === '{{$}}' ? JSON.stringify(input) : a,
    );
    const result = dockerRun(root, argv, { SKIFF_IMAGE: PYTHON_ML_IMAGE });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      `Skiff is offline and \`pyjokes\` is not in image ${PYTHON_ML_IMAGE}: add it to the image (docs/images.md) or map the image in Settings → Images`,
    );
  });
});
