"""The sklearn-iris example written with the KFP Python SDK (lightweight components).

Same four steps, signature and wiring as ../sklearn-iris/pipeline.ts. Compile with
    python pipeline.py          # writes pipeline.yaml next to this file
(needs `pip install kfp`; the components themselves need only numpy, pandas, scikit-learn
and joblib, which the offline image local/python-ml:bookworm has).
"""
from pathlib import Path

from kfp import compiler, dsl
from kfp.dsl import ClassificationMetrics, Dataset, Input, Metrics, Model, Output, OutputPath


@dsl.component(base_image='python:3.11')
def load_iris(dataset: Output[Dataset]):
    """Loads the iris dataset bundled with scikit-learn as CSV."""
    from sklearn.datasets import load_iris as load

    iris = load(as_frame=True)
    frame = iris.frame.rename(columns=lambda name: name.replace(' (cm)', '').replace(' ', '_'))
    frame['species'] = [iris.target_names[i] for i in iris.target]
    frame.drop(columns=['target']).to_csv(dataset.path, index=False)


@dsl.component(base_image='python:3.11')
def split_dataset(dataset: Input[Dataset], test_size: float, seed: int,
                  train: Output[Dataset], test: Output[Dataset]):
    """Splits the dataset into stratified train and test sets."""
    import pandas as pd
    from sklearn.model_selection import train_test_split

    frame = pd.read_csv(dataset.path)
    train_part, test_part = train_test_split(
        frame, test_size=test_size, random_state=seed, stratify=frame['species'])
    train_part.to_csv(train.path, index=False)
    test_part.to_csv(test.path, index=False)


@dsl.component(base_image='python:3.11')
def train_model(train: Input[Dataset], c: float, max_iter: int, model: Output[Model]):
    """Trains a scaled logistic regression with inverse regularization strength C."""
    import joblib
    import pandas as pd
    import sklearn
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    frame = pd.read_csv(train.path)
    classifier = make_pipeline(StandardScaler(), LogisticRegression(C=c, max_iter=max_iter))
    classifier.fit(frame.drop(columns=['species']), frame['species'])
    joblib.dump(classifier, model.path)
    model.metadata.update({'framework': 'scikit-learn', 'framework_version': sklearn.__version__,
                           'algorithm': 'LogisticRegression', 'C': c})


@dsl.component(base_image='python:3.11')
def evaluate_model(test: Input[Dataset], model: Input[Model], roc_class: str,
                   metrics: Output[Metrics], classification_metrics: Output[ClassificationMetrics],
                   accuracy: OutputPath(float)):
    """Scores the model on the test set: Metrics, ClassificationMetrics and accuracy."""
    import joblib
    import pandas as pd
    from sklearn.metrics import accuracy_score, confusion_matrix, f1_score, roc_curve

    frame = pd.read_csv(test.path)
    features, labels = frame.drop(columns=['species']), frame['species']
    classifier = joblib.load(model.path)
    predicted = classifier.predict(features)
    classes = [str(name) for name in classifier.classes_]

    score = float(accuracy_score(labels, predicted))
    metrics.log_metric('accuracy', score)
    metrics.log_metric('f1', float(f1_score(labels, predicted, average='macro')))
    matrix = confusion_matrix(labels, predicted, labels=classes)
    classification_metrics.log_confusion_matrix(classes, [[int(n) for n in row] for row in matrix])
    scores = classifier.predict_proba(features)[:, classes.index(roc_class)]
    fpr, tpr, thresholds = roc_curve(labels == roc_class, scores)
    classification_metrics.log_roc_curve(
        [float(f) for f in fpr], [float(t) for t in tpr], [min(float(t), 1.0) for t in thresholds])
    with open(accuracy, 'w') as out:
        out.write(str(score))


@dsl.pipeline(name='sklearn-iris',
              description='Trains and evaluates a logistic regression on the iris dataset.')
def sklearn_iris(test_size: float = 0.2, seed: int = 42, c: float = 1.0, max_iter: int = 200,
                 roc_class: str = 'versicolor'):
    """Iris classification with scikit-learn in four steps: load, split, train, evaluate.

    Args:
        test_size: Share of rows held out for testing.
        seed: Random seed of the split.
        c: Inverse regularization strength.
        max_iter: Solver iterations at most.
        roc_class: The class whose one-vs-rest ROC curve is logged.
    """
    load = load_iris()
    split = split_dataset(dataset=load.outputs['dataset'], test_size=test_size, seed=seed)
    train = train_model(train=split.outputs['train'], c=c, max_iter=max_iter)
    evaluate_model(test=split.outputs['test'], model=train.outputs['model'], roc_class=roc_class)


if __name__ == '__main__':
    compiler.Compiler().compile(sklearn_iris, str(Path(__file__).with_name('pipeline.yaml')))
