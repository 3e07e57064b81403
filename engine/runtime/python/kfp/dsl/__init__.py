"""``kfp.dsl`` as a component sees it at run time.

Every compiled lightweight component starts with ``from kfp import dsl`` and
``from kfp.dsl import *`` before the function's source, whose annotations are
evaluated when the function is defined. So every name such a source may use
(``Input``, ``Output``, ``Dataset``, ``OutputPath``, ``PipelineTaskFinalStatus``,
the placeholders ...) must exist here. ``__all__`` matches the SDK: in a task
(``_KFP_RUNTIME=true``) the star import brings in the run-time names only; the
authoring names are added otherwise. The authoring names are always available as
attributes, so ``@dsl.component(...)`` in a module still imports.
"""

import os
from typing import TypeVar

try:
    from typing import Annotated
except ImportError:  # Python 3.8 images: only if typing_extensions is installed
    from typing_extensions import Annotated  # type: ignore[assignment]

from kfp.dsl.authoring import Collected
from kfp.dsl.authoring import ConcatPlaceholder
from kfp.dsl.authoring import Condition
from kfp.dsl.authoring import ContainerSpec
from kfp.dsl.authoring import Elif
from kfp.dsl.authoring import Else
from kfp.dsl.authoring import ExitHandler
from kfp.dsl.authoring import If
from kfp.dsl.authoring import IfPresentPlaceholder
from kfp.dsl.authoring import KubernetesWorkspaceConfig
from kfp.dsl.authoring import OneOf
from kfp.dsl.authoring import ParallelFor
from kfp.dsl.authoring import PipelineConfig
from kfp.dsl.authoring import PipelineTask
from kfp.dsl.authoring import TaskConfigField
from kfp.dsl.authoring import TaskConfigPassthrough
from kfp.dsl.authoring import WorkspaceConfig
from kfp.dsl.authoring import component
from kfp.dsl.authoring import container_component
from kfp.dsl.authoring import importer
from kfp.dsl.authoring import notebook_component
from kfp.dsl.authoring import pipeline
from kfp.dsl.task_config import TaskConfig
from kfp.dsl.task_final_status import PipelineTaskFinalStatus
from kfp.dsl.types.artifact_types import HTML
from kfp.dsl.types.artifact_types import Artifact
from kfp.dsl.types.artifact_types import ClassificationMetrics
from kfp.dsl.types.artifact_types import Dataset
from kfp.dsl.types.artifact_types import Markdown
from kfp.dsl.types.artifact_types import Metrics
from kfp.dsl.types.artifact_types import Model
from kfp.dsl.types.artifact_types import SlicedClassificationMetrics
from kfp.dsl.types.artifact_types import get_uri
from kfp.dsl.types.type_annotations import EmbeddedAnnotation
from kfp.dsl.types.type_annotations import InputAnnotation
from kfp.dsl.types.type_annotations import InputPath
from kfp.dsl.types.type_annotations import OutputAnnotation
from kfp.dsl.types.type_annotations import OutputPath


def run_notebook(**kwargs: object) -> None:
    """Replaced at run time by notebook components' own helper; fails elsewhere."""
    raise NotImplementedError(
        'dsl.run_notebook is only available inside a @dsl.notebook_component at runtime.')


PIPELINE_JOB_NAME_PLACEHOLDER = '{{$.pipeline_job_name}}'
PIPELINE_JOB_RESOURCE_NAME_PLACEHOLDER = '{{$.pipeline_job_resource_name}}'
PIPELINE_JOB_ID_PLACEHOLDER = '{{$.pipeline_job_uuid}}'
PIPELINE_TASK_NAME_PLACEHOLDER = '{{$.pipeline_task_name}}'
PIPELINE_TASK_ID_PLACEHOLDER = '{{$.pipeline_task_uuid}}'
PIPELINE_TASK_EXECUTOR_OUTPUT_PATH_PLACEHOLDER = '{{$.outputs.output_file}}'
PIPELINE_TASK_EXECUTOR_INPUT_PLACEHOLDER = '{{$}}'
PIPELINE_ROOT_PLACEHOLDER = '{{$.pipeline_root}}'
PIPELINE_JOB_CREATE_TIME_UTC_PLACEHOLDER = '{{$.pipeline_job_create_time_utc}}'
PIPELINE_JOB_SCHEDULE_TIME_UTC_PLACEHOLDER = '{{$.pipeline_job_schedule_time_utc}}'
WORKSPACE_PATH_PLACEHOLDER = '{{$.workspace_path}}'

T = TypeVar('T')
#: ``Input[Dataset]``: an input artifact handle.
Input = Annotated[T, InputAnnotation]
#: ``Output[Model]``: an output artifact handle.
Output = Annotated[T, OutputAnnotation]
#: ``EmbeddedInput[Dataset]``: an artifact embedded in the component source.
EmbeddedInput = Annotated[T, EmbeddedAnnotation]

__all__ = [
    'Input',
    'Output',
    'InputPath',
    'OutputPath',
    'PipelineTaskFinalStatus',
    'TaskConfig',
    'Artifact',
    'ClassificationMetrics',
    'Dataset',
    'HTML',
    'Markdown',
    'Metrics',
    'Model',
    'SlicedClassificationMetrics',
    'get_uri',
    'PIPELINE_JOB_NAME_PLACEHOLDER',
    'PIPELINE_JOB_RESOURCE_NAME_PLACEHOLDER',
    'PIPELINE_JOB_ID_PLACEHOLDER',
    'PIPELINE_TASK_NAME_PLACEHOLDER',
    'PIPELINE_TASK_ID_PLACEHOLDER',
    'PIPELINE_TASK_EXECUTOR_OUTPUT_PATH_PLACEHOLDER',
    'PIPELINE_TASK_EXECUTOR_INPUT_PLACEHOLDER',
    'PIPELINE_ROOT_PLACEHOLDER',
    'PIPELINE_JOB_CREATE_TIME_UTC_PLACEHOLDER',
    'PIPELINE_JOB_SCHEDULE_TIME_UTC_PLACEHOLDER',
    'WORKSPACE_PATH_PLACEHOLDER',
    'run_notebook',
]

if os.environ.get('_KFP_RUNTIME', 'false') != 'true':
    __all__.extend([
        'component', 'container_component', 'pipeline', 'importer', 'ContainerSpec', 'Condition',
        'If', 'Elif', 'Else', 'OneOf', 'ExitHandler', 'ParallelFor', 'Collected',
        'IfPresentPlaceholder', 'ConcatPlaceholder', 'PipelineTask', 'PipelineConfig',
        'WorkspaceConfig', 'KubernetesWorkspaceConfig', 'TaskConfigField', 'TaskConfigPassthrough',
        'notebook_component'
    ])
