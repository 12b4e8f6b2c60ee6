"""Build a draft map from an article: claims, quotations as evidence, candidate steps.

Everything drafted carries ``draft: true``; quotes are verbatim, anchored by
position with prefix and suffix, so ``argmap anchor`` finds each one
``exact``. Ids are made from a claim's key words. Nothing is invented: an
evidence record has ``by`` only where the text names the speaker, and never a
citation.

>>> m = draft("Prices rose sharply last year, because demand grew in every region. So we should save more.").map
>>> [(c.id, c.kind.value, c.qualifier.value if c.qualifier else None) for c in m.claims]
[('prices-rose-sharply-last', 'fact', None), ('demand-grew-every-region', 'causal', None), ('save', 'evaluation', 'should')]
>>> m.thesis, [(i.premises, i.conclusion, i.quote) for i in m.inferences]
('save', [(['prices-rose-sharply-last'], 'save', 'So'), (['demand-grew-every-region'], 'prices-rose-sharply-last', 'because')])
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from argmap.drafting.lexicon import Lexicon, default_lexicon
from argmap.drafting.relate import Link, propose, thesis_candidate
from argmap.drafting.segment import Layout, Unit, split_units
from argmap.model import ArgumentMap

__all__ = ["Draft", "draft", "ID_WORDS"]

ID_WORDS = 4
"""Key words in a drafted claim's id."""

_STOP = frozenset(
    """a an the and or but if of to in on at by for with from as is are was were be been being it its this that these
    those there their they them he she his her we our you your i not no so than then which who whom whose what when
    where while has have had do does did can could may might must should would will shall also very more most such
    into over under about after before between both either neither each other any all some many much one two first
    because since therefore thus hence however yet although though even just only own same too up down out off s t""".split()
)
_QUOTATION = re.compile(r"“([^”]{2,}?)”|\"([^\"]{2,}?)\"")
_NAME = re.compile(r"(?:(?:The|the)\s+)?(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*$")
_SKIP_BEFORE_VERB = re.compile(r"(?:\s+(?:has|have|had|was|were|is|are|also|then|once|later|again|publicly|\w+ly))+\s*$")
_ACCORDING = re.compile(r"according to ((?:[A-Z][\w.'’-]*\s*){1,4})")


@dataclass
class Draft:
    """The drafted map, and what was found on the way (for the command's summary)."""

    map: ArgumentMap
    layout: Layout
    links: list[Link]


def _slug(text: str, taken: set[str], fallback: str = "claim") -> str:
    words = [w.lower().replace("’", "").replace("'", "") for w in re.findall(r"[A-Za-z0-9][\w'’-]*", text)]
    keys = [w for w in words if w not in _STOP and len(w) > 1][:ID_WORDS] or words[:ID_WORDS] or [fallback]
    base = re.sub(r"[^a-z0-9-]+", "-", "-".join(keys)).strip("-")[:60] or fallback
    if not re.match(r"[a-z0-9_]", base):
        base = f"{fallback}-{base}"
    ident, n = base, 2
    while ident in taken:
        ident, n = f"{base}-{n}", n + 1
    taken.add(ident)
    return ident


def _paraphrase(text: str, unit: Unit) -> str:
    """The unit's words as a claim text: opening connective dropped, capitalised, one closing stop."""
    s = text.strip()
    if unit.opener is not None and unit.opener.start == unit.start:
        s = s[unit.opener.end - unit.start :].lstrip(" ,;:")
    s = s.rstrip(" ,;:–—-")
    if not s:
        s = text.strip()
    s = s[0].upper() + s[1:]
    return s if s[-1] in ".!?" else s + "."


def _quote(raw: str, start: int, end: int) -> tuple[int, int]:
    """The span trimmed of closing commas and stops, so the quote is the words themselves."""
    while end > start and raw[end - 1] in " ,;:–—":
        end -= 1
    return start, end


def _speaker(before: str) -> Optional[str]:
    m = _ACCORDING.search(before)
    if m:
        return m.group(1).strip()
    trimmed = _SKIP_BEFORE_VERB.sub("", before.rstrip())
    m = _NAME.search(trimmed)
    if not m:
        return None
    name = m.group(0).strip()
    return name if name and name[0].isupper() or name.startswith("the ") else None


