"""``python3 -m kfp.dsl.executor_main``: the entry point every Python component runs.

Arguments are the SDK's: ``--executor_input <json>``, ``--function_to_execute
<name>`` and either ``--component_module_path <file.py>`` (lightweight
components: the compiled command writes the function source to a temp file) or
nothing, in which case ``kfp_config.ini`` in the working directory says which
module holds the function (containerized components). Unknown arguments are
ignored, as in the SDK, so newer compilers' extra flags do not break old tasks.
"""

import argparse
import importlib.util
import json
import logging
import os
import sys
import types
from typing import List, Optional, Tuple

from kfp.dsl import executor as component_executor
from kfp.dsl import kfp_config


def _setup_logging() -> None:
    logging.basicConfig(
        stream=sys.stdout,
        format='[KFP Executor (Skiff offline) %(asctime)s %(levelname)s]: %(message)s',
        level=logging.INFO)


def load_module(module_name: str, module_directory: str) -> types.ModuleType:
    """Imports ``<module_directory>/<module_name>.py`` as a top-level module.

    The directory goes to the front of ``sys.path`` so that a containerized
    component's sibling modules import as they did when it was built.
    """
    spec = importlib.util.spec_from_file_location(
        name=module_name, location=os.path.join(module_directory, f'{module_name}.py'))
    if spec is None or spec.loader is None:
        raise ImportError(f'Cannot load component module {module_name!r} from {module_directory}')
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    sys.path.insert(0, str(module_directory))
    spec.loader.exec_module(module)
    return module


def _locate_module(func_name: str, component_module_path: Optional[str]) -> Tuple[str, str, str]:
    """(module path, directory, module name) for the function to execute."""
    if component_module_path is not None:
        logging.info(f'Looking for component `{func_name}` in --component_module_path '
                     f'`{component_module_path}`')
        directory = os.path.dirname(component_module_path)
        name = os.path.basename(component_module_path)[:-len('.py')]
        return component_module_path, directory, name

    logging.info(f'--component_module_path is not specified. Looking for component '
                 f'`{func_name}` in config file `kfp_config.ini` instead')
    components = kfp_config.KFPConfig().get_components()
    if not components:
        raise RuntimeError('No components found in `kfp_config.ini`')
    if func_name not in components:
        raise RuntimeError(f'Could not find component `{func_name}` in `kfp_config.ini`. '
                           f'Found the following components instead:\n{components}')
    path = components[func_name]
    return str(path), str(path.parent), path.name[:-len('.py')]


def executor_main(argv: Optional[List[str]] = None) -> None:
    _setup_logging()
    parser = argparse.ArgumentParser(description='KFP Component Executor (Skiff offline).')
    parser.add_argument('--component_module_path', type=str,
                        help='Path to a module containing the KFP component.')
    parser.add_argument('--function_to_execute', type=str, required=True,
                        help='Name of the component function to execute.')
    parser.add_argument('--executor_input', type=str,
                        help='JSON-serialized ExecutorInput from the orchestrator.')
    args, _ = parser.parse_known_args(argv)

    func_name: str = args.function_to_execute
    module_path, module_directory, module_name = _locate_module(func_name,
                                                                args.component_module_path)
    logging.info(f'Loading KFP component "{func_name}" from {module_path} '
                 f'(directory "{module_directory}" and module name "{module_name}")')
    module = load_module(module_name=module_name, module_directory=module_directory)

    executor_input = json.loads(args.executor_input)
    function_to_execute = getattr(module, func_name)
    logging.info(f'Got executor_input:\n{json.dumps(executor_input, indent=4)}')

    executor = component_executor.Executor(executor_input=executor_input,
                                           function_to_execute=function_to_execute)
    output_file = executor.execute()
    if output_file is None:
        logging.info('Did not write output file.')
    else:
        logging.info(f'Wrote executor output file to {output_file}.')


if __name__ == '__main__':
    executor_main()
