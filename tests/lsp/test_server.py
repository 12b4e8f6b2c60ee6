"""The language server, driven as an editor drives it: the real ``argmap lsp`` process over stdio,
spoken to by pygls' LSP client."""

from __future__ import annotations

import asyncio
import shutil
import sys
from pathlib import Path

import pytest
import yaml
from lsprotocol import types as T
from pygls.lsp.client import LanguageClient

from tests.conftest import CLAIMS

MAP = """\
argmap: 1
title: Fares
source:
  text: fares.txt
thesis: fares-should-fall
claims:
  - id: fares-should-fall
    text: Fares should fall.
    quote: Fares should fall
    kind: evaluation
    section: Fares
  - id: riders-left
    text: Half the riders left.
    quote: half the riders left
    evidence: [survey]
    section: Fares
  - id: buses-late
    text: Buses are late.
    kind: interpretation
evidence:
  - id: survey
    kind: data
    citation: City transport survey 2025
inferences:
  - id: riders-to-fares
    premises: [riders-left]
    conclusion: fares-should-fall
    warrant: Lower fares bring riders back.
  - id: late-to-fares
    premises:
      - buses-late
    conclusion: fares-should-fall
"""
SOURCE = "Fares should fall. Since last year half the riders left.\n"
REVIEW = """\
argmap-review: 1
map: fares.yaml
map_sha256: "{sha}"
reviewer: A. Reviewer
date: 2026-12-01
entries:
  - target: riders-left
    verdict: needs-evidence
    severity: major
    comment: Which survey?
"""


def _pos(text: str, needle: str, nth: int = 0, offset: int = 0) -> T.Position:
    at = -1
    for _ in range(nth + 1):
        at = text.index(needle, at + 1)
    at += offset
    line = text.count("\n", 0, at)
    return T.Position(line=line, character=at - (text.rfind("\n", 0, at) + 1))


