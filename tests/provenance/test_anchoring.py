"""Re-anchoring quotes after the source text was edited: each edit gives the right state."""

from __future__ import annotations

import pytest

from argmap.provenance.anchoring import FUZZY_THRESHOLD, Source, State, fold, locate, normalise, source_digest

ARTICLE = """\
Top of page

In early 2024, Serbia curiously signed a bilateral security cooperation plan with Azerbaijan. \
This partnership is unusual given Serbia’s historic dispute over Kosovo. \
Yet the curious partnership is “developing rapidly”.

The relationship between Serbia and Russia has evolved significantly. \
In 2020 Russia approved the agreement in public, said one report. \
The breakup of Yugoslavia and the USSR occurred almost simultaneously.

Much later, observers noted that Russia approved the agreement in 2022 without a word. \
Serbia may have interpreted this as a green light to cultivate its security relationship.
"""

QUOTES = {
    "signing": "Serbia curiously signed a bilateral security cooperation plan with Azerbaijan",
    "rapid": "the curious partnership is \u201cdeveloping rapidly\u201d",
    "breakup": "The breakup of Yugoslavia and the USSR occurred almost simultaneously.",
    "green-light": "Serbia may have interpreted this as a green light",
    "approved-2022": "Russia approved the agreement in 2022",
}


@pytest.fixture
def anchored():
    """Each quote anchored to the original article: id -> (quote, Anchor)."""
    src = Source.from_text(ARTICLE)
    out = {}
    for key, quote in QUOTES.items():
        m = locate(src, quote)
        assert m.state is State.exact, (key, m)
        out[key] = (quote, src.anchor_for(m.start, m.end))
    return out


def relocate(anchored, edited: str) -> dict:
    src = Source.from_text(edited)
    return {key: locate(src, quote, anchor) for key, (quote, anchor) in anchored.items()}


def test_unchanged_source_is_exact(anchored):
    assert {k: m.state for k, m in relocate(anchored, ARTICLE).items()} == {k: State.exact for k in QUOTES}


def test_inserted_paragraph_moves_later_quotes(anchored):
    insert = "A new paragraph was added. It says something else entirely.\n\n"
    edited = ARTICLE.replace("The relationship between", insert + "The relationship between")
    found = relocate(anchored, edited)
    assert found["signing"].state is State.exact
    assert found["rapid"].state is State.exact
    shift = len(normalise(insert)) + 1
    for key in ("breakup", "green-light", "approved-2022"):
        m = found[key]
        assert m.state is State.moved, (key, m)
        assert m.start == anchored[key][1].start + shift
        assert Source.from_text(edited).text[m.start : m.end] == normalise(QUOTES[key])


def test_white_space_changes_stay_exact(anchored):
    edited = (
        ARTICLE.replace("Serbia curiously signed", "Serbia\n   curiously\tsigned")
        .replace("\n\n", "\n\n\n\n")
        .replace("occurred almost", "occurred\u00a0 almost")
    )
    found = relocate(anchored, edited)
    assert {k: m.state for k, m in found.items()} == {k: State.exact for k in QUOTES}


def test_reworded_word_inside_a_quote_is_fuzzy(anchored):
    edited = ARTICLE.replace("Serbia curiously signed", "Serbia surprisingly signed")
    m = relocate(anchored, edited)["signing"]
    assert m.state is State.fuzzy
    assert FUZZY_THRESHOLD <= m.similarity < 1.0
    text = Source.from_text(edited).text
    assert m.found == text[m.start : m.end]
    assert m.found == "Serbia surprisingly signed a bilateral security cooperation plan with Azerbaijan"


def test_deleted_sentence_is_orphaned(anchored):
    edited = ARTICLE.replace("The breakup of Yugoslavia and the USSR occurred almost simultaneously.", "")
    found = relocate(anchored, edited)
    assert found["breakup"].state is State.orphaned
    assert found["breakup"].start is None
    assert found["signing"].state is State.exact


def test_quote_whose_words_occur_twice_without_context_is_ambiguous():
    src = Source.from_text(ARTICLE)
    m = locate(src, "Russia approved the agreement")
    assert m.state is State.ambiguous
    assert len(m.candidates) == 2


def test_prefix_and_suffix_decide_between_exact_copies(anchored):
    src = Source.from_text(ARTICLE)
    quote = "Russia approved the agreement"
    second = src.text.index("Russia approved the agreement in 2022")
    anchor = src.anchor_for(second, second + len(quote))
    edited = ARTICLE.replace("Top of page", "Top of page, with more furniture")
    m = locate(Source.from_text(edited), quote, anchor)
    assert m.state is State.moved
    assert Source.from_text(edited).text[m.end : m.end + 8] == " in 2022"