def draft(
    raw: str,
    *,
    text_ref: Optional[str] = None,
    title: Optional[str] = None,
    lexicon: Optional[Lexicon] = None,
    markdown: bool = False,
) -> Draft:
    """Draft a map of the article ``raw`` (``text_ref``: the source path the map names); the map is ``.map``."""
    from argmap.provenance.anchoring import Source, source_digest

    lex = lexicon or default_lexicon()
    layout = split_units(raw, lex, markdown)
    units = list(layout.units)
    thesis: Optional[int]
    if layout.title is not None:
        a, b = layout.title
        units.insert(0, Unit(a, b, raw[a:b], -1, -1, None, None, None))
        thesis = 0
    else:
        thesis = thesis_candidate(units, lex)
    links = propose(units, thesis)
    src = Source.from_text(raw)
    taken: set[str] = set()

    def anchored(start: int, end: int) -> dict:
        na, nb = src.normalised_span(start, end)
        return src.anchor_for(na, nb).model_dump()

    claims: list[dict] = []
    evidence: list[dict] = []
    for u in units:
        qa, qb = _quote(raw, u.start, u.end)
        claim = {
            "id": _slug(_paraphrase(u.text, u), taken),
            "text": _paraphrase(u.text, u),
            "quote": raw[qa:qb],
            "anchor": anchored(qa, qb),
            "kind": lex.kind_of(u.text),
            "qualifier": lex.hedge_in(u.text),
            "section": u.section,
            "draft": True,
        }
        for m in _QUOTATION.finditer(u.text):
            words = m.group(1) or m.group(2)
            verb = lex.speech_verb(u.text)
            if verb is None and len(words.split()) < 4:
                continue  # a scare quote or a phrase, not reported speech
            speaker = _speaker(u.text[: verb.start()]) if verb is not None and verb.start() < m.start() else _speaker(u.text[: m.start()]) if "according to" in u.text[: m.start()] else None
            ea = u.start + m.start() + 1
            record = {
                "id": _slug(f"{speaker or 'quotation'} {words}", taken, "quotation"),
                "kind": "statement",
                "quote": raw[ea : ea + len(words)],
                "anchor": anchored(ea, ea + len(words)),
                "by": speaker,
                "draft": True,
                "note": "Drafted from a quotation in the article"
                + ("" if speaker else ", which does not say who said it")
                + "; the article gives no citation for it.",
            }
            evidence.append(record)
            claim.setdefault("evidence", []).append(record["id"])
        claims.append(claim)
    ids = [c["id"] for c in claims]
    inferences: list[dict] = []
    step_of: dict[int, str] = {}
    for link in sorted(links, key=lambda l: l.kind == "undercut"):  # undercuts name the step they target
        premise = ids[link.premise]
        if link.kind == "undercut":
            target = step_of.get(link.target)
            if target is None:
                continue
            name = f"{premise}-undercuts-{ids[link.target]}"  # the step out of that claim
        else:
            target = ids[link.target]
            name = f"{premise}-{'supports' if link.kind == 'support' else 'attacks'}-{target}"
        step = {
            "id": _unique(name, taken),
            "premises": [premise],
            "conclusion": target,
            "kind": link.kind,
            "draft": True,
            "note": f"Drafted: {link.reason}.",
        }
        if link.marker is not None:
            step["quote"] = raw[link.marker.start : link.marker.end]
            step["anchor"] = anchored(link.marker.start, link.marker.end)
        inferences.append(step)
        if link.kind != "undercut":
            step_of[link.premise] = step["id"]
    map_title = title or (raw[layout.title[0] : layout.title[1]] if layout.title else None) or (claims[0]["text"] if claims else None)
    source: dict = {
        "title": raw[layout.title[0] : layout.title[1]] if layout.title else None,
        "text": text_ref,
        "sha256": source_digest(raw),
        "ignore": [_line_pattern(line) for _, line in layout.furniture],
    }
    data = {
        "argmap": 1,
        "title": map_title,
        "source": source,
        "thesis": ids[thesis] if thesis is not None and claims else None,
        "claims": claims,
        "evidence": evidence,
        "inferences": inferences,
    }
    return Draft(ArgumentMap.model_validate(data), layout, links)


_LONG_LINE_WORDS = 8


def _line_pattern(line: str) -> str:
    """A readable regular expression for one left-out line: the line itself, or its
    first words then ``.*`` for a long one (a biography, an image credit).

    >>> print(_line_pattern("Martin Wirkus | Fellow"), _line_pattern("a b c d e f g h i j k l"))
    ^Martin Wirkus \\| Fellow$ ^a b c d e f g h .*$
    """
    words = line.split(" ")
    if len(words) > _LONG_LINE_WORDS + 2:
        return "^" + re.sub(r"([.^$*+?{}\[\]\\|()])", r"\\\1", " ".join(words[:_LONG_LINE_WORDS])) + " .*$"
    return "^" + re.sub(r"([.^$*+?{}\[\]\\|()])", r"\\\1", line) + "$"


def _unique(name: str, taken: set[str]) -> str:
    ident, n = name, 2
    while ident in taken:
        ident, n = f"{name}-{n}", n + 1
    taken.add(ident)
    return ident
