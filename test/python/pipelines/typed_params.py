"""Typed pipeline parameters, a NamedTuple return and Metrics."""
from typing import NamedTuple

from kfp import dsl
from kfp.dsl import Metrics, Output

BASE_IMAGE = 'python:3.11'


@dsl.component(base_image=BASE_IMAGE)
def combine(
    x: int,
    factor: float,
    label: str,
    flags: list,
    opts: dict,
    enabled: bool,
) -> NamedTuple('Outputs', [('total', float), ('tag', str), ('doubled', int)]):
    from collections import namedtuple
    total = x * factor + opts.get('bonus', 0) if enabled else 0.0
    outputs = namedtuple('Outputs', ['total', 'tag', 'doubled'])
    return outputs(total, f'{label}-{len(flags)}-{"on" if enabled else "off"}', x * 2)


@dsl.component(base_image=BASE_IMAGE)
def report(total: float, tag: str, doubled: int, metrics: Output[Metrics]) -> str:
    metrics.log_metric('total', total)
    metrics.log_metric('doubled', doubled)
    return f'{tag}: {total:g}'


@dsl.pipeline(name='skiff-test-typed-params', description='Typed parameters in, a NamedTuple out.')
def pipeline(
    x: int = 3,
    factor: float = 1.5,
    label: str = 'run',
    flags: list = ['a', 'b'],
    opts: dict = {'bonus': 1},
    enabled: bool = True,
) -> str:
    combined = combine(x=x, factor=factor, label=label, flags=flags, opts=opts, enabled=enabled)
    summary = report(
        total=combined.outputs['total'],
        tag=combined.outputs['tag'],
        doubled=combined.outputs['doubled'],
    )
    return summary.outputs['Output']
