"""Every rule: code, name, severity, summary, docs, and examples that really fail and pass."""

from __future__ import annotations

import re

import pytest

from argmap.audit import RULES, find_rule, rule, rules
from argmap.audit.config import Config
from argmap.diagnostics import Severity

from .helpers import audit_text, examples

CODES = sorted(RULES)


@pytest.mark.parametrize("code", CODES)
def test_rule_has_catalogue_entry(code):
    r = rule(code)
    assert r.code == code
    assert re.fullmatch(r"ARG[1-9]\d\d", r.code)
    assert re.fullmatch(r"[a-z]+(-[a-z]+)*", r.name)
    assert isinstance(r.severity, Severity)
    assert r.summary and "\n" not in r.summary and len(r.summary) < 120
    ex = examples(r.doc)
    assert "Failing example" in ex and "Passing example" in ex, r.doc
    assert find_rule(r.name) is r and find_rule(code.lower()) is r


def test_codes_and_names_are_unique():
    assert len({r.name for r in rules()}) == len(RULES)


@pytest.mark.parametrize("code", CODES)
def test_failing_example_fails_and_passing_example_passes(tmp_path, code):
    r = rule(code)
    ex = examples(r.doc)
    source = ex.get("Source text")
    select = Config(select=[code])
    bad = audit_text(tmp_path, ex["Failing example"], source, select, name="bad.yaml")
    assert [f.code for f in bad] and {f.code for f in bad} == {code}
    for f in bad:
        assert f.rule == r.name and f.severity == r.severity
        assert f.location is not None and f.location.line >= 1
        assert f.message
    good = audit_text(tmp_path, ex["Passing example"], source, select, name="good.yaml")
    assert good == []
