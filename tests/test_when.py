"""The optional ``when`` date of claims and evidence: ISO 8601 at the precision given, checked on load."""

from __future__ import annotations

import datetime

import pytest

from argmap.diagnostics import ArgmapError
from argmap.loading import load
from argmap.model import parse_when


@pytest.mark.parametrize("text, first, last", [
    ("2023", (2023, 1, 1), (2023, 12, 31)),
    ("2024-02", (2024, 2, 1), (2024, 2, 29)),
    ("2023-09-19", (2023, 9, 19), (2023, 9, 19)),
    ("1988-02/1994-05", (1988, 2, 1), (1994, 5, 31)),
])
def test_precision_gives_the_span(text, first, last):
    assert parse_when(text) == (datetime.date(*first), datetime.date(*last))


@pytest.mark.parametrize("bad", ["2023-13", "2023-02-30", "19 September 2023", "2023-9", "1994/1988"])
def test_bad_dates_are_refused(bad):
    with pytest.raises(ValueError):
        parse_when(bad)


def test_map_file_dates_load_and_errors_are_located(tmp_path):
    good = tmp_path / "m.yaml"
    good.write_text(
        "argmap: 1\nclaims:\n  - id: a\n    text: A.\n    when: 2023\n  - id: b\n    text: B.\n    when: '2022-12'\n"
        "evidence:\n  - id: e\n    by: X\n    when: '2023-11-14'\n",
        encoding="utf-8",
    )
    m = load(good).map
    assert [c.when for c in m.claims] == ["2023", "2022-12"] and m.evidence[0].when == "2023-11-14"
    bad = tmp_path / "bad.yaml"
    bad.write_text("argmap: 1\nclaims:\n  - id: a\n    text: A.\n    when: 2023-13\n", encoding="utf-8")
    with pytest.raises(ArgmapError) as info:
        load(bad)
    assert str(info.value).startswith(f"{bad}:5:11: claim 'a': 'when':")
    assert "month 13 out of range" in str(info.value)
