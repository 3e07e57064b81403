"""A container component (dsl.ContainerSpec) whose output a Python component reads."""
from kfp import dsl

BASE_IMAGE = 'python:3.11'


@dsl.container_component
def shout(text: str, times: int, loud: dsl.OutputPath(str)):
    return dsl.ContainerSpec(
        image=BASE_IMAGE,
        command=['sh', '-c'],
        args=[
            'mkdir -p "$(dirname "$2")" && '
            'i=0; out=""; while [ "$i" -lt "$1" ]; do out="$out$0"; i=$((i + 1)); done; '
            'printf "%s" "$out" | tr a-z A-Z > "$2"',
            text,
            times,
            loud,
        ],
    )


@dsl.component(base_image=BASE_IMAGE)
def measure(text: str) -> int:
    return len(text)


@dsl.pipeline(name='skiff-test-container-step')
def pipeline(text: str = 'hey', times: int = 2) -> int:
    shouted = shout(text=text, times=times)
    return measure(text=shouted.outputs['loud']).output
