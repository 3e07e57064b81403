"""Runs one component function under KFP's executor protocol.

The orchestrator hands a task an *ExecutorInput* JSON: input parameter values,
input artifacts (name/uri/metadata/type), where each output parameter and
artifact goes, and ``outputs.outputFile`` for the *ExecutorOutput*. This module
turns that into keyword arguments by reading the function's annotations, calls
the function, and writes ``{"parameterValues": ..., "artifacts": ...}`` back.

It mirrors ``kfp.dsl.executor`` of the SDK, because downstream consumers (Skiff's
scheduler, or a real KFP launcher) read the result and users' components rely on
the same argument semantics. Deliberate differences, each where the SDK would
crash or cannot run offline:

* an ``int`` parameter that arrives as an integral float (``3.0``) is passed as
  ``3`` (JSON producers that do not keep the int/float distinction);
* string annotations (``from __future__ import annotations``) are resolved;
* a missing ``PipelineTaskFinalStatus`` payload becomes an empty status rather
  than an ``AttributeError``.
"""

import inspect
import json
import os
from typing import Any, Callable, Dict, List, Optional, Union

from kfp.dsl.task_config import TaskConfig
from kfp.dsl.task_final_status import PipelineTaskFinalStatus
from kfp.dsl.types import artifact_types
from kfp.dsl.types import type_annotations as ta
from kfp.dsl.types import type_utils

Artifact = artifact_types.Artifact

#: The output name of a function's single (non-NamedTuple) return value.
SINGLE_OUTPUT_NAME = 'Output'

#: Roles whose worker writes executor_output.json in a distributed (CLUSTER_SPEC) run.
_CHIEF_ROLES = frozenset({'workerpool0', 'chief', 'master'})


def makedirs_recursively(path: str) -> None:
    """Creates the parent directory of ``path`` (outputs may go to fresh directories)."""
    parent = os.path.dirname(path)
    if parent:
        os.makedirs(parent, exist_ok=True)


def is_parameter(annotation: Any) -> bool:
    """True for JSON-valued annotations (``int``, ``List[str]``, ``'Dict'``...)."""
    if isinstance(annotation, type):
        if annotation in (str, int, float, bool, dict, list):
            return True
        name = getattr(annotation, '__name__', '')
        if type_utils.is_task_final_status_type(name) or type_utils.is_task_config_type(name):
            return True
    return type_utils.is_parameter_type(str(annotation) if not isinstance(annotation, str)
                                        else annotation)


def is_artifact(annotation: Any) -> bool:
    """True for an artifact class used bare (``-> Dataset`` or ``x: Model``)."""
    return type(annotation) is type and ta.is_artifact_class(annotation)


def is_named_tuple(annotation: Any) -> bool:
    return (type(annotation) is type and issubclass(annotation, tuple) and
            hasattr(annotation, '_fields') and hasattr(annotation, '__annotations__'))


def create_artifact_instance(runtime_artifact: Dict[str, Any],
                             fallback_artifact_cls: Any = Artifact) -> Artifact:
    """Builds the artifact object for one runtime artifact entry.

    The class comes from the entry's ``type.schemaTitle`` when it is a known
    system type, else from the annotation (``fallback_artifact_cls``).
    """
    schema_title = (runtime_artifact.get('type') or {}).get('schemaTitle', '')
    cls = artifact_types._SCHEMA_TITLE_TO_TYPE.get(schema_title, fallback_artifact_cls)
    kwargs = {
        'uri': runtime_artifact.get('uri', ''),
        'name': runtime_artifact.get('name', ''),
        'metadata': runtime_artifact.get('metadata', {}),
    }
    from_fields = getattr(cls, '_from_executor_fields', None)
    return from_fields(**kwargs) if from_fields else cls(**kwargs)


