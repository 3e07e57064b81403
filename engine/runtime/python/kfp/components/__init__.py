"""``kfp.components`` stand-in: importable, loading components needs the real SDK."""

from typing import Any


def _unsupported(*args: Any, **kwargs: Any) -> Any:
    raise NotImplementedError(
        "kfp.components is not part of Skiff's offline kfp runtime; load components with "
        'the KFP SDK (pip install kfp) when building pipelines.')


load_component_from_file = _unsupported
load_component_from_text = _unsupported
load_component_from_url = _unsupported
