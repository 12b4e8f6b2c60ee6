"""Write re-anchored selectors back into a YAML map, changing nothing else.

The map is edited in place, as text: the YAML is composed (not rewritten)
to learn exactly where each element, key and value starts and ends, and only
these spans change:

* each quote found ``exact`` or ``moved`` gets its ``anchor:`` (start, end,
  prefix, suffix) right after its ``quote:`` value, or has it replaced;
* a ``fuzzy`` quote is rewritten to the words found, in the scalar style it
  had (plain, quoted, folded, literal), only when the user accepts fuzzy matches;
* ``ambiguous`` and ``orphaned`` quotes are never touched;
* ``source.sha256`` records the digest of the normalised source text.

Every other byte — comments, blank lines, key order, quoting, flow or block
style, line endings — stays as it was. (A round-trip YAML dumper such as
ruamel.yaml re-flows some of these, e.g. a multi-line flow list loses the
comments inside it; editing the spans avoids that.) The result is checked
before it is returned: parsed again, it must equal the old data plus exactly
the intended changes.

>>> text = "source:\\n  text: s.txt  # the article\\nclaims:\\n  - id: a\\n    quote: two words\\n    kind: fact\\n"
>>> from argmap.provenance.anchoring import Source, Quoted, locate
>>> src = Source.from_text("Just two words.")
>>> q = Quoted("claims", 0, "a", "two words", None, locate(src, "two words"))
>>> print(rewrite(text, [q], src).text)  # doctest: +ELLIPSIS
source:
  text: s.txt  # the article
  sha256: ...
claims:
  - id: a
    quote: two words
    anchor:
      start: 5
      end: 14
      prefix: "Just "
      suffix: "."
    kind: fact
<BLANKLINE>
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass, field
from typing import Optional

import yaml

from argmap.util.yamlschema import load_plain, loader_class
from argmap.provenance.anchoring import Quoted, Source, State, normalise, whole_words

__all__ = ["Rewrite", "UnsafeEdit", "guess_indent", "rewrite"]


class UnsafeEdit(ValueError):
    """The file's layout does not allow the anchors to be written in without touching other data."""


@dataclass
class Rewrite:
    """The new file text and what was changed in it."""

    text: str
    anchored: list[str] = field(default_factory=list)
    requoted: list[str] = field(default_factory=list)
    sha256_written: bool = False

    @property
    def changed(self) -> bool:
        return bool(self.anchored or self.requoted or self.sha256_written)


def guess_indent(text: str) -> int:
    """How far the file indents a nested mapping (2 when it cannot tell).

    >>> guess_indent("a:\\n    b: 1\\n"), guess_indent("a: 1\\n")
    (4, 2)
    """
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    for parent, child in zip(lines, lines[1:]):
        if not re.match(r"^\s*[^\s#-][^#]*:\s*(#.*)?$", parent):
            continue
        p_ind = len(parent) - len(parent.lstrip())
        c_ind = len(child) - len(child.lstrip())
        if c_ind > p_ind and not child.lstrip().startswith("- "):
            return c_ind - p_ind
    return 2


def _compose(text: str) -> yaml.Node:
    loader = loader_class()(text)  # the loader that read the map: same YAML, same meaning
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def _get(node: yaml.MappingNode, key: str) -> Optional[tuple[yaml.Node, yaml.Node]]:
    for k, v in node.value:
        if isinstance(k, yaml.ScalarNode) and k.value == key:
            return k, v
    return None


def _last_leaf(node: yaml.Node) -> yaml.Node:
    while isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and not node.flow_style and node.value:
        last = node.value[-1]
        node = last[1] if isinstance(node, yaml.MappingNode) else last
    return node


def _end_of_value(text: str, node: yaml.Node) -> int:
    """Index just past the last line of ``node``'s value (its line break included)."""
    leaf = _last_leaf(node)
    idx = leaf.end_mark.index
    if leaf.end_mark.column == 0 and idx > 0:
        # A block scalar ends at the start of a line, after its trailing blank lines: step back over them.
        while idx > 0:
            prev = text.rfind("\n", 0, idx - 1) + 1
            if text[prev:idx].strip():
                break
            idx = prev
        return idx
    nl = text.find("\n", idx)
    return len(text) if nl < 0 else nl + 1


def _dq(value: str) -> str:
    """A YAML double-quoted scalar (JSON string syntax is valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def _plain_ok(value: str) -> bool:
    try:
        return bool(value) and value == value.strip() and load_plain(f"k: {value}\n") == {"k": value}
    except yaml.YAMLError:
        return False


def _scalar_like(node: yaml.ScalarNode, value: str, text: str, nl: str) -> tuple[int, int, str]:
    """Replace ``node``'s text with ``value`` in the same style: (start, end, replacement)."""
    start, end = node.start_mark.index, node.end_mark.index
    style = node.style
    if style in ("|", ">"):
        header = text[start : text.find("\n", start)].rstrip("\r")
        body_start = text.find("\n", start) + 1
        indent = len(text[body_start:]) - len(text[body_start:].lstrip(" "))
        end = _end_of_value(text, node) - len(nl)
        return start, end, f"{header}{nl}{' ' * indent}{value}"
    if style == "'":
        return start, end, "'" + value.replace("'", "''") + "'"
    if style is None and _plain_ok(value):
        return start, end, value
    return start, end, _dq(value)


