"""schema.org ClaimReview (JSON-LD): one per reviewed claim, from reviewers' verdicts.

Verdicts come from review files (``argmap review``): every entry whose
target is a claim gives one ClaimReview. ``argmap export --to claimreview``
reads the review files next to the map that name it (``*.review.yaml``);
:func:`claim_reviews` takes the verdicts directly, as :class:`ReviewedClaim`.

The rating scale (``reviewRating``): 1 reject, 2 challenge, 3 needs-evidence,
4 accept, with the verdict in words as ``alternateName``. The context is the
schema.org vocabulary, written inline (``@vocab``): nothing is fetched.

>>> from argmap.model import ArgumentMap
>>> m = ArgumentMap.model_validate({"argmap": 1, "source": {"author": "A. Author", "title": "T"},
...     "claims": [{"id": "c", "text": "Serbia signed a plan.", "quote": "Serbia signed"}]})
>>> doc = claim_reviews(m, [ReviewedClaim("c", "challenge", "R. Viewer", "2026-11-27", "Which plan?")])
>>> r = doc["@graph"][0]
>>> r["reviewRating"]["alternateName"], r["reviewRating"]["ratingValue"], r["author"]["name"]
('Challenged', 2, 'R. Viewer')
"""

from __future__ import annotations

from argmap.util import jsontext
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from argmap.diagnostics import ArgmapError, Diagnostic
from argmap.model import ArgumentMap

__all__ = ["RATINGS", "ReviewedClaim", "claim_reviews", "verdicts_from_reviews", "find_reviews", "write"]

RATINGS: dict[str, tuple[int, str]] = {
    "reject": (1, "Rejected"),
    "challenge": (2, "Challenged"),
    "needs-evidence": (3, "Needs evidence"),
    "accept": (4, "Accepted"),
}
"""Verdict → (ratingValue, alternateName)."""


@dataclass(frozen=True)
class ReviewedClaim:
    """One reviewer's verdict on one claim."""

    claim: str
    verdict: str
    reviewer: str
    date: Optional[str] = None
    comment: str = ""


def _item_reviewed(m: ArgumentMap, claim) -> dict:
    item: dict = {"@type": "Claim", "text": claim.quote or claim.text}
    src = m.source
    if src.author:
        item["author"] = {"@type": "Person", "name": src.author}
    if src.date:
        item["datePublished"] = src.date
    appearance: dict = {"@type": "CreativeWork"}
    if src.title:
        appearance["headline"] = src.title
    if src.url:
        appearance["url"] = src.url
    if src.publisher:
        appearance["publisher"] = {"@type": "Organization", "name": src.publisher}
    if len(appearance) > 1:
        item["appearance"] = appearance
    return item


def claim_reviews(m: ArgumentMap, verdicts: list[ReviewedClaim]) -> dict:
    """The ClaimReview JSON-LD document (a dict with an ``@graph``) for these verdicts."""
    graph = []
    for v in verdicts:
        claim = m.claim(v.claim)
        if claim is None or v.verdict not in RATINGS:
            continue
        value, words = RATINGS[v.verdict]
        review: dict = {
            "@type": "ClaimReview",
            "claimReviewed": claim.text,
            "itemReviewed": _item_reviewed(m, claim),
            "author": {"@type": "Person", "name": v.reviewer},
            "reviewRating": {
                "@type": "Rating",
                "ratingValue": value,
                "bestRating": 4,
                "worstRating": 1,
                "alternateName": words,
            },
        }
        if v.date:
            review["datePublished"] = v.date
        if v.comment:
            review["reviewBody"] = v.comment
        graph.append(review)
    return {"@context": {"@vocab": "https://schema.org/"}, "@graph": graph}


def verdicts_from_reviews(m: ArgumentMap, reviews: list) -> list[ReviewedClaim]:
    """Verdicts on claims from loaded reviews (:class:`argmap.review.files.LoadedReview` or ``Review``)."""
    out = []
    for r in reviews:
        review = getattr(r, "review", r)
        for entry in review.entries:
            if m.claim(entry.target) is not None:
                verdict = getattr(entry.verdict, "value", entry.verdict)
                out.append(ReviewedClaim(entry.target, verdict, review.reviewer, review.date, entry.comment or ""))
    return out


def find_reviews(loaded) -> list:
    """Review files in the map's folder (``*.review.yaml``) that name this map."""
    from argmap.review.files import load_review

    folder = Path(loaded.path).resolve().parent
    target = Path(loaded.path).resolve()
    found = []
    for path in sorted(folder.glob("*.review.yaml")):
        r = load_review(path)
        if (path.parent / r.review.map).resolve() == target:
            found.append(r)
    return found


def write(loaded, reviews: Optional[list] = None) -> str:
    """``argmap export --to claimreview``: needs at least one review with a verdict on a claim."""
    if reviews is None:
        reviews = find_reviews(loaded)
    verdicts = verdicts_from_reviews(loaded.map, reviews)
    if not verdicts:
        stem = Path(loaded.path).stem
        raise ArgmapError(
            Diagnostic(
                loaded.sourcemap.find(()),
                "no review verdicts on this map's claims, so there is no ClaimReview to export; write a review "
                f"with 'argmap review init {loaded.path} --reviewer NAME -o {stem}.review.yaml' next to the map "
                "and give claims a verdict (accept, challenge, needs-evidence, reject)",
            )
        )
    return jsontext.dumps(claim_reviews(loaded.map, verdicts), indent=2, ensure_ascii=False) + "\n"