class Editor:
    """A pygls client talking to a real ``python -m argmap lsp`` process."""

    def __init__(self) -> None:
        self.client = LanguageClient("argmap-tests", "1")
        self.diagnostics: dict[str, list[T.PublishDiagnosticsParams]] = {}
        self.event = asyncio.Event()

        @self.client.feature(T.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def on_diagnostics(params: T.PublishDiagnosticsParams) -> None:
            self.diagnostics.setdefault(params.uri, []).append(params)
            self.event.set()

    async def start(self, root: Path) -> T.InitializeResult:
        await self.client.start_io(sys.executable, "-m", "argmap", "lsp")
        result = await self.client.initialize_async(
            T.InitializeParams(capabilities=T.ClientCapabilities(), root_uri=root.as_uri(), workspace_folders=[T.WorkspaceFolder(uri=root.as_uri(), name="w")])
        )
        self.client.initialized(T.InitializedParams())
        return result

    def open(self, path: Path, text: str, language: str = "yaml") -> str:
        uri = path.resolve().as_uri()
        self.client.text_document_did_open(T.DidOpenTextDocumentParams(text_document=T.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)))
        return uri

    def change(self, uri: str, text: str, version: int) -> None:
        self.client.text_document_did_change(
            T.DidChangeTextDocumentParams(
                text_document=T.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[T.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )

    async def published(self, uri: str, version: int = 1, timeout: float = 20) -> T.PublishDiagnosticsParams:
        """Wait for the diagnostics of ``uri`` at ``version``."""

        def found():
            return next((p for p in self.diagnostics.get(uri, []) if p.version == version), None)

        async def wait() -> None:
            while found() is None:
                self.event.clear()
                await self.event.wait()

        await asyncio.wait_for(wait(), timeout)
        return found()

    async def stop(self) -> None:
        await self.client.shutdown_async(None)
        self.client.exit(None)
        await self.client.stop()


@pytest.fixture
def workspace(tmp_path) -> Path:
    import hashlib

    (tmp_path / "fares.yaml").write_text(MAP, encoding="utf-8")
    (tmp_path / "fares.txt").write_text(SOURCE, encoding="utf-8")
    sha = hashlib.sha256(MAP.encode()).hexdigest()
    (tmp_path / "fares.review.yaml").write_text(REVIEW.format(sha=sha), encoding="utf-8")
    return tmp_path


def run(coro):
    """Run an editor session in a thread of its own: its event loop never meets another test's
    (the browser tests keep one running in the main thread)."""
    import concurrent.futures

    async def bounded():
        return await asyncio.wait_for(coro, 120)

    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, bounded()).result()


def test_full_session(workspace):
    async def session():
        ed = Editor()
        init = await ed.start(workspace)
        caps = init.capabilities
        assert caps.hover_provider and caps.definition_provider and caps.references_provider
        assert caps.rename_provider and caps.document_symbol_provider and caps.code_action_provider and caps.completion_provider
        uri = ed.open(workspace / "fares.yaml", MAP)
        first = await ed.published(uri)
        by_code = {d.code: d for d in first.diagnostics}
        # ARG106 on the warrant-less step to the thesis, ranged exactly on its id key
        step = next(d for d in first.diagnostics if d.code == "ARG103" or d.code == "ARG106")
        assert step.source == "argmap" and step.code_description and step.code_description.href.startswith("file://")
        assert "ARG101" in by_code  # buses-late: an interpretation with no support
        d = by_code["ARG101"]
        assert d.severity == T.DiagnosticSeverity.Warning
        line = MAP.split("\n")[d.range.start.line]
        assert line[d.range.start.character : d.range.end.character] == "id"
        assert "buses-late" in d.message

        # hover on a premise reference: the claim's text, kind, status and label
        h = await ed.client.text_document_hover_async(T.HoverParams(text_document=T.TextDocumentIdentifier(uri=uri), position=_pos(MAP, "[riders-left]", offset=3)))
        assert "**claim** `riders-left`" in h.contents.value and "Half the riders left." in h.contents.value
        assert "status **supported**" in h.contents.value

        # definition from a reference to the id line
        loc = await ed.client.text_document_definition_async(T.DefinitionParams(text_document=T.TextDocumentIdentifier(uri=uri), position=_pos(MAP, "- buses-late", offset=4)))
        assert [(l.range.start.line, l.range.start.character) for l in loc] == [(_pos(MAP, "id: buses-late", offset=4).line, _pos(MAP, "id: buses-late", offset=4).character)]

        # references: map uses plus the review beside it
        refs = await ed.client.text_document_references_async(
            T.ReferenceParams(text_document=T.TextDocumentIdentifier(uri=uri), position=_pos(MAP, "id: riders-left", offset=5), context=T.ReferenceContext(include_declaration=True))
        )
        files = sorted(Path(r.uri).name for r in refs)
        assert files == ["fares.review.yaml", "fares.yaml", "fares.yaml"], files

        # completion: ids after 'premises:', enum values after 'kind:'
        edited = MAP.replace("    premises:\n      - buses-late\n", "    premises: [\n")
        ed.change(uri, edited, 2)
        comp = await ed.client.text_document_completion_async(T.CompletionParams(text_document=T.TextDocumentIdentifier(uri=uri), position=_pos(edited, "premises: [", offset=11)))
        labels = {i.label for i in (comp.items if hasattr(comp, "items") else comp)}
        assert {"fares-should-fall", "riders-left", "buses-late"} <= labels and "survey" not in labels
        ed.change(uri, MAP, 3)
        comp = await ed.client.text_document_completion_async(T.CompletionParams(text_document=T.TextDocumentIdentifier(uri=uri), position=_pos(MAP, "kind: interpretation", offset=6)))
        labels = {i.label for i in comp.items}
        assert labels == {"fact", "interpretation", "causal", "prediction", "evaluation"}

        # symbols: sections -> claims, then evidence and inferences
        syms = await ed.client.text_document_document_symbol_async(T.DocumentSymbolParams(text_document=T.TextDocumentIdentifier(uri=uri)))
        assert [s.name for s in syms] == ["Fares", "(no section)", "evidence", "inferences"]
        assert [c.name for c in syms[0].children] == ["fares-should-fall", "riders-left"]

        # rename: every use in the map and the review; the edited map still validates
        edit = await ed.client.text_document_rename_async(T.RenameParams(text_document=T.TextDocumentIdentifier(uri=uri), position=_pos(MAP, "id: riders-left", offset=5), new_name="riders-gone"))
        assert sorted(Path(u).name for u in edit.changes) == ["fares.review.yaml", "fares.yaml"]
        new_map = _apply(MAP, edit.changes[uri])
        (workspace / "renamed.yaml").write_text(new_map, encoding="utf-8")
        from argmap.loading import load

        m = load(workspace / "renamed.yaml").map
        assert m.claim("riders-gone") is not None and m.inference("riders-to-fares").premises == ["riders-gone"]
        review_uri = next(u for u in edit.changes if u.endswith("review.yaml"))
        assert "target: riders-gone" in _apply((workspace / "fares.review.yaml").read_text(), edit.changes[review_uri])

        # diagnostics follow the editor's text, not the file on disk: a typo, then its quick fix
        broken = MAP.replace("conclusion: fares-should-fall\n    warrant", "conclusion: fares-shuold-fall\n    warrant")
        ed.change(uri, broken, 4)
        after = await ed.published(uri, 4)
        err = next(d for d in after.diagnostics if d.severity == T.DiagnosticSeverity.Error)
        assert "fares-shuold-fall" in err.message
        line = broken.split("\n")[err.range.start.line]
        assert line[err.range.start.character : err.range.end.character] == "fares-shuold-fall"
        actions = await ed.client.text_document_code_action_async(
            T.CodeActionParams(text_document=T.TextDocumentIdentifier(uri=uri), range=err.range, context=T.CodeActionContext(diagnostics=[err]))
        )
        fix = next(a for a in actions if a.title == "Change to 'fares-should-fall'")
        assert _apply(broken, fix.edit.changes[uri]) == MAP
        await ed.stop()

    run(session())


def _apply(text: str, edits: list[T.TextEdit]) -> str:
    lines = text.split("\n")
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)

    def at(p: T.Position) -> int:
        return offsets[p.line] + p.character

    for e in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[: at(e.range.start)] + e.new_text + text[at(e.range.end) :]
    return text


