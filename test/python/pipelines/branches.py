"""dsl.If / dsl.Elif / dsl.Else on a task output, joined again with dsl.OneOf."""
from kfp import dsl

BASE_IMAGE = 'python:3.11'


@dsl.component(base_image=BASE_IMAGE)
def grade(score: int) -> str:
    return 'high' if score >= 80 else 'mid' if score >= 50 else 'low'


@dsl.component(base_image=BASE_IMAGE)
def announce(message: str) -> str:
    print(message)
    return message


@dsl.component(base_image=BASE_IMAGE)
def record(verdict: str) -> str:
    return f'verdict: {verdict}'


@dsl.pipeline(name='skiff-test-branches')
def pipeline(score: int = 65) -> str:
    graded = grade(score=score)
    with dsl.If(graded.output == 'high', name='when-high'):
        high = announce(message='promote').set_display_name('promote')
    with dsl.Elif(graded.output == 'mid', name='when-mid'):
        mid = announce(message='review').set_display_name('review')
    with dsl.Else(name='otherwise'):
        low = announce(message='reject').set_display_name('reject')
    verdict = dsl.OneOf(high.output, mid.output, low.output)
    return record(verdict=verdict).output
