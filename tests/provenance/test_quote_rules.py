"""Audit rules built on anchoring: ARG301 orphaned, ARG311 fuzzy, ARG312 ambiguous, ARG313 uncovered."""

from __future__ import annotations

from argmap.audit import run
from argmap.audit.config import Config
from argmap.loading import load

SOURCE = (
    "Serbia and Azerbaijan signed a plan. Observers were surprised by the partnership between "
    "Serbia and Azerbaijan.\n\nAzerbaijan violated the agreement in December 2022 by blockading "
    "Nagorno-Karabakh.\n\nA sentence nobody quotes.\n"
)

MAP = """\
argmap: 1
source:
  text: source.txt
claims:
  - id: fuzzy
    text: The blockade.
    quote: violated the agreement in December 2022 by blockading Nagorno Karabakh
  - id: ambiguous
    text: The partners.
    quote: Serbia and Azerbaijan
  - id: orphan
    text: Gone.
    quote: Russia openly condemned the blockade of the corridor
  - id: fine
    text: Surprise.
    quote: Observers were surprised
inferences:
  - id: step
    premises: [fine]
    conclusion: fuzzy
    quote: this words is not there at all, not even close to it
"""


def _audit(write_map, config: Config):
    return run(load(write_map(MAP, source=SOURCE)), config)


def test_each_state_has_its_rule(write_map):
    found = _audit(write_map, Config(select=["ARG301", "ARG311", "ARG312"]))
    assert sorted((f.code, f.target) for f in found) == [
        ("ARG301", "orphan"),
        ("ARG301", "step"),
        ("ARG311", "fuzzy"),
        ("ARG312", "ambiguous"),
    ]
    fuzzy = next(f for f in found if f.code == "ARG311")
    assert "is only 99% like the source text" in fuzzy.message  # one character in 70 differs
    assert 'reads "violated the agreement in December 2022 by blockading Nagorno-Karabakh"' in fuzzy.message
    assert (fuzzy.location.line, fuzzy.location.column) == (7, 12)
    ambiguous = next(f for f in found if f.code == "ARG312")
    assert "found 2 times" in ambiguous.message


def test_a_near_miss_is_not_reported_as_not_found(write_map):
    found = _audit(write_map, Config(select=["ARG301"]))
    assert "fuzzy" not in {f.target for f in found}
    assert "ambiguous" not in {f.target for f in found}


def test_uncovered_sentence_is_off_by_default_and_on_when_selected(write_map):
    assert not [f for f in _audit(write_map, Config()) if f.code == "ARG313"]
    found = [f for f in _audit(write_map, Config(select=["ARG313"]))]
    # The ambiguous quote covers nothing, so its two sentences are uncovered too.
    assert [(f.location.line, f.message) for f in found] == [
        (1, 'no claim quotes this sentence of the source: "Serbia and Azerbaijan signed a plan."'),
        (5, 'no claim quotes this sentence of the source: "A sentence nobody quotes."'),
    ]
    assert all(f.location.file.endswith("source.txt") and f.severity.value == "info" for f in found)


def test_uncovered_sentence_via_the_command(run_cli, write_map):
    path = write_map(MAP, source=SOURCE)
    plain = run_cli("audit", path, "--format", "json", "--fail-on", "never")
    assert "ARG313" not in plain.stdout
    selected = run_cli("audit", path, "--select", "ARG313", "--format", "json", "--fail-on", "never")
    assert selected.stdout.count('"ARG313"') == 2
