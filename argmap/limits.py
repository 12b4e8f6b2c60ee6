"""Resource limits for untrusted input, and a YAML composer that enforces them.

Every map, review or source file may come from someone else, so reading one
must stay cheap whatever it contains. :class:`Limits` holds the bounds; each
comes from an environment variable when set (``ARGMAP_MAX_BYTES``,
``ARGMAP_MAX_NODES``, ``ARGMAP_MAX_DEPTH``, ``ARGMAP_MAX_STRING``; sizes take
``k``/``M``/``G`` suffixes).

:func:`compose_yaml` builds the YAML node tree from parser events without
recursion and stops at the first node that breaks a limit: nesting depth,
number of nodes after alias expansion ("billion laughs"), characters of text
after alias expansion, length of one scalar; recursive aliases are refused.

>>> import yaml
>>> node = compose_yaml(yaml.SafeLoader("a: [1, 2]"), "m.yaml", Limits())
>>> node.value[0][1].value[1].value
'2'
>>> bomb = "a: &a [x, x]\\nb: &b [*a, *a]\\nc: [*b, *b, *b]\\n"
>>> compose_yaml(yaml.SafeLoader(bomb), "m.yaml", Limits(max_nodes=10))
Traceback (most recent call last):
...
argmap.diagnostics.ArgmapError: m.yaml:2:12: the document expands to more than 10 values (through YAML aliases?); raise ARGMAP_MAX_NODES to allow it
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from typing import Any, Optional

from argmap.diagnostics import ArgmapError, Diagnostic
from argmap.locations import Location

__all__ = [
    "Limits", "compose_yaml", "safe_load", "check_strings", "flow_depth", "parse_size", "ENVIRONMENT",
    "yaml_value_bound", "json_value_bound", "argdown_value_bound", "check_values", "check_markup",
]

ENVIRONMENT = {
    "max_bytes": "ARGMAP_MAX_BYTES",
    "max_nodes": "ARGMAP_MAX_NODES",
    "max_depth": "ARGMAP_MAX_DEPTH",
    "max_string": "ARGMAP_MAX_STRING",
    "fuzzy_budget": "ARGMAP_FUZZY_BUDGET",
    "coverage_budget": "ARGMAP_COVERAGE_BUDGET",
    "explain_budget": "ARGMAP_EXPLAIN_BUDGET",
    "max_config": "ARGMAP_MAX_CONFIG",
    "max_located": "ARGMAP_MAX_LOCATED",
}
"""Field of :class:`Limits` → the environment variable that sets it."""

_SIZE = re.compile(r"^\s*(\d+)\s*([kmg]i?b?|b)?\s*$", re.IGNORECASE)
_UNITS = {"": 1, "b": 1, "k": 1024, "m": 1024**2, "g": 1024**3}


def parse_size(text: str) -> int:
    """A positive whole number, optionally with a ``k``/``M``/``G`` suffix (powers of 1024).

    >>> parse_size("200"), parse_size("1M"), parse_size("2kb")
    (200, 1048576, 2048)
    """
    m = _SIZE.match(text)
    if not m or int(m.group(1)) <= 0:
        raise ValueError(text)
    return int(m.group(1)) * _UNITS[(m.group(2) or "")[:1].lower()]


def _from_env(name: str, default: int) -> Any:
    def factory() -> int:
        raw = os.environ.get(ENVIRONMENT[name])
        if raw is None or not raw.strip():
            return default
        try:
            return parse_size(raw)
        except ValueError:
            raise ArgmapError(
                Diagnostic(
                    Location(f"${ENVIRONMENT[name]}"),
                    f"{raw!r} is not a positive whole number (a size may end in k, M or G)",
                )
            ) from None

    return field(default_factory=factory)


@dataclass(frozen=True)
class Limits:
    """Bounds on what one input file may cost. Defaults fit maps of 50000 claims.

    >>> Limits(max_depth=5).max_depth
    5
    """

    max_bytes: int = _from_env("max_bytes", 50 * 1024**2)
    """Largest file read (map, review or source text), in bytes."""
    max_nodes: int = _from_env("max_nodes", 2_000_000)
    """Most YAML values in one document, counting every alias expansion."""
    max_depth: int = _from_env("max_depth", 200)
    """Deepest nesting of lists and mappings."""
    max_string: int = _from_env("max_string", 1024**2)
    """Longest single text value, in characters."""
    fuzzy_budget: int = _from_env("fuzzy_budget", 10_000_000_000)
    """Approximate quote search: most (quote length × source length) character pairs
    compared for one quote (about a second); a longer quote found nowhere exactly is
    reported as orphaned, saying so."""
    coverage_budget: int = _from_env("coverage_budget", 4 * 1024**2)
    """Coverage: most characters of source text split into sentences."""
    max_located: int = _from_env("max_located", 16 * 1024**2)
    """Largest YAML text read by the located reader (PyYAML, every value placed): the one
    for files with anchors, aliases, tags or tabs, files the fast reader cannot read, and
    review files. It costs about 70 ms and 10 MB per MB, so past this size a file is refused
    before it is parsed (a 46 MB map with an alias bomb at its end took 3.3 s and 584 MB)."""
    max_config: int = _from_env("max_config", 1024**2)
    """Largest configuration file (``argmap.toml``, or a ``pyproject.toml`` with a
    ``[tool.argmap]`` table), in bytes. TOML is read by a pure-Python parser: at worst
    (many small tables) about 0.7 s and 100 MB per MB; a real configuration is a few KB."""
    explain_budget: int = _from_env("explain_budget", 1024**2)
    """Explain: most characters of one explanation (its tree's ids and texts, with their
    indentation); a chain of about 3500 steps. Over it, ``explain`` stops with an error
    that names ``--depth``."""


class _Frame:
    """A list or mapping being composed: its node and what it has cost so far."""

    __slots__ = ("node", "key", "nodes", "chars", "height", "is_map")

    def __init__(self, node: Any, is_map: bool):
        self.node = node
        self.key: Any = None
        self.nodes = 1
        self.chars = 0
        self.height = 1
        self.is_map = is_map


def _here(file: str, mark: Any) -> Location:
    return Location(file, mark.line + 1, mark.column + 1) if mark is not None else Location(file, 1, 1)


def compose_yaml(loader: Any, file: str, limits: Limits) -> Optional[Any]:
    """The node tree of the single YAML document read by ``loader`` (None if empty).

    ``loader`` is a PyYAML loader (C or Python); parser errors propagate as
    :class:`yaml.YAMLError`, broken limits raise :class:`ArgmapError`.
    """
    import yaml
    from yaml import events as ev

    def fail(mark: Any, message: str) -> ArgmapError:
        return ArgmapError(Diagnostic(_here(file, mark), message))

    loader.get_event()  # StreamStart
    if loader.check_event(ev.StreamEndEvent):
        loader.get_event()
        return None
    loader.get_event()  # DocumentStart
    anchors: dict[str, Any] = {}
    cost: dict[int, tuple[int, int, int]] = {}  # id(anchored node) → (nodes, chars, height)
    open_ids: set[int] = set()
    stack: list[_Frame] = []
    total_nodes = 0
    total_chars = 0
    root = None
    resolve = loader.resolve
    while True:
        event = loader.get_event()
        kind = type(event)
        if kind is ev.ScalarEvent:
            value = event.value
            if len(value) > limits.max_string:
                raise fail(
                    event.start_mark,
                    f"a text value of {len(value)} characters is longer than the limit of"
                    f" {limits.max_string}; raise ARGMAP_MAX_STRING to allow it",
                )
            tag = event.tag
            if tag is None or tag == "!":
                tag = resolve(yaml.ScalarNode, value, event.implicit)
            node = yaml.ScalarNode(tag, value, event.start_mark, event.end_mark, style=event.style)
            nodes, chars, height = 1, len(value), 0
            if event.anchor is not None:
                anchors[event.anchor] = node
                cost[id(node)] = (nodes, chars, height)
        elif kind is ev.AliasEvent:
            node = anchors.get(event.anchor)
            if node is None:
                raise fail(event.start_mark, f"found undefined alias '{event.anchor}'")
            if id(node) in open_ids:
                raise fail(event.start_mark, f"alias '*{event.anchor}' refers to a value that contains it (recursive YAML)")
            nodes, chars, height = cost[id(node)]
        elif kind is ev.SequenceStartEvent or kind is ev.MappingStartEvent:
            if len(stack) >= limits.max_depth:
                raise fail(
                    event.start_mark,
                    f"nesting deeper than {limits.max_depth} levels; raise ARGMAP_MAX_DEPTH to allow it",
                )
            is_map = kind is ev.MappingStartEvent
            node_class = yaml.MappingNode if is_map else yaml.SequenceNode
            tag = event.tag
            if tag is None or tag == "!":
                tag = resolve(node_class, None, event.implicit)
            node = node_class(tag, [], event.start_mark, None, flow_style=event.flow_style)
            if event.anchor is not None:
                anchors[event.anchor] = node
            open_ids.add(id(node))
            stack.append(_Frame(node, is_map))
            total_nodes += 1
            if total_nodes > limits.max_nodes:
                raise _too_many(fail, event.start_mark, limits)
            continue
        elif kind is ev.SequenceEndEvent or kind is ev.MappingEndEvent:
            frame = stack.pop()
            node = frame.node
            node.end_mark = event.end_mark
            open_ids.discard(id(node))
            nodes, chars, height = frame.nodes, frame.chars, frame.height
            cost[id(node)] = (nodes, chars, height)
            _attach(stack, node, nodes, chars, height)
            if not stack:
                root = node
            continue
        elif kind is ev.DocumentEndEvent:
            break
        else:  # pragma: no cover - the parser emits nothing else inside a document
            raise fail(event.start_mark, f"unexpected YAML event {kind.__name__}")
        # a scalar or an alias: it adds its (expanded) cost to the document
        total_nodes += nodes if kind is ev.AliasEvent else 1
        total_chars += chars
        if total_nodes > limits.max_nodes:
            raise _too_many(fail, event.start_mark, limits)
        if total_chars > limits.max_bytes:
            raise fail(
                event.start_mark,
                f"the document expands to more than {limits.max_bytes} characters of text"
                " (through YAML aliases?); raise ARGMAP_MAX_BYTES to allow it",
            )
        if len(stack) + height > limits.max_depth:
            raise fail(
                event.start_mark,
                f"nesting deeper than {limits.max_depth} levels (through a YAML alias);"
                " raise ARGMAP_MAX_DEPTH to allow it",
            )
        if not stack:
            root = node
        else:
            _attach(stack, node, nodes, chars, height)
    if not loader.check_event(ev.StreamEndEvent):
        extra = loader.get_event()
        raise fail(extra.start_mark, "expected a single YAML document, found another ('---')")
    return root


def _attach(stack: list[_Frame], node: Any, nodes: int, chars: int, height: int) -> None:
    if not stack:
        return
    parent = stack[-1]
    parent.nodes += nodes
    parent.chars += chars
    if height + 1 > parent.height:
        parent.height = height + 1
    if not parent.is_map:
        parent.node.value.append(node)
    elif parent.key is None:
        parent.key = node
    else:
        parent.node.value.append((parent.key, node))
        parent.key = None


def _too_many(fail: Any, mark: Any, limits: Limits) -> ArgmapError:
    return fail(
        mark,
        f"the document expands to more than {limits.max_nodes} values (through YAML aliases?);"
        " raise ARGMAP_MAX_NODES to allow it",
    )


_TEXT_SECTIONS = ("claims", "evidence", "inferences")


def check_strings(m: Any, sourcemap: Any, limits: Limits) -> None:
    """Refuse any text value of a loaded map longer than ``limits.max_string``.

    For readers other than YAML (which checks while parsing). Cheap: callers
    skip it when the whole file is shorter than the limit.
    """
    from pydantic import BaseModel

    diags: list[Diagnostic] = []

    def visit(obj: Any, path: tuple) -> None:
        for name, value in obj.__dict__.items():
            if isinstance(value, str):
                if len(value) > limits.max_string:
                    diags.append(
                        Diagnostic(
                            sourcemap.find(path + (name,)),
                            f"'{name}' is {len(value)} characters long, over the limit of"
                            f" {limits.max_string}; raise ARGMAP_MAX_STRING to allow it",
                        )
                    )
            elif isinstance(value, list):
                for i, item in enumerate(value):
                    if isinstance(item, str) and len(item) > limits.max_string:
                        diags.append(
                            Diagnostic(
                                sourcemap.find(path + (name, i)),
                                f"an item of '{name}' is {len(item)} characters long, over the limit of"
                                f" {limits.max_string}; raise ARGMAP_MAX_STRING to allow it",
                            )
                        )
            elif isinstance(value, BaseModel):
                visit(value, path + (name,))

    for name, value in m.__dict__.items():
        if name in _TEXT_SECTIONS:
            for i, element in enumerate(value):
                visit(element, (name, i))
        elif isinstance(value, str) and len(value) > limits.max_string:
            diags.append(
                Diagnostic(
                    sourcemap.find((name,)),
                    f"'{name}' is {len(value)} characters long, over the limit of"
                    f" {limits.max_string}; raise ARGMAP_MAX_STRING to allow it",
                )
            )
        elif isinstance(value, BaseModel):
            visit(value, (name,))
    if diags:
        raise ArgmapError(diags)


_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_DELTA = {"[": 1, "{": 1, "]": -1, "}": -1}


def flow_depth(text: str) -> int:
    """An upper bound on how deeply ``[``/``{`` nest in ``text`` (brackets in quotes count too).

    Cheap (C-level scans), so a parser that slows down on deep nesting is
    never handed a hostile file.

    >>> flow_depth("a: [1, {b: [2]}], c: [3]"), flow_depth("no brackets")
    (3, 0)
    """
    from itertools import accumulate

    marks = _NOT_BRACKET.sub("", text)
    opens = marks.count("[") + marks.count("{")
    if opens <= 1 or len(marks) > 1_000_000:  # the count of openers bounds the depth too
        return opens
    return max(accumulate(map(_DELTA.__getitem__, marks)))


def safe_load(text: str, file: str = "<yaml>", limits: Optional[Limits] = None) -> Any:
    """``yaml.safe_load`` within ``limits`` (for YAML embedded in other formats), plain scalars
    resolved by the YAML 1.2 core schema (:mod:`argmap.util.yamlschema`): ``yes`` is text.

    Parse errors and values that cannot be built (an integer of 5000 digits)
    raise :class:`yaml.MarkedYAMLError`; broken limits :class:`ArgmapError`.

    >>> safe_load("a: [1, 2]\\nb: yes\\nc: 017")
    {'a': [1, 2], 'b': 'yes', 'c': '017'}
    >>> bomb = "a: &a [x, x, x, x, x, x, x, x]\\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\\nc: [*b, *b, *b]"
    >>> safe_load(bomb, limits=Limits(max_nodes=60))  # its punctuation allows 48 values
    Traceback (most recent call last):
    ...
    argmap.diagnostics.ArgmapError: <yaml>:2:28: the document expands to more than 60 values (through YAML aliases?); raise ARGMAP_MAX_NODES to allow it
    """
    import yaml

    limits = limits if limits is not None else Limits()
    check_values(yaml_value_bound(text), file, limits)  # before the parser pays for them
    from argmap.util.yamlschema import loader_class

    loader = loader_class()(text)  # YAML 1.2 core, as the map itself and Argdown (js-yaml) read it
    try:
        node = compose_yaml(loader, file, limits)
        if node is None:
            return None
        try:
            return loader.construct_document(node)
        except (ValueError, TypeError, OverflowError, LookupError) as exc:
            problem = "an integer of more than 4300 digits" if "digits" in str(exc) else f"invalid value: {exc}"
            raise yaml.constructor.ConstructorError(None, None, problem, node.start_mark) from None
    finally:
        loader.dispose()


def yaml_value_bound(text: str) -> int:
    """An upper bound on the values of an alias-free YAML document, from its punctuation.

    Each mapping pair needs a ``:`` (two values), each block list item a ``-``,
    each flow item a ``,`` or a bracket; counting them costs a few C-level scans,
    so a limit on values is checked before any parser pays for them.

    >>> yaml_value_bound("a: 1\\nl:\\n  - x\\n  - y\\n")
    7
    """
    bound = 1 + text.count("- ") + text.count("-\n") + text.count("? ")
    bound += 2 * (text.count(": ") + text.count(":\n") + text.count(":\t") + text.count(":\r") + text.endswith(":"))
    if "[" in text or "{" in text:
        bound += 2 * (text.count(",") + text.count(":")) + text.count("[") + text.count("{")
    return bound


def json_value_bound(text: str) -> int:
    """An upper bound on the values (keys counted) of a JSON document: every one
    after the first follows a ``,``, a ``:`` or an opening bracket.

    >>> json_value_bound('{"a": [1, 2], "b": {}}')
    8
    """
    return 1 + text.count(",") + text.count(":") + text.count("[") + text.count("{")


def argdown_value_bound(text: str) -> int:
    """An upper bound on the elements of an Argdown document and the values of its
    ``{...}`` data and front matter, taken together: every statement, argument or
    relation needs a line, a ``[`` or a ``<``; every value of alias-free YAML data a
    line, a ``,``, a ``:`` (two: key and value) or a bracket.

    >>> argdown_value_bound("[a]: A. {k: [1, 2]}\\n  + [b]\\n")
    12
    """
    bound = 1 + text.count("\n") + text.count("[") + text.count("<")
    if "{" in text or "===" in text:  # data, front matter
        bound += text.count("{") + text.count(",") + 2 * text.count(":")
    return bound


def check_values(bound: int, file: str, limits: Limits, what: str = "values") -> None:
    """Refuse a document whose ``bound`` (of values, or elements) exceeds ``limits.max_nodes``."""
    if bound > limits.max_nodes:
        raise ArgmapError(
            Diagnostic(
                Location(file, 1, 1),
                f"the file may hold more than {limits.max_nodes} {what} (up to {bound}, counted from its"
                " punctuation); raise ARGMAP_MAX_NODES to allow it",
            )
        )


def check_markup(text: str, file: str, limits: Limits) -> None:
    """Refuse XML with more elements than ``limits.max_nodes`` (each needs a ``<``), before parsing."""
    check_values(text.count("<"), file, limits, "elements")
