"""dsl.ParallelFor over a list parameter, gathered with dsl.Collected."""
from typing import List

from kfp import dsl

BASE_IMAGE = 'python:3.11'


@dsl.component(base_image=BASE_IMAGE)
def square(x: int) -> int:
    return x * x


@dsl.component(base_image=BASE_IMAGE)
def add_up(values: List[int]) -> int:
    return sum(values)


@dsl.pipeline(name='skiff-test-fan-out')
def pipeline(items: List[int] = [1, 2, 3, 4]) -> int:
    with dsl.ParallelFor(items, parallelism=2) as item:
        squared = square(x=item)
    return add_up(values=dsl.Collected(squared.output)).output
