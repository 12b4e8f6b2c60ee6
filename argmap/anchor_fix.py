"""Write re-anchored selectors back into a YAML map, changing nothing else.

The file is rewritten with round-trip YAML (``ruamel.yaml``): comments, key
order, quoting and block styles stay as they were. What changes:

* each quote found ``exact`` or ``moved`` gets its ``anchor:`` (start, end,
  prefix, suffix), placed right after its ``quote:`` key;
* a ``fuzzy`` quote is rewritten to the words found, with its anchor, only
  when the user accepts fuzzy matches;
* ``ambiguous`` and ``orphaned`` quotes are never touched;
* ``source.sha256`` records the digest of the normalised source text.

>>> guess_indent("a:\\n  b: 1\\nc:\\n  - x\\n")
(2, 4, 2)
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from typing import Any, Optional

from argmap.anchoring import Quoted, Source, State, normalise

__all__ = ["Rewrite", "guess_indent", "rewrite"]


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


_KEY_LINE = re.compile(r"^\s*(- +)?[^\s#][^#]*:\s*(#.*)?$")


def guess_indent(text: str) -> tuple[int, int, int]:
    """``(mapping, sequence, offset)`` indentation as ruamel.yaml's ``indent()`` takes it.

    Read from the first nested mapping and the first block sequence under a key.
    """
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    mapping = sequence = offset = None
    for parent, child in zip(lines, lines[1:]):
        if not _KEY_LINE.match(parent):
            continue
        dash = re.match(r"^\s*- +", parent)
        parent_indent = len(dash.group(0)) if dash else len(parent) - len(parent.lstrip())
        child_indent = len(child) - len(child.lstrip())
        if child_indent < parent_indent or (child_indent == parent_indent and not child.lstrip().startswith("- ")):
            continue
        if child.lstrip().startswith("- "):
            if sequence is None:
                offset = child_indent - parent_indent
                sequence = len(re.match(r"^\s*- +", child).group(0)) - parent_indent  # type: ignore[union-attr]
        elif mapping is None:
            mapping = child_indent - parent_indent
        if mapping is not None and sequence is not None:
            break
    mapping = mapping or 2
    if sequence is None:
        sequence, offset = mapping + 2, mapping
    return mapping, sequence, offset or 0


def _yaml(text: str):
    from ruamel.yaml import YAML

    y = YAML(typ="rt")
    y.preserve_quotes = True
    y.width = 1 << 16  # never re-wrap a line
    mapping, sequence, offset = guess_indent(text)
    y.indent(mapping=mapping, sequence=sequence, offset=offset)
    spelling = _null_spelling(text)
    y.representer.add_representer(
        type(None), lambda rep, _value: rep.represent_scalar("tag:yaml.org,2002:null", spelling)
    )
    return y


def _null_spelling(text: str) -> str:
    """How the file spells a null, ``null`` or ``~``: the one it uses most (``null`` by default).

    >>> _null_spelling("a: null\\nb: ~\\nc: null  # x\\n")
    'null'
    """
    counts = {
        "null": len(re.findall(r":[ \t]+null[ \t]*(?:#.*)?$", text, re.M)),
        "~": len(re.findall(r":[ \t]+~[ \t]*(?:#.*)?$", text, re.M)),
    }
    best = max(counts, key=lambda k: counts[k])
    return best if counts[best] else "null"


def _trailing(node: Any) -> Optional[tuple[Any, Any, int]]:
    """Where the comment after a block collection's last line is kept: (node, key, slot)."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    while True:
        if isinstance(node, CommentedMap) and len(node):
            key, slot = list(node)[-1], 2
        elif isinstance(node, CommentedSeq) and len(node):
            key, slot = len(node) - 1, 0
        else:
            return None
        child = node[key]
        if isinstance(child, (CommentedMap, CommentedSeq)) and len(child) and not child.fa.flow_style():
            node = child
            continue
        return node, key, slot


def _set(mapping: Any, key: str, value: Any, after: Optional[str] = None) -> None:
    """Set ``mapping[key]``; a new key goes after ``after`` (or last), comments staying in place."""
    from ruamel.yaml.tokens import CommentToken

    if key in mapping:
        mapping[key] = value
        return
    keys = list(mapping)
    pos = keys.index(after) + 1 if after in keys else len(keys)
    if pos < len(keys) or getattr(mapping.fa, "flow_style", lambda: False)():
        mapping.insert(pos, key, value)
        return
    # Appending: the comment lines after the old last entry belong after the new one.
    holder = _trailing(mapping)
    token = None
    if holder is not None:
        entry = holder[0].ca.items.get(holder[1])
        token = entry[holder[2]] if entry and len(entry) > holder[2] else None
    mapping.insert(pos, key, value)
    if token is None:
        return
    head, _, rest = token.value.partition("\n")
    if not rest.strip():
        return
    if head.strip():
        token.value = head + "\n"
    else:
        holder[0].ca.items[holder[1]][holder[2]] = None  # type: ignore[index]
    new_holder = _trailing(mapping)
    if new_holder is None:
        return
    items = new_holder[0].ca.items.setdefault(new_holder[1], [None, None, None, None])
    items[new_holder[2]] = CommentToken("\n" + rest, token.start_mark, None)


def _anchor_node(anchor) -> Any:
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    return CommentedMap(
        [
            ("start", anchor.start),
            ("end", anchor.end),
            ("prefix", DoubleQuotedScalarString(anchor.prefix)),
            ("suffix", DoubleQuotedScalarString(anchor.suffix)),
        ]
    )


def _same_style(old: Any, new: str) -> Any:
    """``new`` in the scalar style ``old`` had (quoted, folded, literal or plain)."""
    from ruamel.yaml.scalarstring import ScalarString

    if isinstance(old, ScalarString):
        return type(old)(new)
    return new


def _anchor_equal(node: Any, anchor) -> bool:
    try:
        return (
            node["start"] == anchor.start
            and node["end"] == anchor.end
            and node.get("prefix", "") == anchor.prefix
            and node.get("suffix", "") == anchor.suffix
        )
    except (TypeError, KeyError, AttributeError):
        return False


def rewrite(text: str, quotes: list[Quoted], src: Source, *, accept_fuzzy: bool = False) -> Rewrite:
    """The map ``text`` with new anchors (and accepted fuzzy quotes) written in."""
    y = _yaml(text)
    data = y.load(text)
    result = Rewrite(text=text)
    for q in quotes:
        state = q.match.state
        if state in (State.ambiguous, State.orphaned):
            continue
        if state is State.fuzzy and not accept_fuzzy:
            continue
        anchor = q.new_anchor(src)
        if anchor is None:
            continue
        node = data[q.section][q.index]
        if state is State.fuzzy:
            found = src.text[anchor.start : anchor.end]
            if normalise(str(node["quote"])) != found:
                node["quote"] = _same_style(node["quote"], found)
                result.requoted.append(q.id)
        if not _anchor_equal(node.get("anchor"), anchor):
            _set(node, "anchor", _anchor_node(anchor), after="quote")
            result.anchored.append(q.id)
    source = data.get("source")
    if source is not None and source.get("sha256") != src.digest:
        _set(source, "sha256", src.digest, after="text")
        result.sha256_written = True
    if result.changed:
        out = io.StringIO()
        y.dump(data, out)
        result.text = out.getvalue()
    return result
