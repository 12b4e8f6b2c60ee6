"""Anchor quotes to the source text, and find them again after the text changed.

This follows the W3C Web Annotation model. A quote is held by two selectors:
a **TextQuoteSelector** (the quote itself, ``exact``, with about 32
characters of ``prefix`` and ``suffix``) and a **TextPositionSelector**
(``start`` inclusive, ``end`` exclusive). The map stores them as
:class:`argmap.model.Anchor` (``start``, ``end``, ``prefix``, ``suffix``).

Normalisation, defined once here and used by every part of argmap:

* the text is put in Unicode NFC;
* every run of white space becomes one space, and leading and trailing white
  space is dropped — so positions count code points of this *normalised*
  text, and re-wrapping a paragraph does not move anything;
* for *matching* only, curly and straight quote marks are the same, and all
  dashes and hyphens are the same (:func:`fold`). Folding replaces one
  character by one character, so positions are shared.

>>> src = Source.from_text("He said  “yes”\\n— and left.")
>>> src.text
'He said “yes” — and left.'
>>> src.find_all(fold('"yes" - and'))
[8]
>>> src.raw_span(8, 13)
(9, 14)

Re-anchoring works like Hypothesis does: an exact search first; then an
approximate search (``edlib``, infix mode) scored on the quote, the prefix,
the suffix and the distance from the old position; and when the best
candidate is weak, prefix + quote + suffix are aligned as one pattern so that
a reworded quote whose words also occur elsewhere is not anchored to the
wrong copy. Each quote ends in one :class:`State`:

>>> old = src.anchor_for(8, 13)
>>> locate(src, "“yes”", old).state.value
'exact'
>>> locate(src, "no such words anywhere", old).state.value
'orphaned'
"""

from __future__ import annotations

import enum
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Iterator, Optional

from argmap.model import Anchor

__all__ = [
    "CONTEXT",
    "FUZZY_THRESHOLD",
    "STRONG_MATCH",
    "CONTEXT_MARGIN",
    "CONTEXT_MINIMUM",
    "SCORE_LEAD",
    "RIVAL_MARGIN",
    "State",
    "Source",
    "Match",
    "Quoted",
    "KINDS",
    "normalise",
    "fold",
    "source_digest",
    "source_changed",
    "locate",
    "quoted_elements",
    "anchor_all",
    "selectors",
]

CONTEXT = 32
"""Characters of prefix and suffix kept around a quote."""

FUZZY_THRESHOLD = 0.75
"""Lowest similarity (1 − edits / quote length) at which an approximate match counts as ``fuzzy``."""

STRONG_MATCH = 0.9
"""A candidate at least this similar, and clearly ahead of the next, needs no full-context alignment."""

CONTEXT_MARGIN = 0.25
"""How far (in summed prefix and suffix similarity, 0 to 2) the copy of a repeated quote
whose surroundings fit the stored prefix and suffix best must lead the next to be chosen."""

CONTEXT_MINIMUM = 1.0
"""The summed prefix and suffix similarity (0 to 2) a copy needs to be chosen by its context
(the one exact copy of a quote found away from its anchor included)."""

SCORE_LEAD = 10
"""How far ahead (in :func:`_score` points, quote 50, prefix 20, suffix 20, position 2) an
approximate candidate must be to count as the clear one."""

RIVAL_MARGIN = 0.1
"""A second approximate copy at most this much less similar makes the quote ambiguous."""

_DASHES = "-‐‑‒–—―−⁃﹘﹣－"
_FOLD = str.maketrans(
    {**{c: '"' for c in "“”„‟«»″\""}, **{c: "'" for c in "‘’‚‛‹›′`´'"}, **{c: "-" for c in _DASHES}}
)


class State(str, enum.Enum):
    """What became of a quote when it was looked for in the source."""

    exact = "exact"
    """Found once, where the anchor says (or found once and there was no anchor)."""
    moved = "moved"
    """Found exactly, but somewhere else than the anchor says."""
    ambiguous = "ambiguous"
    """Found more than once, and prefix and suffix do not decide which."""
    fuzzy = "fuzzy"
    """Found only approximately (see :attr:`Match.similarity` and the span found)."""
    orphaned = "orphaned"
    """Not found."""


def normalise(text: str) -> str:
    """NFC, white space folded to single spaces, stripped.

    >>> normalise(" a\\u00a0 b\\n\\tc ")
    'a b c'
    """
    return Source.from_text(text).text