def test_reanchor_code_action_on_a_moved_quote(workspace):
    moved = MAP.replace("    quote: half the riders left\n", "    quote: half the riders left\n    anchor: {start: 0, end: 20, prefix: '', suffix: ''}\n")

    async def session():
        ed = Editor()
        await ed.start(workspace)
        uri = ed.open(workspace / "fares.yaml", moved)
        await ed.published(uri)
        where = _pos(moved, "quote: half")
        actions = await ed.client.text_document_code_action_async(
            T.CodeActionParams(text_document=T.TextDocumentIdentifier(uri=uri), range=T.Range(start=where, end=where), context=T.CodeActionContext(diagnostics=[]))
        )
        fix = next(a for a in actions if a.title.startswith("Re-anchor the quote of 'riders-left'"))
        fixed = yaml.safe_load(_apply(moved, fix.edit.changes[uri]))
        anchor = fixed["claims"][1]["anchor"]
        assert SOURCE[anchor["start"] : anchor["end"]] == "half the riders left"
        await ed.stop()

    run(session())


def test_review_file_diagnostics_and_definition(workspace):
    review = (workspace / "fares.review.yaml").read_text(encoding="utf-8")
    typo = review.replace("target: riders-left", "target: riders-lft")

    async def session():
        ed = Editor()
        await ed.start(workspace)
        uri = ed.open(workspace / "fares.review.yaml", typo)
        got = await ed.published(uri)
        assert any("riders-lft" in d.message and "did you mean 'riders-left'" in d.message for d in got.diagnostics), got.diagnostics
        ed.change(uri, review, 2)
        await ed.published(uri, 2)
        loc = await ed.client.text_document_definition_async(T.DefinitionParams(text_document=T.TextDocumentIdentifier(uri=uri), position=_pos(review, "target: riders-left", offset=9)))
        assert [Path(l.uri).name for l in loc] == ["fares.yaml"]
        assert loc[0].range.start.line == _pos(MAP, "id: riders-left").line
        comp = await ed.client.text_document_completion_async(T.CompletionParams(text_document=T.TextDocumentIdentifier(uri=uri), position=_pos(review, "verdict: needs-evidence", offset=9)))
        assert {i.label for i in comp.items} == {"accept", "challenge", "needs-evidence", "reject"}
        await ed.stop()

    run(session())


def test_bundled_map_and_argdown(workspace, tmp_path):
    bundled = (CLAIMS / "serbia-azerbaijan.yaml").read_text(encoding="utf-8")
    shutil.copy(CLAIMS / "serbia-azerbaijan.txt", workspace / "serbia-azerbaijan.txt")
    argdown = "[Fares]: Fares should fall.\n  <+ [Riders]: Half the riders left.\n"

    async def session():
        ed = Editor()
        await ed.start(workspace)
        uri = ed.open(workspace / "serbia-azerbaijan.yaml", bundled)
        got = await ed.published(uri)
        from argmap.audit import run as audit
        from argmap.loading import load

        expected = audit(load(CLAIMS / "serbia-azerbaijan.yaml"))
        assert sorted(d.code for d in got.diagnostics) == sorted(f.code for f in expected)
        ad = ed.open(workspace / "fares.argdown", argdown, "argdown")
        got = await ed.published(ad)
        assert got.diagnostics, "an Argdown map is audited too"
        h = await ed.client.text_document_hover_async(T.HoverParams(text_document=T.TextDocumentIdentifier(uri=ad), position=_pos(argdown, "[Riders]", offset=2)))
        assert "Half the riders left." in h.contents.value
        await ed.stop()

    run(session())


