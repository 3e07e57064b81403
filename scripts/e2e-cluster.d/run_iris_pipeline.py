"""Runs examples/sklearn-iris-python/pipeline.yaml on the cluster's KFP (forwarded API)."""
import sys
import time

import kfp

host, package = sys.argv[1], sys.argv[2]
client = kfp.Client(host=host)
run = client.create_run_from_pipeline_package(package, arguments={}, run_name="skiff-e2e-iris")
result = client.wait_for_run_completion(run.run_id, timeout=1800)
state = getattr(result, "state", None) or result.run.status
print(f"run {run.run_id}: {state}")
sys.exit(0 if str(state).upper() in ("SUCCEEDED", "SUCCESS") else 1)
