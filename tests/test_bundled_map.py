"""The bundled map of the Serbia–Azerbaijan article: valid, faithful to its source, complete.

These tests read the real files under claims/: the map, and the copy of the
article that its quotes are anchored in.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from argmap.loading import load
from argmap.model import ClaimKind, InferenceKind, Qualifier

CLAIMS = Path(__file__).resolve().parents[1] / "claims"
MAP = CLAIMS / "serbia-azerbaijan.yaml"
TEXT = CLAIMS / "serbia-azerbaijan.txt"
THESIS = "partnership-is-about-russia"


def fold(text: str) -> str:
    """NFC and white space (including the article's no-break spaces) folded to single spaces."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


@pytest.fixture(scope="module")
def loaded():
    return load(MAP)


@pytest.fixture(scope="module")
def source(loaded) -> str:
    assert loaded.source_path == TEXT.resolve()
    return loaded.source_text


def body_lines(loaded, source: str) -> list[str]:
    """Lines of the article that are argument: not blank, not matched by ``source.ignore``."""
    patterns = [re.compile(p) for p in loaded.map.source.ignore]
    return [
        line
        for line in source.splitlines()
        if line.strip() and not any(p.search(line) for p in patterns)
    ]


def body_sentences(loaded, source: str) -> list[str]:
    """Sentences of the body, split line by line with pysbd (lines are paragraphs)."""
    import pysbd

    segmenter = pysbd.Segmenter(language="en", clean=False)
    sentences = []
    for line in body_lines(loaded, source):
        sentences.extend(fold(s) for s in segmenter.segment(line) if s.strip())
    return sentences


# ---------------------------------------------------------------- validity


def test_map_validates_and_reads_its_source(loaded, source):
    m = loaded.map
    assert m.thesis == THESIS
    assert len(m.claims) >= 60 and m.evidence and m.inferences
    assert source.startswith("top of page")


def test_copy_equals_corpus_file(corpus):
    assert TEXT.read_bytes() == (corpus / "serbia-azerbaijan.txt").read_bytes()


# ---------------------------------------------------------------- quotes


def test_every_claim_and_evidence_quote_is_in_the_source(loaded, source):
    text = fold(source)
    m = loaded.map
    assert [c.id for c in m.claims if not c.quote] == []
    assert [e.id for e in m.evidence if e.added_by.value == "author" and not e.quote] == []
    quoted = [el for el in [*m.claims, *m.evidence] if el.quote]
    assert [el.id for el in quoted if fold(el.quote) not in text] == []


def test_every_inference_marker_is_in_the_source(loaded, source):
    text = fold(source)
    missing = [i.id for i in loaded.map.inferences if i.quote and fold(i.quote) not in text]
    assert missing == []


def test_ignore_patterns_each_match_a_line_and_skip_no_sentence_of_the_body(loaded, source):
    lines = source.splitlines()
    for pattern in loaded.map.source.ignore:
        hits = [line for line in lines if re.search(pattern, line)]
        assert len(hits) == 1, (pattern, hits)
    body = body_lines(loaded, source)
    assert body[0] == loaded.map.claim(THESIS).quote  # the title stays: it is the thesis
    assert not any(line.startswith(("Martin Wirkus", "top of page", "bottom of page")) for line in body)


def test_every_assertive_sentence_of_the_body_is_covered_by_a_claim(loaded, source):
    quotes = [fold(c.quote) for c in loaded.map.claims if c.quote]
    sentences = [s for s in body_sentences(loaded, source) if not s.endswith("?")]
    assert len(sentences) >= 40
    uncovered = [s for s in sentences if not any(q in s for q in quotes)]
    assert uncovered == []


def test_every_quotation_in_the_article_is_an_evidence_record(loaded, source):
    """Words in double quotation marks are someone's words: each must be evidence."""
    text = fold("\n".join(body_lines(loaded, source)))
    quoted = re.findall(r"“[^”]+”|\"[^\"]+\"", text)
    assert len(quoted) >= 5
    evidence_quotes = [fold(e.quote) for e in loaded.map.evidence if e.quote]
    assert [q for q in quoted if not any(q in e for e in evidence_quotes)] == []


def test_claims_quoting_a_hedge_carry_a_qualifier(loaded):
    hedges = "|".join(q.value for q in Qualifier)
    hedged = [c for c in loaded.map.claims if c.quote and re.search(rf"\b({hedges})\b", c.quote)]
    assert hedged, "the article hedges; some quotes must show it"
    assert [c.id for c in hedged if c.qualifier is None] == []
    # the paraphrase keeps the author's hedge word
    qualified = [c for c in loaded.map.claims if c.qualifier]
    assert [c.id for c in qualified if not re.search(rf"\b{c.qualifier.value}\b", c.text)] == []


def test_evidence_the_article_gives_has_no_invented_citation(loaded):
    for e in loaded.map.evidence:
        if e.added_by.value == "author":
            assert e.citation is None and e.url is None, e.id
        else:
            assert e.citation and e.url, e.id


# ---------------------------------------------------------------- structure


def test_the_thesis_is_the_title_claim(loaded, source):
    m = loaded.map
    thesis = m.claim(THESIS)
    assert thesis is not None
    assert thesis.quote == m.title == m.source.title
    assert thesis.quote == body_lines(loaded, source)[0]


ASIDES = {"offensive-pretext", "concerns-full-scale-war", "new-security-paradigm"}
"""Claims the article asserts that bear on nothing else: the 'pretext' judgement, the war fears set
'amidst' the CSTO threat, and the closing 'new security paradigm' (a consequence, not a reason)."""


def test_every_claim_but_the_asides_reaches_the_thesis(loaded):
    m = loaded.map
    reached = {THESIS}
    changed = True
    while changed:
        changed = False
        for inf in m.inferences:
            target = inf.conclusion
            if inf.kind is InferenceKind.undercut:
                target = m.inference(target).conclusion
            if target in reached and not set(inf.premises) <= reached:
                reached |= set(inf.premises)
                changed = True
    assert {c.id for c in m.claims if c.id not in reached} == ASIDES
    for cid in ASIDES:  # each says why it is left standing alone
        assert "unreachable" in " ".join(m.claim(cid).note.split()), cid


def test_every_step_follows_a_marker_or_says_it_is_the_analysts(loaded, source):
    """A step carries the author's marker as its quote, or is marked added_by: analyst (and has none)."""
    m = loaded.map
    for inf in m.inferences:
        if inf.added_by.value == "analyst":
            assert inf.quote is None, inf.id
        else:
            assert inf.quote, f"{inf.id}: no marker and not marked as the analyst's reconstruction"
    # words that only set things side by side mark no step
    for inf in m.inferences:
        if inf.quote:
            assert not re.match(r"(?i)(amidst?|similarly|furthermore|moreover)\b", inf.quote.strip()), inf.id
    assert m.inferences_from("concerns-full-scale-war") == []


def test_objections_and_answers_are_mapped_as_the_author_words_them(loaded):
    m = loaded.map
    attacks = {i.id: i for i in m.inferences if i.kind is InferenceKind.attack}
    undercuts = {i.id: i for i in m.inferences if i.kind is InferenceKind.undercut}
    # "could also be interpreted" adds a reading: the two readings of the ICC moves are not rivals
    assert not any({"icc-reaction-to-russia-failure", "icc-expresses-nato-ambition"}
                   & ({i.conclusion} | set(i.premises)) for i in attacks.values())
    # the concession of complex relationships, and the author's answer in the same sentence
    concession = attacks["complex-ties-vs-reaction"]
    assert concession.premises == ["complex-relationships-with-russia"]
    assert concession.conclusion == "ties-reaction-to-betrayal" and concession.added_by.value == "author"
    answer = undercuts["common-ground-answers-complexity"]
    assert answer.conclusion == concession.id and answer.quote == "but find common ground in countering"
    # the closing reasons that do not involve Russia are objections to the all-or-nothing thesis
    against = {i.premises[0] for i in attacks.values() if i.conclusion == THESIS}
    assert against == {"relationship-founded-on-territorial-claims", "economic-military-cooperation"}
    assert not [i.id for i in m.inferences_into(THESIS) if i.kind is InferenceKind.support
                and set(i.premises) & against]
    assert "everything to do with" in m.claim(THESIS).text


def test_qualifiers_kinds_and_split_events(loaded):
    m = loaded.map
    assert m.claim("russia-connection-explains").qualifier is Qualifier.can
    assert "better understand" in m.claim("russia-connection-explains").text
    for judgement in ("partnership-developing-rapidly", "russia-influence-strong-caucasus", "complex-relationships-with-russia",
                      "economic-military-cooperation", "pashinyan-aligned-ukraine", "russia-failed-to-uphold-agreement"):
        assert m.claim(judgement).kind is ClaimKind.interpretation, judgement
    # the refusal of January 2023 and the exercise of September 2023 are two claims, with their own dates
    assert m.claim("armenia-refused-csto-drills").when == "2023-01"
    assert m.claim("armenia-us-exercise").when == "2023-09"
    assert m.claim("offensive-pretext").kind is ClaimKind.interpretation
    assert m.claim("azerbaijan-2023-offensive").when.startswith("2023-09-19")
    # the stated reason of the 'united by' sentence is its own claim, with the author's marker
    (united,) = m.inferences_from("shared-communist-past")
    assert united.conclusion == "unique-three-way-relationship" and united.quote == "United by their shared communist past"


def test_inaccurate_statements_carry_a_note_with_a_source(loaded):
    m = loaded.map
    for cid, words in [
        ("azerbaijan-2023-offensive", "19 September 2023"),
        ("armenia-us-exercise", "6 September 2023"),
        ("armenia-refused-csto-drills", "10 January 2023"),
        ("armenia-joins-icc", "3 October 2023"),
        ("azerbaijan-2020-offensive", "10 November 2020"),
        ("peace-agreement-2020", "10 November 2020"),
    ]:
        note = " ".join(m.claim(cid).note.split())
        assert words in note, cid
        assert "https://" in note or "To check:" in note or "UN Treaty Collection" in note, cid


def test_thesis_status_and_critical_step_come_from_the_evaluation(loaded):
    """What claims/README.md says about the thesis is what evaluate and explain compute."""
    from argmap.evaluation.evaluate import evaluate
    from argmap.evaluation.critical import critical_steps_by_removal
    from argmap.evaluation.structure import RANKS
    from argmap.evaluation.support import support

    m = loaded.map
    ev = evaluate(m)
    status, label, critical = ev.status[THESIS], ev.label[THESIS], ev.critical_step
    assert critical is not None
    # the critical step really is one: without it the thesis falls, and the plain search agrees
    without = support(ev.structure.without(critical)).status[THESIS]
    assert RANKS[without] < RANKS[status]
    assert critical_steps_by_removal(ev.structure)[0].id == critical
    # the objections that stand are the ones that put it out
    standing = sorted(i for i in ev.acceptability.inference_labels() if ev.inference_label[i] == "in"
                      and m.inference(i).kind is InferenceKind.attack and m.inference(i).conclusion == THESIS)
    guide = " ".join((CLAIMS / "README.md").read_text(encoding="utf-8").split())
    weakest = guide[guide.index("## Where the article is weakest"):]
    assert f"**Critical step: `{critical}`**" in weakest
    assert f"`{status}` and `{label}`" in weakest
    for attack in standing:
        assert f"`{attack}`" in weakest


def test_anachronism_is_flagged_where_the_article_dates_it(loaded):
    from argmap.audit import run

    flagged = [f for f in run(loaded) if f.code == "ARG107"]
    assert [f.target for f in flagged] == ["tensions-as-provocation"]
    dated = [c for c in loaded.map.claims if c.when]
    assert len(dated) >= 20


def test_green_light_rests_on_an_unsupported_tacit_approval(loaded):
    m = loaded.map
    steps = [i for i in m.inferences_into("serbia-reads-green-light") if i.kind is InferenceKind.support]
    assert [i.id for i in steps] == ["green-light"]
    step = steps[0]
    assert "russia-tacit-approval" in step.premises
    assert step.qualifier is Qualifier.may and step.warrant is None
    approval = m.claim("russia-tacit-approval")
    assert approval.evidence == [] and not approval.assumption
    assert [i.id for i in m.inferences_into("russia-tacit-approval")] == []


def test_claims_carry_a_section_and_kind(loaded):
    sections = {
        "Title",
        "Introduction",
        "The Russian Connection",
        "Nagorno-Karabakh: Paving the Way for Serb-Azeri Relations",
        "Serb-Azeri Relations as a Reaction to Armenia’s Western Focus",
        "Caucuses Cooperation: Evolving Regional Security",
    }
    m = loaded.map
    assert {c.section for c in m.claims} == sections
    assert {c.kind for c in m.claims} >= {ClaimKind.fact, ClaimKind.interpretation, ClaimKind.causal}


# ---------------------------------------------------------------- audit


def test_audit_warns_where_a_careful_reader_would(loaded):
    """The unsupported tacit approval, the green-light step on it, the hedged steps that the
    closing section restates more strongly, and the two objections nobody answers."""
    from argmap.audit import run
    from argmap.diagnostics import Severity

    findings = run(loaded)
    assert [f.target for f in findings if f.severity is Severity.error] == []
    warned = {f.target for f in findings if f.severity is Severity.warning}
    assert {"russia-tacit-approval", "green-light"} <= warned
    assert {"ties-reaction-to-betrayal", "partnership-is-about-russia"} <= warned  # escalations
    assert {"territorial-bond-without-russia", "cooperation-without-russia"} <= warned  # standing objections
    assert "complex-ties-vs-reaction" not in warned  # the author answers it
    # a well-known, uncited fact is a note, not a warning: no wall of equal warnings
    assert "yugoslavia-ussr-breakup-simultaneous" not in warned
    assert len(warned) <= (len(loaded.map.claims) + len(loaded.map.inferences)) // 3


def test_rendered_green_light_view_shows_the_flags(loaded):
    """End to end: audit, then the embedded Graphviz; the step and its bare premise are flagged."""
    import xml.etree.ElementTree as ET

    from argmap.audit import run
    from argmap.rendering.diagram import render_svg

    svg = render_svg(loaded, run(loaded), focus="serbia-reads-green-light", depth=1)
    classes = {
        g.get("id"): set(g.get("class", "").split())
        for g in ET.fromstring(svg).iter("{http://www.w3.org/2000/svg}g")
        if g.get("id")
    }
    assert {"flagged", "unsupported-step"} <= classes["inference-green-light"]
    assert {"flagged", "unsupported-claim"} <= classes["claim-russia-tacit-approval"]
    assert "thesis" in classes["claim-partnership-is-about-russia"]
