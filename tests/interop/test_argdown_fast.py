"""The single-pass Argdown reader gives exactly what the full reader gives, or steps aside.

For every text: either :func:`read_fast` returns ``None`` (the full reader
takes over), or its map and source positions equal those of the full reader
(:func:`argmap.readers.argdown.read_text`). On plain-core text it must not step
aside, and where the full reader reports an error it must not return a map.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.diagnostics import ArgmapError
from argmap.loading import Limits, load
from argmap.readers.argdown import read, read_text
from argmap.readers.argdown.fast import read_fast

from tests.benchmarks.generate import generate, to_argdown

from tests.interop.test_argdown_corpus import FIXTURES as CORPUS_FIXTURES


def _full(text: str):
    try:
        return read_text(text, "m.argdown")
    except ArgmapError:
        return None


def _same(text: str, must_be_fast: bool = False) -> bool:
    """Check the property; True when the fast reader read the text."""
    fast = read_fast(text, "m.argdown")
    full = _full(text)
    if full is None:
        assert fast is None, "the full reader reports an error, the fast one returned a map"
        return False
    if fast is None:
        assert not must_be_fast, "plain-core text fell back to the full reader"
        return False
    assert fast[0].model_dump() == full[0].model_dump()
    assert fast[1].positions == full[1].positions
    assert fast[1].exact == full[1].exact
    return True


# ----------------------------------------------------------- plain core


@pytest.mark.parametrize("n,links,seed", [(1, 0, 0), (40, 80, 1), (300, 600, 2), (1000, 2000, 3)])
def test_generated_benchmark_maps_take_the_fast_path(n, links, seed):
    assert _same(to_argdown(generate(n, links, seed)), must_be_fast=True)


CORE = {
    "headings at three levels": "# A\n\n[a]: one\n\n## B\n\n[b]: two\n\n### C\n\n# D\n\n[c]: three\n  <+ [a]\n",
    "a class stated twice": "[a]: first text\n  <+ [b]\n\n[a]: second text\n\n[a]\n  - [c]: C\n",
    "reference before definition": "[b]\n  +> [a]\n\n[a]: the definition\n",
    "every relation marker": "[a]: A\n  + [b]\n  - [c]\n  <+ [d]\n  <- [e]\n  +> [f]\n  -> [g]\n  >< [h]\n  _> [i]\n  <_ [j]\n",
    "contradiction both ways": "[a]: A\n  >< [b]: B\n\n[b]\n  >< [a]\n",
    "duplicate relations": "[a]: A\n  <+ [b]\n  <+ [b]\n\n[a]\n  <+ [b]\n",
    "nesting and dedent": "[a]: A\n  <+ [b]\n    <- [c]\n      <+ [d]\n    <+ [e]\n  <- [f]\n        <+ [g]\n   <+ [h]\n",
    "tabs in indentation": "[a]: A\n\t<+ [b]\n\t\t<- [c]\n \t<+ [d]\n",
    "marker in column one": "[a]: A\n<+ [b]\n  <- [c]\n",
    "windows line ends": "===\r\ntitle: A title\r\n===\r\n\r\n[a]: A\r\n  <+ [b]: B\r\n",
    "front matter with blank lines": "\n\n===\n\ntitle:   Spaced   out  \n\n===\n[a]: A\n",
    "symbol shorthands": "[a]: p .->. q and :heart: and .~. r\n  <+ [b]: x:y: z.\n",
    "odd white space": "[a]:   lots    of\u00a0 space   \n   \n  \n[b]: B\n  <+   [ c ]   \n",
    "titles that are not ids": "[Untitled 3]: A\n  <+ [two words]\n  <- [a:b.c]\n  <+ [don't?]\n  <+ [#1*@_]\n",
    "empty definition text": "[a]:\n  <+ [b]:   \n",
    "text with brackets closing only": "[a]: see p. 3] and (this)\n",
    "same title, different ids": "[a b]: one\n\n[a-b]: two\n\n[a?b]: three\n",
    "a long chain": "".join(f"[c{k}]: C{k}\n  <+ [c{k + 1}]\n\n" for k in range(50)),
}


@pytest.mark.parametrize("name", sorted(CORE))
def test_plain_core_agrees_with_the_full_reader(name):
    assert _same(CORE[name], must_be_fast=True)


OUTSIDE = {
    "an argument": "<A>: an argument\n  +> [a]\n",
    "a reconstruction": "<A>\n\n(1) p\n----\n(2) q\n",
    "untitled statement": "Just a sentence.\n  <+ [a]\n",
    "continuation line": "[a]: one\nmore text\n",
    "a list": "[a]: A\n\n  * [b]: B\n",
    "line comment": "[a]: A // note\n",
    "block comment": "[a]: A /* note */\n",
    "html comment": "<!-- c -->\n[a]: A\n",
    "a tag": "[a]: A #tag\n",
    "a mention": "[a]: see @[b]\n",
    "a link": "[a]: see [here](http://x)\n",
    "emphasis": "[a]: *really*\n",
    "an escape": "[a]: a \\[b\\]\n",
    "data": "[a]: A {kind: fact}\n",
    "a brace in a title": "[a]: A\n  <+ [{]\n  <+ [}]\n",
    "other front matter": "===\nmodel:\n  mode: strict\n===\n\n[a]: A\n  <+ [b]\n",
    "yaml word as title": "===\ntitle: yes\n===\n\n[a]: A\n",
    "quoted title": "===\ntitle: 'A: b'\n===\n\n[a]: A\n",
    "unclosed front matter": "===\ntitle: T\n\n[a]: A\n",
    "heading with a tag": "# Energy #policy\n\n[a]: A\n",
    "heading with text below": "# Energy\n[a]: A\n",
    "argument as a relation child": "[a]: A\n  <+ <B>: b\n",
    "empty title": "[ ]: A\n",
    "inference line": "[a]: A\n  -- x --\n",
}


@pytest.mark.parametrize("name", sorted(OUTSIDE))
def test_outside_the_core_the_full_reader_decides(name):
    assert read_fast(OUTSIDE[name], "m.argdown") is None
    _same(OUTSIDE[name])


ERRORS = {
    "relation after an empty line": "[a]: A\n\n  <+ [b]\n",
    "relation after a heading": "# H\n  <+ [b]\n",
    "relation with nothing above": "  <+ [b]\n",
}


@pytest.mark.parametrize("name", sorted(ERRORS))
def test_errors_come_from_the_full_reader(name, tmp_path):
    text = ERRORS[name]
    assert read_fast(text, "m.argdown") is None
    with pytest.raises(ArgmapError) as exc:
        read_text(text, "m.argdown")
    assert exc.value.diagnostics[0].location.line >= 1
    path = tmp_path / "m.argdown"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ArgmapError):
        load(path)


def test_too_deep_for_the_fast_reader_is_read_by_the_full_one():
    text = "[a]: A\n" + "".join(" " * (k + 1) + f"<+ [b{k}]\n" for k in range(12))
    assert read_fast(text, "m.argdown", max_depth=5) is None
    assert read_fast(text, "m.argdown", max_depth=50) is not None
    with pytest.raises(ArgmapError, match="deeper than 5"):
        read(Path("m.argdown"), text, Limits(max_depth=5))


def test_loading_an_argdown_file_gives_the_fast_readers_map_and_places(tmp_path):
    text = CORE["every relation marker"]
    path = tmp_path / "m.argdown"
    path.write_text(text, encoding="utf-8")
    loaded = load(path)
    fast = read_fast(text, str(path))
    assert fast is not None
    assert loaded.map.model_dump() == fast[0].model_dump()
    assert [loaded.map.location(i.id).line for i in loaded.map.inferences] == [2, 3, 4, 5, 6, 7, 8, 8, 9, 10]  # >< makes two


def test_corpus_fixtures_fall_back_or_agree(corpus):
    for name in CORPUS_FIXTURES:
        _same((corpus / "argdown" / f"{name}.argdown").read_text(encoding="utf-8"))


# ----------------------------------------------------- random documents

_TITLE = st.text(alphabet="abcXY09 _-.:'?#*@é", min_size=1, max_size=6).filter(lambda t: t.strip())
_TEXT = st.text(alphabet="abc XY09.,:;->~^()?!'é\u00a0\t", max_size=20)
_OPS = st.sampled_from(["+>", "->", "<+", "+", "<-", "-", "><", "_>", "<_"])
_JUNK = st.sampled_from(["[{]", "  + [}]: a {b: 1}", "more text", "(1) p", "----", "<A>: arg", "  * item", "[x]: #tag", "[x]: a_b", "// c", "@[a]"])


@st.composite
def _element(draw):
    title = draw(_TITLE)
    if draw(st.booleans()):
        return f"[{title}]"
    return f"[{title}]:{draw(st.sampled_from(['', ' ', '  ']))}{draw(_TEXT)}"


@st.composite
def _document(draw, junk: bool):
    lines = []
    if draw(st.integers(0, 3)) == 0:
        titles = ["T", "A title", "Map (draft) - v2."] + (["On", "x: y", "'q'"] if junk else [])
        lines += ["===", "title: " + draw(st.sampled_from(titles)), "==="]
    for _ in range(draw(st.integers(0, 6))):
        lines.append(draw(st.sampled_from(["", "   "])))
        if draw(st.integers(0, 4)) == 0:
            lines.append("#" * draw(st.integers(1, 3)) + " " + draw(_TEXT))
            lines.append("")
            continue
        lines.append(draw(_element()))
        for _ in range(draw(st.integers(0, 5))):
            indent = draw(st.sampled_from(["", " ", "  ", "    ", "      ", "\t"]))
            gap = draw(st.sampled_from(["", " ", "  "]))
            lines.append(f"{indent}{draw(_OPS)}{gap}{draw(_element())}{draw(st.sampled_from(['', ' ']))}")
        if junk and draw(st.integers(0, 3)) == 0:
            lines.insert(draw(st.integers(0, len(lines))), draw(_JUNK))
    return "\n".join(lines) + draw(st.sampled_from(["", "\n"]))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_document(junk=False))
def test_random_plain_core_documents_are_read_fast_and_agree(text):
    _same(text, must_be_fast=True)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_document(junk=True))
def test_random_documents_with_other_syntax_agree_or_fall_back(text):
    _same(text)


_SAFE = st.text(alphabet="aZ0 ,.;()'!?-", max_size=15)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from("aAbZ"), _SAFE)
def test_front_matter_titles_taken_as_yaml_would(head, rest):
    value = head + rest
    text = f"===\ntitle: {value}\n===\n\n[a]: A\n"
    fast = read_fast(text, "m.argdown")
    expected = yaml.safe_load(f"title: {value}\n")["title"]
    assert fast is not None  # no YAML word (yes, on, null, ...) starts with these letters
    assert fast[0].title == expected.strip()


_BASE = to_argdown(generate(12, 24, seed=7))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, len(_BASE)), st.integers(0, 2), st.sampled_from(list("[]{}#<>-+_*\\@/:( \t\n=ax"))),
                min_size=1, max_size=4))
def test_mutated_core_documents_agree_or_fall_back(edits):
    # single-character edits of a core file: every near miss must be read alike or handed over
    text = _BASE
    for at, op, char in edits:
        at = min(at, len(text))
        text = text[:at] + char + text[at + (op > 0):] if op < 2 else text[:at] + text[at + 1:]
    _same(text)
