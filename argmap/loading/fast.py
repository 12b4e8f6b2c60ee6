"""The fast path for valid YAML maps: a Rust parser, and positions by line scan.

PyYAML with its C scanner still builds every value in Python (about 1 s for a
5000-claim map). For the common case, a valid block-style map, we parse with
``ryaml`` (serde-yaml; duplicate keys and alias bombs rejected there too) and
locate each element by scanning lines, which is all that audit findings need.
The scan visits only top-level keys and list dashes; the keys inside an element
are found when something first asks for one (:class:`ScannedPositions`), so
time and memory grow with the elements, not with every key of a big map.
Anything unusual — a parse error, a validation error, anchors, flow-style
sections — returns ``None`` and the caller takes the slow, fully located path.

>>> data, sm = fast_parse("argmap: 1\\nclaims:\\n  - id: a\\n    text: A\\n", "m.yaml")
>>> data["claims"][0]["id"], str(sm.find(("claims", 0, "text")))
('a', 'm.yaml:4:11')
"""

from __future__ import annotations

import operator
import re
from typing import Any, Optional

from argmap.util.yamlschema import LONG_DIGITS
from argmap.locations import LazyPositions, SourceMap

__all__ = ["fast_parse", "scan_positions", "ScannedPositions", "long_line_value", "long_block_value"]

_TOP_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*:")
_ITEM = re.compile(r"^(\s*)-(\s+|$)")
_KEY = re.compile(r"^(\s*)(?:-\s+)?([A-Za-z_][\w-]*)\s*:")
# Each pattern starts with its rare character so the regex engine can skip to it
# (a leading alternation made the search visit every character, ~40 ms per MB).
# An anchor or alias starts a token: at the start, after white space, a flow
# bracket or comma, or after the colon of a JSON-style key (``"k":&a``, ``"k":*a``:
# missing that colon once let a 1 MB file expand to 5.9 GB on this path).
_ANCHOR_OR_ALIAS = re.compile(r"[&*](?<![^\s\[{,:][&*])[^\s,\]}]")
_TAG = re.compile(r"!(?<![^\s\[{,:]!)")  # ! at the start or after space/[{,:


def _long_line(longest: int) -> re.Pattern:
    return re.compile(r"^[^\n]{%d}" % (longest + 1), re.MULTILINE)


# One whole line holding one scalar, perhaps after a dash and a key: single-quoted with no '' in it,
# double-quoted with no escape, or plain (checked below: no ': ', ' #', no ':' at its end).
_LINE_VALUE = re.compile(
    r"[ \t]*(?:-[ \t]+)?(?:(?P<key>[A-Za-z_][\w-]*)[ \t]*:[ \t]+)?"
    r"(?:'(?P<single>[^'\n]*)'|\"(?P<double>[^\"\\\n]*)\"|(?P<plain>[^-?:,\[\]{}#&*!|>'\"%@`\s][^\n]*))[ \t]*$"  # greedy: a lazy run tried the end at every character
)


def long_line_value(text: str, longest: int) -> Optional[tuple[int, int, int, Optional[str]]]:
    """``(line, column, length, key)`` of a text value longer than ``longest`` that one line holds
    alone (``key: 'text'``, ``- text``), found without parsing: the fast parser would read the
    whole file before the limit could be checked (48 MB: 2.4 s and 273 MB). A line that is not
    surely one scalar is passed over (the check after parsing still sees it); one inside a block
    scalar is part of a longer text, so it is over the limit too.

    >>> long_line_value("argmap: 1\\ntitle: '" + "a" * 20 + "'\\n", 10)
    (2, 8, 20, 'title')
    >>> long_line_value("k: " + "a: b" * 10 + "\\n", 10) is None  # a mapping, not one text
    True
    """
    for m in _long_line(longest).finditer(text):
        end = text.find("\n", m.start())
        line = text[m.start() : end if end >= 0 else len(text)]
        v = _LINE_VALUE.fullmatch(line)
        if v is None:
            continue
        group = next(g for g in ("single", "double", "plain") if v.group(g) is not None)
        value = v.group(group) if group != "plain" else v.group(group).rstrip(" \t")
        if group == "plain" and (": " in value or ":\t" in value or " #" in value or "\t#" in value or value.endswith(":")):
            continue
        if len(value) > longest:
            column = v.start(group) + (1 if group == "plain" else 0)  # at the opening quote, or the plain text
            return text.count("\n", 0, m.start()) + 1, column, len(value), v.group("key")
    return None


