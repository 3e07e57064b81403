"""Step 1: load the iris dataset bundled with scikit-learn and write it as CSV.

argv: <dataset path>
"""
import os
import sys

from sklearn.datasets import load_iris

dataset_path = sys.argv[1]

iris = load_iris(as_frame=True)
frame = iris.frame.rename(columns=lambda name: name.replace(" (cm)", "").replace(" ", "_"))
frame["species"] = [iris.target_names[i] for i in iris.target]
frame = frame.drop(columns=["target"])

os.makedirs(os.path.dirname(dataset_path), exist_ok=True)
frame.to_csv(dataset_path, index=False)
print(f"wrote {len(frame)} rows, columns {list(frame.columns)} to {dataset_path}")
