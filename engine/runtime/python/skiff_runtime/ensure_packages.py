"""Offline replacement for a lightweight component's ``pip install`` bootstrap.

Usage (argv built by the engine's ``rewriteLightweightPythonArgv``)::

    python3 <runtime>/skiff_runtime/ensure_packages.py [options] REQ... -- CMD ARG...
    python3 -m skiff_runtime.ensure_packages [options] REQ... -- CMD ARG...

For each requirement (``pandas==2.2.0``, ``scikit-learn``...) it checks that the
package is already importable here. ``kfp`` is always satisfied: Skiff provides
its own runtime. If every requirement is met it puts the runtime on
``PYTHONPATH`` and replaces itself with ``CMD ARG...`` (the component's
``sh -ec ... executor_main`` stage); otherwise it exits 1 with a message that
names each missing package and how to fix it, because offline there is nothing
to install from. A version different from the one asked for is only a warning:
the image's packages are what the user chose to run with.

Options: ``--image NAME`` (for messages; default ``$SKIFF_IMAGE``),
``--index-url URL`` and ``--no-exec`` (check only; used by tests).
"""

import importlib.util
import os
import sys
from typing import Dict, List, NamedTuple, Optional, Sequence, Tuple

if __package__ in (None, ''):
    # Run as a script: make the runtime root importable (and drop this directory,
    # which would otherwise shadow nothing useful at sys.path[0]).
    _RUNTIME_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    if sys.path and os.path.abspath(sys.path[0]) == os.path.dirname(os.path.abspath(__file__)):
        sys.path.pop(0)
    sys.path.insert(0, _RUNTIME_ROOT)

from skiff_runtime import reqspec  # noqa: E402

try:
    import importlib.metadata as _metadata
except ImportError:  # Python < 3.8: fall back to import checks only
    _metadata = None  # type: ignore[assignment]

#: Directory holding `kfp/` and `skiff_runtime/`; goes on PYTHONPATH for the component.
RUNTIME_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

#: Distributions Skiff's runtime stands in for, so they are never looked up.
PROVIDED = frozenset({'kfp'})

#: Distribution names whose import name is not the name itself (after `-` -> `_`).
IMPORT_NAMES: Dict[str, Tuple[str, ...]] = {
    'scikit-learn': ('sklearn',),
    'sklearn': ('sklearn',),
    'scikit-image': ('skimage',),
    'pyyaml': ('yaml',),
    'pillow': ('PIL',),
    'opencv-python': ('cv2',),
    'opencv-python-headless': ('cv2',),
    'opencv-contrib-python': ('cv2',),
    'opencv-contrib-python-headless': ('cv2',),
    'beautifulsoup4': ('bs4',),
    'python-dateutil': ('dateutil',),
    'protobuf': ('google.protobuf',),
    'google-cloud-storage': ('google.cloud.storage',),
    'google-cloud-bigquery': ('google.cloud.bigquery',),
    'google-cloud-aiplatform': ('google.cloud.aiplatform',),
    'attrs': ('attr', 'attrs'),
    'msgpack-python': ('msgpack',),
    'tensorflow-cpu': ('tensorflow',),
    'tensorflow-gpu': ('tensorflow',),
    'tf-keras': ('tf_keras',),
    'pytorch': ('torch',),
    'faiss-cpu': ('faiss',),
    'faiss-gpu': ('faiss',),
    'psycopg2-binary': ('psycopg2',),
    'pyjwt': ('jwt',),
    'dnspython': ('dns',),
    'mysql-connector-python': ('mysql.connector',),
    'python-json-logger': ('pythonjsonlogger',),
    'pymongo': ('pymongo', 'bson'),
    'kfp-kubernetes': ('kfp.kubernetes',),
    'kfp-pipeline-spec': ('kfp.pipeline_spec',),
    'kfp-server-api': ('kfp_server_api',),
    'google-api-core': ('google.api_core',),
    'googleapis-common-protos': ('google.rpc',),
    'typing-extensions': ('typing_extensions',),
    'ruamel.yaml': ('ruamel.yaml',),
    'lightgbm': ('lightgbm',),
    'xgboost': ('xgboost',),
}


class Check(NamedTuple):
    """Outcome for one requirement: ok, skipped (marker/kfp) or missing."""

    requirement: str
    status: str  # 'ok' | 'provided' | 'not-applicable' | 'missing'
    detail: str = ''


def import_names(distribution: str) -> Tuple[str, ...]:
    """Module names to try for a distribution name, best guess first."""
    canonical = reqspec.canonical_name(distribution)
    known = IMPORT_NAMES.get(canonical)
    if known:
        return known
    guesses = [distribution.replace('-', '_').replace('.', '_'), canonical.replace('-', '_')]
    guesses += [g.lower() for g in guesses]
    seen: List[str] = []
    for guess in guesses:
        if guess not in seen:
            seen.append(guess)
    return tuple(seen)


