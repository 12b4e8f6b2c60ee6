"""Evaluation on real maps: the external Argdown and AIF corpus, read by the project's own readers."""

from __future__ import annotations

import pytest

from argmap.evaluation.evaluate import evaluate
from argmap.evaluation.acceptability import framework
from argmap.evaluation.explanation import explain
from argmap.evaluation.framework import IN, OUT, UNDECIDED, attackers_of
from argmap.loading import load

PATTERNS = ("argdown/*.argdown", "aif/**/*.json")


def corpus_maps(corpus):
    files = [p for pattern in PATTERNS for p in sorted(corpus.glob(pattern))]
    assert files, "the corpus has Argdown and AIF files"
    return files


def test_corpus_maps_evaluate_to_legal_labellings(corpus):
    checked = 0
    for path in corpus_maps(corpus):
        m = load(path, read_source=False).map
        ev = evaluate(m)
        assert set(ev.status) == set(ev.label) == {c.id for c in m.claims}, path
        args, attacks = framework(ev.structure)
        incoming = attackers_of(args, attacks)
        label = ev.acceptability.labelling.label
        for a in args:  # a complete labelling: the grounded one is the least of these
            att = [label[b] for b in incoming[a]]
            if label[a] == IN:
                assert all(x == OUT for x in att), (path, a)
            elif label[a] == OUT:
                assert IN in att, (path, a)
            else:
                assert IN not in att and UNDECIDED in att, (path, a)
        for c in m.claims:
            x = explain(m, ev, c.id)
            assert x.lines[0].id == c.id and x.status == ev.status[c.id]
        checked += 1
    assert checked >= 20


@pytest.mark.parametrize("name", ["docs-undercut-inference.argdown", "example-state-censorship.argdown"])
def test_cli_on_argdown_corpus(run_cli, corpus, name):
    path = corpus / "argdown" / name
    result = run_cli("evaluate", path, "--format", "json")
    assert result.exit_code == 0, result.output
    assert '"claims"' in result.stdout
