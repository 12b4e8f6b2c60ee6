"""Write a map as Argdown that the Argdown tools read, and that argmap reads back unchanged.

Layout of the output:

* YAML front matter with the map's ``title``, ``model: {removeTagsFromText:
  true}`` (tags stay out of statement texts) and, under ``argmap``, what Argdown
  has no syntax for: ``source``, ``thesis``, ``evidence``.
* every claim as a titled statement ``[id]: text #tag``, grouped under a
  heading whenever the ``section`` changes; fields Argdown cannot hold (kind, qualifier, quote,
  anchor, evidence, note, ...) go in the statement's ``{argmap: {...}}`` data,
  and so do a text, tags or section that would not read back exactly (line
  breaks, Argdown shorthands, ...).
* every support inference as an argument ``<id>`` with its premise–conclusion
  structure: ``(1) [premise] ... -- scheme -- (n) [conclusion]``.
* every attack and undercut (and a support that Argdown's structure cannot
  show, such as a circular one) as an argument without reconstruction whose
  data lists its ``premises``, with ``<+ [premise]`` lines and one relation to
  its target: ``-> [claim]`` for an attack, ``_> <inference>`` for an undercut.

Data is written as JSON (a subset of YAML) with ``{``, ``}`` and ``=`` escaped,
so the Argdown lexer never mistakes it for something else.

>>> from argmap.model import ArgumentMap
>>> m = ArgumentMap.model_validate({"argmap": 1, "claims": [{"id": "a", "text": "A."},
...     {"id": "b", "text": "B [1]."}], "inferences": [{"id": "i", "premises": ["b"], "conclusion": "a"}]})
>>> print(to_argdown(m))  # doctest: +NORMALIZE_WHITESPACE
===
model:
  removeTagsFromText: true
===
<BLANKLINE>
[a]: A.
<BLANKLINE>
[b]: B \\[1\\].
<BLANKLINE>
<i>
<BLANKLINE>
(1) [b]
----
(2) [a]
<BLANKLINE>
"""

from __future__ import annotations

import json
import re
from typing import Any, Optional

from argmap.writers.interop import map_extras
from argmap.model import ArgumentMap, Claim, Inference, InferenceKind

__all__ = ["to_argdown", "write", "escape", "data_json"]

_ESCAPE = re.compile(r"([\\\[\]<>#*_@{}/])")
_LINE_BREAKS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_YAML_UNSAFE = re.compile("[^\x09\x0a\x0d\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[\x85\u2028\u2029{}=<>@]")
"""Characters a JSON string in Argdown data writes as ``\\u`` escapes: what YAML cannot hold
as such, braces (the data block's end), ``=`` (``===`` ends front matter), ``<`` and ``>``
(``<A> {"k": "x>:"}`` would read as the argument definition ``<A> {"k": "x>:``), and ``@``
(the Argdown CLI pastes in the file an ``@include(...)`` names, wherever it stands)."""
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_TAG_OK = re.compile(r"^[A-Za-z0-9_\-\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF]+$")


def escape(text: str) -> str:
    """Backslash-escape Argdown's syntax characters; line breaks become spaces.

    >>> escape("a [b] <c> #d *e* _f_ @g {h} //i")
    'a \\\\[b\\\\] \\\\<c\\\\> \\\\#d \\\\*e\\\\* \\\\_f\\\\_ \\\\@g \\\\{h\\\\} \\\\/\\\\/i'
    """
    escaped = _ESCAPE.sub(r"\\\1", _LINE_BREAKS.sub(" ", text))
    if "==" in escaped:  # "===" anywhere would open front matter for the Argdown CLI
        escaped = re.sub("={2,}", lambda m: "\\=" * len(m.group(0)), escaped)
    # the Argdown CLI pastes in the file "@include(...)" names, escaped or not: break the pattern
    return escaped.replace("\\@include(", "\\@include\\(") if "@include(" in text else escaped


def data_json(value: Any) -> str:
    """JSON that YAML and Argdown's lexer both read as written."""
    text = json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
    return _STRING.sub(lambda s: _YAML_UNSAFE.sub(_u_escape, s.group(0)), text)


def _u_escape(m: re.Match) -> str:
    return "\\u%04x" % ord(m.group(0))


def _tag(tag: str) -> Optional[str]:
    if "@include(" in tag:
        return None  # kept in the data instead
    if _TAG_OK.match(tag):
        return f"#{tag}"
    if tag and ")" not in tag and not _LINE_BREAKS.search(tag) and tag.strip() == tag:
        return f"#({tag})"
    return None


def _reads_back(raw: str) -> tuple[str, list]:
    from argmap.readers.argdown.syntax import Element, parse_content

    el = Element(1, 1, raw=raw)
    el.offsets = [(0, 1, 1)]
    parse_content(el, "<check>", remove_tags=True)
    return el.text, el.tags


