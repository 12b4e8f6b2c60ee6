"""Read JSON as JSON: the standard parser, duplicate keys refused, every value located.

Native JSON maps and AIF files are parsed by :func:`json.loads` (so anything a
JSON tool writes reads back: surrogate-pair escapes, raw U+2028, NEL), within
the limits (values counted from the punctuation and nesting measured before
parsing, integers of more than 4300 digits refused). A key given twice in one
object is an error at the second one (JSON parsers disagree on which wins; a
duplicate ``"nodes"`` once gave an empty map). :func:`json_positions` gives the
line and column of every key and value, for the :class:`SourceMap`.

>>> data, sm = parse_json('{"a": [1, {"b": "\\\\ud83d\\\\ude00"}]}', "m.json")
>>> data["a"][1]["b"] == "\\U0001F600", str(sm.find(("a", 1, "b")))
(True, 'm.json:1:17')
>>> load_json('{"nodes": [1], "nodes": []}', "x.json")
Traceback (most recent call last):
...
argmap.diagnostics.ArgmapError: x.json:1:16: duplicate key 'nodes' (first at line 1)
"""

from __future__ import annotations

import bisect
import json
import re
from typing import Any, Optional

from argmap.diagnostics import ArgmapError, Diagnostic
from argmap.limits import Limits, check_values, flow_depth, json_value_bound
from argmap.locations import LazyPositions, Location, SourceMap

__all__ = ["load_json", "parse_json", "json_positions"]

_MAX_DIGITS = 4300
"""Python's own bound on converting digits to an int (sys.get_int_max_str_digits)."""

_LONE_SURROGATE = re.compile(r"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F])|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}")


class _Duplicate(Exception):
    def __init__(self, key: str):
        self.key = key


def _pairs(pairs: list) -> dict:
    result = dict(pairs)
    if len(result) < len(pairs):
        seen: set = set()
        for key, _ in pairs:
            if key in seen:
                raise _Duplicate(key)
            seen.add(key)
    return result


def _number(text: str) -> Any:
    if len(text) > _MAX_DIGITS:
        raise ValueError(f"a number of {len(text)} digits (at most {_MAX_DIGITS} are read)")
    return int(text)


def _constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def load_json(text: str, file: str, limits: Optional[Limits] = None) -> Any:
    """The value of a JSON document; every problem a located :class:`ArgmapError`."""
    limits = limits if limits is not None else Limits()
    check_values(json_value_bound(text), file, limits)
    if flow_depth(text) > limits.max_depth:
        raise ArgmapError(
            Diagnostic(Location(file, 1, 1), f"nesting deeper than {limits.max_depth} levels; raise ARGMAP_MAX_DEPTH to allow it")
        )
    lone = _LONE_SURROGATE.search(text)
    if lone:
        raise ArgmapError(Diagnostic(_at(text, file, lone.start()), f"invalid JSON: a lone surrogate {lone.group()} is no character"))
    try:
        return json.loads(text, object_pairs_hook=_pairs, parse_int=_number, parse_constant=_constant)
    except json.JSONDecodeError as exc:
        raise ArgmapError(Diagnostic(Location(file, exc.lineno, exc.colno), f"invalid JSON: {exc.msg}")) from None
    except _Duplicate as dup:
        raise ArgmapError(_duplicate_at(text, file, dup.key)) from None
    except ValueError as exc:
        where = re.search(r"\d{%d,}|NaN|-?Infinity" % (_MAX_DIGITS + 1), text)
        raise ArgmapError(Diagnostic(_at(text, file, where.start() if where else 0), f"invalid JSON: {exc}")) from None
    except RecursionError:
        raise ArgmapError(Diagnostic(Location(file, 1, 1), "JSON nested too deeply")) from None


def parse_json(text: str, file: str, limits: Optional[Limits] = None) -> tuple[Any, SourceMap]:
    """``(value, SourceMap)`` of a JSON document (see :func:`load_json`)."""
    data = load_json(text, file, limits)
    return data, SourceMap(file, _LazyPositions(text))


def _at(text: str, file: str, offset: int) -> Location:
    line = text.count("\n", 0, offset) + 1
    return Location(file, line, offset - (text.rfind("\n", 0, offset) + 1) + 1)


def _duplicate_at(text: str, file: str, key: str) -> Diagnostic:
    first: dict[tuple, tuple[int, int]] = {}
    for path, where, is_key in _walk(text):
        if is_key and path[-1] == key:
            if path in first:
                return Diagnostic(Location(file, *where), f"duplicate key '{key}' (first at line {first[path][0]})")
            first[path] = where
    return Diagnostic(Location(file, 1, 1), f"duplicate key '{key}'")  # pragma: no cover - the walk finds it


_TOKEN = re.compile(r'[ \t\n\r]*(?:(")|([\[{])|([\]}])|(,)|(:)|(-?[0-9][0-9.eE+\-]*|true|false|null))')


def _walk(text: str):
    """``(path, (line, column), is_key)`` for every key and value of valid JSON ``text``, in order."""
    from json.decoder import scanstring

    starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def where(offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(starts, offset) - 1
        return line + 1, offset - starts[line] + 1

    stack: list[list] = []  # [is_object, path, next index or pending key, expecting a key]
    path: tuple = ()
    pos = 0
    if text.startswith("\ufeff"):
        pos = 1
    n = len(text)
    while pos < n:
        m = _TOKEN.match(text, pos)
        if m is None:
            break
        start = m.end() - len(m.group(m.lastindex)) if m.lastindex else m.end()
        top = stack[-1] if stack else None
        if m.group(1):  # a string: a key or a value
            value, pos = scanstring(text, m.end())
            if top is not None and top[0] and top[3]:
                top[2] = value
                top[3] = False
                yield top[1] + (value,), where(start), True
                continue
            yield _value_path(top, path), where(start), False
            continue
        pos = m.end()
        if m.group(2):
            here = _value_path(top, path)
            yield here, where(start), False
            stack.append([m.group(2) == "{", here, 0, m.group(2) == "{"])
        elif m.group(3):
            stack.pop()
        elif m.group(4):
            if top is not None:
                if top[0]:
                    top[3] = True
                else:
                    top[2] += 1
        elif m.group(5):
            pass
        elif m.group(6):
            yield _value_path(top, path), where(start), False


def _value_path(top: Optional[list], root: tuple) -> tuple:
    if top is None:
        return root
    return top[1] + (top[2],)


class _LazyPositions(LazyPositions):
    """:func:`json_positions`, computed when first looked at (a valid map that is only
    exported never pays for them)."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self._text: Optional[str] = text

    def _fill(self) -> None:
        if self._text is not None:
            text, self._text = self._text, None
            dict.update(self, json_positions(text))


def json_positions(text: str) -> dict:
    """Path → ``(line, column)`` of each value, and ``("#key",) + path`` → its key."""
    positions: dict = {}
    for path, where, is_key in _walk(text):
        if is_key:
            positions[("#key",) + path] = where
        else:
            positions.setdefault(path, where)
    return positions