def _artifact_class_for(annotation: Any) -> Any:
    """The artifact class an annotation names (``Input[Model]``, ``InputPath('Dataset')``...)."""
    if isinstance(annotation, (ta.InputPath, ta.OutputPath)):
        schema_title = str(annotation.type or '').split('@')[0]
        return artifact_types._SCHEMA_TITLE_TO_TYPE.get(schema_title, Artifact)
    if ta.is_Input_Output_artifact_annotation(annotation) or ta.is_embedded_input_annotation(
            annotation):
        annotation = ta.strip_Input_or_Output_marker(annotation)
    return annotation if ta.is_artifact_class(annotation) else Artifact


def _function_annotations(func: Callable[..., Any]) -> Dict[str, Any]:
    """The function's annotations, with string annotations evaluated where possible."""
    annotations = dict(inspect.getfullargspec(func).annotations)
    namespace = getattr(func, '__globals__', {})
    for name, annotation in annotations.items():
        if isinstance(annotation, str):
            try:
                annotations[name] = eval(annotation, namespace)  # noqa: S307 (user's own source)
            except Exception:  # keep the string: it may still name a parameter type
                pass
    return annotations


def _coerce_parameter(annotation: Any, value: Any) -> Any:
    """Gives an ``int`` parameter an ``int`` even if JSON carried it as ``3.0``."""
    if annotation is int and isinstance(value, float) and value.is_integer():
        return int(value)
    return value


