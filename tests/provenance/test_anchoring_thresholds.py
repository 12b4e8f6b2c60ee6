"""Each anchoring threshold decides real cases: a case just inside it and one just outside.

Changing a constant of :mod:`argmap.provenance.anchoring` (CONTEXT, FUZZY_THRESHOLD,
STRONG_MATCH, CONTEXT_MARGIN, CONTEXT_MINIMUM, SCORE_LEAD, RIVAL_MARGIN, WORD_REACH) in either
direction moves one of these cases to the other side, and its test fails.
"""

from __future__ import annotations

import json

from argmap.model import Anchor
from argmap.provenance.anchoring import Source, State, locate, whole_words
from tests.maps import quoted

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


def test_context_is_the_32_characters_an_anchor_keeps_on_each_side(run_cli, write_map):
    # An edit of the text that reaches into an anchor's prefix or suffix changes what
    # 'anchor --fix' would store; one a character further out does not.
    before, after = "0123456789" * 4, "9876543210" * 4
    text = f"{before}{QUOTE}{after}\n"
    path = write_map(quoted("the treaty was signed", claim="c"), source=text)
    run_cli("anchor", path, "--fix", "--no-backup")
    start, end = len(before), len(before) + len("the treaty was signed")

    def refixed(offset: int) -> list[str]:
        edited = text[:offset] + "*" + text[offset + 1 :]  # one character replaced: no position moves
        path.with_name("source.txt").write_text(edited, encoding="utf-8")
        result = run_cli("anchor", path, "--fix", "--no-backup", "--format", "json")
        path.with_name("source.txt").write_text(text, encoding="utf-8")
        run_cli("anchor", path, "--fix", "--no-backup")  # back to the anchors of the original text
        return json.loads(result.stdout)["fixed"]["anchored"]

    assert refixed(start - 32) == ["c"]  # the 32nd character before the quote is in its prefix
    assert refixed(start - 33) == []
    assert refixed(end + 31) == ["c"]  # the 32nd character after it is in its suffix
    assert refixed(end + 32) == []


def test_context_minimum_before_a_single_exact_copy_elsewhere_is_trusted():
    # The anchored words were reworded where they stood; the exact words occur once elsewhere.
    # That copy is taken (moved) only if its own surroundings fit the stored ones well enough.
    reworded = QUOTE.replace("signed", "sealed")
    old = Anchor(start=0, end=len(QUOTE), prefix=PREFIX, suffix=SUFFIX)

    def elsewhere(prefix: str, suffix: str):
        text = f"{PREFIX}{reworded}{SUFFIX} and then, later on: {prefix}{QUOTE}{suffix} end"
        return locate(Source.from_text(text), QUOTE, old)

    below = elsewhere(_changed(PREFIX, 20), _changed(SUFFIX, 1))  # 0.0 + 0.95
    assert below.state is State.ambiguous and "prefix and suffix point to" in below.note
    above = elsewhere(_changed(PREFIX, 18), _changed(SUFFIX, 1))  # 0.1 + 0.95
    assert above.state is State.moved


LONG = "In the spring the delegation from the north signed the treaty in the old capital, and none objected."
assert len(LONG) == 100  # each edit costs 0.01 of similarity


def _edited(k: int, first: int, step: int = 4) -> str:
    """``LONG`` with ``k`` characters replaced, every ``step``-th from ``first`` on (edit distance k)."""
    chars = list(LONG)
    for i in range(first, first + step * k, step):
        chars[i] = "#"
    return "".join(chars)


def test_fuzzy_threshold_between_a_mistyped_quote_and_a_missing_one():
    text = f"Some words first. {LONG} Other words after, quite unlike it."
    src = Source.from_text(text)
    match = locate(src, _edited(25, 1, step=3))  # 75% similar
    assert (match.state, match.start, match.similarity) == (State.fuzzy, text.index(LONG), 0.75)
    match = locate(src, _edited(26, 1, step=3))  # 74%
    assert match.state is State.orphaned


def _two_near_copies(k_best: int, k_rival: int):
    """``LONG`` looked for, without an anchor, where the text has only two altered copies of it."""
    text = f"It began like this. {_edited(k_best, 1)} A long stretch of other words. {_edited(k_rival, 2)} The end."
    return locate(Source.from_text(text), LONG), text.index(_edited(k_best, 1))


def test_strong_match_is_taken_even_with_a_close_second():
    match, best = _two_near_copies(10, 12)  # 90% similar; the other copy 88%
    assert (match.state, match.start, round(match.similarity, 2)) == (State.fuzzy, best, 0.9)
    match, _ = _two_near_copies(11, 12)  # 89%: not strong, and the other copy is close
    assert match.state is State.ambiguous and len(match.candidates) == 2


