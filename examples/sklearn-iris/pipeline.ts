import { param, pipeline } from '../../engine/src/pipelines/dsl/index.js';
import { evaluateModel, loadIris, splitDataset, trainModel } from './components.js';

/**
 * Iris classification with scikit-learn in four steps: load → split → train → evaluate.
 * Compiled to ./pipeline.yaml (a test keeps the two in step); run it with
 * `skiff run create examples/sklearn-iris/pipeline.yaml -p test_size=0.3 --watch`.
 */
export default pipeline(
  {
    name: 'sklearn-iris',
    description: 'Trains and evaluates a logistic regression on the iris dataset.',
    inputs: {
      test_size: param.double({ default: 0.2, description: 'Share of rows held out for testing.' }),
      seed: param.int({ default: 42, description: 'Random seed of the split.' }),
      c: param.double({ default: 1.0, description: 'Inverse regularization strength.' }),
      max_iter: param.int({ default: 200, description: 'Solver iterations at most.' }),
      roc_class: param.string({
        default: 'versicolor',
        description: 'The class whose one-vs-rest ROC curve is logged.',
      }),
    },
  },
  ({ inputs }) => {
    const load = loadIris();
    const split = splitDataset({
      dataset: load.outputs.dataset,
      test_size: inputs.test_size,
      seed: inputs.seed,
    });
    const train = trainModel({
      train: split.outputs.train,
      c: inputs.c,
      max_iter: inputs.max_iter,
    });
    evaluateModel({
      test: split.outputs.test,
      model: train.outputs.model,
      roc_class: inputs.roc_class,
    });
  },
);
