"""The 5-step lightweight-Python pipeline of `npm run bench`: one int passed down a chain.

    python five_steps.py --compile OUT.yaml   # kfp.compiler → KFP IR, for Skiff's side
    python five_steps.py --run-local [N]      # time kfp.local (SubprocessRunner, no venv)

--run-local prints one JSON line, {"ms": <median of N pipeline runs>, "runs": [...]}:
the pipeline function called directly, as kfp.local's docs show, after `local.init`.
Interpreter start, `import kfp` and one untimed warm-up run are outside the timing, as
engine start and a warm-up run are on Skiff's side.
"""

import argparse
import json
import statistics
import sys
import tempfile
import time

from kfp import compiler, dsl

STEPS = 5


@dsl.component(base_image="python:3.11")
def add_one(x: int) -> int:
    return x + 1


@dsl.pipeline(name="bench-five-steps", description="Five lightweight Python steps in a chain.")
def five_steps(start: int = 0) -> int:
    task = add_one(x=start)
    # Caching off: kfp.local has no cache, so Skiff must run every step too.
    task.set_caching_options(False)
    for _ in range(STEPS - 1):
        task = add_one(x=task.output)
        task.set_caching_options(False)
    return task.output


def run_local(rounds: int) -> None:
    from kfp import local

    times = []
    with tempfile.TemporaryDirectory(prefix="kfp-local-bench-") as root:
        local.init(runner=local.SubprocessRunner(use_venv=False), pipeline_root=root)
        for round_ in range(rounds + 1):
            started = time.perf_counter()
            result = five_steps(start=0)
            elapsed = (time.perf_counter() - started) * 1000
            if result.output != STEPS:
                raise SystemExit(f"kfp.local: expected {STEPS}, got {result.output!r}")
            if round_ > 0:
                times.append(elapsed)
    print(json.dumps({"ms": statistics.median(times), "runs": times}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--compile", metavar="OUT", help="write the compiled pipeline YAML here")
    group.add_argument("--run-local", metavar="N", nargs="?", type=int, const=3,
                       help="time N runs with kfp.local (default 3)")
    args = parser.parse_args()
    if args.compile:
        compiler.Compiler().compile(five_steps, args.compile)
    else:
        run_local(args.run_local)


if __name__ == "__main__":
    sys.exit(main())
