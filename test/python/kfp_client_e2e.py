"""Drives a KFP v2beta1 API server with the real SDK client, as a data scientist would.

    python kfp_client_e2e.py --host http://127.0.0.1:8740 --token "$(cat ~/.skiff/token)" \
        --pipeline-file pipeline.yaml --params-json '{"x": 3}'

Uploads the package as a pipeline and as a second version of it, creates an experiment,
starts one run from the stored version (`run_pipeline`) and one from the package
(`create_run_from_pipeline_package`), waits for both, then lists and gets runs and
pipelines. Prints one JSON summary on stdout (the client's own chatter goes to stderr);
any error ends the script with exit status 1 and the error on stderr.

Used by test/python/kfp-client.test.ts with the SDK from .venv/ (scripts/python-venv).
"""
import argparse
import contextlib
import datetime
import json
import sys
import traceback
from typing import Any, Dict, List

import kfp
import kfp_server_api


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--host', required=True, help='API server URL, e.g. http://127.0.0.1:8740')
    parser.add_argument('--token', required=True, help='bearer token (existing_token)')
    parser.add_argument('--pipeline-file', required=True, help='compiled pipeline package')
    parser.add_argument('--params-json', default='{}', help='run arguments as a JSON object')
    parser.add_argument('--name', default='skiff-client-e2e', help='pipeline and experiment name prefix')
    parser.add_argument('--timeout', type=int, default=600, help='seconds to wait for each run')
    return parser.parse_args()


def plain(model: Any) -> Any:
    """A kfp_server_api model (or list of them) as JSON-ready data."""
    if isinstance(model, list):
        return [plain(m) for m in model]
    if isinstance(model, dict):
        return {key: plain(value) for key, value in model.items()}
    data = model.to_dict() if hasattr(model, 'to_dict') else model
    return json.loads(json.dumps(data, default=_json_default))


def _json_default(value: Any) -> str:
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.isoformat()
    return str(value)


def run_summary(run: kfp_server_api.V2beta1Run, via: str) -> Dict[str, Any]:
    tasks = (run.run_details.task_details or []) if run.run_details else []
    return {
        'via': via,
        'run_id': run.run_id,
        'display_name': run.display_name,
        'experiment_id': run.experiment_id,
        'state': run.state,
        'error': plain(run.error) if run.error else None,
        'finished': run.finished_at is not None,
        'pipeline_version_reference': plain(run.pipeline_version_reference)
        if run.pipeline_version_reference else None,
        'has_pipeline_spec': run.pipeline_spec is not None,
        'runtime_parameters': (run.runtime_config.parameters if run.runtime_config else None),
        'tasks': [{
            'display_name': t.display_name,
            'state': t.state,
            'outputs': plain(t.outputs) if t.outputs else {},
        } for t in tasks],
    }


def drive(args: argparse.Namespace) -> Dict[str, Any]:
    params = json.loads(args.params_json)
    client = kfp.Client(host=args.host, existing_token=args.token)
    healthz = client.get_kfp_healthz()

    pipeline = client.upload_pipeline(
        args.pipeline_file, pipeline_name=f'{args.name}-pipeline', description='uploaded by kfp.Client')
    version = client.upload_pipeline_version(
        args.pipeline_file, pipeline_version_name=f'{args.name}-v2', pipeline_id=pipeline.pipeline_id)
    experiment = client.create_experiment(name=f'{args.name}-experiment', description='kfp.Client e2e')
    # Asking again must find the same experiment by name rather than make a second one.
    experiment_again = client.create_experiment(name=f'{args.name}-experiment')

    from_version = client.run_pipeline(
        experiment_id=experiment.experiment_id,
        job_name=f'{args.name}-from-version',
        pipeline_id=pipeline.pipeline_id,
        version_id=version.pipeline_version_id,
        params=params,
    )
    from_package = client.create_run_from_pipeline_package(args.pipeline_file, arguments=params)

    finished: List[kfp_server_api.V2beta1Run] = [
        client.wait_for_run_completion(run_id, timeout=args.timeout, sleep_duration=1)
        for run_id in (from_version.run_id, from_package.run_id)
    ]
    got = [client.get_run(r.run_id) for r in finished]

    listed_runs = client.list_runs(experiment_id=experiment.experiment_id, page_size=50)
    all_runs = client.list_runs(page_size=50)
    listed_pipelines = client.list_pipelines(page_size=50)
    versions = client.list_pipeline_versions(pipeline_id=pipeline.pipeline_id)
    got_pipeline = client.get_pipeline(pipeline.pipeline_id)
    got_version = client.get_pipeline_version(pipeline.pipeline_id, version.pipeline_version_id)

    return {
        'healthz': plain(healthz),
        'pipeline': {
            'pipeline_id': pipeline.pipeline_id,
            'display_name': pipeline.display_name,
            'id_by_name': client.get_pipeline_id(f'{args.name}-pipeline'),
            'got': plain(got_pipeline),
        },
        'version': {
            'pipeline_version_id': version.pipeline_version_id,
            'display_name': version.display_name,
            'got_display_name': got_version.display_name,
            'listed_ids': [v.pipeline_version_id for v in versions.pipeline_versions or []],
        },
        'experiment': {
            'experiment_id': experiment.experiment_id,
            'display_name': experiment.display_name,
            'again_id': experiment_again.experiment_id,
        },
        'runs': [run_summary(run, via) for run, via in zip(got, ('run_pipeline', 'package'))],
        'waited_states': [r.state for r in finished],
        'package_run_experiment_id': got[1].experiment_id,
        'listed_runs': [{'run_id': r.run_id, 'state': r.state} for r in listed_runs.runs or []],
        'listed_runs_total': listed_runs.total_size,
        'all_runs_total': all_runs.total_size,
        'listed_pipelines': [{'pipeline_id': p.pipeline_id, 'display_name': p.display_name}
                             for p in listed_pipelines.pipelines or []],
    }


def main() -> int:
    args = parse_args()
    try:
        # The client prints links ("Run details: ...") on stdout; keep stdout for the summary.
        with contextlib.redirect_stdout(sys.stderr):
            summary = drive(args)
    except kfp_server_api.ApiException as error:
        print(f'kfp_client_e2e: the API answered {error.status} {error.reason}: {error.body}',
              file=sys.stderr)
        traceback.print_exc()
        return 1
    except Exception as error:  # noqa: BLE001 - any failure is the report
        print(f'kfp_client_e2e: {type(error).__name__}: {error}', file=sys.stderr)
        traceback.print_exc()
        return 1
    print(json.dumps(summary, indent=2, sort_keys=True))
    return 0


if __name__ == '__main__':
    sys.exit(main())