_LITERAL_HEADER = re.compile(
    r"^(?P<indent>[ \t]*)(?:-[ \t]+)?(?:(?P<key>[A-Za-z_][\w-]*)[ \t]*:[ \t]+)?(?P<bar>\|)[-+1-9]{0,2}[ \t]*(?:#[^\n]*)?$",
    re.MULTILINE,
)


def long_block_value(text: str, longest: int) -> Optional[tuple[int, int, int, Optional[str]]]:
    """``(line, column, length, key)`` of a literal block scalar (``key: |``) surely longer than
    ``longest``, found without parsing (a 48 MB block took 2.5 s before the limit was checked).
    ``length`` is a lower bound: the block's characters less its indentation on every line and
    its trailing white space, which is no more than the text the block holds.

    >>> long_block_value("argmap: 1\\ntitle: |\\n" + "  abcd\\n" * 5 + "claims: []\\n", 20)
    (2, 8, 24, 'title')
    >>> long_block_value("argmap: 1\\ntitle: |\\n" + "  abcd\\n" * 5 + "claims: []\\n", 25) is None
    True
    """
    if len(text) <= longest:
        return None
    for m in _LITERAL_HEADER.finditer(text):
        start = m.end() + 1
        if start >= len(text):
            continue
        indent = len(m.group("indent"))
        end_at = re.compile(r"\n(?=[ \t]{0,%d}[^ \t\n])" % indent).search(text, m.end())
        end = end_at.start() + 1 if end_at else len(text)
        if end - start <= longest:
            continue
        first = re.compile(r"[ \t]*[^ \t\n]").search(text, start, end)
        if first is None:
            continue
        block_indent = len(text[first.start() : first.end() - 1].expandtabs(1))
        lines = text.count("\n", start, end) + (0 if text.endswith("\n", 0, end) else 1)
        tail = text[max(start, end - 4096) : end]
        length = (end - start) - lines * block_indent - (len(tail) - len(tail.rstrip()))
        if length > longest:
            return text.count("\n", 0, m.start()) + 1, m.start("bar") - m.start() + 1, length, m.group("key")
    return None


