"""Import-time stand-ins for the SDK's *authoring* API (decorators, control flow).

A component module executed by the runtime may still carry authoring code:
containerized components keep their ``@dsl.component(...)`` decorators, and
user modules often define a ``@dsl.pipeline`` next to their components. None of
it runs at task time, but it must import and decorate without error. So the
decorators here return the function unchanged (the executor then calls it
directly) and the other names are inert placeholders. Building or compiling a
pipeline is not supported offline and says so when attempted.
"""

import enum
from typing import Any, Callable, Optional, TypeVar

F = TypeVar('F', bound=Callable[..., Any])


def _passthrough_decorator(func: Optional[F] = None, **_options: Any) -> Any:
    """Supports both ``@decorator`` and ``@decorator(option=...)``."""
    if func is None:
        return lambda f: f
    return func


def component(func: Optional[F] = None, **options: Any) -> Any:
    """``@dsl.component``: returns the Python function itself at run time."""
    return _passthrough_decorator(func, **options)


def container_component(func: Optional[F] = None, **options: Any) -> Any:
    """``@dsl.container_component``: returns the function itself."""
    return _passthrough_decorator(func, **options)


def notebook_component(func: Optional[F] = None, **options: Any) -> Any:
    """``@dsl.notebook_component``: returns the function itself."""
    return _passthrough_decorator(func, **options)


def pipeline(func: Optional[F] = None, **options: Any) -> Any:
    """``@dsl.pipeline``: returns the function itself (pipelines are not built offline)."""
    return _passthrough_decorator(func, **options)


class _Inert:
    """Accepts any constructor arguments and keeps them; usable as a context manager."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.args = args
        self.kwargs = kwargs

    def __enter__(self) -> '_Inert':
        return self

    def __exit__(self, *exc: Any) -> None:
        return None

    def __repr__(self) -> str:
        return f'{type(self).__name__}(*{self.args!r}, **{self.kwargs!r})'


class ContainerSpec(_Inert):
    """Return type of ``@dsl.container_component`` functions."""

    def __init__(self, image: str = '', command: Any = None, args: Any = None) -> None:
        super().__init__(image=image, command=command, args=args)
        self.image = image
        self.command = command
        self.args = args


class IfPresentPlaceholder(_Inert):
    """Placeholder of container components; inert at run time."""


class ConcatPlaceholder(_Inert):
    """Placeholder of container components; inert at run time."""


class Collected(_Inert):
    """Fan-in marker (``dsl.Collected``) used in pipeline bodies."""


class OneOf(_Inert):
    """``dsl.OneOf`` used in pipeline bodies."""


class Condition(_Inert):
    """Control-flow group used in pipeline bodies."""


class If(_Inert):
    """Control-flow group used in pipeline bodies."""


class Elif(_Inert):
    """Control-flow group used in pipeline bodies."""


class Else(_Inert):
    """Control-flow group used in pipeline bodies."""


class ExitHandler(_Inert):
    """Control-flow group used in pipeline bodies."""


class ParallelFor(_Inert):
    """Control-flow group used in pipeline bodies."""


class PipelineTask(_Inert):
    """A task of a pipeline under construction (never created at run time)."""


class PipelineConfig(_Inert):
    """Pipeline-level configuration given to ``@dsl.pipeline``."""


class WorkspaceConfig(_Inert):
    """Workspace configuration given to ``PipelineConfig``."""


class KubernetesWorkspaceConfig(_Inert):
    """Kubernetes workspace configuration given to ``WorkspaceConfig``."""


class TaskConfigField(enum.Enum):
    """Pod-spec fields a component may ask to receive (``task_config_passthroughs``)."""

    RESOURCES = 'resources'
    ENV = 'env'
    KUBERNETES_TOLERATIONS = 'kubernetes_tolerations'
    KUBERNETES_NODE_SELECTOR = 'kubernetes_node_selector'
    KUBERNETES_AFFINITY = 'kubernetes_affinity'
    KUBERNETES_VOLUMES = 'kubernetes_volumes'


class TaskConfigPassthrough(_Inert):
    """Names a ``TaskConfigField`` to forward (and optionally apply to the task)."""


def importer(*args: Any, **kwargs: Any) -> Any:
    """``dsl.importer`` only makes sense while building a pipeline."""
    raise NotImplementedError(
        'dsl.importer builds a pipeline; Skiff\'s offline kfp runtime only executes components.')
