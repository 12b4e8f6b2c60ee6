"""Potsdam microtexts (arggraph XML): ADUs become claims, edges inferences; checked against the corpus README."""

from __future__ import annotations

import ast
import re

import pytest

from argmap.diagnostics import ArgmapError
from argmap.readers.microtext import read_text

NAMES = ["16_microtext_micro_b001.xml", "17_microtext_micro_b036.xml"]


def readme_row(corpus, name: str) -> tuple[dict, dict]:
    for line in (corpus / "aif" / "README.md").read_text(encoding="utf-8").splitlines():
        if f"| {name} |" in line:
            cell = re.search(r"\| ADU ((?:\w+:\d+ ?)+)\|", line).group(1)
            adu = {k: int(v) for k, v in re.findall(r"(\w+):(\d+)", cell)}
            edges = ast.literal_eval(re.search(r"edge types (\{[^}]*\})", line).group(1))
            return adu, edges
    raise AssertionError(f"{name} not in the README table")


@pytest.mark.parametrize("name", NAMES)
def test_counts_match_readme(corpus, name, run_cli):
    path = corpus / "microtexts" / name
    adu, edges = readme_row(corpus, name)
    m, _ = read_text(path.read_text(encoding="utf-8"), str(path))
    assert len(m.claims) == sum(adu.values())
    assert sum(1 for c in m.claims if c.note and "Opponent" in c.note) == adu.get("opp", 0)
    kinds = [i.kind.value for i in m.inferences]
    assert kinds.count("support") == edges.get("sup", 0) + edges.get("exa", 0)
    assert kinds.count("attack") == edges.get("reb", 0)
    assert kinds.count("undercut") == edges.get("und", 0)
    linked = sum(len(i.premises) - 1 for i in m.inferences)
    assert linked == edges.get("add", 0)
    assert m.thesis is not None and not m.inferences_from(m.thesis)
    result = run_cli("import", path)
    assert result.exit_code == 0 and f"thesis: {m.thesis}" in result.stdout


def test_located_errors_and_no_entities():
    with pytest.raises(ArgmapError) as info:
        read_text("<arggraph>\n  <edu id='e1'>x</adu>\n</arggraph>", "m.xml")
    assert str(info.value).startswith("m.xml:2:")
    with pytest.raises(ArgmapError, match="DOCTYPE"):
        read_text('<!DOCTYPE a [<!ENTITY x "y">]><arggraph/>', "m.xml")
