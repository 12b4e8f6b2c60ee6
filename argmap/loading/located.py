"""The located YAML path: PyYAML composes the text, and every key and value keeps its place.

This path reads any YAML a map may contain and words every YAML error; the fast
path (:mod:`argmap.loading.fast`) handles the common valid case without it. Both
resolve plain scalars by the YAML 1.2 core schema (:mod:`argmap.util.yamlschema`).
"""

from __future__ import annotations

from typing import Any, Optional

from argmap.diagnostics import ArgmapError, Diagnostic
from argmap.limits import Limits, check_values, compose_yaml, yaml_value_bound
from argmap.util.yamlschema import loader_class
from argmap.locations import Location, SourceMap

__all__ = ["parse_yaml"]


def _mark(node: yaml.Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def _located_reason(text: str, file: str) -> Location:
    """Where the first anchor, alias, tag or tab of ``text`` is (what sends a file to the
    located reader), else the top of the file."""
    from argmap.loading.fast import _ANCHOR_OR_ALIAS, _TAG

    found = [m.start() for m in (_ANCHOR_OR_ALIAS.search(text), _TAG.search(text)) if m is not None]
    tab = text.find("\t")
    found += [tab] if tab >= 0 else []
    if not found:
        return Location(file, 1, 1)
    at = min(found)
    return Location(file, text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1)


def parse_yaml(text: str, file: str, limits: Optional[Limits] = None, *, bounded: bool = False) -> tuple[Any, SourceMap]:
    """Parse YAML into plain data and a :class:`SourceMap` of every key and value.

    Duplicate keys, alias bombs and over-deep nesting are errors.

    >>> data, sm = parse_yaml("a:\\n  b: [1, 2]\\n", "x.yaml")
    >>> data, str(sm.find(("a", "b", 1)))
    ({'a': {'b': [1, 2]}}, 'x.yaml:2:10')
    """
    import yaml

    limits = limits if limits is not None else Limits()
    if not bounded:  # ``bounded``: the caller has checked this already (16 scans of the text)
        check_values(yaml_value_bound(text), file, limits)
    if len(text) > limits.max_located:
        raise ArgmapError(Diagnostic(_located_reason(text, file), (
            f"this YAML is {len(text)} characters, over the limit of {limits.max_located} for the located reader"
            " (which reads files with anchors, aliases, tags or tabs, files the fast reader cannot read, and"
            " reviews; it needs about 10 MB of memory per MB); raise ARGMAP_MAX_LOCATED to allow it")))
    loader = loader_class()(text)
    try:
        try:
            node = compose_yaml(loader, file, limits)
        except yaml.YAMLError as exc:
            from argmap.util.yamlerrors import place

            line, col, problem = place(exc, text)
            raise ArgmapError(Diagnostic(Location(file, line, col), f"invalid YAML: {problem}")) from None
        except RecursionError:
            raise ArgmapError(Diagnostic(Location(file, 1, 1), "YAML nested too deeply")) from None
        positions: dict = {}
        if node is None:
            return None, SourceMap(file, positions)
        builder = _Builder(loader, file, positions, limits)
        data = builder.build(node, (), 0)
        return data, SourceMap(file, positions)
    finally:
        loader.dispose()


_CONSTRUCT_ERRORS = (ValueError, TypeError, OverflowError, LookupError)
"""What building one tagged scalar may raise (``!!int x`` raises ValueError), besides YAMLError."""

_COLLECTION_TAGS = {"tag:yaml.org,2002:seq", "tag:yaml.org,2002:map", "tag:yaml.org,2002:omap"}


class _Builder:
    def __init__(self, loader: Any, file: str, positions: dict, limits: Limits):
        self.loader = loader
        self.file = file
        self.positions = positions
        self.limits = limits
        self.merged: dict[int, int] = {}  # id(mapping node) → how many of its pairs came from merges
        import yaml

        self.yaml = yaml
        self.errors = (yaml.YAMLError, *_CONSTRUCT_ERRORS)

    def _key(self, key_node: yaml.Node) -> Any:
        key = None
        if isinstance(key_node, self.yaml.ScalarNode):
            try:
                key = self.loader.construct_object(key_node, deep=True)
            except self.errors as exc:
                raise ArgmapError(
                    Diagnostic(Location(self.file, *_mark(key_node)), f"invalid YAML key: {getattr(exc, 'problem', exc)}")
                ) from None
            if isinstance(key, (str, int, float, bool)) or key is None:
                return key
        raise ArgmapError(Diagnostic(Location(self.file, *_mark(key_node)), "a mapping key must be a plain value"))

    def build(self, node: yaml.Node, path: tuple, depth: int) -> Any:
        yaml = self.yaml
        self.positions.setdefault(path, _mark(node))
        if isinstance(node, yaml.ScalarNode):
            try:
                return self.loader.construct_object(node, deep=True)
            except self.errors as exc:
                raise ArgmapError(
                    Diagnostic(Location(self.file, *_mark(node)), f"invalid YAML value: {getattr(exc, 'problem', exc)}")
                ) from None
        if node.tag not in _COLLECTION_TAGS:
            raise ArgmapError(
                Diagnostic(Location(self.file, *_mark(node)), f"invalid YAML value: unsupported tag {node.tag!r}")
            )
        if isinstance(node, yaml.SequenceNode):
            return [self.build(child, path + (i,), depth + 1) for i, child in enumerate(node.value)]
        if isinstance(node, yaml.MappingNode):
            merged = self.merged.get(id(node))
            if merged is None:  # flatten once: the same node may be reached again through an alias
                own = sum(1 for k, _ in node.value if k.tag != "tag:yaml.org,2002:merge")
                try:
                    self.loader.flatten_mapping(node)
                except yaml.YAMLError as exc:
                    raise ArgmapError(
                        Diagnostic(Location(self.file, *_mark(node)), f"invalid YAML merge: {getattr(exc, 'problem', exc)}")
                    ) from None
                merged = self.merged[id(node)] = len(node.value) - own
            result: dict = {}
            from_merge: set = set()
            for index, (key_node, value_node) in enumerate(node.value):
                key = self._key(key_node)
                if key in result and key not in from_merge:
                    first = self.positions.get(("#key",) + path + (key,))
                    where = f" (first at line {first[0]})" if first else ""
                    raise ArgmapError(
                        Diagnostic(Location(self.file, *_mark(key_node)), f"duplicate key '{key}'{where}")
                    )
                if index < merged:  # merged keys: later ones and the mapping's own keys override them
                    from_merge.add(key)
                else:
                    from_merge.discard(key)
                self.positions[("#key",) + path + (key,)] = _mark(key_node)
                self.positions.pop(path + (key,), None)
                result[key] = self.build(value_node, path + (key,), depth + 1)
            return result
        raise ArgmapError(Diagnostic(Location(self.file, *_mark(node)), "unsupported YAML node"))
