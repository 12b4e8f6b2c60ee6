"""Our grounded labelling and preferred extensions against python-argumentation (py_arg), an independent
implementation, on hundreds of generated frameworks: random abstract ones, and the frameworks built from
random maps (so the map encoding is checked to be plain Dung semantics too)."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings

from argmap.evaluation.evaluate import evaluate
from argmap.evaluation.acceptability import CLAIM, framework, node
from argmap.evaluation.framework import IN, OUT, UNDECIDED, attackers_of, grounded, preferred, relabel
from argmap.evaluation.structure import Structure
from argmap.model import ArgumentMap

from .helpers import RANDOMS, random_map_data

py_arg = pytest.importorskip("py_arg", reason="python-argumentation is in the test extra: pip install -e '.[test]'")

from py_arg.abstract_argumentation_classes.abstract_argumentation_framework import (  # noqa: E402
    AbstractArgumentationFramework,
)
from py_arg.abstract_argumentation_classes.argument import Argument  # noqa: E402
from py_arg.abstract_argumentation_classes.defeat import Defeat  # noqa: E402
from py_arg.algorithms.semantics.get_grounded_extension import get_grounded_extension  # noqa: E402
from py_arg.algorithms.semantics.get_preferred_extensions import get_preferred_extensions  # noqa: E402


PY_ARG_PREFERRED_MAX = 14
"""py_arg's preferred search takes seconds beyond this many arguments; larger map frameworks check grounded only."""


def _af(args: list[str], attacks: list[tuple[str, str]]) -> AbstractArgumentationFramework:
    objects = {a: Argument(a) for a in args}
    unique = list(dict.fromkeys(attacks))
    return AbstractArgumentationFramework("af", list(objects.values()), [Defeat(objects[x], objects[y]) for x, y in unique])


def oracle_grounded(args: list[str], attacks: list[tuple[str, str]]) -> set[str]:
    return {a.name for a in get_grounded_extension(_af(args, attacks))}


def oracle(args: list[str], attacks: list[tuple[str, str]]):
    """py_arg's grounded extension and preferred extensions, as sets of names."""
    af = _af(args, attacks)
    ground = {a.name for a in get_grounded_extension(af)}
    prefs = {frozenset(a.name for a in ext) for ext in get_preferred_extensions(af)}
    return ground, prefs


def labelling_from_extension(args, attacks, ext: set[str]) -> dict[str, str]:
    """The labelling an extension induces: in; out if attacked by it; else undecided."""
    attacked = {y for x, y in attacks if x in ext}
    return {a: IN if a in ext else OUT if a in attacked else UNDECIDED for a in args}


def random_framework(rng: random.Random) -> tuple[list[str], list[tuple[str, str]]]:
    n = rng.randint(1, 9)
    args = [f"a{k}" for k in range(n)]
    density = rng.choice([0.1, 0.2, 0.3, 0.5])
    attacks = [(x, y) for x in args for y in args if rng.random() < density * (0.3 if x == y else 1)]
    return args, attacks


@settings(max_examples=600, deadline=None, derandomize=True)
@given(rng=RANDOMS)
def test_random_frameworks_agree_with_py_arg(rng):
    args, attacks = random_framework(rng)
    ground, prefs = oracle(args, attacks)
    ours = grounded(args, attacks)
    assert ours.extension() == ground
    assert ours.label == labelling_from_extension(args, attacks, ground)
    assert set(preferred(args, attacks)) == prefs


@settings(max_examples=300, deadline=None, derandomize=True)
@given(rng=RANDOMS)
def test_map_frameworks_agree_with_py_arg(rng):
    m = ArgumentMap.model_validate(random_map_data(rng, rng.randint(1, 6), rng.randint(0, 6)))
    args, attacks = framework(Structure.from_map(m))
    ground, prefs = oracle(args, attacks) if len(args) <= PY_ARG_PREFERRED_MAX else (oracle_grounded(args, attacks), None)
    ev = evaluate(m)
    expected = labelling_from_extension(args, attacks, ground)
    assert ev.label == {c.id: expected[node(CLAIM, c.id)] for c in m.claims}
    if prefs is not None:
        assert set(preferred(args, attacks)) == prefs


def test_frameworks_cover_the_interesting_cases():
    """The frameworks hypothesis generates (as many as the oracle test checks) are not trivial:
    all three labels, several preferred extensions and self-attacks occur often."""
    frameworks = []

    @settings(max_examples=600, deadline=None, derandomize=True)
    @given(rng=RANDOMS)
    def generate(rng):
        frameworks.append(random_framework(rng))

    generate()
    assert len(frameworks) == 600
    seen_labels: set[str] = set()
    multi_preferred = self_attacks = 0
    for args, attacks in frameworks:
        seen_labels.update(grounded(args, attacks).label.values())
        multi_preferred += len(preferred(args, attacks)) > 1
        self_attacks += any(x == y for x, y in attacks)
    assert seen_labels == {IN, OUT, UNDECIDED}
    assert multi_preferred >= 50 and self_attacks >= 50, (multi_preferred, self_attacks)


@settings(max_examples=300, deadline=None, derandomize=True)
@given(rng=RANDOMS)
def test_incremental_relabelling_equals_labelling_from_scratch(rng):
    args, attacks = random_framework(rng)
    removed = {a for a in args if rng.random() < 0.25}
    incoming = attackers_of(args, attacks)
    outgoing: dict[str, list[str]] = {a: [] for a in args}
    for target, atts in incoming.items():
        for attacker in atts:
            outgoing[attacker].append(target)
    before = grounded(args, attacks).label
    changed = relabel(before, incoming, outgoing, removed)
    after = {a: changed.get(a, before[a]) for a in args if a not in removed}
    rest = [a for a in args if a not in removed]
    assert after == grounded(rest, [(x, y) for x, y in attacks if x not in removed and y not in removed]).label
