"""The editor features as plain functions of an analysis (the server test drives them over stdio)."""

from __future__ import annotations

from lsprotocol import types as T

from argmap.lsp.analysis import analyse
from argmap.lsp.features import completion, hover, symbols

MAP = """\
argmap: 1
thesis: t
claims:
  - id: t
    text: The thesis.
    kind: causal
  - id: p
    text: A premise.
evidence:
  - id: e
    citation: A report
inferences:
  - id: s
    premises:
      - p
    conclusion: t
"""


def _labels(text: str, line: int, character: int) -> set[str]:
    return {i.label for i in completion(analyse("file:///m.yaml", text), T.Position(line=line, character=character)).items}


def test_block_list_items_complete_claim_ids():
    text = MAP.replace("      - p\n", "      - \n")
    assert _labels(text, 14, 8) == {"t", "p"}


def test_evidence_key_in_a_claim_completes_evidence_ids_but_not_at_top_level():
    text = MAP.replace("    text: A premise.\n", "    text: A premise.\n    evidence: [\n")
    assert _labels(text, 8, 15) == {"e"}
    assert "e" not in _labels(MAP, 8, 9)  # 'evidence:' at the top level opens the section


def test_keys_of_the_element_under_the_cursor():
    text = MAP.replace("    text: A premise.\n", "    text: A premise.\n    \n")
    labels = _labels(text, 8, 4)
    assert {"quote", "qualifier", "evidence", "assumption"} <= labels and "premises" not in labels


def test_hover_and_outline_survive_a_document_that_does_not_parse():
    broken = MAP + "  - id: [\n"
    a = analyse("file:///m.yaml", broken)
    assert a.diagnostics and a.diagnostics[0].severity == T.DiagnosticSeverity.Error
    assert hover(a, T.Position(line=0, character=0)) is None
    assert symbols(a) == []
    typing = MAP.replace("      - p\n", "      - \n") + "  - id: [\n"
    assert _labels(typing, 14, 8) == {"t", "p"}  # ids read from the lines while the YAML is broken


def test_hover_escapes_markdown_in_user_text():
    text = MAP.replace("The thesis.", "The *thesis* [link](javascript:alert(1)) <b>.")
    h = hover(analyse("file:///m.yaml", text), T.Position(line=1, character=8))
    assert "\\*thesis\\*" in h.contents.value and "\\[link\\]\\(javascript:alert\\(1\\)\\)" in h.contents.value
    assert "<b>" not in h.contents.value


def test_suppress_quick_fix_adds_the_code_to_the_element_and_the_finding_goes():
    from argmap.lsp.features import code_actions
    from tests.lsp.test_server import _apply

    text = MAP
    a = analyse("file:///m.yaml", text)
    d = next(d for d in a.diagnostics if d.code == "ARG102" and d.data["target"] == "p")  # uncited fact
    action = next(x for x in code_actions(a, d.range, [d]) if x.title == "Suppress ARG102 on 'p'")
    fixed = _apply(text, action.edit.changes["file:///m.yaml"])
    assert "  - id: p\n    ignore: [ARG102]\n" in fixed
    after = analyse("file:///m.yaml", fixed)
    assert not any(x.code == "ARG102" and x.data["target"] == "p" for x in after.diagnostics)
    assert not any(x.severity == T.DiagnosticSeverity.Error for x in after.diagnostics)
    # a second finding on the same element joins the same list
    # a second rule on the same element joins the same flow list
    d2 = T.Diagnostic(range=d.range, message="m", code="ARG204", data={"rule": "unreachable-claim", "target": "p"})
    again = next(x for x in code_actions(after, d2.range, [d2]) if x.title.startswith("Suppress"))
    assert "    ignore: [ARG102, ARG204]\n" in _apply(fixed, again.edit.changes["file:///m.yaml"])
