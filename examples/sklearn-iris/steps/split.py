"""Step 2: split the dataset into train and test sets, stratified by species.

argv: <dataset path> <test_size> <seed> <train path> <test path>
"""
import os
import sys

import pandas as pd
from sklearn.model_selection import train_test_split

dataset_path, test_size, seed, train_path, test_path = sys.argv[1:6]

frame = pd.read_csv(dataset_path)
train, test = train_test_split(
    frame,
    test_size=float(test_size),
    random_state=int(float(seed)),
    stratify=frame["species"],
)
for path, part in ((train_path, train), (test_path, test)):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    part.to_csv(path, index=False)
print(f"train: {len(train)} rows, test: {len(test)} rows (test_size={test_size}, seed={seed})")
