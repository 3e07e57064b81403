import type { ArtifactView } from '@skiff/engine/api-contract';
import { describe, expect, it } from 'vitest';
import type { KfpRunRow } from '../../api/kfp-runs';
import {
  confusionMatrices,
  loadComparison,
  rocCurves,
  runScalars,
  type ComparedRun,
} from './compare-data';

const artifact = (id: string, type: string, metadata: Record<string, unknown>): ArtifactView => ({
  artifactId: id,
  name: type === 'system.Metrics' ? 'metrics' : 'classification_metrics',
  type,
  uri: '',
  metadata,
  sizeBytes: null,
  producer: { runId: 'r', taskId: 't', taskName: 'evaluate-model' },
});

const run = (id: string): KfpRunRow => ({
  run_id: id,
  display_name: 'iris',
  created_at: '2026-01-01T00:00:00Z',
  state: 'SUCCEEDED',
});

const classificationMetadata = {
  confidenceMetrics: [
    { falsePositiveRate: 0, recall: 0, confidenceThreshold: 1 },
    { falsePositiveRate: 1, recall: 1, confidenceThreshold: 0 },
  ],
  confusionMatrix: {
    annotationSpecs: [{ displayName: 'a' }, { displayName: 'b' }],
    rows: [{ row: [3, 1] }, { row: [0, 4] }],
  },
};

describe('loadComparison', () => {
  it('loads runs and artifacts, labelling runs that share a name and keeping artifact errors per run', async () => {
    const runs = await loadComparison(['aaaaaaaa1', 'bbbbbbbb2'], {
      getRun: (id) => Promise.resolve(run(id)),
      listRunArtifacts: (id) =>
        id.startsWith('a') ? Promise.resolve([]) : Promise.reject(new Error('gone')),
      describeError: (e) => (e instanceof Error ? e.message : String(e)),
    });
    expect(runs.map((r) => r.label)).toEqual(['iris (aaaaaaaa)', 'iris (bbbbbbbb)']);
    expect(runs[0]?.artifactsError).toBeUndefined();
    expect(runs[1]?.artifactsError).toBe('gone');
  });

  it('fails when a run cannot be read', async () => {
    await expect(
      loadComparison(['a', 'b'], {
        getRun: (id) =>
          id === 'b' ? Promise.reject(new Error('no run b')) : Promise.resolve(run(id)),
        listRunArtifacts: () => Promise.resolve([]),
        describeError: String,
      }),
    ).rejects.toThrow('no run b');
  });
});

describe('metrics of compared runs', () => {
  const compared: ComparedRun[] = [
    {
      run: run('a'),
      label: 'A',
      artifacts: [
        artifact('m1', 'system.Metrics', { accuracy: 0.9, note: 'x' }),
        artifact('c1', 'system.ClassificationMetrics', classificationMetadata),
      ],
    },
    { run: run('b'), label: 'B', artifacts: [] },
  ];

  it('reads scalars from system.Metrics only', () => {
    expect(runScalars(compared[0]?.artifacts ?? [])).toEqual({ 'metrics/accuracy': 0.9 });
  });

  it('collects ROC curves and confusion matrices by run', () => {
    expect(rocCurves(compared)).toEqual([{ label: 'A', fpr: [0, 1], tpr: [0, 1] }]);
    expect(confusionMatrices(compared)).toEqual([
      {
        key: 'c1',
        title: 'A',
        labels: ['a', 'b'],
        matrix: [
          [3, 1],
          [0, 4],
        ],
      },
    ]);
  });
});
