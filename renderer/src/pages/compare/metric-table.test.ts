import { describe, expect, it } from 'vitest';
import { bestIndices, lowerIsBetterByName, metricRows, scalarKeys } from './metric-table';

describe('lowerIsBetterByName', () => {
  it('treats losses and errors as lower-is-better', () => {
    for (const key of [
      'm/loss',
      'm/val_loss',
      'm/log_loss',
      'm/mse',
      'm/rmse',
      'm/mae',
      'm/mean_absolute_error',
    ]) {
      expect(lowerIsBetterByName(key)).toBe(true);
    }
    for (const key of ['m/accuracy', 'm/auc', 'm/f1', 'loss/accuracy', 'm/glossary']) {
      expect(lowerIsBetterByName(key)).toBe(false);
    }
  });
});

describe('bestIndices', () => {
  it('marks every run holding the best value', () => {
    expect(bestIndices([0.9, 0.95, 0.95], false)).toEqual([1, 2]);
    expect(bestIndices([0.3, undefined, 0.1], true)).toEqual([2]);
  });

  it('marks nothing when fewer than two runs have a value', () => {
    expect(bestIndices([0.9, undefined], false)).toEqual([]);
  });
});

describe('metricRows', () => {
  it('makes one row per metric with the best marked, honouring a per-metric override', () => {
    const runs = [
      { 'metrics/accuracy': 0.9, 'metrics/loss': 0.3 },
      { 'metrics/accuracy': 0.8, 'metrics/loss': 0.2 },
    ];
    expect(metricRows(runs)).toEqual([
      { key: 'metrics/accuracy', values: [0.9, 0.8], lowerIsBetter: false, best: [0] },
      { key: 'metrics/loss', values: [0.3, 0.2], lowerIsBetter: true, best: [1] },
    ]);
    expect(metricRows(runs, { 'metrics/loss': false })[1]?.best).toEqual([0]);
  });
});

describe('scalarKeys', () => {
  it('keys metrics by artifact name, adding the task where two tasks share it', () => {
    expect(
      scalarKeys([
        { name: 'metrics', taskName: 'train', scalars: { loss: 1 } },
        { name: 'metrics', taskName: 'eval', scalars: { loss: 2 } },
        { name: 'scores', taskName: 'eval', scalars: { f1: 0.5 } },
      ]),
    ).toEqual({ 'train:metrics/loss': 1, 'eval:metrics/loss': 2, 'scores/f1': 0.5 });
  });
});
