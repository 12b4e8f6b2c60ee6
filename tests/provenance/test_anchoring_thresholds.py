"""Each anchoring threshold decides real cases: a case just inside it and one just outside.

Changing a constant of :mod:`argmap.provenance.anchoring` moves one of these cases to
the other side, and its test fails.
"""

from __future__ import annotations

from argmap.model import Anchor
from argmap.provenance.anchoring import Source, State, locate

QUOTE = "the treaty was signed in the capital"
PREFIX = "abcdefghijklmnopqrst"  # 20 characters of context before the quote
SUFFIX = "uvwxyzABCDEFGHIJKLMN"  # and 20 after


def _changed(text: str, k: int) -> str:
    """``text`` with its first ``k`` characters replaced (edit distance k)."""
    return "#" * k + text[k:]


def _twice(second_prefix: str, second_suffix: str = SUFFIX) -> tuple[Source, Anchor]:
    """The quote twice in the source: once in exactly its stored context, once in another."""
    text = f"{PREFIX}{QUOTE}{SUFFIX} and then, later on: {second_prefix}{QUOTE}{second_suffix} end"
    src = Source.from_text(text)
    return src, Anchor(start=0, end=0, prefix=PREFIX, suffix=SUFFIX)


def test_context_margin_decides_between_two_exact_copies():
    # the stored context fits the first copy perfectly (2.0) and the second nearly:
    # 4 of 20 prefix characters differ (1.8, 0.2 behind): too close to call
    src, old = _twice(_changed(PREFIX, 4))
    assert locate(src, QUOTE, old).state is State.ambiguous
    # 6 differ (1.7, 0.3 behind): the first copy stands out
    src, old = _twice(_changed(PREFIX, 6))
    match = locate(src, QUOTE, old)
    assert (match.state, match.start) == (State.moved, len(PREFIX))


def test_context_minimum_a_chosen_copy_needs():
    # neither copy is in its stored context; the first keeps a little more of it
    weak_pre, weak_suf = _changed(PREFIX, 20), _changed(SUFFIX, 11)  # 0.0 + 0.45
    text = f"{weak_pre}{QUOTE}{weak_suf} and then: {_changed(PREFIX, 20)}{QUOTE}{_changed(SUFFIX, 20)} end"
    old = Anchor(start=0, end=0, prefix=PREFIX, suffix=SUFFIX)
    assert locate(Source.from_text(text), QUOTE, old).state is State.ambiguous  # 0.45 ahead, but below the minimum
    strong_suf = _changed(SUFFIX, 1)  # 0.0 + 0.95: still below 1.0
    text = f"{weak_pre}{QUOTE}{strong_suf} and then: {_changed(PREFIX, 20)}{QUOTE}{_changed(SUFFIX, 20)} end"
    assert locate(Source.from_text(text), QUOTE, old).state is State.ambiguous
    good_pre = _changed(PREFIX, 18)  # 0.1 + 0.95 = 1.05: enough
    text = f"{good_pre}{QUOTE}{strong_suf} and then: {_changed(PREFIX, 20)}{QUOTE}{_changed(SUFFIX, 20)} end"
    assert locate(Source.from_text(text), QUOTE, old).state is State.moved


def test_fuzzy_threshold_between_a_mistyped_quote_and_a_missing_one():
    src = Source.from_text(f"Some words first. {QUOTE}. Other words after, quite unlike it.")
    n = len(QUOTE)
    near = "#" * int(n * 0.2) + QUOTE[int(n * 0.2):]  # 80% similar
    far = "#" * int(n * 0.3) + QUOTE[int(n * 0.3):]  # 70% similar
    assert locate(src, near).state is State.fuzzy
    assert locate(src, far).state is State.orphaned

