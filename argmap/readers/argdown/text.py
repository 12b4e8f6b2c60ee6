"""Pieces of Argdown's rules that both Argdown readers use: markers, their meaning, text, ids.

Both the full reader (:mod:`argmap.readers.argdown.lexer` and
:mod:`argmap.readers.argdown.syntax`) and the single-pass reader
(:mod:`argmap.readers.argdown.fast`) use these, so the two cannot drift apart.

>>> collapse("  two\\n  lines ")
'two lines'
>>> special("p .->. q :heart:")
'p → q ❤'
>>> unescape(r"\\[not a title\\]")
'[not a title]'
>>> m = RELATION.match("  <+ [b]")
>>> m.group(1), m.group(2)
('  ', '<+')
"""

from __future__ import annotations

import re
from typing import Optional

__all__ = ["RELATION", "RELATION_OPS", "RELATION_MARKER", "RELATION_TYPE", "PARENT_IS_SOURCE", "SPECIAL_CHARS", "SHORTCODE", "collapse", "special", "unescape", "make_id", "undercut_read_as_attack", "VERBS", "relation_id", "claim_data"]

RELATION_OPS = ("+>", "->", "<+", "<-", "><", "_>", "<_", "+", "-", "_")
"""Relation markers, longest first. ``+> -> >< _>``: the parent is the source;
``+ <+ - <- <_ _``: the child is the source. A bare ``_`` is a marker only when
white space follows it (``_italic_`` text is not an undercut)."""

RELATION_MARKER = "|".join(re.escape(op) + (r"(?=\s)" if op == "_" else "") for op in RELATION_OPS)
"""The relation markers as a regular expression (a longer marker is tried before its prefix)."""

RELATION = re.compile(r"([ \t]*)(" + RELATION_MARKER + ")")
"""The start of a relation line: its indentation and its marker."""

RELATION_TYPE = {
    "+>": "support", "+": "support", "<+": "support",
    "->": "attack", "-": "attack", "<-": "attack",
    "><": "contradictory", "_>": "undercut", "<_": "undercut", "_": "undercut",
}
"""What each relation marker means in Argdown's model."""

PARENT_IS_SOURCE = frozenset({"+>", "->", "><", "_>"})
"""Markers whose relation runs from the line above to the marked line (``+>``); the others
run from the marked line to the one above (``<+``, ``+``)."""

_SHORTCODES = {
    "A": "∀", "E": "∃", "O": "𝗢", "P": "𝗣", "->": "→", "<->": "↔", "~": "¬", "^": "∧", "v": "∨",
    "v_": "⊻", "<>": "◇", "[]": "◻", "happy": "😀", "smiley": "☺", "laugh": "😆", "lol": "😆",
    "rofl": "🤣", "joy": "😂", "heart": "❤", "?": "❓", "question": "❓", "love": "😍", "wink": "😉",
    "shush": "🤫", "meh": "😐", "eye-roll": "🙄", "sad": "😢", "disappointed": "😞", "scream": "😱",
    "+1": "👍", "up": "👍", "-1": "👎", "down": "👎", "think": "🤔", "star": "⭐", "y": "✔",
    "agree": "✔", "n": "❌", "disagree": "❌",
}
SPECIAL_CHARS = {f"{mark}{name}{mark}": char for name, char in _SHORTCODES.items() for mark in ".:"}
SPECIAL_CHARS[":smile:"], SPECIAL_CHARS[".smile."] = "☺️", "☺"  # as Argdown 1.7.5 has them
"""Argdown's shortcodes, ``.name.`` or ``:name:``: logical symbols and emoji (Argdown 1.7.5's list)."""

SHORTCODE = re.compile(r"\.[^\s]+?\.|:[^\s]+?:")
"""A shortcode candidate as Argdown's lexer takes it: the shortest ``.x.`` or ``:x:`` without
white space. One that is not in :data:`SPECIAL_CHARS` stays as written, and no shortcode
starts inside it (``a.b.A.`` has none)."""

_ESCAPE = re.compile(r"\\(.)")


def collapse(text: str) -> str:
    """Runs of white space (line breaks too) made one space; ends trimmed."""
    return " ".join(text.split())  # str.split() and the regex \s+ agree on what is white space


def special(text: str) -> str:
    """Argdown's shortcodes replaced by their characters.

    >>> special(":happy: .~.p a.b.A. :nope:")
    '😀 ¬p a.b.A. :nope:'
    """
    if text.count(".") + text.count(":") < 2:  # every shortcode has two of them: .A. :heart:
        return text
    return SHORTCODE.sub(lambda m: SPECIAL_CHARS.get(m.group(0), m.group(0)), text)


def unescape(text: str) -> str:
    """Backslash escapes resolved: ``\\x`` becomes ``x``."""
    return _ESCAPE.sub(r"\1", text) if "\\" in text else text


_ID_OK = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.:\-]*$")
_ID_BAD = re.compile(r"[^A-Za-z0-9_.:\-]+")


def make_id(title: str, used: set) -> str:
    """A valid, unused argmap id for an Argdown title: the title itself when it is valid.

    >>> used = {"a"}
    >>> make_id("Untitled 3", used), make_id("a", used), make_id("??", used)
    ('Untitled-3', 'a-2', 'x')
    """
    base = title if _ID_OK.match(title) and len(title) <= 200 else _ID_BAD.sub("-", title).strip("-.:")[:180]
    if not base or not _ID_OK.match(base):
        base = "x" + ("-" + base if base else "")
        base = base if _ID_OK.match(base) else "x"
    candidate = base
    n = 2
    while candidate in used:
        candidate = f"{base}-{n}"
        n += 1
    used.add(candidate)
    return candidate


def undercut_read_as_attack(target: str) -> str:
    """The note on an undercut of ``target`` (``[T]`` or ``<T>``), which has no inference to aim at."""
    what = f"the statement {target}" if target.startswith("[") else f"{target}, an argument without premise-conclusion structure,"
    return f"read as an attack: an undercut needs an inference to aim at, and {what} has none"


VERBS = {"support": "supports", "attack": "attacks", "undercut": "undercuts"}
"""The verb in the id of an inference made from an Argdown relation: ``b-supports-a``."""


def relation_id(premise: str, verb: str, conclusion: str, used: set, n: int) -> str:
    """The id of the ``n``-th inference made from an Argdown relation: ``b-supports-a``.

    >>> used = {"b-supports-a"}
    >>> relation_id("b", "supports", "a", used, 1), relation_id("c", "attacks", "a", used, 2)
    ('b-supports-a-2', 'c-attacks-a')
    """
    name = f"{premise}-{verb}-{conclusion}"
    if len(name) <= 120 and name not in used:  # two valid ids joined by -verb- make a valid id
        used.add(name)
        return name
    return make_id(name if len(name) <= 120 else f"{verb}-{n}", used)


def claim_data(cid: str, title: str, texts: list[str], section: Optional[str]) -> dict:
    """A claim's data from an equivalence class: its first text (else its title), the
    other texts in ``note``, and its section.

    >>> claim_data("a", "a", ["One.", "Two."], "Intro")
    {'id': 'a', 'text': 'One.', 'note': 'Also stated as: Two.', 'section': 'Intro'}
    """
    claim: dict = {"id": cid, "text": texts[0] if texts else title}
    if len(texts) > 1:
        claim["note"] = "Also stated as: " + " | ".join(texts[1:])
    if section:
        claim["section"] = section
    return claim