def _anchor_block(anchor, indent: str, step: str, nl: str) -> str:
    inner = indent + step
    return (
        f"{indent}anchor:{nl}{inner}start: {anchor.start}{nl}{inner}end: {anchor.end}{nl}"
        f"{inner}prefix: {_dq(anchor.prefix)}{nl}{inner}suffix: {_dq(anchor.suffix)}{nl}"
    )


def _anchor_flow(anchor) -> str:
    return f"{{start: {anchor.start}, end: {anchor.end}, prefix: {_dq(anchor.prefix)}, suffix: {_dq(anchor.suffix)}}}"


def _line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


def _set_key(text: str, mapping: yaml.MappingNode, key: str, block: str, flow: str, after: str, nl: str, step: str) -> tuple[int, int, str]:
    """The edit that sets ``key`` in ``mapping``: replace its value, or add it after key ``after``.

    ``block`` is the new entry as block lines, with ``{indent}`` standing for the key's
    indentation; ``flow`` is the new value alone, in flow style.
    """
    found = _get(mapping, key)
    if mapping.flow_style:
        if found:
            k, v = found
            return v.start_mark.index, v.end_mark.index, flow
        last = mapping.value[-1][1]
        return last.end_mark.index, last.end_mark.index, f", {key}: {flow}"
    if found:
        k, v = found
        indent = " " * k.start_mark.column
        if isinstance(v, yaml.MappingNode) and not v.flow_style and v.value or isinstance(v, yaml.ScalarNode) and v.style in ("|", ">"):
            start = _line_start(text, k.start_mark.index)
            return start, _end_of_value(text, v), block.replace("{indent}", indent)
        return v.start_mark.index, v.end_mark.index, flow
    anchor_pair = _get(mapping, after) or mapping.value[-1]
    k, v = anchor_pair
    at = _end_of_value(text, v)
    indent = " " * k.start_mark.column
    return at, at, block.replace("{indent}", indent)


def rewrite(text: str, quotes: list[Quoted], src: Source, *, accept_fuzzy: bool = False) -> Rewrite:
    """The map ``text`` with new anchors (and accepted fuzzy quotes) written in."""
    nl = "\r\n" if "\r\n" in text else "\n"
    step = " " * guess_indent(text)
    try:
        root = _compose(text)
    except yaml.YAMLError as exc:
        raise UnsafeEdit(f"the map's YAML cannot be rewritten in place ({getattr(exc, 'problem', None) or exc})") from None
    result = Rewrite(text=text)
    if not isinstance(root, yaml.MappingNode):
        return result
    edits: list[tuple[int, int, str]] = []
    expected = copy.deepcopy(load_plain(text))
    for q in quotes:
        state = q.match.state
        if state in (State.ambiguous, State.orphaned) or (state is State.fuzzy and not accept_fuzzy):
            continue
        anchor = q.new_anchor(src)
        if anchor is None:
            continue
        if state is State.fuzzy:  # the quote written back is whole words of the text
            anchor = src.anchor_for(*whole_words(src, anchor.start, anchor.end))
        section = _get(root, q.section)
        if section is None or not isinstance(section[1], yaml.SequenceNode) or q.index >= len(section[1].value):
            continue
        element = section[1].value[q.index]
        if not isinstance(element, yaml.MappingNode):
            continue
        data = expected[q.section][q.index]
        quote_pair = _get(element, "quote")
        if state is State.fuzzy and quote_pair is not None:
            found = src.text[anchor.start : anchor.end]
            if normalise(str(data.get("quote", ""))) != found and isinstance(quote_pair[1], yaml.ScalarNode):
                edits.append(_scalar_like(quote_pair[1], found, text, nl))
                data["quote"] = found
                result.requoted.append(q.id)
        new = {"start": anchor.start, "end": anchor.end, "prefix": anchor.prefix, "suffix": anchor.suffix}
        if data.get("anchor") != new:
            block = _anchor_block(anchor, "{indent}", step, nl)
            edits.append(_set_key(text, element, "anchor", block, _anchor_flow(anchor), "quote", nl, step))
            data["anchor"] = new
            result.anchored.append(q.id)
    source = _get(root, "source")
    if source is not None and isinstance(source[1], yaml.MappingNode) and source[1].value:
        data = expected["source"]
        if data.get("sha256") != src.digest:
            block = "{indent}sha256: " + src.digest + nl
            edits.append(_set_key(text, source[1], "sha256", block, src.digest, "text", nl, step))
            data["sha256"] = src.digest
            result.sha256_written = True
    if not edits:
        return result
    unsafe = UnsafeEdit("writing the anchors here would change more than the anchors (YAML aliases or merge keys?)")
    ordered = sorted(edits, key=lambda e: (e[0], e[1]))
    if any(b[0] < a[1] or (b[0] == a[0] and a[0] != a[1]) for a, b in zip(ordered, ordered[1:])):
        raise unsafe  # two edits of one span: an element shared through a YAML alias
    new_text = text
    for start, end, replacement in reversed(ordered):
        new_text = new_text[:start] + replacement + new_text[end:]
    try:
        same = load_plain(new_text) == expected
    except yaml.YAMLError:
        same = False
    if not same:
        raise unsafe
    result.text = new_text
    return result
