"""Annotations that tell the executor how to feed each function argument.

``Input[T]``/``Output[T]`` are ``Annotated[T, marker]``; ``InputPath(...)`` and
``OutputPath(...)`` are instances. The executor only ever inspects them, so the
helpers here answer questions like "is this a list of artifacts?" the same way
the SDK does (for example ``Optional[X]`` is unwrapped, ``List[Dataset]`` is a
list of artifacts, ``OutputPath('Dataset')`` names an artifact).
"""

import re
from typing import Any, List, Optional, Tuple, TypeVar, Union

from kfp.dsl.types import artifact_types
from kfp.dsl.types import type_utils


def _type_string(type_: Any) -> Optional[str]:
    """Normalises an ``InputPath``/``OutputPath`` argument to the SDK's type string.

    Artifact classes and their v1 names become ``schema_title@version``; parameter
    types stay as given; anything else is treated as a generic artifact.
    """
    if type_ is None:
        return None
    if is_artifact_class(type_):
        return f'{type_.schema_title}@{type_.schema_version}'
    if isinstance(type_, str) and type_.lower() in type_utils.ARTIFACT_CLASSES_MAPPING:
        cls = type_utils.ARTIFACT_CLASSES_MAPPING[type_.lower()]
        return f'{cls.schema_title}@{cls.schema_version}'
    if type_utils.get_parameter_type(type_) is not None:
        return type_
    return f'{artifact_types.Artifact.schema_title}@{artifact_types.Artifact.schema_version}'


class OutputPath:
    """``OutputPath(T)``: the argument is a local file path the component writes to."""

    def __init__(self, type: Any = None) -> None:  # noqa: A002 (SDK's keyword name)
        self.type = _type_string(type)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, OutputPath) and self.type == other.type

    def __hash__(self) -> int:
        return hash(('OutputPath', str(self.type)))

    def __repr__(self) -> str:
        return f'OutputPath({self.type!r})'


class InputPath:
    """``InputPath(T)``: the argument is a local file path of an input artifact."""

    def __init__(self, type: Any = None) -> None:  # noqa: A002
        self.type = _type_string(type)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, InputPath) and self.type == other.type

    def __hash__(self) -> int:
        return hash(('InputPath', str(self.type)))

    def __repr__(self) -> str:
        return f'InputPath({self.type!r})'


class InputAnnotation:
    """Marker inside ``Annotated[...]`` for input artifacts."""


class OutputAnnotation:
    """Marker inside ``Annotated[...]`` for output artifacts."""


class EmbeddedAnnotation:
    """Marker for ``dsl.EmbeddedInput[T]``: an archive embedded in the component source."""


def _marker(typ: Any) -> Any:
    metadata = getattr(typ, '__metadata__', None)
    return metadata[0] if metadata else None


def is_Input_Output_artifact_annotation(typ: Any) -> bool:  # noqa: N802 (SDK name)
    return _marker(typ) in (InputAnnotation, OutputAnnotation)


def is_embedded_input_annotation(typ: Any) -> bool:
    return _marker(typ) is EmbeddedAnnotation


def is_artifact_wrapped_in_Input(typ: Any) -> bool:  # noqa: N802
    return _marker(typ) is InputAnnotation


def is_artifact_wrapped_in_Output(typ: Any) -> bool:  # noqa: N802
    return _marker(typ) is OutputAnnotation


def strip_Input_or_Output_marker(typ: Any) -> Any:  # noqa: N802
    """``Input[Dataset]`` -> ``Dataset``."""
    return typ.__origin__ if hasattr(typ, '__metadata__') else typ


def maybe_strip_optional_from_annotation(annotation: Any) -> Any:
    """``Optional[str]`` -> ``str``; anything else unchanged."""
    args = getattr(annotation, '__args__', None)
    if getattr(annotation, '__origin__', None) is Union and args and len(args) == 2 \
            and args[1] is type(None):
        return args[0]
    return annotation


def get_short_type_name(type_name: str) -> str:
    """``typing.List[int]`` -> ``List``."""
    match = re.match(r'(typing\.)?(?P<type>\w+)(?:\[.+\])?', type_name)
    return match['type'] if match else type_name


def is_artifact_class(obj: Any) -> bool:
    return hasattr(obj, 'schema_title') and hasattr(obj, 'schema_version')


def issubclass_of_artifact(obj: Any) -> bool:
    return isinstance(obj, type) and issubclass(obj, artifact_types.Artifact)


def is_generic_list(annotation: Any) -> bool:
    return getattr(annotation, '__origin__', None) in (list, List) or annotation is list


def get_inner_type(annotation: Any) -> Union[None, Any, Tuple[Any, ...]]:
    args = getattr(annotation, '__args__', None)
    if not args:
        return None
    return args[0] if len(args) == 1 else tuple(args)


def is_list_of_artifacts(annotation: Any) -> bool:
    """``List[Dataset]`` / ``list[Model]`` (the inner type must be an Artifact subclass)."""
    return is_generic_list(annotation) and issubclass_of_artifact(get_inner_type(annotation))


def unwrap_list_of_artifacts(annotation: Any) -> Any:
    """``Input[List[Dataset]]`` or ``List[Dataset]`` -> ``Dataset``; None if not a list."""
    if is_Input_Output_artifact_annotation(annotation):
        annotation = strip_Input_or_Output_marker(annotation)
    if not is_list_of_artifacts(annotation):
        return None
    return get_inner_type(annotation)


T = TypeVar('T')