def fold(text: str) -> str:
    """Make quote marks and dashes equal for matching (one character for one).

    >>> fold("Russia’s “war” — 2020–2023")
    'Russia\\'s "war" - 2020-2023'
    """
    return text.translate(_FOLD)


def source_digest(text: str) -> str:
    """sha256 of the normalised source text (what ``source.sha256`` records).

    >>> source_digest("a  b\\n") == source_digest("a b")
    True
    """
    return Source.from_text(text).digest


def source_changed(loaded) -> list[str]:
    """A warning when the source text no longer has the digest the map recorded."""
    recorded = loaded.map.source.sha256
    if not recorded or loaded.source_text is None:
        return []
    if source_digest(loaded.source_text) != recorded:
        where = loaded.sourcemap.find(("source", "sha256"))
        return [f"{where}: the source text changed since the map was anchored; run 'argmap anchor {loaded.path}'"]
    return []


def _clusters(raw: str) -> Iterator[tuple[int, int]]:
    """Spans of ``raw`` that NFC may merge: a character and the combining marks after it."""
    start = 0
    for i in range(1, len(raw) + 1):
        if i == len(raw) or not _joins(raw[i]):
            yield start, i
            start = i


def _joins(ch: str) -> bool:
    return unicodedata.combining(ch) != 0 or "\u1160" <= ch <= "\u11ff"  # marks, Hangul vowels/finals