def installed_version(distribution: str) -> Optional[str]:
    """The installed version per package metadata (pip's or Debian's), if any."""
    if _metadata is None:
        return None
    for name in (distribution, reqspec.canonical_name(distribution),
                 distribution.replace('-', '_')):
        try:
            return _metadata.version(name)
        except _metadata.PackageNotFoundError:
            continue
        except Exception:  # broken metadata must not make a present package "missing"
            return None
    return None


def is_importable(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def check_requirement(text: str, env: Optional[Dict[str, str]] = None) -> Check:
    req = reqspec.parse_requirement(text)
    if not reqspec.evaluate_marker(req.marker, env):
        return Check(text, 'not-applicable', f'marker `{req.marker}` is false here')
    if req.name is None:
        location = req.url or text
        if 'kubeflow/pipelines' in location or '/kfp' in location or 'kfp-' in location:
            return Check(text, 'provided', 'kfp is provided by Skiff')
        return Check(text, 'missing', f'`{location}` cannot be fetched offline')
    if reqspec.canonical_name(req.name) in PROVIDED:
        return Check(text, 'provided', 'kfp is provided by Skiff')

    version = installed_version(req.name)
    present = version is not None or any(is_importable(m) for m in import_names(req.name))
    if not present:
        return Check(text, 'missing', '')
    unmet = [f'{op}{want}' for op, want in req.specifiers
             if version is not None and not reqspec.version_matches(version, op, want)]
    if unmet:
        return Check(text, 'ok', f'warning: {req.name} {version} is installed, the component '
                     f'asked for {",".join(unmet)}; using {version}')
    return Check(text, 'ok', f'{req.name} {version or "(importable)"}')


def describe_environment(image: Optional[str]) -> str:
    if image:
        return f'image {image}'
    if os.path.exists('/.dockerenv'):
        return 'this container image'
    return f'the host Python ({sys.executable})'


def missing_message(requirement: str, image: Optional[str], detail: str = '') -> str:
    req = reqspec.parse_requirement(requirement)
    name = req.name or requirement
    reason = f' ({detail})' if detail else ''
    return (f'Skiff is offline and `{name}` is not in {describe_environment(image)}{reason}: '
            'add it to the image (docs/images.md) or map the image in Settings → Images')


def with_runtime_on_pythonpath(environ: Dict[str, str]) -> Dict[str, str]:
    """A copy of ``environ`` whose PYTHONPATH starts with the runtime root (once)."""
    env = dict(environ)
    parts = [p for p in env.get('PYTHONPATH', '').split(os.pathsep) if p]
    if RUNTIME_ROOT not in parts:
        parts.insert(0, RUNTIME_ROOT)
    env['PYTHONPATH'] = os.pathsep.join(parts)
    return env


class Arguments(NamedTuple):
    requirements: List[str]
    command: List[str]
    image: Optional[str]
    execute: bool


def parse_arguments(argv: Sequence[str]) -> Arguments:
    """Splits ``[options] REQ... -- CMD...``; options are recognised before ``--`` only."""
    argv = list(argv)
    if '--' in argv:
        split = argv.index('--')
        head, command = argv[:split], argv[split + 1:]
    else:
        head, command = argv, []
    requirements: List[str] = []
    image = os.environ.get('SKIFF_IMAGE') or None
    execute = True
    i = 0
    while i < len(head):
        arg = head[i]
        if arg == '--image' and i + 1 < len(head):
            image = head[i + 1] or image
            i += 2
            continue
        if arg.startswith('--image='):
            image = arg.split('=', 1)[1] or image
        elif arg == '--no-exec':
            execute = False
        elif arg in ('--index-url', '--extra-index-url', '--trusted-host') and i + 1 < len(head):
            i += 2  # informational only: nothing is fetched offline
            continue
        elif not arg.startswith('-'):
            requirements.append(arg)
        i += 1
    return Arguments(requirements, command, image, execute)


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = parse_arguments(sys.argv[1:] if argv is None else argv)
    checks = [check_requirement(r) for r in args.requirements]
    missing = [c for c in checks if c.status == 'missing']
    for check in checks:
        if check.status != 'missing' and check.detail:
            print(f'[skiff] {check.requirement}: {check.detail}', file=sys.stderr)
    if missing:
        for check in missing:
            print(missing_message(check.requirement, args.image, check.detail), file=sys.stderr)
        return 1
    if not args.execute or not args.command:
        return 0
    sys.stdout.flush()
    sys.stderr.flush()
    env = with_runtime_on_pythonpath(dict(os.environ))
    try:
        os.execvpe(args.command[0], args.command, env)
    except OSError as error:
        print(f'[skiff] cannot run {args.command[0]!r}: {error}', file=sys.stderr)
        return 127
    return 0  # not reached


if __name__ == '__main__':
    sys.exit(main())
