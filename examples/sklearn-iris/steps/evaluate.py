"""Step 4: evaluate the model on the test set.

Writes Metrics (accuracy, f1) and ClassificationMetrics (confusion matrix, and a
one-vs-rest ROC curve for one class) as artifact metadata in KFP's ExecutorOutput,
and the accuracy as a parameter output.

argv: <test path> <model path> <roc class> <metrics path> <metrics uri>
      <classification metrics path> <classification metrics uri> <accuracy path>
      <executor output path>
"""
import json
import os
import sys

import joblib
import pandas as pd
from sklearn.metrics import accuracy_score, confusion_matrix, f1_score, roc_curve

(test_path, model_path, roc_class, metrics_path, metrics_uri,
 cm_path, cm_uri, accuracy_path, executor_output) = sys.argv[1:10]

test = pd.read_csv(test_path)
features, labels = test.drop(columns=["species"]), test["species"]
model = joblib.load(model_path)
predicted = model.predict(features)
classes = [str(name) for name in model.classes_]

accuracy = float(accuracy_score(labels, predicted))
metrics = {"accuracy": accuracy, "f1": float(f1_score(labels, predicted, average="macro"))}

matrix = confusion_matrix(labels, predicted, labels=classes)
scores = model.predict_proba(features)[:, classes.index(roc_class)]
fpr, tpr, thresholds = roc_curve(labels == roc_class, scores)
classification = {
    "confusionMatrix": {
        "annotationSpecs": [{"displayName": name} for name in classes],
        "rows": [{"row": [int(count) for count in row]} for row in matrix],
    },
    # The first threshold is above every score (scikit-learn writes max + 1 or inf).
    "confidenceMetrics": [
        {"confidenceThreshold": min(float(t), 1.0), "recall": float(r), "falsePositiveRate": float(f)}
        for t, r, f in zip(thresholds, tpr, fpr)
    ],
}

for path, content in ((metrics_path, metrics), (cm_path, classification)):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as out:
        json.dump(content, out, indent=2)
os.makedirs(os.path.dirname(accuracy_path), exist_ok=True)
with open(accuracy_path, "w") as out:
    out.write(str(accuracy))

# KFP's ExecutorOutput: metadata is what the UI shows for Metrics / ClassificationMetrics.
os.makedirs(os.path.dirname(executor_output), exist_ok=True)
with open(executor_output, "w") as out:
    json.dump({"artifacts": {
        "metrics": {"artifacts": [
            {"name": "metrics", "uri": metrics_uri, "metadata": metrics}]},
        "classification_metrics": {"artifacts": [
            {"name": "classification_metrics", "uri": cm_uri, "metadata": classification}]},
    }}, out)
print(f"accuracy {metrics['accuracy']:.3f}, f1 {metrics['f1']:.3f}, confusion matrix {matrix.tolist()}")