@dataclass
class Source:
    """A source text in normalised form, with a map back to the raw text.

    ``text`` is the normalised text (what positions count); ``folded`` is the
    same with quote marks and dashes folded (what matching compares);
    ``starts[i]``/``ends[i]`` are the raw offsets of normalised character ``i``.
    """

    raw: str
    text: str
    folded: str
    starts: list[int]
    ends: list[int]
    _code: object = field(default=None, repr=False, compare=False)

    @classmethod
    def from_text(cls, raw: str) -> "Source":
        out: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        pending_space: Optional[tuple[int, int]] = None
        simple = unicodedata.is_normalized("NFC", raw)
        spans = ((i, i + 1) for i in range(len(raw))) if simple else _clusters(raw)
        for a, b in spans:
            piece = raw[a:b] if simple else unicodedata.normalize("NFC", raw[a:b])
            if piece.isspace():
                if out:
                    pending_space = (pending_space[0], b) if pending_space else (a, b)
                continue
            if pending_space:
                out.append(" ")
                starts.append(pending_space[0])
                ends.append(pending_space[1])
                pending_space = None
            for ch in piece:
                out.append(ch)
                starts.append(a)
                ends.append(b)
        text = "".join(out)
        return cls(raw=raw, text=text, folded=fold(text), starts=starts, ends=ends)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The raw-text span of normalised ``[start, end)``."""
        if start >= end:
            pos = self.starts[start] if start < len(self.starts) else len(self.raw)
            return pos, pos
        return self.starts[start], self.ends[end - 1]

    def normalised_span(self, start: int, end: int) -> tuple[int, int]:
        """The normalised span of raw ``[start, end)``: the characters whose raw text begins in it.

        >>> src = Source.from_text("  a  b c")
        >>> src.text[slice(*src.normalised_span(2, 6))]
        'a b'
        """
        import bisect

        return bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)

    def find_all(self, folded_quote: str) -> list[int]:
        """Every start of ``folded_quote`` in the folded text, overlaps included."""
        found, pos = [], self.folded.find(folded_quote)
        while pos != -1 and folded_quote:
            found.append(pos)
            pos = self.folded.find(folded_quote, pos + 1)
        return found

    def anchor_for(self, start: int, end: int) -> Anchor:
        """The selectors of normalised ``[start, end)``: position plus prefix and suffix."""
        return Anchor(
            start=start,
            end=end,
            prefix=self.text[max(0, start - CONTEXT) : start],
            suffix=self.text[end : end + CONTEXT],
        )

    @property
    def digest(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def byte_code(self) -> Optional[tuple[dict, bytes]]:
        """The folded text as one byte per character, when it has at most 254 distinct characters.

        ``edlib`` aligns bytes far faster than strings. Byte 254 stands for a
        pattern character the text does not have, 255 for a masked-out span.
        """
        if self._code is None:
            alphabet = sorted(set(self.folded))
            if len(alphabet) > 254:
                self._code = False
            else:
                table = {c: i for i, c in enumerate(alphabet)}
                data = self.folded.translate({ord(c): i for c, i in table.items()}).encode("latin-1")
                self._code = (table, data)
        return self._code or None


@dataclass
class Match:
    """Where a quote was found (or not), and how well."""

    state: State
    start: Optional[int] = None
    end: Optional[int] = None
    similarity: float = 0.0
    found: Optional[str] = None
    candidates: list[tuple[int, int]] = field(default_factory=list)
    note: str = ""

    def to_dict(self) -> dict:
        return {
            "state": self.state.value,
            "start": self.start,
            "end": self.end,
            "similarity": round(self.similarity, 3),
            "found": self.found,
            "candidates": [list(c) for c in self.candidates],
            "note": self.note,
        }


# ------------------------------------------------------------ approximate search


def _encode(pattern: str, *texts: str) -> tuple[str, list[str]]:
    """Map the texts onto the pattern's alphabet, everything else onto one placeholder.

    ``edlib`` takes at most 256 distinct symbols; a pattern with more keeps
    its 255 commonest characters and the rest share the placeholder too.
    """
    counts: dict[str, int] = {}
    for ch in pattern:
        counts[ch] = counts.get(ch, 0) + 1
    keep = set(sorted(counts, key=lambda c: -counts[c])[:255]) if len(counts) > 255 else set(counts)
    placeholder = next(chr(c) for c in range(0xE000, 0xF8FF) if chr(c) not in keep)

    def enc(s: str) -> str:
        table = {ord(c): placeholder for c in set(s) - keep}
        return s.translate(table) if table else s

    return enc(pattern), [enc(t) for t in texts]


def _search(
    pattern: str, src: Source, max_edits: int, mask: Optional[tuple[int, int]] = None
) -> tuple[int, list[tuple[int, int]]]:
    """Best edit distance of ``pattern`` anywhere in ``src`` (outside ``mask``) and the spans that reach it."""
    import edlib

    if not pattern or not src.folded:
        return -1, []
    code = src.byte_code()
    if code is not None:
        table, t = code
        p: object = bytes(table.get(c, 254) for c in pattern)
        if mask:
            t = t[: mask[0]] + b"\xff" * (mask[1] - mask[0]) + t[mask[1] :]
    else:
        text = src.folded
        if mask:
            text = text[: mask[0]] + "\uffff" * (mask[1] - mask[0]) + text[mask[1] :]
        p, (t,) = _encode(pattern, text)  # type: ignore[assignment]
    res = edlib.align(p, t, mode="HW", task="locations", k=max_edits)
    if res["editDistance"] < 0:
        return -1, []
    spans: list[tuple[int, int]] = []
    for a, b in res["locations"]:
        a = 0 if a is None else a
        spans.append((a, b + 1))
    return res["editDistance"], _distinct(spans)


def _distinct(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One span per region: overlapping spans of the same best score are one candidate."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a < out[-1][1]:
            continue
        out.append((a, b))
    return out


def _similarity(a: str, b: str) -> float:
    """1 − (edit distance / length of the longer), 1.0 for equal strings."""
    import edlib

    if not a and not b:
        return 1.0
    if not a or not b:
        return 0.0
    p, (t,) = _encode(a, b)
    d = edlib.align(p, t, mode="NW", task="distance")["editDistance"]
    return max(0.0, 1.0 - d / max(len(a), len(b)))


def _context_score(src: Source, start: int, end: int, old: Optional[Anchor]) -> tuple[float, float]:
    """Similarity of the stored prefix and suffix to the text around ``[start, end)``."""
    if old is None:
        return 0.0, 0.0
    pre = fold(old.prefix)
    suf = fold(old.suffix)
    here_pre = src.folded[max(0, start - len(pre)) : start]
    here_suf = src.folded[end : end + len(suf)]
    return (_similarity(pre, here_pre) if pre else 0.0, _similarity(suf, here_suf) if suf else 0.0)


def _score(src: Source, span: tuple[int, int], quote_sim: float, old: Optional[Anchor]) -> float:
    """Hypothesis-style weighted score: quote 50, prefix 20, suffix 20, position 2."""
    pre, suf = _context_score(src, span[0], span[1], old)
    pos = 0.0
    if old is not None and src.text:
        pos = 1.0 - min(1.0, abs(span[0] - old.start) / len(src.text))
    return 50 * quote_sim + 20 * pre + 20 * suf + 2 * pos


def _align_in_context(src: Source, quote: str, old: Anchor) -> Optional[tuple[list[tuple[int, int]], float]]:
    """Align prefix + quote + suffix as one pattern; the quote's span in each best place.

    Returns the spans (one per equally good place) and the quote's own
    similarity there, or ``None`` when the whole pattern fits nowhere.
    """
    import edlib

    pre, suf = fold(old.prefix), fold(old.suffix)
    pattern = pre + quote + suf
    limit = int(len(pattern) * (1 - FUZZY_THRESHOLD))
    dist, places = _search(pattern, src, limit)
    if dist < 0:
        return None
    spans = []
    for a, b in places:
        p, (t,) = _encode(pattern, src.folded[a:b])
        path = edlib.align(p, t, mode="NW", task="path")
        qa, qb = _project(path["cigar"], len(pre), len(pre) + len(quote))
        spans.append((a + qa, a + qb))
    spans = _distinct(spans)
    best = max(_similarity(quote, src.folded[a:b]) for a, b in spans)
    return spans, best


def _project(cigar: str, p_start: int, p_end: int) -> tuple[int, int]:
    """Target offsets aligned to pattern offsets ``[p_start, p_end)`` along an edlib CIGAR."""
    pi = ti = 0
    t_start = t_end = None
    for count, op in re.findall(r"(\d+)([=XID])", cigar or ""):
        for _ in range(int(count)):
            if t_start is None and pi >= p_start:
                t_start = ti
            if pi >= p_end:
                t_end = ti
                return t_start if t_start is not None else ti, t_end
            if op in "=X":
                pi += 1
                ti += 1
            elif op == "I":  # a pattern character not in the target
                pi += 1
            else:  # "D": a target character not in the pattern
                ti += 1
    if t_start is None:
        t_start = ti
    return t_start, ti


# ------------------------------------------------------------------ locate


def locate(src: Source, quote: str, old: Optional[Anchor] = None) -> Match:
    """Find ``quote`` in ``src``, using the old anchor (if any) to choose and to compare."""
    q = fold(normalise(quote))
    if not q:
        return Match(State.orphaned, note="the quote is empty")
    hits = src.find_all(q)
    if len(hits) == 1:
        span = (hits[0], hits[0] + len(q))
        moved = old is not None and (old.start, old.end) != span and bool(old.prefix or old.suffix)
        if moved and sum(_context_score(src, span[0], span[1], old)) < CONTEXT_MINIMUM:
            rival = _context_rival(src, q, old, span)  # type: ignore[arg-type]
            if rival is not None:
                return Match(
                    State.ambiguous,
                    similarity=1.0,
                    candidates=sorted([span, rival]),
                    note=(
                        f"the exact words occur at {span[0]}-{span[1]}, but the quote's prefix and suffix "
                        f"point to {rival[0]}-{rival[1]}, where the words changed"
                    ),
                )
        return _found(src, span[0], span[1], old, 1.0)
    if len(hits) > 1:
        spans = [(h, h + len(q)) for h in hits]
        chosen = _decide(src, spans, old)
        if chosen is None:
            return Match(
                State.ambiguous,
                similarity=1.0,
                candidates=spans,
                note=f"found {len(spans)} times; prefix and suffix do not decide",
            )
        return _found(src, chosen[0], chosen[1], old, 1.0)
    return _approximate(src, q, old)


def _found(src: Source, start: int, end: int, old: Optional[Anchor], sim: float) -> Match:
    text = src.text[start:end]
    if sim < 1.0:
        return Match(State.fuzzy, start, end, sim, text, [(start, end)])
    if old is None or (old.start == start and old.end == end):
        return Match(State.exact, start, end, 1.0, text, [(start, end)])
    return Match(State.moved, start, end, 1.0, text, [(start, end)], note=f"was at {old.start}-{old.end}")


def _decide(src: Source, spans: list[tuple[int, int]], old: Optional[Anchor]) -> Optional[tuple[int, int]]:
    """The one span whose surroundings match the stored prefix/suffix best, if one stands out."""
    if old is None or not (old.prefix or old.suffix):
        return None
    scored = sorted(((sum(_context_score(src, a, b, old)), (a, b)) for a, b in spans), reverse=True)
    best, runner_up = scored[0][0], scored[1][0]
    if best >= CONTEXT_MINIMUM and best - runner_up >= CONTEXT_MARGIN:
        return scored[0][1]
    return None


def _approximate(src: Source, q: str, old: Optional[Anchor]) -> Match:
    if len(q) * FUZZY_THRESHOLD > len(src.folded):
        return Match(State.orphaned, note="the quote is longer than the source text")
    from argmap.limits import Limits

    budget = Limits().fuzzy_budget
    if len(q) * len(src.folded) > budget:  # the search costs quote x source: 160 KB in 1 MB took 13 s
        return Match(
            State.orphaned,
            note=(
                f"not found exactly, and a {len(q)}-character quote in a {len(src.folded)}-character text is over"
                f" the approximate-search budget of {budget} character pairs; raise ARGMAP_FUZZY_BUDGET to search"
            ),
        )
    limit = int(len(q) * (1 - FUZZY_THRESHOLD))
    dist, spans = _search(q, src, limit)
    sims = {s: _similarity(q, src.folded[s[0] : s[1]]) for s in spans}
    ranked = sorted(spans, key=lambda s: _score(src, s, sims[s], old), reverse=True)
    has_context = old is not None and bool(old.prefix or old.suffix)
    best = ranked[0] if ranked else None
    clear = len(ranked) == 1 or (
        len(ranked) > 1 and _score(src, ranked[0], sims[ranked[0]], old) - _score(src, ranked[1], sims[ranked[1]], old) >= SCORE_LEAD
    )
    if best is not None and sims[best] >= STRONG_MATCH and clear:
        if not has_context or sum(_context_score(src, best[0], best[1], old)) >= CONTEXT_MINIMUM:
            return _fuzzy_or_orphan(src, best, sims[best])
    if has_context:
        # Weak, undecided, or out of context: align prefix + quote + suffix as one pattern.
        aligned = _align_in_context(src, q, old)  # type: ignore[arg-type]
        if aligned is not None:
            places, sim = aligned
            if len(places) > 1:
                return Match(
                    State.ambiguous,
                    similarity=sim,
                    candidates=places,
                    note=f"approximately found {len(places)} times; prefix and suffix do not decide",
                )
            place = _trim(src, places[0])
            place_sim = _similarity(q, src.folded[place[0] : place[1]])
            if best is not None and _overlaps(place, best) and sims[best] > place_sim:
                place, place_sim = best, sims[best]  # the same place; the quote alone aligns better
            if best is not None and not _overlaps(place, best) and sims[best] >= FUZZY_THRESHOLD:
                lead = _score(src, place, place_sim, old) - _score(src, best, sims[best], old)
                if lead >= SCORE_LEAD and place_sim >= FUZZY_THRESHOLD:
                    return _fuzzy_or_orphan(src, place, place_sim)
                return Match(
                    State.ambiguous,
                    similarity=max(place_sim, sims[best]),
                    candidates=sorted([place, best]),
                    note=(
                        f"the quote's words match at {best[0]}-{best[1]} ({sims[best]:.0%}) but its "
                        f"prefix and suffix point to {place[0]}-{place[1]} ({place_sim:.0%})"
                    ),
                )
            return _fuzzy_or_orphan(src, place, place_sim)
    if best is None:
        return Match(State.orphaned, note="not found, not even approximately")
    if clear:
        rival = _runner_up(src, q, best, limit)
        if rival is not None and sims[best] - rival[1] < RIVAL_MARGIN:
            ranked, clear = [best, rival[0]], False
    if not clear:
        return Match(
            State.ambiguous,
            similarity=sims[best],
            candidates=sorted(_trim(src, c) for c in ranked),
            note=f"approximately found {len(ranked)} times and no prefix or suffix to decide",
        )
    return _fuzzy_or_orphan(src, best, sims[best])


def _runner_up(src: Source, q: str, best: tuple[int, int], limit: int) -> Optional[tuple[tuple[int, int], float]]:
    """The next best approximate place once ``best`` is masked out, if it is good enough to matter."""
    dist, spans = _search(q, src, limit, mask=best)
    if dist < 0:
        return None
    spans = [sp for sp in spans if not _overlaps(sp, best)]
    if not spans:
        return None
    rival = max(spans, key=lambda sp: _similarity(q, src.folded[sp[0] : sp[1]]))
    sim = _similarity(q, src.folded[rival[0] : rival[1]])
    return (_trim(src, rival), sim) if sim >= FUZZY_THRESHOLD else None


def _trim(src: Source, span: tuple[int, int]) -> tuple[int, int]:
    """Drop spaces an approximate alignment left at either end of a span."""
    a, b = span
    while a < b and src.text[a] == " ":
        a += 1
    while b > a and src.text[b - 1] == " ":
        b -= 1
    return a, b


def _context_rival(src: Source, q: str, old: Anchor, span: tuple[int, int]) -> Optional[tuple[int, int]]:
    """Where prefix + quote + suffix point when that is not ``span`` and the quote nearly fits there."""
    aligned = _align_in_context(src, q, old)
    if aligned is None or len(aligned[0]) != 1:
        return None
    place = _trim(src, aligned[0][0])
    if _overlaps(place, span) or _similarity(q, src.folded[place[0] : place[1]]) < FUZZY_THRESHOLD:
        return None
    return place


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


WORD_REACH = 20
"""How far (characters) a span is widened, at most, to reach a word's edge."""


