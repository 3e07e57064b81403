"""dsl.ExitHandler: the exit task runs after the body, and sees how it ended."""
from kfp import dsl
from kfp.dsl import PipelineTaskFinalStatus

BASE_IMAGE = 'python:3.11'


@dsl.component(base_image=BASE_IMAGE)
def work(fail: bool) -> str:
    if fail:
        raise RuntimeError('work was asked to fail')
    return 'done'


@dsl.component(base_image=BASE_IMAGE)
def clean_up(status: PipelineTaskFinalStatus) -> str:
    return f'{status.state}'


@dsl.pipeline(name='skiff-test-exit-handler')
def pipeline(fail: bool = False):
    exit_task = clean_up().set_display_name('clean-up')
    with dsl.ExitHandler(exit_task, name='guarded'):
        work(fail=fail)
