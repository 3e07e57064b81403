import { describe, expect, it } from 'vitest';
import { auc, confusionMatrix, rocCurve, scalarMetrics } from './classification-metrics';

describe('classification metrics', () => {
  it('reads ROC points as the KFP SDK logs them, sorted by false positive rate', () => {
    const metadata = {
      confidenceMetrics: [
        { confidenceThreshold: 0.2, recall: 1, falsePositiveRate: 0.5 },
        { confidenceThreshold: 2, recall: 0, falsePositiveRate: 0 },
        { confidenceThreshold: 0.8, recall: 0.6, falsePositiveRate: 0 },
        { confidenceThreshold: 0, recall: 1, falsePositiveRate: 1 },
      ],
    };
    expect(rocCurve(metadata)).toEqual({
      fpr: [0, 0, 0.5, 1],
      tpr: [0, 0.6, 1, 1],
      thresholds: [2, 0.8, 0.2, 0],
    });
  });

  it('has no ROC curve without points', () => {
    expect(rocCurve({})).toBeNull();
    expect(rocCurve({ confidenceMetrics: [{ recall: 'x' }] })).toBeNull();
  });

  it('reads the confusion matrix with rows as actual classes', () => {
    const metadata = {
      confusionMatrix: {
        annotationSpecs: [{ displayName: 'setosa' }, { displayName: 'versicolor' }],
        rows: [{ row: [10, 0] }, { row: [2, 8] }],
      },
    };
    expect(confusionMatrix(metadata)).toEqual({
      labels: ['setosa', 'versicolor'],
      matrix: [
        [10, 0],
        [2, 8],
      ],
    });
  });

  it('fills missing cells with zero and rejects a matrix without classes', () => {
    const metadata = {
      confusionMatrix: { annotationSpecs: [{ displayName: 'a' }, {}], rows: [{ row: [1] }] },
    };
    expect(confusionMatrix(metadata)).toEqual({
      labels: ['a', '#1'],
      matrix: [
        [1, 0],
        [0, 0],
      ],
    });
    expect(confusionMatrix({ confusionMatrix: { annotationSpecs: [], rows: [] } })).toBeNull();
    expect(confusionMatrix({})).toBeNull();
  });

  it('takes every finite number in the metadata as a scalar metric', () => {
    expect(scalarMetrics({ accuracy: 0.97, name: 'x', nested: { a: 1 }, bad: Number.NaN })).toEqual(
      { accuracy: 0.97 },
    );
  });

  it('computes the area under a curve by trapezoids', () => {
    expect(auc([0, 1], [0, 1])).toBeCloseTo(0.5);
    expect(auc([0, 0, 1], [0, 1, 1])).toBeCloseTo(1);
    expect(auc([], [])).toBe(0);
  });
});
