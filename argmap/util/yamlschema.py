"""One YAML meaning: plain scalars resolved by the YAML 1.2 core schema, on every path.

The fast path (:mod:`argmap.loading.fast`, serde-yaml through ``ryaml``) reads YAML
1.2; PyYAML on its own reads YAML 1.1, where ``yes``/``no``/``on``/``off`` are
booleans, ``1:20`` is a base-60 number, ``017`` octal, ``1_000`` a thousand, ``=`` a
"value" tag and dates are timestamps. :func:`loader_class` is PyYAML's loader with
the 1.2 core resolvers instead, so a map means the same whichever path reads it
(the located path, ``anchor --fix`` and review files use it):

- null: ``~``, ``null``, ``Null``, ``NULL``, nothing;
- booleans: ``true``/``True``/``TRUE``, ``false``/``False``/``FALSE``;
- integers: ``[-+]?(0|[1-9][0-9]*)``, ``0x…``, ``0o…`` (and, as serde-yaml reads
  them, ``0b…`` and signs before the prefixes); ``017`` stays text, as in serde-yaml;
- floats: digits with a point or an exponent, ``.inf``, ``.nan``; one too big for a
  float stays text, as in serde-yaml;
- anything else, dates included, is a string. Merge keys (``<<``) stay.

>>> import yaml
>>> yaml.load("a: yes\\nb: 1:20\\nc: 017\\nd: 1_000\\ne: =\\nf: 0o17\\ng: 2024-01-02\\nh: .5\\n", Loader=loader_class())
{'a': 'yes', 'b': '1:20', 'c': '017', 'd': '1_000', 'e': '=', 'f': 15, 'g': '2024-01-02', 'h': 0.5}
"""

from __future__ import annotations

import re
from typing import Any, Optional

__all__ = ["loader_class", "load_plain", "LONG_DIGITS"]

_INT = re.compile(r"^[-+]?(?:0|[1-9][0-9]*|0x[0-9a-fA-F]+|0o[0-7]+|0b[01]+)$")
_FLOAT = re.compile(
    r"^(?:[-+]?(?:(?:\.[0-9]+|[0-9]+\.[0-9]*)(?:[eE][-+]?[0-9]+)?|[0-9]+[eE][-+]?[0-9]+)"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
)
_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_MERGE = re.compile(r"^(?:<<)$")

LONG_DIGITS = re.compile(r"[0-9]{19}")
"""A run of digits too long for a 64-bit integer: serde-yaml turns such numbers into
floats or refuses them, so the fast path leaves maps with one to the located path."""

_LOADER: Optional[type] = None


def _int(loader: Any, node: Any) -> int:
    value = loader.construct_scalar(node)
    digits = value.lstrip("+-")
    return int(value, 0) if digits[1:2] in ("x", "o", "b") else int(value, 10)


def _float(loader: Any, node: Any) -> Any:
    value = loader.construct_scalar(node)
    low = value.lower()
    if low.endswith(".inf"):
        return float("-inf") if value.startswith("-") else float("inf")
    if low.endswith(".nan"):
        return float("nan")
    number = float(value)
    return value if number in (float("inf"), float("-inf")) else number  # too big: text, as serde-yaml reads it


def loader_class() -> type:
    """PyYAML's safe loader (the C one where there is one) with YAML 1.2 core resolution.

    PyYAML is imported on first use: the fast path and the other formats never need it.
    """
    global _LOADER
    if _LOADER is None:
        import yaml

        class _Loader(yaml.CSafeLoader if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader):  # type: ignore[misc]
            """Safe loading, YAML 1.2 core schema."""

        _Loader.yaml_implicit_resolvers = {}
        for tag, rx, first in (
            ("tag:yaml.org,2002:bool", _BOOL, "tTfF"),
            ("tag:yaml.org,2002:int", _INT, "-+0123456789"),
            ("tag:yaml.org,2002:float", _FLOAT, "-+.0123456789"),
            ("tag:yaml.org,2002:null", _NULL, "~nN"),
            ("tag:yaml.org,2002:merge", _MERGE, "<"),
        ):
            _Loader.add_implicit_resolver(tag, rx, list(first))
        _Loader.add_implicit_resolver("tag:yaml.org,2002:null", _NULL, [""])
        _Loader.add_constructor("tag:yaml.org,2002:int", _int)
        _Loader.add_constructor("tag:yaml.org,2002:float", _float)
        _LOADER = _Loader
    return _LOADER


def load_plain(text: str) -> Any:
    """``text`` as plain data, read as every other path reads a map (no positions, no limits:
    for text argmap has already loaded, or written itself)."""
    import yaml

    return yaml.load(text, Loader=loader_class())
