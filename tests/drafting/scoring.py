"""Scoring ``argmap draft`` against the English argumentative microtexts (gold ADUs and relations).

The text of a microtext is its EDUs joined with spaces; the gold units are its ADUs (each the
span of its EDUs) and its relations are the ``sup``/``exa`` (support), ``reb`` (attack) and
``und`` (attack on a step) edges, plus ``add`` (one more linked premise of a step).

- Segmentation: a drafted claim matches a gold ADU when their spans overlap by at least 80% of
  both; precision over drafted claims, recall over gold ADUs.
- Relations: a drafted step matches a gold relation with the same premise ADU, the same
  conclusion (an ADU, or for an attack on a step the same step: its premise and conclusion) and
  the same polarity (support, or attack for rebuttals and undercuts).

Two baselines: one claim per sentence with no links, and each sentence supporting the next.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from argmap.drafting.build import draft
from argmap.model import ArgumentMap, InferenceKind

Span = tuple[int, int]
OVERLAP = 0.8


@dataclass
class Text:
    name: str
    text: str
    adus: dict[str, Span]
    relations: set


@dataclass
class Score:
    tp_pred: int = 0
    pred: int = 0
    tp_gold: int = 0
    gold: int = 0

    def add(self, other: "Score") -> None:
        self.tp_pred += other.tp_pred
        self.pred += other.pred
        self.tp_gold += other.tp_gold
        self.gold += other.gold

    @property
    def precision(self) -> float:
        return self.tp_pred / self.pred if self.pred else 0.0

    @property
    def recall(self) -> float:
        return self.tp_gold / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def overlaps(a: Span, b: Span) -> bool:
    """Whether two spans overlap by at least 80% of each."""
    shared = min(a[1], b[1]) - max(a[0], b[0])
    return shared > 0 and shared >= OVERLAP * (a[1] - a[0]) and shared >= OVERLAP * (b[1] - b[0])


def read_microtext(path: Path) -> Text:
    root = ET.parse(path).getroot()
    text, edu_span = "", {}
    for el in root:
        if el.tag == "edu":
            words = (el.text or "").strip()
            if text:
                text += " "
            edu_span[el.get("id")] = (len(text), len(text) + len(words))
            text += words
    edges = {el.get("id"): (el.get("src"), el.get("trg"), el.get("type")) for el in root if el.tag == "edge"}
    members: dict[str, list[Span]] = {}
    for src, trg, kind in edges.values():
        if kind == "seg":
            members.setdefault(trg, []).append(edu_span[src])
    adus = {a: (min(s[0] for s in spans), max(s[1] for s in spans)) for a, spans in members.items()}
    steps = {e: v for e, v in edges.items() if v[2] != "seg"}

    def target(trg: str):
        if trg in adus:
            return adus[trg]
        src, t, _ = steps[trg]
        return ("step", adus[src], target(t))

    relations = set()
    for src, trg, kind in steps.values():
        if kind in ("sup", "exa"):
            relations.add((adus[src], target(trg), "support"))
        elif kind in ("reb", "und"):
            relations.add((adus[src], target(trg), "attack"))
        elif kind == "add":
            _, t0, k0 = steps[trg]
            relations.add((adus[src], target(t0), "support" if k0 in ("sup", "exa") else "attack"))
    return Text(path.stem, text, adus, relations)


def corpus(folder: Path) -> list[Text]:
    return [read_microtext(p) for p in sorted(folder.glob("*.xml"))]


def _snap(span: Span, gold: list[Span]):
    """The gold ADU a drafted span matches, else the span itself (which then matches nothing)."""
    for g in gold:
        if overlaps(span, g):
            return g
    return ("unmatched", span)


def segmentation(pred: list[Span], gold: list[Span]) -> Score:
    return Score(
        sum(1 for p in pred if any(overlaps(p, g) for g in gold)),
        len(pred),
        sum(1 for g in gold if any(overlaps(p, g) for p in pred)),
        len(gold),
    )


def relation_score(pred: set, gold: set) -> Score:
    hits = len(pred & gold)
    return Score(hits, len(pred), hits, len(gold))


def map_spans(m: ArgumentMap, text: str) -> dict[str, Span]:
    """Raw spans of the drafted claims (from their anchors)."""
    from argmap.provenance.anchoring import Source

    src = Source.from_text(text)
    return {c.id: src.raw_span(c.anchor.start, c.anchor.end) for c in m.claims if c.anchor is not None}


def map_relations(m: ArgumentMap, spans: dict[str, Span], gold: list[Span]) -> set:
    def target(conclusion: str, depth: int = 0):
        if conclusion in spans:
            return _snap(spans[conclusion], gold)
        inf = m.inference(conclusion)
        if inf is None or depth > 5:
            return None
        return ("step", _snap(spans[inf.premises[0]], gold), target(inf.conclusion, depth + 1))

    out = set()
    for inf in m.inferences:
        polarity = "support" if inf.kind is InferenceKind.support else "attack"
        for p in inf.premises:
            out.add((_snap(spans[p], gold), target(inf.conclusion), polarity))
    return out


def sentences(text: str) -> list[Span]:
    from argmap.provenance.coverage import split_sentences

    return split_sentences(text)[0]


@dataclass
class Row:
    name: str
    segmentation: Score
    relations: Score


def evaluate(texts: list[Text]) -> list[Row]:
    """The draft and both baselines over ``texts``, summed."""
    rows = {n: Row(n, Score(), Score()) for n in ("argmap draft", "baseline: sentence, no links", "baseline: sentence supports next")}
    for t in texts:
        gold = list(t.adus.values())
        m = draft(t.text).map
        spans = map_spans(m, t.text)
        rows["argmap draft"].segmentation.add(segmentation(list(spans.values()), gold))
        rows["argmap draft"].relations.add(relation_score(map_relations(m, spans, gold), t.relations))
        sent = sentences(t.text)
        seg = segmentation(sent, gold)
        rows["baseline: sentence, no links"].segmentation.add(seg)
        rows["baseline: sentence, no links"].relations.add(relation_score(set(), t.relations))
        chain = {(_snap(a, gold), _snap(b, gold), "support") for a, b in zip(sent, sent[1:])}
        rows["baseline: sentence supports next"].segmentation.add(seg)
        rows["baseline: sentence supports next"].relations.add(relation_score(chain, t.relations))
    return list(rows.values())


def format_table(rows: list[Row]) -> str:
    lines = [
        f"{'':34} {'segmentation':>22}   {'relations':>22}",
        f"{'':34} {'P':>6} {'R':>7} {'F1':>7}   {'P':>6} {'R':>7} {'F1':>7}",
    ]
    for r in rows:
        s, q = r.segmentation, r.relations
        lines.append(f"{r.name:34} {s.precision:6.3f} {s.recall:7.3f} {s.f1:7.3f}   {q.precision:6.3f} {q.recall:7.3f} {q.f1:7.3f}")
    return "\n".join(lines)


def bundled_step_matches(bundled: ArgumentMap, drafted: ArgumentMap, text: str) -> tuple[int, int]:
    """How many of the bundled map's steps have a drafted step with the same premise and
    conclusion sentences (by the sentence each claim's quote starts in); (matched, steps with
    quoted premises and conclusion)."""
    import bisect

    from argmap.provenance.anchoring import anchor_all

    sent = sentences(text)
    starts = [a for a, _ in sent]

    def sentence_of(m: ArgumentMap) -> dict[str, int]:
        src, quoted = anchor_all(m, text)
        out = {}
        for q in quoted:
            if q.section == "claims" and q.match.start is not None:
                a, _ = src.raw_span(q.match.start, q.match.end)
                out[q.id] = bisect.bisect_right(starts, a) - 1
        return out

    def pairs(m: ArgumentMap, where: dict[str, int]) -> dict[str, set]:
        out: dict[str, set] = {}
        for inf in m.inferences:
            c: Optional[int] = where.get(inf.conclusion)
            if c is None:
                continue
            out[inf.id] = {(where[p], c) for p in inf.premises if p in where}
        return out

    b_where, d_where = sentence_of(bundled), sentence_of(drafted)
    drafted_pairs = set().union(*pairs(drafted, d_where).values()) if drafted.inferences else set()
    counted = matched = 0
    for step, ps in pairs(bundled, b_where).items():
        if not ps:
            continue
        counted += 1
        matched += bool(ps & drafted_pairs)
    return matched, counted


def quoted_sentences_covered(bundled_loaded, drafted: ArgumentMap) -> tuple[int, int]:
    """Of the source sentences the bundled map's claims quote (split as ``argmap coverage``
    splits them), how many a drafted claim's quote overlaps; (covered, quoted)."""
    from argmap.provenance.coverage import coverage

    cov = coverage(bundled_loaded)
    spans = list(map_spans(drafted, cov.raw).values())
    quoted = [s for s in cov.sentences if s.claims]
    covered = sum(1 for s in quoted if any(a < s.end and s.start < b for a, b in spans))
    return covered, len(quoted)