def fast_parse(text: str, file: str) -> Optional[tuple[Any, SourceMap]]:
    """Parse ``text`` quickly, or return ``None`` when the slow path must decide."""
    if "\t" in text or (("&" in text or "*" in text) and _ANCHOR_OR_ALIAS.search(text)) or _TAG.search(text):
        return None
    if LONG_DIGITS.search(text):  # serde-yaml reads numbers past 64 bits as floats, or not at all
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

    >>> pos = scan_positions("a: 1\\nl:\\n  - k: v\\n", {"a": 1, "l": [{"k": "v"}]})
    >>> pos[("l", 0)], pos[("l", 0, "k")], pos[("#key", "l", 0, "k")]
    ((3, 5), (3, 8), (3, 5))
    """
    if any(brk in text for brk in _ODD_BREAKS):
        positions = _scan_lines(text, data)
    else:
        positions = _scan_marks(text, data)
    if positions is None:
        return None
    for section_name, value in data.items():
        if isinstance(value, list) and value:
            if (section_name, len(value) - 1) not in positions or (section_name, len(value)) in positions:
                return None
    return positions


_ODD_BREAKS = ("\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")
"""Line breaks other than ``\\n`` that ``str.splitlines`` honours."""

# A line that matters before any key lookup: one starting in column 1 (1), or a
# list dash (3) after its indentation (2), with the blanks after it (4).
_MARK = re.compile(r"^(?:([^ \-\n])|([^\S\n]*)(-)([^\S\n]+|$))", re.MULTILINE)
# One line inside an item: indentation (1), a dash (2) and blanks (3), then a key (4)
# with its colon and the blanks after it. ``[^\\S\\n]`` is ``\\s`` within one line,
# so this agrees with _ITEM and _KEY.
_LINE = re.compile(r"([^\S\n]*)(?:(-)([^\S\n]+|$))?(?:([A-Za-z_][\w-]*)[^\S\n]*:[^\S\n]*)?")


class ScannedPositions(LazyPositions):
    """The positions of :func:`scan_positions`: top-level keys and list items at
    once, the keys inside an item when something first looks one up.

    A 50000-claim map has over a million keys; a report needs a few thousand.
    Any other use of the mapping (iteration, length, equality) fills in every
    item first, so it reads exactly like the plain dict of the line scan.
    """

    def __init__(self, text: str) -> None:
        super().__init__()
        self._text = text
        self.longest_span = len(text)
        """The most characters between two consecutive top-level keys or list items:
        no value in the file can be longer (block style without aliases never
        expands text), so a limit on text values can be checked without the values."""
        self._pending: dict[tuple, tuple[int, int, int, int]] = {}  # (section, index) → lineno, start, end, key column

    def _expand(self, head: tuple) -> None:
        lineno, start, end, key_indent = self._pending.pop(head)
        section, index = head
        lines = self._text[start:end].split("\n")
        for i, line in enumerate(lines):
            m = _LINE.match(line)
            if m.start(4) == key_indent:
                key = m.group(4)
                dict.__setitem__(self, ("#key", section, index, key), (lineno + i, key_indent + 1))
                dict.__setitem__(self, (section, index, key), _value_at(lines, i, m.end(), key_indent, lineno))

    def _fill(self) -> None:
        while self._pending:
            self._expand(next(iter(self._pending)))

    def _head(self, path: Any) -> None:
        if type(path) is tuple and len(path) >= 3 and self._pending:
            head = path[1:3] if path[0] == "#key" else path[:2]
            if head in self._pending:
                self._expand(head)


def _value_at(lines: list[str], i: int, value: int, key_indent: int, lineno: int) -> tuple[int, int]:
    """Line and column of the value of the key on ``lines[i]`` (``value``: the first
    character after its colon): there, or on the first later line for a value that
    starts below its key (a nested mapping or list), or at the key when it has none.

    >>> _value_at(["k: v"], 0, 3, 0, 7), _value_at(["k:", "  # c", "  a: 1"], 0, 2, 0, 7)
    ((7, 4), (9, 3))
    """
    line = lines[i]
    if value < len(line) and line[value] != "#":
        return lineno + i, value + 1
    for k in range(i + 1, len(lines)):
        below = lines[k]
        body = below.lstrip()
        if not body or body[0] == "#":
            continue
        indent = len(below) - len(body)
        if indent > key_indent or (indent == key_indent and _ITEM.match(below)):
            return lineno + k, indent + 1
        break
    return lineno + i, key_indent + 1


def _top_line(line: str) -> Optional[re.Match]:
    """The top-level key of a line in column 1; ``None`` for a line to skip; raises
    ``ValueError`` for one the scan does not understand."""
    if not line.strip() or line.lstrip().startswith("#"):
        return None
    m = _TOP_KEY.match(line)
    if m is None and not line.startswith(("---", "...")):
        raise ValueError(line)
    return m


def _scan_marks(text: str, data: dict) -> Optional[dict]:
    """:func:`_scan_lines` for text whose only line break is ``\\n``, visiting only
    lines in column 1 and list dashes; item keys are found later, on demand."""
    positions = ScannedPositions(text)
    pending = positions._pending
    section: Optional[str] = None
    is_list = is_dict = False
    index = item_indent = -1
    lineno, last = 1, 0
    open_item: Optional[tuple] = None  # (section, index, lineno, start, key column) of the item being read
    nested_from = -1  # where a top-level mapping's lines start (its keys are read at the next top-level key)

    def close(end: int) -> None:
        nonlocal open_item, nested_from
        if open_item is not None:
            sec, idx, line_no, start, col = open_item
            pending[(sec, idx)] = (line_no, start, end, col)
            open_item = None
        if nested_from >= 0:
            _nested(positions, section, text[nested_from:end], lineno_of_nested)
            nested_from = -1

    lineno_of_nested = 0
    marks = [0]  # where top-level keys and list items start
    for m in _MARK.finditer(text):
        start = m.start()
        lineno += text.count("\n", last, start)
        last = start
        if m.group(1) is not None:  # column 1
            end = text.find("\n", start)
            line = text[start:] if end < 0 else text[start:end]
            try:
                top = _top_line(line)
            except ValueError:
                return None
            if top is None:
                continue
            close(start)
            marks.append(start)
            if section is None and _bad_prefix(text[:start]):
                return None
            section = top.group(1)
            value = data.get(section)
            is_list, is_dict = isinstance(value, list), isinstance(value, dict)
            _top_key(positions, section, line, top.end(), lineno)
            index = item_indent = -1
            if is_dict:
                nested_from, lineno_of_nested = (start if end < 0 else end + 1), lineno + 1
            continue
        if section is None:
            return None
        indent = m.end(2) - start
        if item_indent >= 0 and indent != item_indent:
            continue  # a dash inside an item
        if not is_list:
            return None
        close(start)
        marks.append(start)
        item_indent = indent
        index += 1
        key_indent = m.end(4) - start
        positions[(section, index)] = (lineno, key_indent + 1)
        if index == 0:
            positions[(section,)] = (lineno, item_indent + 1)
        open_item = (section, index, lineno, start, key_indent)
    close(len(text))
    if section is None and _bad_prefix(text):
        return None
    marks.append(len(text))
    positions.longest_span = max(map(operator.sub, marks[1:], marks))
    return positions


def _top_key(positions: dict, section: str, line: str, key_end: int, lineno: int) -> None:
    """Record top-level key ``section`` on ``line`` (its key ends at ``key_end``), and its value
    when the value starts on the same line."""
    positions.setdefault((), (lineno, 1))
    positions[("#key", section)] = (lineno, 1)
    rest = line[key_end:]
    if rest.strip() and not rest.strip().startswith("#"):
        positions[(section,)] = (lineno, len(line) - len(rest.lstrip()) + 1)
    else:
        positions.pop((section,), None)  # the value starts on a later line


def _bad_prefix(prefix: str) -> bool:
    """Whether the lines before the first top-level key hold anything but blanks,
    comments and document markers (the line scan gives up on those)."""
    for line in prefix.splitlines():
        if line.strip() and not line.lstrip().startswith("#") and line.rstrip() != "---":
            if line[0] in " -" or not line.startswith(("---", "...")):
                return True
    return False


def _nested(positions: dict, section: Optional[str], region: str, lineno: int) -> None:
    """Keys of a mapping under a top-level key (e.g. ``source:``), as the line scan records them."""
    for line in region.split("\n"):
        if line.strip() and not line.lstrip().startswith("#") and line[0] in " -":
            m = _KEY.match(line)
            if m:
                col = len(m.group(1)) + 1
                value = len(line) - len(line[m.end():].lstrip())
                positions.setdefault((section,), (lineno, col))
                positions.setdefault(("#key", section, m.group(2)), (lineno, col))
                positions.setdefault((section, m.group(2)), (lineno, value + 1 if value < len(line) else col))
        lineno += 1


def _scan_lines(text: str, data: dict) -> Optional[dict]:
    """:func:`scan_positions` for any text (lines split as ``str.splitlines`` does)."""
    positions: dict = {}
    section: Optional[str] = None
    index = -1
    item_indent = -1
    key_indent = -1
    lines = text.splitlines()
    for lineno, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line[0] not in " -":
            m = _TOP_KEY.match(line)
            if not m:
                if line.startswith(("---", "...")):
                    continue
                return None
            section = m.group(1)
            _top_key(positions, section, line, m.end(), lineno)
            index, item_indent, key_indent = -1, -1, -1
            continue
        if section is None:
            if line.rstrip() == "---":  # the document's start marker
                continue
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
                positions[(section, index, m.group(2))] = _value_at(lines, lineno - 1, value, start, 1)
    return positions
