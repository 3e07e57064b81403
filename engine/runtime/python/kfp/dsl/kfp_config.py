"""Reads ``kfp_config.ini``, the component index of *containerized* Python components.

``kfp component build`` bakes the component modules into an image together
with this file (``[Components] fn = path/to/module.py``); the image's command is
then ``python3 -m kfp.dsl.executor_main`` without ``--component_module_path``,
and the executor looks the function up here, relative to the working directory.
"""

import configparser
import pathlib
from typing import Dict, Optional

_KFP_CONFIG_FILE = 'kfp_config.ini'
_COMPONENTS_SECTION = 'Components'


class KFPConfig:
    """The ``[Components]`` section of ``kfp_config.ini`` (function name -> module path)."""

    def __init__(self, config_directory: Optional[pathlib.Path] = None) -> None:
        self._parser = configparser.ConfigParser()
        self._parser.optionxform = lambda option: option  # type: ignore[assignment,method-assign]
        directory = config_directory if config_directory is not None else pathlib.Path('.')
        self._config_filepath = directory / _KFP_CONFIG_FILE
        self._parser.read(str(self._config_filepath))
        if not self._parser.has_section(_COMPONENTS_SECTION):
            self._parser.add_section(_COMPONENTS_SECTION)

    def get_components(self) -> Dict[str, pathlib.Path]:
        return {
            name: pathlib.Path(path)
            for name, path in self._parser[_COMPONENTS_SECTION].items()
        }