def _claim_line(c: Claim, under_heading: bool = False) -> str:
    extra: dict = {}
    dumped = c.model_dump(mode="json", exclude_defaults=True)
    for key, value in dumped.items():  # every field Argdown has no syntax for
        if key not in ("id", "text", "tags", "section"):
            extra[key] = value
    visible = escape(c.text)
    if not visible.strip():
        visible = "\\ "  # a definition needs text: an escaped space (the text travels in the data)
    tags = [_tag(t) for t in c.tags]
    written_tags = " ".join(t for t in tags if t)
    raw = f"[{c.id}]: {visible}" + (f" {written_tags}" if written_tags else "")
    text, read_tags = _reads_back(raw)
    if text != c.text:
        extra["text"] = c.text
    if read_tags != list(c.tags):
        extra["tags"] = list(c.tags)
    if c.section is not None and not _heading(c.section)[1]:
        extra["section"] = c.section
    elif c.section is None and under_heading:
        extra["section"] = None  # a heading above does not apply to this claim
    line = raw
    if extra:
        line += " " + data_json({"argmap": extra})
    return line


def _title(element_id: str) -> str:
    """An argument title at the start of a line: ``<_x>`` would read as an undercut."""
    return "\\" + element_id if element_id.startswith("_") else element_id


def _inference_extra(inf: Inference) -> dict:
    dumped = inf.model_dump(mode="json", exclude_defaults=True)
    return {k: v for k, v in dumped.items() if k not in ("id", "premises", "conclusion", "kind")}


_RULE = re.compile(r"[^\W_][\w '’()&+.-]*", re.UNICODE)
"""A scheme written as inference rules: words, nothing Argdown reads as syntax (the scheme
travels in the argument's data anyway; the rules line is what the Argdown tools show)."""


def _rules_line(scheme: Optional[str]) -> str:
    from argmap.readers.argdown.text import special

    if not scheme or "--" in scheme or "_" in scheme or special(scheme) != scheme:
        return "----"
    rules = [r.strip() for r in scheme.split(",")]
    if ", ".join(rules) != scheme or not all(_RULE.fullmatch(r) and not r.endswith("-") for r in rules):
        return "----"
    return f"-- {scheme} --"


def _pcs_block(inf: Inference) -> list[str]:
    extra = _inference_extra(inf)
    head = f"<{_title(inf.id)}>" + (" " + data_json({"argmap": extra}) if extra else "")
    lines = [head, ""]
    for n, p in enumerate(inf.premises, 1):
        lines.append(f"({n}) [{p}]")
    lines.append(_rules_line(inf.scheme))
    lines.append(f"({len(inf.premises) + 1}) [{inf.conclusion}]")
    return lines


def _relation_block(inf: Inference, m: ArgumentMap) -> list[str]:
    extra = _inference_extra(inf)
    extra["kind"] = inf.kind.value
    extra["premises"] = list(inf.premises)
    lines = [f"<{_title(inf.id)}> " + data_json({"argmap": extra})]
    for p in dict.fromkeys(inf.premises):
        lines.append(f"  <+ [{p}]")
    if inf.kind is InferenceKind.undercut:
        lines.append(f"  _> <{_title(inf.conclusion)}>")  # written as its definition is: the CLI keeps the backslash
    elif inf.kind is InferenceKind.attack:
        lines.append(f"  -> [{inf.conclusion}]")
    else:
        lines.append(f"  +> [{inf.conclusion}]")
    return lines


def _front_matter(m: ArgumentMap) -> list[str]:
    lines = ["==="]
    if m.title is not None:
        lines.append("title: " + data_json(m.title))
    extra: dict = {}
    if m.title is not None and m.title.strip() != m.title or m.title == "":
        extra["title"] = m.title  # Argdown readers trim titles
    lines += ["model:", "  removeTagsFromText: true"]
    extra.update(map_extras(m))
    if extra:
        lines.append("argmap: " + data_json(extra))
    lines.append("===")
    return lines


def _heading(section: str) -> tuple[str, bool]:
    """The heading line for a section, and whether it reads back exactly."""
    from argmap.readers.argdown.syntax import Heading, parse_content

    line = "# " + escape(section)
    h = Heading(1, "", 1, 1, raw=line[2:], offsets=[(0, 1, 3)])
    parse_content(h, "<check>", remove_tags=True, head=False)
    return line, h.text == section


def to_argdown(m: ArgumentMap) -> str:
    """The map as Argdown text. A map without claims gets a heading: the Argdown tools
    refuse a file with front matter and nothing else."""
    out = _front_matter(m) + [""]
    if not m.claims:
        out += ["# (no claims)", ""]
    current: Optional[str] = None
    for c in m.claims:
        if c.section is not None and c.section != current:
            line, _ = _heading(c.section)
            out += [line if line[2:].strip() else "# (section)", ""]
            current = c.section
        out += [_claim_line(c, under_heading=current is not None), ""]
    for inf in m.inferences:
        simple = (
            inf.kind is InferenceKind.support
            and inf.conclusion not in inf.premises
            and len(set(inf.premises)) == len(inf.premises)
        )
        out += (_pcs_block(inf) if simple else _relation_block(inf, m)) + [""]
    return "\n".join(out)


def write(loaded: Any) -> str:
    """Writer entry point (registered in :data:`argmap.formats.FORMATS`)."""
    return to_argdown(loaded.map)