class Executor:
    """Executes one Python function component for one ExecutorInput."""

    def __init__(self, executor_input: Dict[str, Any],
                 function_to_execute: Union[Callable[..., Any], Any]) -> None:
        # A decorated component from the SDK carries the function as `python_func`.
        self.func: Callable[..., Any] = getattr(function_to_execute, 'python_func',
                                                function_to_execute)
        self.executor_input = executor_input
        self.executor_output_path: str = executor_input['outputs']['outputFile']
        artifact_types.CONTAINER_TASK_ROOT = os.path.split(self.executor_output_path)[0]

        self.annotations = _function_annotations(self.func)
        self.return_annotation = self.annotations.get('return', inspect.Signature.empty)
        self.input_artifacts: Dict[str, Union[Artifact, List[Artifact]]] = {}
        self.output_artifacts: Dict[str, Artifact] = {}
        self.executor_output: Dict[str, Any] = {}
        self._assign_input_and_output_artifacts()

    # --- inputs ------------------------------------------------------------------

    def _assign_input_and_output_artifacts(self) -> None:
        inputs = self.executor_input.get('inputs') or {}
        for name, entry in (inputs.get('artifacts') or {}).items():
            runtime_artifacts = (entry or {}).get('artifacts')
            if not runtime_artifacts:
                continue
            annotation = ta.maybe_strip_optional_from_annotation(self.annotations.get(name))
            inner = ta.unwrap_list_of_artifacts(annotation)
            if inner is not None:
                self.input_artifacts[name] = [
                    create_artifact_instance(a, inner) for a in runtime_artifacts
                ]
            else:
                self.input_artifacts[name] = create_artifact_instance(
                    runtime_artifacts[0], _artifact_class_for(annotation))

        outputs = self.executor_input.get('outputs') or {}
        for name, entry in (outputs.get('artifacts') or {}).items():
            runtime_artifacts = (entry or {}).get('artifacts')
            if not runtime_artifacts:
                continue
            annotation = ta.maybe_strip_optional_from_annotation(self.annotations.get(name))
            artifact = create_artifact_instance(runtime_artifacts[0],
                                                _artifact_class_for(annotation))
            self.output_artifacts[name] = artifact
            makedirs_recursively(artifact.path)

    def get_input_artifact(self, name: str) -> Optional[Union[Artifact, List[Artifact]]]:
        return self.input_artifacts.get(name)

    def get_output_artifact(self, name: str) -> Optional[Artifact]:
        return self.output_artifacts.get(name)

    def get_input_parameter_value(self, name: str) -> Any:
        values = (self.executor_input.get('inputs') or {}).get('parameterValues')
        return None if values is None else values.get(name)

    def get_output_parameter_path(self, name: str) -> Optional[str]:
        parameter = ((self.executor_input.get('outputs') or {}).get('parameters') or {}).get(name)
        if parameter is None:
            return None
        path = parameter.get('outputFile')
        if path:
            makedirs_recursively(path)
        return path

    def get_output_artifact_path(self, name: str) -> str:
        artifact = self.output_artifacts.get(name)
        if not artifact:
            raise ValueError(f'Failed to get output artifact path for artifact name {name}')
        return artifact.path

    def get_input_artifact_path(self, name: str) -> str:
        artifact = self.input_artifacts.get(name)
        if not artifact or isinstance(artifact, list):
            raise ValueError(f'Failed to get input artifact path for artifact name {name}')
        return artifact.path

    def _final_status(self, name: str) -> PipelineTaskFinalStatus:
        value = self.get_input_parameter_value(name)
        if isinstance(value, str):
            value = json.loads(value)
        value = value or {}

        def pick(camel: str, snake: str) -> Any:
            # The camelCase names are the proto's; older payloads used snake_case.
            return value.get(camel) if value.get(camel) is not None else value.get(snake)

        error = value.get('error') or {}
        return PipelineTaskFinalStatus(
            state=value.get('state'),
            pipeline_job_resource_name=pick('pipelineJobResourceName',
                                            'pipeline_job_resource_name'),
            pipeline_task_name=pick('pipelineTaskName', 'pipeline_task_name'),
            error_code=error.get('code'),
            error_message=error.get('message'),
        )

    def _task_config(self, name: str) -> TaskConfig:
        value = self.get_input_parameter_value(name) or {}
        return TaskConfig(
            affinity=value.get('affinity'),
            tolerations=value.get('tolerations'),
            node_selector=value.get('nodeSelector'),
            env=value.get('env'),
            volumes=value.get('volumes'),
            volume_mounts=value.get('volumeMounts'),
            resources=value.get('resources'),
        )

    def _embedded_artifact(self, annotation: Any) -> Artifact:
        artifact = _artifact_class_for(annotation)()
        embedded_file = self.func.__globals__.get('__KFP_EMBEDDED_ASSET_FILE')
        embedded_dir = self.func.__globals__.get('__KFP_EMBEDDED_ASSET_DIR')
        if not (embedded_file or embedded_dir):
            raise RuntimeError(
                'EmbeddedInput was specified but no embedded asset was found at runtime.')
        artifact.path = embedded_file or embedded_dir
        return artifact

    def _function_kwargs(self) -> Dict[str, Any]:
        kwargs: Dict[str, Any] = {}
        for name, annotation in self.annotations.items():
            if name == 'return':
                continue
            v = ta.maybe_strip_optional_from_annotation(annotation)
            if v is PipelineTaskFinalStatus:
                kwargs[name] = self._final_status(name)
            elif v is TaskConfig:
                kwargs[name] = self._task_config(name)
            elif ta.is_list_of_artifacts(v):
                kwargs[name] = self.get_input_artifact(name)
            elif is_parameter(v):
                value = self.get_input_parameter_value(name)
                if value is not None:
                    kwargs[name] = _coerce_parameter(v, value)
            elif ta.is_Input_Output_artifact_annotation(v):
                if ta.is_artifact_wrapped_in_Input(v):
                    kwargs[name] = self.get_input_artifact(name)
                else:
                    kwargs[name] = self.get_output_artifact(name)
            elif ta.is_embedded_input_annotation(v):
                kwargs[name] = self._embedded_artifact(v)
            elif is_artifact(v):
                kwargs[name] = self.get_input_artifact(name)
            elif isinstance(v, ta.OutputPath):
                kwargs[name] = (self.get_output_parameter_path(name)
                                if is_parameter(v.type) else self.get_output_artifact_path(name))
            elif isinstance(v, ta.InputPath):
                kwargs[name] = self.get_input_artifact_path(name)
        return kwargs

    # --- outputs -----------------------------------------------------------------

    def write_output_parameter_value(self, name: str, value: Any) -> None:
        if not isinstance(value, (str, int, float, bool, list, dict)):
            raise ValueError(f'Unable to serialize unknown type `{value}` for parameter input '
                             f'with value `{type(value)}`')
        self.executor_output.setdefault('parameterValues', {})[name] = value

    def write_output_artifact_payload(self, name: str, value: Any) -> None:
        """A function annotated ``-> Dataset`` may return data: it becomes the file's text."""
        with open(self.get_output_artifact_path(name), 'w') as f:
            f.write(str(value))

    def handle_single_return_value(self, output_name: str, annotation: Any, value: Any) -> None:
        if is_parameter(annotation):
            origin = getattr(annotation, '__origin__', None) or annotation
            accepted = (int, float) if origin is float else origin
            if isinstance(accepted, str):  # unresolved string annotation: trust the value
                accepted = object
            if not isinstance(value, accepted):
                raise ValueError(f'Function `{self.func.__name__}` returned value of type '
                                 f'{type(value)}; want type {origin}')
            self.write_output_parameter_value(output_name, value)
        elif is_artifact(annotation):
            if isinstance(value, Artifact):
                self.output_artifacts[output_name] = value
            else:
                self.write_output_artifact_payload(output_name, value)
        else:
            raise RuntimeError(f'Unknown return type: {annotation}. Must be one of the supported '
                               'data types: https://www.kubeflow.org/docs/components/pipelines/'
                               'v2/data-types/')

    def _handle_return(self, result: Any) -> None:
        annotation = self.return_annotation
        if is_parameter(annotation) or is_artifact(annotation):
            self.handle_single_return_value(SINGLE_OUTPUT_NAME, annotation, result)
        elif is_named_tuple(annotation):
            fields = annotation._fields
            if len(fields) != len(result):
                raise RuntimeError(f'Expected {len(fields)} return values from function '
                                   f'`{self.func.__name__}`, got {len(result)}')
            for index, field in enumerate(fields):
                value = result[index] if type(result) is tuple else getattr(result, field)
                self.handle_single_return_value(field, annotation.__annotations__[field], value)
        else:
            raise RuntimeError(
                f'Unknown return type: {annotation}. Must be one of `str`, `int`, `float`, a '
                'subclass of `Artifact`, or a NamedTuple collection of these types.')

    def _is_chief(self) -> bool:
        """In distributed training only the chief writes (the file may be immutable)."""
        cluster_spec = os.environ.get('CLUSTER_SPEC')
        if not cluster_spec:
            return True
        return json.loads(cluster_spec)['task']['type'] in _CHIEF_ROLES

    def write_executor_output(self, func_output: Optional[Any] = None) -> Optional[str]:
        if func_output is not None:
            self._handle_return(func_output)

        if self.output_artifacts:
            self.executor_output['artifacts'] = {}
        for name, artifact in self.output_artifacts.items():
            runtime_artifact: Dict[str, Any] = {
                'name': artifact.name,
                'uri': artifact.uri,
                'metadata': artifact.metadata,
            }
            if artifact.custom_path:
                runtime_artifact['custom_path'] = artifact.custom_path
            self.executor_output['artifacts'][name] = {'artifacts': [runtime_artifact]}

        if not self._is_chief():
            return None
        makedirs_recursively(self.executor_output_path)
        with open(self.executor_output_path, 'w') as f:
            f.write(json.dumps(self.executor_output))
        return self.executor_output_path

    def execute(self) -> Optional[str]:
        """Calls the function and writes executor_output.json; returns its path if written."""
        result = self.func(**self._function_kwargs())
        return self.write_executor_output(result)