def test_rival_margin_makes_a_second_approximate_copy_a_rival():
    match, _ = _two_near_copies(11, 20)  # 89% and 80%: 0.09 apart
    assert match.state is State.ambiguous and len(match.candidates) == 2
    match, best = _two_near_copies(11, 22)  # 89% and 78%: 0.11 apart
    assert (match.state, match.start) == (State.fuzzy, best)


SHORT = LONG[:50]


def _short(k: int, first: int = 3) -> str:
    """The first 50 characters of ``LONG`` with ``k`` of them replaced, every fourth from ``first`` on."""
    return _edited(k, first)[:50]


def _ends(text: str, k: int) -> str:
    """``text`` with its last ``k`` characters replaced."""
    return text[: len(text) - k] + "%" * k


def _near_copies_in_context(a: tuple[str, str, str], b: tuple[str, str, str], prefix=PREFIX, suffix=SUFFIX):
    """``SHORT`` looked for with a stored ``prefix`` and ``suffix`` where the text holds two altered
    copies (prefix, quote, suffix) ``a`` and ``b``; the stored position lies half-way between
    them, so that it favours neither. Returns the match and where the two copies start."""
    gap = " and so on, and then: "
    text = "".join(a) + gap + "".join(b) + " end"
    a_start, b_start = len(a[0]), len(a[0] + a[1] + a[2] + gap + b[0])
    assert (b_start - a_start) % 2 == 0
    middle = (a_start + b_start) // 2
    old = Anchor(start=middle, end=middle + len(SHORT), prefix=prefix, suffix=suffix)
    return locate(Source.from_text(text), SHORT, old), (a_start, a_start + 50), (b_start, b_start + 50)


def test_score_lead_between_equally_close_copies():
    # The same 3 edits in both copies, so the quote scores the same (50 points for its
    # similarity); the stored prefix and suffix (20 points each) decide. The stored suffix
    # has 4 characters. Copy a keeps the whole prefix and none of the suffix (20 points);
    # copy b keeps the whole suffix and all but k of the 20 prefix characters (40 - k).
    short_suffix = SUFFIX[:4]

    def pick(k: int):
        a = (PREFIX, _short(3), "%%%%")
        b = (_changed(PREFIX, k), _short(3), short_suffix)
        return _near_copies_in_context(a, b, suffix=short_suffix)

    match, _, b = pick(9)  # b ahead by 11 points: clearly the one
    assert (match.state, (match.start, match.end)) == (State.fuzzy, b)
    match, a, b = pick(11)  # 9 points: not clear; and the whole context aligns best at a
    assert match.state is State.ambiguous and match.candidates == [a, b]


def test_score_lead_of_the_context_over_the_closer_words():
    # Copy b has the closer words (98% against a's 88%: 5 points ahead) in a poor context
    # (0.6 of 2). Copy a is in a better one, and the whole context aligns best there; a is
    # taken only if its score leads b's by SCORE_LEAD.
    b = (_changed(PREFIX, 20), _short(1, first=5), _ends(SUFFIX, 8))

    def with_a(prefix_edits: int):
        return _near_copies_in_context((_changed(PREFIX, prefix_edits), _short(6), SUFFIX), b)

    match, a, _ = with_a(12)  # a's context 1.4 (16 points ahead): 11 points ahead in all
    assert (match.state, (match.start, match.end)) == (State.fuzzy, a)
    match, a, b = with_a(14)  # 1.3: 9 points ahead
    assert match.state is State.ambiguous and "prefix and suffix point to" in match.note
    assert match.candidates == [a, b]


def test_word_reach_how_far_an_accepted_quote_is_widened_to_a_word_edge():
    # A span that starts or ends inside a word is widened to the word's edge only when the
    # edge is at most WORD_REACH characters away (else it stays where the match put it).
    text = "Der Donaudampfschifffahrtsgesellschaftskapitän kam."
    src = Source.from_text(text)
    word_start = text.index("Donau")
    word_end = word_start + len("Donaudampfschifffahrtsgesellschaftskapitän")
    end = word_end + 4  # after "kam."
    assert whole_words(src, word_start + 20, end) == (word_start, end)  # 20 characters from the start
    assert whole_words(src, word_start + 21, end) == (word_start + 21, end)
    assert whole_words(src, 0, word_end - 20) == (0, word_end)  # 20 characters from the end
    assert whole_words(src, 0, word_end - 21) == (0, word_end - 21)
