"""Step 3: train a logistic regression (with feature scaling) and save it with joblib.

argv: <train path> <C> <max_iter> <model path> <model uri> <executor output path>
"""
import json
import os
import sys

import joblib
import pandas as pd
import sklearn
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

train_path, c, max_iter, model_path, model_uri, executor_output = sys.argv[1:7]

train = pd.read_csv(train_path)
features, labels = train.drop(columns=["species"]), train["species"]
model = make_pipeline(StandardScaler(), LogisticRegression(C=float(c), max_iter=int(float(max_iter))))
model.fit(features, labels)

os.makedirs(os.path.dirname(model_path), exist_ok=True)
joblib.dump(model, model_path)
print(f"trained on {len(train)} rows; train accuracy {model.score(features, labels):.3f}")

# KFP's ExecutorOutput: metadata for the Model artifact.
metadata = {
    "framework": "scikit-learn",
    "framework_version": sklearn.__version__,
    "algorithm": "LogisticRegression",
    "C": float(c),
}
os.makedirs(os.path.dirname(executor_output), exist_ok=True)
with open(executor_output, "w") as out:
    json.dump({"artifacts": {"model": {"artifacts": [
        {"name": "model", "uri": model_uri, "metadata": metadata}
    ]}}}, out)
