"""``kfp.compiler`` stand-in: importable, but compiling needs the real SDK.

Component modules sometimes import the compiler at top level (to compile under
``if __name__ == '__main__'``); that import must not fail when the module runs
as a task offline.
"""

from typing import Any


class Compiler:
    """Raises on use: Skiff's offline runtime executes components, it does not compile."""

    def compile(self, *args: Any, **kwargs: Any) -> None:
        raise NotImplementedError(
            "kfp.compiler is not part of Skiff's offline kfp runtime; compile pipelines with "
            'the KFP SDK (pip install kfp) on a machine that has it.')
