"""ARG201 missing-thesis."""

from __future__ import annotations

from .helpers import audit_text, claims, codes, only


def test_map_without_thesis(tmp_path):
    found = audit_text(tmp_path, "argmap: 1\nclaims:\n" + claims("a"), config=only("ARG201"))
    assert codes(found) == [("ARG201", None)]
    assert (found[0].location.line, found[0].location.column) == (1, 1)


def test_map_with_thesis(tmp_path):
    assert audit_text(tmp_path, "argmap: 1\nthesis: a\nclaims:\n" + claims("a"), config=only("ARG201")) == []
