"""Just enough of PEP 508 / PEP 440 to judge ``pip install`` arguments offline.

``ensure_packages`` has to decide, without pip and without a network, whether
each requirement a component asked for is already satisfied. That needs the
distribution name, the environment marker (``typing-extensions>=3.7.4,<5;
python_version<"3.9"`` must be ignored on 3.11) and the version specifiers (for
a warning when the image has another version). ``packaging`` is not available
in minimal images, so this is a small, forgiving subset: anything it cannot
parse is treated as "applies" and "no version opinion".
"""

import operator
import os
import platform
import re
import sys
from typing import Callable, Dict, List, NamedTuple, Optional, Tuple


class Requirement(NamedTuple):
    """One parsed requirement; ``name`` is None for URLs/paths it cannot name."""

    text: str
    name: Optional[str]
    specifiers: List[Tuple[str, str]]
    marker: Optional[str]
    url: Optional[str]


_NAME = r'[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?'
_REQ = re.compile(
    rf'^\s*(?P<name>{_NAME})\s*(?:\[(?P<extras>[^\]]*)\])?\s*'
    r'(?:\(?(?P<spec>[^;()@]*)\)?)?\s*(?:;\s*(?P<marker>.*))?$')
_NAMED_URL = re.compile(
    rf'^\s*(?P<name>{_NAME})\s*(?:\[[^\]]*\])?\s*@\s*(?P<url>[^\s;]+)\s*(?:;\s*(?P<marker>.*))?$')
_SPEC = re.compile(r'^\s*(~=|===|==|!=|<=|>=|<|>)\s*([^\s,]+)\s*$')


def canonical_name(name: str) -> str:
    """PEP 503 normalisation: ``Scikit_Learn`` -> ``scikit-learn``."""
    return re.sub(r'[-_.]+', '-', name).lower()


def parse_requirement(text: str) -> Requirement:
    """Parses ``name[extras] (specs) ; marker`` or ``name @ url``; URLs/paths get no name."""
    stripped = text.strip()
    named_url = _NAMED_URL.match(stripped)
    if named_url:
        return Requirement(text, named_url.group('name'), [], named_url.group('marker'),
                           named_url.group('url'))
    looks_like_location = ('://' in stripped or stripped.startswith(('.', '/', '~')) or
                           stripped.split(';')[0].strip().endswith(('.whl', '.tar.gz', '.zip')))
    match = None if looks_like_location else _REQ.match(stripped)
    if match is None:
        marker = stripped.split(';', 1)[1].strip() if ';' in stripped else None
        return Requirement(text, None, [], marker, stripped.split(';', 1)[0].strip())
    specifiers: List[Tuple[str, str]] = []
    for part in (match.group('spec') or '').split(','):
        if not part.strip():
            continue
        spec = _SPEC.match(part)
        if spec:
            specifiers.append((spec.group(1), spec.group(2)))
    return Requirement(text, match.group('name'), specifiers, match.group('marker'), None)


# --- environment markers -------------------------------------------------------


def marker_environment() -> Dict[str, str]:
    """The PEP 508 marker variables for the running interpreter."""
    info = sys.implementation
    return {
        'python_version': '.'.join(platform.python_version_tuple()[:2]),
        'python_full_version': platform.python_version(),
        'implementation_name': info.name,
        'implementation_version': '.'.join(str(p) for p in info.version[:3]),
        'platform_python_implementation': platform.python_implementation(),
        'os_name': os.name,
        'sys_platform': sys.platform,
        'platform_system': platform.system(),
        'platform_machine': platform.machine(),
        'platform_release': platform.release(),
        'platform_version': platform.version(),
        'extra': '',
    }


_MARKER_TOKEN = re.compile(
    r"\s*(?:(?P<str>'[^']*'|\"[^\"]*\")|(?P<op>===|==|!=|<=|>=|~=|<|>|not\s+in\b|in\b)"
    r'|(?P<paren>[()])|(?P<bool>and\b|or\b)|(?P<var>[A-Za-z_][A-Za-z0-9_.]*))')


