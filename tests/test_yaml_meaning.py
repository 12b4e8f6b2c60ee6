"""One YAML meaning: a map means the same on the fast path and on the located path.

YAML 1.1-only forms (``yes``/``no``/``on``/``off``, ``1:20``, ``017``, ``1_000``, ``=``,
dates) and number-like text are put as plain scalars into every field of a map; the map
is read once as it is (the fast path where it can) and once with a tab in a trailing
comment, which sends it down the located path. Both must give the same data, or the same
errors. And ``anchor --fix`` reads with the same rules.
"""

from __future__ import annotations

import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.diagnostics import ArgmapError
from argmap.loading import load_text
from argmap.loading.fast import fast_parse
from argmap.loading.located import parse_yaml

ONE_ONE_FORMS = [
    "yes", "no", "on", "off", "Yes", "NO", "On", "OFF", "y", "n", "1:20", "190:20:30", "017", "00", "08",
    "1_000", "0b101", "0o17", "0x1F", "=", "2024-01-02", "2001-12-14t21:59:43.10-05:00", "12:30:45",
    "1e3", ".5", "+.5", "-.5", "1.", ".inf", "-.Inf", ".NaN", "NaN", "true", "False", "TRUE", "null",
    "Null", "~", "0", "-0", "+12", "1", "3.14", "1e400", "99999999999999999999", "-0x1A", "+0o7",
]
NUMBERISH = st.text(alphabet="0123456789+-._:eEoxb", min_size=1, max_size=7).filter(
    lambda s: not s.startswith(("-", ":")) and ": " not in s and not s.endswith(":")
)
SCALAR = st.one_of(st.sampled_from(ONE_ONE_FORMS), NUMBERISH)

FIELDS = [  # (path in the template, line written with {v} for the scalar)
    ("title", "title: {v}"),
    ("source.title", "  title: {v}"),
    ("source.author", "  author: {v}"),
    ("source.date", "  date: {v}"),
    ("source.accessed", "  accessed: {v}"),
    ("claim.id", "  - id: {v}"),
    ("claim.text", "    text: {v}"),
    ("claim.quote", "    quote: {v}"),
    ("claim.section", "    section: {v}"),
    ("claim.note", "    note: {v}"),
    ("claim.when", "    when: {v}"),
    ("claim.assumption", "    assumption: {v}"),
    ("claim.tag", "    tags: [{v}]"),
    ("evidence.citation", "    citation: {v}"),
    ("evidence.by", "    by: {v}"),
    ("evidence.published", "    published: {v}"),
    ("evidence.accessed", "    accessed: {v}"),
    ("inference.warrant", "    warrant: {v}"),
    ("inference.scheme", "    scheme: {v}"),
    ("inference.note", "    note: {v}"),
    ("version", "argmap: {v}"),
]


def _map(values: dict[str, str]) -> str:
    """A map with ``values`` written as plain scalars in their fields, defaults elsewhere."""
    line = {name: pattern.format(v=values[name]) for name, pattern in FIELDS if name in values}
    out = [line.get("version", "argmap: 1"), line.get("title", "title: T"), "source:",
           line.get("source.title", "  title: S")]
    out += [line[k] for k in ("source.author", "source.date", "source.accessed") if k in line]
    out += ["claims:", line.get("claim.id", "  - id: a"), line.get("claim.text", "    text: A.")]
    out += [line[k] for k in ("claim.quote", "claim.section", "claim.note", "claim.when", "claim.assumption",
                              "claim.tag") if k in line]
    out += ["  - id: b", "    text: B.", "    evidence: [e]", "evidence:", "  - id: e", "    kind: document"]
    out += [line[k] for k in ("evidence.citation", "evidence.by", "evidence.published", "evidence.accessed") if k in line]
    out += ["inferences:", "  - id: i", "    premises: [b]", "    conclusion: a"]
    out += [line[k] for k in ("inference.warrant", "inference.scheme", "inference.note") if k in line]
    return "\n".join(out) + "\n"


def _plain(value):
    """Data with types kept (``True`` is not ``1``) and NaN equal to itself."""
    if isinstance(value, dict):
        return {_plain(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, float) and math.isnan(value):
        return ("float", "nan")
    return (type(value).__name__, value)


def _outcome(text: str):
    try:
        m, _, _ = load_text(text, "m.yaml")
    except ArgmapError as exc:
        return ("error", [str(d) for d in exc.diagnostics])
    return ("map", m.model_dump(mode="json"))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from([name for name, _ in FIELDS]), SCALAR, min_size=1, max_size=6))
def test_both_paths_read_one_meaning(values):
    text = _map(values)
    fast = fast_parse(text, "m.yaml")
    if fast is not None:  # the same data, value for value and type for type
        slow_data, _ = parse_yaml(text, "m.yaml")
        assert _plain(fast[0]) == _plain(slow_data), text
    forced = text + "# a tab here,\tsends the map down the located path\n"
    assert fast_parse(forced, "m.yaml") is None
    assert _outcome(text) == _outcome(forced), text


def test_one_one_forms_are_text():
    text = _map({"claim.text": "yes", "claim.note": "1:20", "claim.section": "017", "claim.quote": "=",
                 "evidence.citation": "1_000", "source.date": "2024-01-02"})
    for variant in (text, text + "#\t\n"):
        m, _, _ = load_text(variant, "m.yaml")
        claim = m.claims[0]
        assert (claim.text, claim.note, claim.section, claim.quote) == ("yes", "1:20", "017", "=")
        assert (m.evidence[0].citation, m.source.date) == ("1_000", "2024-01-02")


def test_anchor_fix_reads_with_the_same_rules(run_cli, write_map):
    path = write_map(
        "argmap: 1\nsource:\n  text: source.txt\t# a tab before the comment\nclaims:\n"
        "  - id: a\n    text: yes\n    quote: Alpha beta\n",
        source="Alpha beta gamma.\n",
    )
    assert run_cli("validate", path).exit_code == 0
    result = run_cli("anchor", "--fix", "--no-backup", path)
    assert result.exit_code == 0, result.output
    text = path.read_text(encoding="utf-8")
    assert "    anchor:\n      start: 0\n      end: 10\n" in text and "text: yes\n" in text
    assert run_cli("validate", path).exit_code == 0


def test_argdown_data_and_front_matter_read_yaml_1_2():
    """YAML inside Argdown (``{...}`` data, front matter) has the map's meaning too: ``yes`` and
    ``on`` stay text, as the Argdown CLI (js-yaml) reads them; YAML 1.1 made them booleans."""
    text = "===\ntitle: yes\nargmap:\n  thesis: a\n===\n\n[a]: A. {note: yes, flag: on, n: 0o17}\n  + [b]: B.\n"
    m, _, _ = load_text(text, "m.argdown")
    assert m.title == "yes" and m.thesis == "a"
    assert m.claim("a").note == 'data: {"note": "yes", "flag": "on", "n": 15}'
