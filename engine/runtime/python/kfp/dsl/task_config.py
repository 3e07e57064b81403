"""``dsl.TaskConfig``: Kubernetes pod-spec fragments forwarded to a component.

Skiff runs on one machine and never fills these in, but a component may still
declare the argument, so the executor passes an (empty) instance as the SDK does.
"""

import dataclasses
from typing import Any, Dict, List, Optional


@dataclasses.dataclass
class TaskConfig:
    """Pod-spec fragments; all optional, all None unless the backend sends them."""

    affinity: Optional[Dict[str, Any]] = None
    tolerations: Optional[List[Dict[str, Any]]] = None
    node_selector: Optional[Dict[str, str]] = None
    env: Optional[List[Dict[str, Any]]] = None
    volumes: Optional[List[Dict[str, Any]]] = None
    volume_mounts: Optional[List[Dict[str, Any]]] = None
    resources: Optional[Dict[str, Any]] = None