def _tokenize_marker(marker: str) -> List[Tuple[str, str]]:
    tokens: List[Tuple[str, str]] = []
    pos = 0
    while pos < len(marker):
        if marker[pos:].strip() == '':
            break
        match = _MARKER_TOKEN.match(marker, pos)
        if not match or match.end() == pos:
            raise ValueError(f'cannot parse marker {marker!r}')
        kind = match.lastgroup or ''
        value = match.group(kind)
        tokens.append((kind, re.sub(r'\s+', ' ', value)))
        pos = match.end()
    return tokens


def _compare(left: str, op: str, right: str) -> bool:
    if op in ('in', 'not in'):
        return (left in right) == (op == 'in')
    left_v, right_v = parse_version(left), parse_version(right)
    if left_v is not None and right_v is not None and op != '===':
        return version_matches(left, op, right)
    plain: Dict[str, Callable[[str, str], bool]] = {
        '==': operator.eq, '!=': operator.ne, '===': operator.eq, '<': operator.lt,
        '<=': operator.le, '>': operator.gt, '>=': operator.ge, '~=': operator.eq}
    return plain[op](left, right)


def evaluate_marker(marker: Optional[str], env: Optional[Dict[str, str]] = None) -> bool:
    """True when the marker applies here; unparseable markers count as applying."""
    if not marker:
        return True
    env = env or marker_environment()
    try:
        tokens = _tokenize_marker(marker)
    except ValueError:
        return True
    position = 0

    def peek() -> Optional[Tuple[str, str]]:
        return tokens[position] if position < len(tokens) else None

    def take() -> Tuple[str, str]:
        nonlocal position
        token = tokens[position]
        position += 1
        return token

    def value() -> str:
        kind, text = take()
        if kind == 'str':
            return text[1:-1]
        if kind == 'var':
            return env.get(text, '')
        raise ValueError(text)

    def atom() -> bool:
        token = peek()
        if token == ('paren', '('):
            take()
            result = disjunction()
            take()
            return result
        left = value()
        _, op = take()
        return _compare(left, op, value())

    def conjunction() -> bool:
        result = atom()
        while peek() == ('bool', 'and'):
            take()
            result = atom() and result
        return result

    def disjunction() -> bool:
        result = conjunction()
        while peek() == ('bool', 'or'):
            take()
            result = conjunction() or result
        return result

    try:
        return disjunction()
    except (ValueError, IndexError, KeyError):
        return True


# --- versions --------------------------------------------------------------------


def parse_version(text: str) -> Optional[Tuple[int, ...]]:
    """The release numbers of a version (``1.4.0rc1`` -> ``(1, 4, 0)``); None if not numeric."""
    match = re.match(r'^\s*v?(\d+(?:\.\d+)*)', text)
    if not match:
        return None
    return tuple(int(p) for p in match.group(1).split('.'))


def _padded(a: Tuple[int, ...], b: Tuple[int, ...]) -> Tuple[Tuple[int, ...], Tuple[int, ...]]:
    width = max(len(a), len(b))
    return a + (0,) * (width - len(a)), b + (0,) * (width - len(b))


def version_matches(installed: str, op: str, wanted: str) -> bool:
    """Whether ``installed`` satisfies ``op wanted``, comparing release numbers only."""
    have = parse_version(installed)
    if op in ('==', '!=') and wanted.endswith('.*'):
        prefix = parse_version(wanted[:-2])
        if have is None or prefix is None:
            return True
        equal = have[:len(prefix)] == prefix
        return equal if op == '==' else not equal
    want = parse_version(wanted)
    if have is None or want is None:
        return True
    if op == '~=':
        upper = want[:-1] if len(want) > 1 else want
        return _padded(have, want)[0] >= _padded(have, want)[1] and have[:len(upper)] == upper
    if op == '===':
        return installed.strip() == wanted.strip()
    left, right = _padded(have, want)
    return {
        '==': left == right, '!=': left != right, '<': left < right, '<=': left <= right,
        '>': left > right, '>=': left >= right
    }[op]