def _in_word(ch: str) -> bool:
    """A letter or digit of a script that separates words by spaces (not CJK, Thai, ...)."""
    return ch.isalnum() and ord(ch) < 0x0E00


def whole_words(src: Source, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` widened so that it neither starts nor ends inside a word: an approximate
    match may stop mid-word (``he majority`` for "h a majority"), and a quote written back into
    the map must be the author's words. An edge whose word goes on for more than
    :data:`WORD_REACH` characters, or in a script without spaces, stays where it is.

    >>> src = Source.from_text("with the majority Muslim country is")
    >>> src.text[slice(*whole_words(src, 6, 28))]
    'the majority Muslim country'
    """
    text = src.text

    def edge(pos: int, step: int) -> int:
        k = pos
        while 0 < k < len(text) and _in_word(text[k - 1]) and _in_word(text[k]):
            k += step
            if abs(k - pos) > WORD_REACH:
                return pos
        return k

    a = edge(start, -1) if start < end else start
    b = edge(end, 1) if start < end else end
    return a, b


def _fuzzy_or_orphan(src: Source, span: tuple[int, int], sim: float) -> Match:
    span = _trim(src, span)
    if sim < FUZZY_THRESHOLD:
        return Match(State.orphaned, similarity=sim, note=f"best approximate match only {sim:.0%} similar")
    return Match(State.fuzzy, span[0], span[1], sim, src.text[span[0] : span[1]], [span])


# ------------------------------------------------------------- whole maps


@dataclass
class Quoted:
    """One quote of a map and what became of it."""

    section: str  # "claims", "evidence" or "inferences"
    index: int
    id: str
    quote: str
    anchor: Optional[Anchor]
    match: Match

    @property
    def path(self) -> tuple:
        return (self.section, self.index)

    def new_anchor(self, src: Source) -> Optional[Anchor]:
        """The selectors to store for this quote, or None when it cannot be placed."""
        if self.match.start is None or self.match.end is None:
            return None
        return src.anchor_for(self.match.start, self.match.end)

    def to_dict(self) -> dict:
        return {"kind": KINDS[self.section], "id": self.id, "quote": self.quote, **self.match.to_dict()}


KINDS = {"claims": "claim", "evidence": "evidence", "inferences": "inference"}
"""Section of the map → the name of one of its elements."""


def quoted_elements(m) -> Iterator[tuple[str, int, object]]:
    """Claims, evidence and inferences whose quote comes from the map's own source text.

    Evidence added by the analyst quotes an outside source, so it is skipped.
    """
    for i, claim in enumerate(m.claims):
        if claim.quote:
            yield "claims", i, claim
    for i, ev in enumerate(m.evidence):
        if ev.quote and getattr(ev.added_by, "value", ev.added_by) == "author":
            yield "evidence", i, ev
    for i, inf in enumerate(m.inferences):
        if inf.quote:
            yield "inferences", i, inf


def anchor_all(m, source_text: str) -> tuple[Source, list[Quoted]]:
    """Locate every quote of map ``m`` in ``source_text``."""
    src = Source.from_text(source_text)
    out = []
    for section, i, el in quoted_elements(m):
        anchor = getattr(el, "anchor", None)
        out.append(Quoted(section, i, el.id, el.quote, anchor, locate(src, el.quote, anchor)))  # type: ignore[attr-defined]
    return src, out


def selectors(quote: str, anchor: Optional[Anchor]) -> list[dict]:
    """W3C selectors for a quote: TextQuoteSelector, plus TextPositionSelector when anchored.

    >>> [s["type"] for s in selectors("yes", Anchor(start=3, end=6, prefix="He ", suffix="."))]
    ['TextQuoteSelector', 'TextPositionSelector']
    """
    quote_sel = {"type": "TextQuoteSelector", "exact": normalise(quote)}
    if anchor is None:
        return [quote_sel]
    quote_sel["prefix"] = anchor.prefix
    quote_sel["suffix"] = anchor.suffix
    return [quote_sel, {"type": "TextPositionSelector", "start": anchor.start, "end": anchor.end}]
