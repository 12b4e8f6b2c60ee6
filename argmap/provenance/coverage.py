"""Which sentences of the source no claim quotes: the parts the map has not accounted for.

The source text is split into lines; lines matching one of the map's
``source.ignore`` regular expressions (page furniture, headings, a byline)
are left out; every other line is split into sentences with ``pysbd``, each
with its character span. A sentence is **covered** when the quote of at least
one claim, as anchored by :mod:`argmap.provenance.anchoring`, overlaps it. Quotes that
are ambiguous or orphaned cover nothing (``argmap anchor`` reports them).

>>> import pathlib, tempfile
>>> from argmap.loading import load
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "s.txt").write_text("top of page\\nAlpha is true. Beta is false.\\n")
>>> _ = (d / "m.yaml").write_text("argmap: 1\\nsource:\\n  text: s.txt\\n  ignore: ['^top of page$']\\n"
...     "claims:\\n  - id: a\\n    text: A.\\n    quote: Alpha is true\\n")
>>> cov = coverage(load(d / "m.yaml"))
>>> cov.covered, cov.total, [s.text for s in cov.uncovered]
(1, 2, ['Beta is false.'])
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Optional

from argmap.provenance.anchoring import State, anchor_all
from argmap.diagnostics import ArgmapError, Diagnostic

__all__ = ["Sentence", "QuoteSpan", "Segment", "Coverage", "coverage", "split_sentences", "ignore_patterns"]


@dataclass
class Sentence:
    """One sentence of the source: raw span, normalised span, line and column, covering claims."""

    start: int
    end: int
    nstart: int
    nend: int
    line: int
    column: int
    text: str
    claims: list[str] = field(default_factory=list)

    @property
    def covered(self) -> bool:
        return bool(self.claims)

    def to_dict(self) -> dict:
        return {
            "line": self.line,
            "column": self.column,
            "start": self.nstart,
            "end": self.nend,
            "text": self.text,
            "claims": self.claims,
        }


@dataclass
class QuoteSpan:
    """Where a quote sits: raw and normalised spans; ``claim`` is the quoting element's id
    (a claim's, or in :attr:`Coverage.others` an evidence record's or inference's)."""

    claim: str
    start: int
    end: int
    nstart: int
    nend: int
    section: str = "claims"


@dataclass(frozen=True)
class Segment:
    """A stretch of the raw text with one meaning: ``kind`` is covered, uncovered, furniture
    or "" (between sentences); ``claims`` the ids whose quotes span it."""

    start: int
    end: int
    kind: str
    claims: tuple[str, ...] = ()


@dataclass
class Coverage:
    """The coverage of one map's source text."""

    path: str
    source_path: Optional[str]
    raw: str
    sentences: list[Sentence]
    quotes: list[QuoteSpan]
    unplaced: dict[str, str]
    ignored: list[tuple[int, str]]
    claim_text: dict[str, str]
    others: list[QuoteSpan] = field(default_factory=list)
    """Where the quotes of evidence records and inferences sit (they cover nothing)."""

    @property
    def total(self) -> int:
        return len(self.sentences)

    @property
    def covered(self) -> int:
        return sum(1 for s in self.sentences if s.covered)

    @property
    def percent(self) -> float:
        return 100.0 * self.covered / self.total if self.total else 100.0

    @property
    def uncovered(self) -> list[Sentence]:
        return [s for s in self.sentences if not s.covered]

    def segments(self, quotes: Optional[list[QuoteSpan]] = None) -> list[Segment]:
        """The raw text cut where a sentence, a quote (of ``quotes``, default the claims')
        or an ignored line starts or ends, in order."""
        quotes = self.quotes if quotes is None else quotes
        raw = self.raw
        line_starts = [0] + [i + 1 for i, ch in enumerate(raw) if ch == "\n"]
        furniture = []
        for n, _ in self.ignored:
            a = line_starts[n - 1]
            b = raw.find("\n", a)
            furniture.append((a, len(raw) if b < 0 else b))
        cuts = {0, len(raw)}
        for s in self.sentences:
            cuts.update((s.start, s.end))
        for q in quotes:
            cuts.update((q.start, q.end))
        for a, b in furniture:
            cuts.update((a, b))
        points = sorted(c for c in cuts if 0 <= c <= len(raw))
        furniture.sort()
        sentences = sorted(self.sentences, key=lambda s: s.start)
        by_start = sorted(range(len(quotes)), key=lambda i: quotes[i].start)
        out: list[Segment] = []
        f = s = q = 0
        open_quotes: list[int] = []  # indices into quotes, so that ids keep the quotes' order
        for a, b in zip(points, points[1:]):
            while f < len(furniture) and furniture[f][1] <= a:
                f += 1
            while s < len(sentences) and sentences[s].end <= a:
                s += 1
            while q < len(by_start) and quotes[by_start[q]].start <= a:
                open_quotes.append(by_start[q])
                q += 1
            open_quotes = sorted(i for i in open_quotes if quotes[i].end > a)
            kind = ""
            if f < len(furniture) and furniture[f][0] <= a and b <= furniture[f][1]:
                kind = "furniture"
            elif s < len(sentences) and sentences[s].start <= a and b <= sentences[s].end:
                kind = "covered" if sentences[s].covered else "uncovered"
            claims = tuple(quotes[i].claim for i in open_quotes if quotes[i].start <= a and b <= quotes[i].end)
            out.append(Segment(a, b, kind, claims))
        return out

    def to_dict(self) -> dict:
        return {
            "file": self.path,
            "source": self.source_path,
            "sentences": self.total,
            "covered": self.covered,
            "percent": round(self.percent, 2),
            "uncovered": [s.to_dict() for s in self.uncovered],
            "unplaced_quotes": self.unplaced,
            "ignored_lines": [{"line": n, "text": t} for n, t in self.ignored],
            "items": [s.to_dict() for s in self.sentences],
        }


def ignore_patterns(loaded) -> list:
    """The map's ``source.ignore`` patterns, compiled for linear-time matching (RE2:
    a committed map or config cannot make coverage or audit hang); a bad one is a
    located error."""
    from argmap.util.regex import compile_user_regex

    out = []
    for i, pattern in enumerate(loaded.map.source.ignore):
        try:
            out.append(compile_user_regex(pattern))
        except ValueError as exc:
            where = loaded.sourcemap.find(("source", "ignore", i))
            raise ArgmapError(Diagnostic(where, f"source.ignore pattern {pattern!r} is not a valid regular expression: {exc}")) from None
    return out


def _segmenter():
    import pysbd

    return pysbd.Segmenter(language="en", clean=False)


def split_sentences(raw: str, ignore: list = ()) -> tuple[list[tuple[int, int]], list[tuple[int, str]]]:
    """Raw spans of the sentences of ``raw`` (white space trimmed), and the ignored lines.

    >>> spans, _ = split_sentences("One here. Two there.\\n\\nThree")
    >>> [("One here. Two there.\\n\\nThree")[a:b] for a, b in spans]
    ['One here.', 'Two there.', 'Three']
    """
    seg = _segmenter()
    spans: list[tuple[int, int]] = []
    ignored: list[tuple[int, str]] = []
    offset = 0
    for number, line in enumerate(raw.splitlines(keepends=True), start=1):
        body = line.rstrip("\r\n")
        start_of_line = offset
        offset += len(line)
        if not body.strip():
            continue
        if any(p.search(body.strip()) for p in ignore):
            ignored.append((number, body.strip()))
            continue
        pos = 0
        for off, chunk in _chunks(body):
            pos = max(pos, off)
            for piece in seg.segment(chunk):
                text = piece.strip()
                if not text:
                    continue
                at = body.find(text, pos, off + len(chunk))
                if at < 0:  # the splitter changed the text: fall back to the rest of the chunk
                    at = pos
                    text = body[pos : off + len(chunk)].strip()
                    if not text:
                        continue
                    at = body.find(text, pos)
                spans.append((start_of_line + at, start_of_line + at + len(text)))
                pos = at + len(text)
    return spans, ignored


CHUNK = 1000
"""Longest stretch of one line handed to the sentence splitter at once (its time grows
with the square of the length: a 1 MB line took over 5 minutes). A longer line is cut
at the last sentence end (``.``, ``!`` or ``?`` and a space) in each stretch, or at
its last space when it has none."""

_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+(?=\S)")


def _chunks(body: str, size: int = CHUNK):
    """``(offset, text)`` stretches of ``body``, each at most ``size`` long (linear time).

    >>> [c for _, c in _chunks("One. Two three. Four five six.", 12)]
    ['One. ', 'Two three. ', 'Four five ', 'six.']
    """
    start = 0
    while len(body) - start > size:
        window = body[start : start + size]
        cut = 0
        for m in _SENTENCE_END.finditer(window):
            cut = m.end()
        if cut < size // 4:
            space = window.rfind(" ")
            cut = space + 1 if space > 0 else size
        yield start, body[start : start + cut]
        start += cut
    yield start, body[start:]


def _line_col(raw: str, line_starts: list[int], offset: int) -> tuple[int, int]:
    line = bisect.bisect_right(line_starts, offset)
    return line, offset - line_starts[line - 1] + 1


def coverage(loaded) -> Coverage:
    """Sentences of ``loaded``'s source text and the claims whose quotes cover each."""
    from argmap.provenance.anchors import require_source

    from argmap.limits import Limits

    raw = require_source(loaded)
    budget = Limits().coverage_budget
    if len(raw) > budget:
        raise ArgmapError(Diagnostic(
            loaded.sourcemap.find(("source", "text")),
            f"the source text has {len(raw)} characters, over the coverage budget of {budget}"
            " (sentence splitting costs about 10 s per million); raise ARGMAP_COVERAGE_BUDGET to measure it",
        ))
    ignore = ignore_patterns(loaded)
    src, quoted = anchor_all(loaded.map, raw)
    quotes: list[QuoteSpan] = []
    others: list[QuoteSpan] = []
    unplaced: dict[str, str] = {}
    for q in quoted:
        placed = q.match.state not in (State.ambiguous, State.orphaned) and q.match.start is not None
        if q.section != "claims":
            if placed:
                a, b = src.raw_span(q.match.start, q.match.end)  # type: ignore[arg-type]
                others.append(QuoteSpan(q.id, a, b, q.match.start, q.match.end, q.section))  # type: ignore[arg-type]
            continue
        if not placed:
            unplaced[q.id] = q.match.state.value
            continue
        a, b = src.raw_span(q.match.start, q.match.end)  # type: ignore[arg-type]
        quotes.append(QuoteSpan(q.id, a, b, q.match.start, q.match.end))  # type: ignore[arg-type]
    spans, ignored = split_sentences(raw, ignore)
    line_starts = [0] + [i + 1 for i, ch in enumerate(raw) if ch == "\n"]
    sentences = []
    for a, b in spans:
        na, nb = src.normalised_span(a, b)
        line, col = _line_col(raw, line_starts, a)
        claims = [q.claim for q in quotes if q.nstart < nb and na < q.nend]
        sentences.append(Sentence(a, b, na, nb, line, col, src.text[na:nb], sorted(set(claims), key=claims.index)))
    return Coverage(
        path=str(loaded.path),
        source_path=str(loaded.source_path) if loaded.source_path else None,
        raw=raw,
        sentences=sentences,
        quotes=quotes,
        unplaced=unplaced,
        ignored=ignored,
        claim_text={c.id: c.text for c in loaded.map.claims},
        others=others,
    )