def _prefixes(text: str, count: int) -> list[str]:
    step = max(1, len(text) // count)
    return [text[:n] for n in range(0, len(text), step)]


def test_never_dies_on_truncated_documents(workspace, corpus):
    """Every prefix of real maps (what an editor holds while typing) yields diagnostics; the server lives."""
    docs = [("m.yaml", (CLAIMS / "serbia-azerbaijan.yaml").read_text(encoding="utf-8")), ("r.review.yaml", (CLAIMS / "serbia-azerbaijan.review.yaml").read_text(encoding="utf-8"))]
    for p in sorted((corpus / "argdown").rglob("*.argdown"))[:6]:
        docs.append((p.name, p.read_text(encoding="utf-8")))

    async def session():
        ed = Editor()
        await ed.start(workspace)
        for name, text in docs:
            uri = ed.open(workspace / name, "", "argdown" if name.endswith(".argdown") else "yaml")
            await ed.published(uri)
            for version, prefix in enumerate(_prefixes(text, 25), start=2):
                ed.change(uri, prefix, version)
                h = await ed.client.text_document_hover_async(T.HoverParams(text_document=T.TextDocumentIdentifier(uri=uri), position=T.Position(line=0, character=0)))
                syms = await ed.client.text_document_document_symbol_async(T.DocumentSymbolParams(text_document=T.TextDocumentIdentifier(uri=uri)))
                assert syms is None or isinstance(syms, list)
                del h
            ed.change(uri, text, 1000)
            await ed.published(uri, 1000)
        await ed.stop()

    run(session())


def test_columns_are_utf16_code_units_beyond_the_bmp(workspace):
    """LSP counts columns in UTF-16 code units: an emoji before an id on its line counts twice."""
    text = (
        "argmap: 1\nthesis: t\nclaims:\n"
        '  - {id: t, text: "Fares 😀 should fall.", kind: evaluation, evidence: [e1]}\n'
        "evidence:\n  - id: e1\n    citation: Survey\n"
    )
    line = text.split("\n")[3]
    code_points = line.index("e1]")
    utf16 = code_points + 1  # the emoji is one code point, two UTF-16 units

    async def session():
        ed = Editor()
        await ed.start(workspace)
        uri = ed.open(workspace / "emoji.yaml", text)
        await ed.published(uri)
        refs = await ed.client.text_document_references_async(
            T.ReferenceParams(text_document=T.TextDocumentIdentifier(uri=uri), position=T.Position(line=3, character=utf16 + 1), context=T.ReferenceContext(include_declaration=False))
        )
        assert [(r.range.start.line, r.range.start.character, r.range.end.character) for r in refs] == [(3, utf16, utf16 + 2)]
        await ed.stop()

    run(session())


def test_many_diagnostics_on_a_long_line_beyond_the_bmp(workspace):
    """Hundreds of diagnostics on one long line full of emoji: each range, counted in UTF-16
    code units, starts at its own claim (the conversion uses the analysed lines, once each)."""
    n = 400
    claims = ", ".join(f'{{text: "Claim 😀 é {i}", id: c{i}, kind: interpretation}}' for i in range(1, n + 1))
    text = f"argmap: 1\nthesis: c1\nclaims: [{claims}]\ninferences:\n  - {{warrant: \"Because 🙂\", id: r1, premises: [c2], conclusion: c1}}\n"
    units = text.split("\n")[2].encode("utf-16-le")

    async def session():
        ed = Editor()
        await ed.start(workspace)
        uri = ed.open(workspace / "long.yaml", text)
        got = await ed.published(uri)
        on_line = [d for d in got.diagnostics if d.range.start.line == 2]
        assert len(on_line) >= n - 1
        for d in on_line:
            after = units[2 * d.range.start.character :].decode("utf-16-le")
            claim = d.message.split("'")[1]
            assert after.startswith("{text: ") and after.split(", id: ", 1)[1].startswith(claim + ","), (d.message, after[:40])
        # published twice (a save), the ranges are converted from code points again, not twice
        ed.client.text_document_did_save(T.DidSaveTextDocumentParams(text_document=T.TextDocumentIdentifier(uri=uri)))
        ed.change(uri, text, 2)
        again = await ed.published(uri, 2)
        assert [d.range for d in again.diagnostics] == [d.range for d in got.diagnostics]
        await ed.stop()

    run(session())
