"""ARG106 unstated-warrant: only on the steps the argument leans on."""

from __future__ import annotations

from tests.maps import supported_thesis

from .helpers import audit_text, codes, only


def test_unstated_warrant_is_info_on_a_step_to_the_thesis(tmp_path):
    found = audit_text(tmp_path, supported_thesis(), config=only("ARG106"))
    assert [(f.code, f.target, f.severity.value) for f in found] == [("ARG106", "i", "info")]
    assert found[0].message.endswith("and it concludes the thesis")
    stated = supported_thesis().replace("conclusion: t\n", "conclusion: t\n    warrant: Because.\n")
    assert audit_text(tmp_path, stated, config=only("ARG106")) == []
    blank = supported_thesis().replace("conclusion: t\n", "conclusion: t\n    warrant: '  '\n")
    assert codes(audit_text(tmp_path, blank, config=only("ARG106"))) == [("ARG106", "i")]


WARRANTS = """\
argmap: 1
thesis: t
claims:
  - id: t
    text: T.
    assumption: true
  - id: a
    text: A.
    assumption: true
  - id: b
    text: B.
  - id: c
    text: C.
    kind: interpretation
  - id: d
    text: D.
inferences:
  - id: plain
    premises: [a]
    conclusion: b
  - id: hedged
    premises: [a]
    conclusion: d
    qualifier: likely
  - id: shaky
    premises: [c]
    conclusion: d
  - id: to-thesis
    premises: [b, d]
    conclusion: t
"""


def test_unstated_warrant_only_where_the_argument_leans(tmp_path):
    # Tuning on the bundled article: every one of its 50 steps leaves the warrant implicit;
    # reporting all of them buried the few steps where the missing bridge matters.
    found = audit_text(tmp_path, WARRANTS, config=only("ARG106"))
    assert [(f.target, f.message.split(", and ")[1]) for f in found] == [
        ("hedged", "it is hedged 'likely'"),
        ("shaky", "it rests on an unsupported premise"),
        ("to-thesis", "it concludes the thesis"),
    ]
