/**
 * Skiff's offline KFP executor (engine/runtime/python) on the host, run as tasks run it:
 * input and output artifacts, metrics, OutputPath/InputPath files, remote URIs mapped to
 * local mounts, and artifacts returned by the function.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { byName, outputArtifact, text, useExecutorScratch } from './executor-harness.js';

const { runCase } = useExecutorScratch();

describe('Skiff offline executor on the host', () => {
  it('writes an Output[Dataset] and reports its metadata', () => {
    const { root, output } = runCase(byName('Output[Dataset] with metadata'));
    expect(output).toEqual({
      artifacts: {
        data: {
          artifacts: [
            { name: 'data', uri: join(root, 'artifacts', 'data'), metadata: { rows: 3 } },
          ],
        },
      },
    });
    expect(text(join(root, 'artifacts', 'data'))).toBe('0\n1\n2');
  });

  it('reads an Input[Dataset] and writes an Output[Model]', () => {
    const { root, output } = runCase(byName('Input[Dataset] to Output[Model]'));
    expect(output).toEqual({
      parameterValues: { Output: 3 },
      artifacts: {
        model: {
          artifacts: [
            {
              name: 'model',
              uri: join(root, 'artifacts', 'model'),
              metadata: { framework: 'none', source_rows: 3 },
            },
          ],
        },
      },
    });
    expect(text(join(root, 'artifacts', 'model'))).toBe('model of data');
  });

  it('logs Metrics into metadata', () => {
    const { output } = runCase(byName('Metrics'));
    expect(outputArtifact(output, 'metrics')).toMatchObject({
      metadata: { accuracy: 0.9, loss: 1 },
    });
  });

  it('logs ROC curves and confusion matrices (ClassificationMetrics)', () => {
    const { output } = runCase(byName('ClassificationMetrics'));
    expect(outputArtifact(output, 'roc')).toMatchObject({
      metadata: {
        confidenceMetrics: [
          { confidenceThreshold: 1, recall: 0, falsePositiveRate: 0 },
          { confidenceThreshold: 0.5, recall: 0.8, falsePositiveRate: 0.5 },
          { confidenceThreshold: 0, recall: 1, falsePositiveRate: 1 },
          { confidenceThreshold: 0.7, recall: 0.6, falsePositiveRate: 0.25 },
        ],
      },
    });
    expect(outputArtifact(output, 'cm')).toMatchObject({
      metadata: {
        confusionMatrix: {
          annotationSpecs: [{ displayName: 'cat' }, { displayName: 'dog' }],
          rows: [{ row: [5, 6] }, { row: [2, 4] }],
        },
      },
    });
  });

  it('builds a confusion matrix from categories and cells', () => {
    const { output } = runCase(byName('ClassificationMetrics by categories and cells'));
    expect(outputArtifact(output, 'm')).toMatchObject({
      metadata: {
        confusionMatrix: {
          annotationSpecs: [{ displayName: 'a' }, { displayName: 'b' }, { displayName: 'c' }],
          rows: [{ row: [0, 0, 7] }, { row: [0, 1, 0] }, { row: [0, 0, 0] }],
        },
      },
    });
  });

  it('splits a NamedTuple into parameters and artifact files', () => {
    const { root, output } = runCase(byName('NamedTuple with parameters and artifacts'));
    expect(output?.parameterValues).toEqual({ total: 42, label: 'ok' });
    expect(Object.keys(output?.artifacts as object)).toEqual(['report', 'model']);
    expect(text(join(root, 'artifacts', 'report'))).toBe('# Report');
    expect(text(join(root, 'artifacts', 'model'))).toBe('weights');
  });

  it('hands out OutputPath/InputPath file paths', () => {
    const { root, output } = runCase(byName('OutputPath and InputPath'));
    expect(output?.parameterValues).toBeUndefined(); // written to the files instead
    expect(text(join(root, 'params', 'text_out'))).toBe('ABC');
    expect(text(join(root, 'params', 'num_out'))).toBe('3');
    expect(text(join(root, 'params', 'flag_out'))).toBe('True');
    expect(text(join(root, 'artifacts', 'data_out'))).toBe('abcabc');
    expect(text(join(root, 'artifacts', 'html'))).toBe('<p>abc</p>');
    expect(Object.keys(output?.artifacts as object)).toEqual(['data_out', 'html']);
  });

  it('passes List[Artifact] inputs with each entry typed by its schema', () => {
    expect(runCase(byName('List[Artifact] input')).output).toEqual({
      parameterValues: { Output: 'p0,p1,p2/Model:plain,Artifact:plain' },
    });
  });

  it('maps gs://, minio:// and s3:// URIs to local mount paths', () => {
    const { root, output } = runCase(byName('remote URIs map to local mounts'));
    expect(output).toEqual({
      parameterValues: {
        Output: [
          '/gcs/bucket/run/g',
          '/minio/mlpipeline/run/m',
          '/s3/b/k/s',
          join(root, 'in', 'l'),
        ],
      },
    });
  });

  it('writes returned data into an artifact output', () => {
    const { root, output } = runCase(
      byName('returning data for an artifact output, and dsl.get_uri'),
    );
    expect(text(join(root, 'artifacts', 'Output'))).toBe('row\nrow');
    expect(outputArtifact(output, 'Output')).toEqual({
      name: 'Output',
      uri: join(root, 'artifacts', 'Output'),
      metadata: {},
    });
  });

  it('reports a returned Artifact object, with custom_path', () => {
    const { root, output } = runCase(byName('returning an Artifact object with a custom path'));
    expect(outputArtifact(output, 'Output')).toEqual({
      name: 'Output',
      uri: 'minio://bucket/custom/model',
      metadata: { k: 'v' },
      custom_path: join(root, 'custom.bin'),
    });
    expect(text(join(root, 'custom.bin'))).toBe('bits');
  });

  it('creates the parent directories of output paths', () => {
    const { root, output } = runCase(byName('outputs into directories that do not exist yet'));
    expect(text(join(root, 'a', 'b', 'c', 'params', 'out'))).toBe('deep');
    expect(text(join(root, 'a', 'b', 'c', 'artifacts', 'art'))).toBe('deep art');
    expect(output).toBeDefined();
  });
});