def test_reworded_quote_is_not_anchored_to_the_other_copy(anchored):
    """The 2022 sentence is reworded; the 2020 copy of the words must not silently win."""
    edited = ARTICLE.replace("Russia approved the agreement in 2022", "Russia endorsed the agreement in 2022")
    m = relocate(anchored, edited)["approved-2022"]
    text = Source.from_text(edited).text
    wrong = text.index("Russia approved the agreement")
    assert m.state in (State.fuzzy, State.ambiguous)
    if m.state is State.fuzzy:  # decided by prefix and suffix: the reworded copy
        assert text[m.start : m.end] == "Russia endorsed the agreement in 2022"
    assert m.start != wrong


def test_exact_words_elsewhere_do_not_capture_a_reworded_quote():
    src = Source.from_text(ARTICLE)
    quote = "Russia approved the agreement"
    second = src.text.index("Russia approved the agreement in 2022")
    anchor = src.anchor_for(second, second + len(quote))
    edited = ARTICLE.replace("Russia approved the agreement in 2022", "Russia endorsed the agreement in 2022")
    m = locate(Source.from_text(edited), quote, anchor)
    assert m.state is State.ambiguous
    assert "prefix and suffix" in m.note


def test_reworded_quote_without_anchor_and_two_near_copies_is_ambiguous():
    edited = ARTICLE.replace("Russia approved the agreement in 2022", "Russia endorsed the agreement in 2022")
    m = locate(Source.from_text(edited), "Russia approved the agreement in 2022")
    assert m.state is State.ambiguous


def test_curly_and_straight_quotes_and_dashes_match():
    src = Source.from_text("He called it \u201cillegal\u201d \u2014 and \u2018open aggression\u2019.")
    m = locate(src, '"illegal" - and \'open aggression\'')
    assert m.state is State.exact
    assert m.found == "\u201cillegal\u201d \u2014 and \u2018open aggression\u2019"


def test_positions_map_back_to_the_raw_text():
    raw = "  Caf\u0065\u0301  au\n\nlait \u201cnoir\u201d"
    src = Source.from_text(raw)
    assert src.text == "Caf\u00e9 au lait \u201cnoir\u201d"
    m = locate(src, "\u201cnoir\u201d")
    a, b = src.raw_span(m.start, m.end)
    assert raw[a:b] == "\u201cnoir\u201d"
    a, b = src.raw_span(0, 4)
    assert raw[a:b] == "Caf\u0065\u0301"


def test_more_than_256_distinct_characters_in_the_source():
    alphabet = "".join(chr(c) for c in range(0x4E00, 0x4E00 + 400))
    raw = alphabet + " the quick brown fox jumps over the lazy dog " + alphabet
    src = Source.from_text(raw)
    m = locate(src, "the quick brown fax jumps over the lazy dog")
    assert m.state is State.fuzzy
    assert m.found == "the quick brown fox jumps over the lazy dog"


def test_digest_ignores_white_space_only():
    assert source_digest(ARTICLE) == source_digest(ARTICLE.replace("\n\n", "\n \n\n"))
    assert source_digest(ARTICLE) != source_digest(ARTICLE.replace("curiously", "curious"))
    assert fold("\u2019") == "'"


from hypothesis import given, settings
from hypothesis import strategies as st

_TEXT = st.text(
    alphabet=st.sampled_from(list("ab c\n\t\u00a0\u2019'\u201c\"\u2014-e\u0301\u1100\u1161\u00e9.")),
    max_size=60,
)


@settings(max_examples=300, derandomize=True, deadline=None)
@given(_TEXT, st.data())
def test_every_normalised_span_maps_back_to_raw_text_that_normalises_to_it(raw, data):
    src = Source.from_text(raw)
    assert src.text == normalise(raw)
    assert len(src.starts) == len(src.ends) == len(src.text)
    if not src.text:
        return
    start = data.draw(st.integers(0, len(src.text) - 1))
    end = data.draw(st.integers(start + 1, len(src.text)))
    a, b = src.raw_span(start, end)
    piece = src.text[start:end]
    back = normalise(raw[a:b])
    # The raw span holds the whole span; a span that cuts through a composed character
    # (a letter with its combining marks) gets all of that character's raw text.
    assert piece.strip(" ") in back
    whole_start = start == 0 or src.starts[start - 1] != src.starts[start]
    whole_end = end == len(src.text) or src.ends[end] != src.ends[end - 1]
    if whole_start and whole_end:
        assert back == piece.strip(" ")


@settings(max_examples=200, derandomize=True, deadline=None)
@given(_TEXT, _TEXT, _TEXT)
def test_a_quote_cut_from_the_text_is_found_exactly(before, quote, after):
    raw = before + " " + quote + " " + after
    q = normalise(quote)
    if not q:
        return
    m = locate(Source.from_text(raw), quote)
    if len(Source.from_text(raw).find_all(fold(q))) == 1:
        assert m.state is State.exact
        assert fold(m.found) == fold(q)
    else:
        assert m.state is State.ambiguous
