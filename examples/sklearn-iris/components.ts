import { readFileSync } from 'node:fs';
import { artifact, containerComponent, param } from '../../engine/src/pipelines/dsl/index.js';

/**
 * The four steps of the iris pipeline as container components. Each runs one script from
 * ./steps with `python3 -c`, on `python:3.11` (mapped offline to `local/python-ml:bookworm`,
 * which has numpy, pandas, scikit-learn and joblib). Paths come from KFP placeholders.
 */

const image = 'python:3.11';
const script = (step: string) =>
  readFileSync(new URL(`./steps/${step}.py`, import.meta.url), 'utf8');

export const loadIris = containerComponent({
  name: 'load-iris',
  description: 'Loads the iris dataset bundled with scikit-learn as CSV.',
  image,
  outputs: { dataset: artifact.dataset() },
  command: () => ['python3', '-c', script('load')],
  args: ({ outputs }) => [outputs.dataset.path],
});

export const splitDataset = containerComponent({
  name: 'split-dataset',
  description: 'Splits the dataset into stratified train and test sets.',
  image,
  inputs: { dataset: artifact.dataset(), test_size: param.double(), seed: param.int() },
  outputs: { train: artifact.dataset(), test: artifact.dataset() },
  command: () => ['python3', '-c', script('split')],
  args: ({ inputs, outputs }) => [
    inputs.dataset.path,
    inputs.test_size,
    inputs.seed,
    outputs.train.path,
    outputs.test.path,
  ],
});

export const trainModel = containerComponent({
  name: 'train-model',
  description: 'Trains a scaled logistic regression with inverse regularization strength C.',
  image,
  inputs: { train: artifact.dataset(), c: param.double(), max_iter: param.int() },
  outputs: { model: artifact.model() },
  command: () => ['python3', '-c', script('train')],
  args: ({ inputs, outputs, executorOutputFile }) => [
    inputs.train.path,
    inputs.c,
    inputs.max_iter,
    outputs.model.path,
    outputs.model.uri,
    executorOutputFile,
  ],
});

export const evaluateModel = containerComponent({
  name: 'evaluate-model',
  description: 'Scores the model on the test set: Metrics, ClassificationMetrics and accuracy.',
  image,
  inputs: { test: artifact.dataset(), model: artifact.model(), roc_class: param.string() },
  outputs: {
    metrics: artifact.metrics(),
    classification_metrics: artifact.classificationMetrics(),
    accuracy: param.double(),
  },
  command: () => ['python3', '-c', script('evaluate')],
  args: ({ inputs, outputs, executorOutputFile }) => [
    inputs.test.path,
    inputs.model.path,
    inputs.roc_class,
    outputs.metrics.path,
    outputs.metrics.uri,
    outputs.classification_metrics.path,
    outputs.classification_metrics.uri,
    outputs.accuracy.path,
    executorOutputFile,
  ],
});
