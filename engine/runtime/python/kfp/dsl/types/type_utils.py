"""Which annotations are KFP *parameters* (JSON values) rather than artifacts.

The executor passes parameters straight from ``inputs.parameterValues`` and
checks return values against them, so the classification must agree with the
SDK's: ``int``/``float``/``str``/``bool``/``dict``/``list``, their ``typing``
generics (``List[str]``, ``Dict[str, int]``) and the v1 names (``Integer``,
``JsonObject``...), plus ``PipelineTaskFinalStatus`` and ``TaskConfig``, which
travel as structs.
"""

from typing import Any, Dict, Optional, Type

from kfp.dsl.types import artifact_types

# pipeline_spec.proto ParameterType values.
NUMBER_DOUBLE = 1
NUMBER_INTEGER = 2
STRING = 3
BOOLEAN = 4
LIST = 5
STRUCT = 6
TASK_FINAL_STATUS = 7

ARTIFACT_CLASSES_MAPPING: Dict[str, Type[artifact_types.Artifact]] = {
    cls.__name__.lower(): cls for cls in artifact_types._SCHEMA_TITLE_TO_TYPE.values()
}

PARAMETER_TYPES_MAPPING: Dict[str, int] = {
    'integer': NUMBER_INTEGER,
    'int': NUMBER_INTEGER,
    'double': NUMBER_DOUBLE,
    'float': NUMBER_DOUBLE,
    'string': STRING,
    'str': STRING,
    'text': STRING,
    'bool': BOOLEAN,
    'boolean': BOOLEAN,
    'dict': STRUCT,
    'list': LIST,
    'jsonobject': STRUCT,
    'jsonarray': LIST,
}


def is_task_final_status_type(type_name: Any) -> bool:
    return isinstance(type_name, str) and type_name == 'PipelineTaskFinalStatus'


def is_task_config_type(type_name: Any) -> bool:
    return isinstance(type_name, str) and type_name == 'TaskConfig'


def _short_name(annotation: Any) -> Optional[str]:
    from kfp.dsl.types.type_annotations import get_short_type_name

    if isinstance(annotation, type):
        return annotation.__name__
    if isinstance(annotation, dict):
        return next(iter(annotation), None)
    if isinstance(annotation, str):
        return get_short_type_name(annotation)
    return get_short_type_name(str(annotation))


def get_parameter_type(param_type: Any) -> Optional[int]:
    """The IR ParameterType for an annotation or type name, or None for non-parameters."""
    if param_type is None:
        return None
    name = _short_name(param_type)
    if is_task_final_status_type(name) or is_task_config_type(name):
        return STRUCT
    return PARAMETER_TYPES_MAPPING.get((name or '').lower())


def is_parameter_type(type_name: Any) -> bool:
    """Like the SDK: looks at the (short) name of a string or dict type spec only."""
    if isinstance(type_name, str):
        name = _short_name(type_name)
    elif isinstance(type_name, dict):
        name = next(iter(type_name), None)
    else:
        return False
    return (name or '').lower() in PARAMETER_TYPES_MAPPING or is_task_final_status_type(
        name) or is_task_config_type(name)
