"""The fast path for valid YAML maps: a Rust parser, and positions by line scan.

PyYAML with its C scanner still builds every value in Python (about 1 s for a
5000-claim map). For the common case, a valid block-style map, we parse with
``ryaml`` (serde-yaml; duplicate keys and alias bombs rejected there too) and
locate each element by scanning lines, which is all that audit findings need.
Anything unusual — a parse error, a validation error, anchors, flow-style
sections — returns ``None`` and the caller takes the slow, fully located path.

>>> data, sm = fast_parse("argmap: 1\\nclaims:\\n  - id: a\\n    text: A\\n", "m.yaml")
>>> data["claims"][0]["id"], str(sm.find(("claims", 0, "text")))
('a', 'm.yaml:4:11')
"""

from __future__ import annotations

import re
from typing import Any, Optional

from argmap.locations import SourceMap

__all__ = ["fast_parse", "scan_positions"]

_TOP_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:")
_ITEM = re.compile(r"^(\s*)-(\s+|$)")
_KEY = re.compile(r"^(\s*)(?:-\s+)?([A-Za-z_][\w-]*)\s*:")
_ANCHOR_OR_ALIAS = re.compile(r"(?:^|[\s\[{,])[&*][^\s,\]}]")
_TAG = re.compile(r"(?:^|[\s\[{,:])!")


def fast_parse(text: str, file: str) -> Optional[tuple[Any, SourceMap]]:
    """Parse ``text`` quickly, or return ``None`` when the slow path must decide."""
    if _ANCHOR_OR_ALIAS.search(text) or _TAG.search(text) or "\t" in text:
        return None
    try:
        import ryaml
    except ImportError:  # pragma: no cover - ryaml is a dependency; stay correct without it
        return None
    try:
        data = ryaml.loads(text)
    except Exception:  # any parse problem: the slow path gives the located message
        return None
    if not isinstance(data, dict):
        return None
    positions = scan_positions(text, data)
    if positions is None:
        return None
    return data, SourceMap(file, positions, exact=False)


def scan_positions(text: str, data: dict) -> Optional[dict]:
    """Line/column of top-level keys, of each item of top-level lists, and of the
    keys of those items — for block-style YAML. ``None`` if the layout is not
    the plain block style this scan understands (counts must agree with ``data``).
    """
    positions: dict = {}
    section: Optional[str] = None
    index = -1
    item_indent = -1
    key_indent = -1
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line[0] not in " -":
            m = _TOP_KEY.match(line)
            if not m:
                if line.startswith(("---", "...")):
                    continue
                return None
            section = m.group(1)
            positions.setdefault((), (lineno, 1))
            positions[("#key", section)] = (lineno, 1)
            rest = line[m.end():]
            if rest.strip() and not rest.strip().startswith("#"):
                positions[(section,)] = (lineno, len(line) - len(rest.lstrip()) + 1)
            else:
                positions.pop((section,), None)  # the value starts on a later line
            index, item_indent, key_indent = -1, -1, -1
            continue
        if section is None:
            return None
        item = _ITEM.match(line)
        if item and (item_indent < 0 or len(item.group(1)) == item_indent):
            if not isinstance(data.get(section), list):
                return None
            item_indent = len(item.group(1))
            index += 1
            key_indent = item.end()
            positions[(section, index)] = (lineno, key_indent + 1)
            if index == 0:
                positions[(section,)] = (lineno, item_indent + 1)
        if index < 0:
            # nested mapping under a top-level key (e.g. source:)
            m = _KEY.match(line)
            if m and isinstance(data.get(section), dict):
                col = len(m.group(1)) + 1
                value = len(line) - len(line[m.end():].lstrip())
                positions.setdefault((section,), (lineno, col))
                positions.setdefault(("#key", section, m.group(2)), (lineno, col))
                positions.setdefault((section, m.group(2)), (lineno, value + 1 if value < len(line) else col))
            continue
        m = _KEY.match(line)
        if m:
            start = m.start(2)
            if start == key_indent:
                positions[("#key", section, index, m.group(2))] = (lineno, start + 1)
                value = len(line) - len(line[m.end():].lstrip())
                positions[(section, index, m.group(2))] = (lineno, value + 1 if value < len(line) else start + 1)
    for section_name, value in data.items():
        if isinstance(value, list) and value:
            if (section_name, len(value) - 1) not in positions or (section_name, len(value)) in positions:
                return None
    return positions
