"""Skiff's offline stand-in for the ``kfp`` package (runtime part only).

Compiled lightweight Python components begin with ``pip install kfp==...`` and
then run ``python3 -m kfp.dsl.executor_main``. Skiff runs pipelines offline, so
instead of installing the SDK it puts this directory on ``PYTHONPATH``: the
package provides exactly what a component needs at run time (the executor
protocol, artifact classes and type annotations), using the standard library
only. It does not compile pipelines or talk to a KFP server.
"""

# Keep `kfp` a namespace-friendly package, like the real SDK, so that add-ons
# installed in an image (for example `kfp.kubernetes`) can still be imported.
__path__ = __import__('pkgutil').extend_path(__path__, __name__)

#: Marks this implementation; components can test ``getattr(kfp, 'SKIFF_OFFLINE', False)``.
SKIFF_OFFLINE = True

#: A KFP-compatible version string with a local label saying who provides it.
__version__ = '2.0.0+skiff.offline'

TYPE_CHECK = True

from kfp import dsl  # noqa: E402,F401  (make `import kfp; kfp.dsl` work like the SDK)
