"""``dsl.PipelineTaskFinalStatus``: what an exit-handler task is told about the pipeline."""

import dataclasses
from typing import Optional


@dataclasses.dataclass
class PipelineTaskFinalStatus:
    """Final status handed to an exit task.

    ``state`` is ``SUCCEEDED``, ``FAILED`` or ``CANCELLED``; the error fields are
    None on success. Field names follow the SDK so components can read them.
    """

    state: str
    pipeline_job_resource_name: str
    pipeline_task_name: str
    error_code: Optional[int]
    error_message: Optional[str]
