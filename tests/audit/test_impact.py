"""Impact of findings on the thesis, computed by evaluating the thesis again with each finding fixed."""

from __future__ import annotations

from hypothesis import given, settings

from argmap.audit import rule, sort_findings
from argmap.audit.impact import annotate
from argmap.audit.config import Config
from tests.evaluate.helpers import RANDOMS

from .helpers import audit_text

# t <- i (hedged 'may', no warrant) <- p (evidence: unattributed) ; o is off the path;
# x attacks t and nothing answers it
MAP = """\
argmap: 1
thesis: t
claims:
  - id: t
    text: T.
    kind: interpretation
  - id: p
    text: P.
    evidence: [u]
  - id: o
    text: O.
    kind: interpretation
  - id: x
    text: X.
    assumption: true
evidence:
  - id: u
    kind: statement
    quote: words
inferences:
  - id: i
    premises: [p]
    conclusion: t
    qualifier: may
  - id: a
    kind: attack
    premises: [x]
    conclusion: t
"""


def impacts(tmp_path, text: str, **config):
    found = audit_text(tmp_path, text, config=Config(**config))
    return {(f.code, f.target): (f.on_thesis_path, f.changes_thesis) for f in found}


def test_each_finding_says_path_and_effect(tmp_path):
    got = impacts(tmp_path, MAP)
    assert got[("ARG101", "o")] == (False, False)           # off the path: nothing it can change
    assert got[("ARG305", "u")] == (True, False)            # a named speaker alone: the step is still hedged
    assert got[("ARG106", "i")] == (True, False)            # a warrant alone: still hedged
    assert got[("ARG205", "a")] == (True, True)             # answering the objection puts the thesis back in


def test_step_repair_changes_the_status_when_it_is_the_only_gap(tmp_path):
    sound_premise = MAP.replace("    quote: words\n", "    quote: words\n    by: A. Speaker\n")
    got = impacts(tmp_path, sound_premise)
    assert got[("ARG106", "i")] == (True, True)  # warrant stated and hedge gone: weak -> supported


def test_budget_spent_leaves_the_effect_unknown(tmp_path):
    found = audit_text(tmp_path, MAP)
    from argmap.loading import load

    m = load(tmp_path / "map.yaml").map
    annotate(found, m, {f.code: rule(f.code).repair for f in found}, budget=0)
    got = {(f.code, f.target): (f.on_thesis_path, f.changes_thesis) for f in found}
    assert got[("ARG305", "u")] == (True, None) and got[("ARG205", "a")] == (True, None)
    assert got[("ARG101", "o")] == (False, False)


def test_impact_order_puts_changes_first_then_the_path(tmp_path):
    found = sort_findings(audit_text(tmp_path, MAP))
    flags = [(f.changes_thesis, f.on_thesis_path) for f in found]
    assert flags == sorted(flags, key=lambda p: (not p[0], not p[1]))
    assert found[0].target == "a" and found[-1].target == "o"


def test_no_thesis_means_no_path(tmp_path):
    got = impacts(tmp_path, MAP.replace("thesis: t\n", ""))
    assert all(v == (False, False) for v in got.values())


@settings(max_examples=60, deadline=None, derandomize=True)
@given(rng=RANDOMS)
def test_incremental_lift_agrees_with_evaluating_again(rng):
    """The upward closure (with what it learns between queries) against a full re-evaluation per repair."""
    import dataclasses

    from argmap.audit.impact import _Raise
    from argmap.evaluation.structure import RANKS, TOP, Structure
    from argmap.evaluation.support import support
    from argmap.model import ArgumentMap

    from tests.evaluate.helpers import random_map_data

    m = ArgumentMap.model_validate(random_map_data(rng, rng.randint(2, 12), rng.randint(1, 20)))
    s = Structure.from_map(m)
    sup = support(s)
    r0 = RANKS[sup.status[s.thesis]]
    if r0 == 3:
        return
    lift = _Raise(s, sup, s.thesis)
    queries = [("claim", c) for c in s.claims] + [("step", i) for i, st in s.inferences.items() if st.kind == "support"]
    queries += [("premises", i) for i, st in s.inferences.items() if st.kind == "support"]
    rng.shuffle(queries)
    for kind, x in queries:
        if kind == "claim":
            bases = dict(s.claims)
            bases[x] = dataclasses.replace(bases[x], evidence=bases[x].evidence + ("r",), tier="cited")
            fixed, got = Structure(bases, s.inferences, s.thesis), lift.lifts(claims=[x])
        elif kind == "premises":
            bases = dict(s.claims)
            for p in s.inferences[x].premises:
                bases[p] = dataclasses.replace(bases[p], evidence=bases[p].evidence + ("r",), tier="cited")
            fixed, got = Structure(bases, s.inferences, s.thesis), lift.lifts(claims=s.inferences[x].premises)
        else:
            steps = dict(s.inferences)
            steps[x] = dataclasses.replace(steps[x], key=TOP)
            fixed, got = Structure(s.claims, steps, s.thesis), lift.lifts(step=x)
        assert got == (RANKS[support(fixed).status[s.thesis]] > r0), (kind, x)


def test_every_rule_repair_is_one_the_impact_knows():
    from argmap.audit import rules
    from argmap.audit.impact import REPAIRS

    repairs = {r.code: r.repair for r in rules() if r.repair is not None}
    assert len(repairs) >= 13 and set(repairs.values()) <= set(REPAIRS)
    assert set(REPAIRS) == set(repairs.values())  # and each repair has a rule
