"""``argmap lsp``: the Language Server Protocol server, over standard input and output.

Built on pygls. Documents are analysed from the text the editor holds
(:func:`argmap.lsp.analysis.analyse`); diagnostics are published on open and
save at once and on change after a short pause (:data:`DEBOUNCE`), so a fast
typist is not sent a result per key. When the editor asks for a trace
(``$/setTrace``), each publication is followed by a ``$/logTrace`` giving the
wall and CPU time of its stages. Every handler is guarded: an unexpected
error is logged to the editor and answered with nothing, so no intermediate
state of a document can stop the server.
"""

from __future__ import annotations

import asyncio
import copy
import functools
import time
import traceback
from pathlib import Path
from typing import Any, Callable, Optional

from lsprotocol import types as T
from pygls.lsp.server import LanguageServer

from argmap import __version__
from argmap.lsp import features
from argmap.lsp.analysis import Analysis, analyse, beyond_bmp, document_kind, path_to_uri, uri_to_path

__all__ = ["DEBOUNCE", "ArgmapServer", "make_server", "serve"]

DEBOUNCE = 0.15
"""Seconds of quiet after a change before the document is analysed again."""

MAX_RELATED = 50
"""At most this many review files beside a map are read for references and rename."""


class ArgmapServer(LanguageServer):
    """The server and its cache of analyses, one per open document and version."""

    def __init__(self) -> None:
        super().__init__("argmap", __version__, text_document_sync_kind=T.TextDocumentSyncKind.Incremental)
        self.analyses: dict[str, Analysis] = {}
        self.pending: dict[str, asyncio.TimerHandle] = {}
        self.scheduled: dict[str, float] = {}
        """When each pending publication was scheduled (for the trace)."""

    # ---------------------------------------------------------------- analysis

    def open_text(self, path: Path) -> Optional[str]:
        """The editor's text of ``path`` if it is open, else None (read from disk then)."""
        doc = self.workspace.text_documents.get(path_to_uri(path))
        return doc.source if doc is not None else None

    def analysis(self, uri: str) -> Optional[Analysis]:
        """The analysis of the document's current text (recomputed if it changed)."""
        doc = self.workspace.text_documents.get(uri)
        if doc is None:
            return None
        cached = self.analyses.get(uri)
        if cached is not None and cached.version == doc.version and cached.text == doc.source:
            return cached
        a = analyse(uri, doc.source, doc.version, self.open_text)
        self.analyses[uri] = a
        return a

    def publish(self, uri: str) -> None:
        self.pending.pop(uri, None)
        waited = time.perf_counter() - self.scheduled.pop(uri, time.perf_counter())
        clock = _Clock()
        try:
            a = self.analysis(uri)
        except Exception:  # noqa: BLE001 - never let one document stop the server
            self.log(f"argmap: analysing {uri} failed:\n{traceback.format_exc()}")
            a = None
        analysed = clock.lap()
        diagnostics = _Units(self).out(list(a.diagnostics), uri) if a is not None else []
        converted = clock.lap()
        version = a.version if a is not None else None
        self.text_document_publish_diagnostics(T.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=version))
        sent = clock.lap()
        self.trace(
            f"argmap: {len(diagnostics)} diagnostics of {Path(uri).name} version {version}: "
            f"waited {waited * 1000:.0f} ms, analysis {analysed}, conversion {converted}, sending {sent}"
        )

    def trace(self, message: str) -> None:
        """Send ``message`` as a ``$/logTrace`` when the editor asked for a trace (``$/setTrace``)."""
        if self.protocol.trace not in (None, T.TraceValue.Off):
            self.log_trace(T.LogTraceParams(message=message))

    def schedule(self, uri: str, delay: float) -> None:
        old = self.pending.pop(uri, None)
        if old is not None:
            old.cancel()
        if delay <= 0:
            self.publish(uri)
            return
        self.scheduled[uri] = time.perf_counter()
        self.pending[uri] = asyncio.get_event_loop().call_later(delay, self.publish, uri)

    def related(self, a: Analysis) -> list[Analysis]:
        """The map and the review files beside it (open documents as the editor holds them)."""
        if a.kind not in ("map", "review"):
            return []
        if a.kind == "review":
            reviewed = a.reviewed_map
            if reviewed is None:
                return []
            map_path = Path(reviewed.path).resolve()
        else:
            map_path = a.path.resolve()
        out = []
        if a.kind == "review":
            map_uri = path_to_uri(map_path)
            m = self.analysis(map_uri) if map_uri in self.workspace.text_documents else self._disk(map_path)
            if m is not None:
                out.append(m)
        for review_path in _reviews_beside(map_path):
            uri = path_to_uri(review_path)
            if uri == a.uri:
                continue
            r = self.analysis(uri) if uri in self.workspace.text_documents else self._disk(review_path)
            if r is not None and r.kind == "review" and r.review is not None and r.review.map_path() == map_path:
                out.append(r)
        return out

    def _disk(self, path: Path) -> Optional[Analysis]:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None
        return analyse(path_to_uri(path), text, None, self.open_text)

    def log(self, message: str) -> None:
        try:
            self.window_log_message(T.LogMessageParams(type=T.MessageType.Log, message=message))
        except Exception:  # noqa: BLE001
            pass


class _Clock:
    """Wall and CPU time of successive stages, for the trace."""

    def __init__(self) -> None:
        self.wall, self.cpu = time.perf_counter(), time.process_time()

    def lap(self) -> str:
        wall, cpu = time.perf_counter(), time.process_time()
        out = f"{(wall - self.wall) * 1000:.0f} ms (CPU {(cpu - self.cpu) * 1000:.0f} ms)"
        self.wall, self.cpu = wall, cpu
        return out


class _Units:
    """Columns between argmap (code points) and the client (UTF-16 code units unless agreed
    otherwise). Only documents with characters beyond the Basic Multilingual Plane differ.

    A document's lines are looked up once per converter (a request or a publication), and
    whether its text needs converting once per analysis: converting thousands of diagnostics
    never scans the text again for each one.
    """

    def __init__(self, ls: "ArgmapServer") -> None:
        self.ls = ls
        self.codec = ls.workspace.position_codec
        self._lines: dict[str, Optional[list[str]]] = {}

    def lines(self, uri: str) -> Optional[list[str]]:
        """The lines of ``uri`` when its columns need converting, else None."""
        if uri not in self._lines:
            self._lines[uri] = self._find_lines(uri)
        return self._lines[uri]

    def _find_lines(self, uri: str) -> Optional[list[str]]:
        a = self.ls.analyses.get(uri)
        if a is not None:
            return a.lines if a.beyond_bmp else None
        doc = self.ls.workspace.text_documents.get(uri)
        text = doc.source if doc is not None else None
        if text is None or not beyond_bmp(text):
            return None
        return text.split("\n")

    def position_in(self, uri: str, pos: T.Position) -> T.Position:
        lines = self.lines(uri)
        if lines is None:
            return pos
        p = self.codec.position_from_client_units(lines, pos)
        return T.Position(line=p.line, character=p.character)

    def out(self, value: Any, uri: str) -> Any:
        """``value`` (a result or a list of them) with every range in client units."""
        if value is None or self.codec.encoding == T.PositionEncodingKind.Utf32:
            return value
        if isinstance(value, list):
            return [self.out(v, uri) for v in value]
        if isinstance(value, T.Range):
            lines = self.lines(uri)
            return value if lines is None else self.codec.range_to_client_units(lines, value)
        if isinstance(value, T.Location):
            return T.Location(uri=value.uri, range=self.out(value.range, value.uri))
        if isinstance(value, T.WorkspaceEdit) and value.changes:
            return T.WorkspaceEdit(changes={u: [T.TextEdit(range=self.out(e.range, u), new_text=e.new_text) for e in edits] for u, edits in value.changes.items()})
        if isinstance(value, T.CodeAction) and value.edit is not None:
            value.edit = self.out(value.edit, uri)
            value.diagnostics = self.out(value.diagnostics, uri) if value.diagnostics else value.diagnostics
            return value
        if isinstance(value, T.Diagnostic):  # a copy: the analysis keeps its diagnostics in code points
            value = copy.copy(value)
            value.range = self.out(value.range, uri)
            return value
        if isinstance(value, T.DocumentSymbol):
            value.range = self.out(value.range, uri)
            value.selection_range = self.out(value.selection_range, uri)
            value.children = self.out(value.children, uri) if value.children else value.children
            return value
        if isinstance(value, T.Hover) and value.range is not None:
            value.range = self.out(value.range, uri)
        return value


def _reviews_beside(map_path: Path) -> list[Path]:
    folder = map_path.parent
    try:
        candidates = sorted(p for p in folder.iterdir() if p.suffix in (".yaml", ".yml") and p.resolve() != map_path)
    except OSError:
        return []
    out = []
    for p in candidates[: MAX_RELATED * 4]:
        try:
            head = p.read_text(encoding="utf-8", errors="replace")[:4096]
        except OSError:
            continue
        if document_kind(p, head) == "review":
            out.append(p)
        if len(out) >= MAX_RELATED:
            break
    return out


def _guarded(fn: Callable) -> Callable:
    """Answer nothing (and log) instead of failing when a handler meets the unexpected."""

    @functools.wraps(fn)
    def wrapper(ls: ArgmapServer, params: Any):
        try:
            return fn(ls, params)
        except ValueError as exc:  # a user mistake, e.g. an invalid new id for rename
            from pygls.exceptions import JsonRpcInvalidParams

            raise JsonRpcInvalidParams(str(exc)) from None
        except Exception:  # noqa: BLE001
            ls.log(f"argmap: {fn.__name__} failed:\n{traceback.format_exc()}")
            return None

    return wrapper


def _request(ls: ArgmapServer, params: Any) -> tuple[Optional[Analysis], T.Position, _Units]:
    """The analysis, the cursor in code points, and the unit converter for a positional request."""
    uri = params.text_document.uri
    u = _Units(ls)
    return ls.analysis(uri), u.position_in(uri, params.position), u


def make_server() -> ArgmapServer:
    """A server with every feature registered."""
    ls = ArgmapServer()

    @ls.feature(T.TEXT_DOCUMENT_DID_OPEN)
    @_guarded
    def did_open(ls: ArgmapServer, params: T.DidOpenTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0)

    @ls.feature(T.TEXT_DOCUMENT_DID_CHANGE)
    @_guarded
    def did_change(ls: ArgmapServer, params: T.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, DEBOUNCE)

    @ls.feature(T.TEXT_DOCUMENT_DID_SAVE)
    @_guarded
    def did_save(ls: ArgmapServer, params: T.DidSaveTextDocumentParams) -> None:
        ls.analyses.pop(params.text_document.uri, None)  # files beside it (source text, config) may have changed
        ls.schedule(params.text_document.uri, 0)

    @ls.feature(T.TEXT_DOCUMENT_DID_CLOSE)
    @_guarded
    def did_close(ls: ArgmapServer, params: T.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        handle = ls.pending.pop(uri, None)
        ls.scheduled.pop(uri, None)
        if handle is not None:
            handle.cancel()
        ls.analyses.pop(uri, None)
        ls.text_document_publish_diagnostics(T.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @ls.feature(T.TEXT_DOCUMENT_HOVER)
    @_guarded
    def hover(ls: ArgmapServer, params: T.HoverParams):
        a, pos, u = _request(ls, params)
        return u.out(features.hover(a, pos), a.uri) if a else None

    @ls.feature(T.TEXT_DOCUMENT_DEFINITION)
    @_guarded
    def definition(ls: ArgmapServer, params: T.DefinitionParams):
        a, pos, u = _request(ls, params)
        return u.out(features.definition(a, pos, ls.related(a)), a.uri) if a else None

    @ls.feature(T.TEXT_DOCUMENT_REFERENCES)
    @_guarded
    def references(ls: ArgmapServer, params: T.ReferenceParams):
        a, pos, u = _request(ls, params)
        return u.out(features.references(a, pos, params.context.include_declaration, ls.related(a)), a.uri) if a else None

    @ls.feature(T.TEXT_DOCUMENT_COMPLETION, T.CompletionOptions(trigger_characters=[":", " ", "[", ",", "-"]))
    @_guarded
    def completion(ls: ArgmapServer, params: T.CompletionParams):
        a, pos, u = _request(ls, params)
        return features.completion(a, pos) if a else None

    @ls.feature(T.TEXT_DOCUMENT_PREPARE_RENAME)
    @_guarded
    def prepare_rename(ls: ArgmapServer, params: T.PrepareRenameParams):
        a, pos, u = _request(ls, params)
        return u.out(features.prepare_rename(a, pos), a.uri) if a else None

    @ls.feature(T.TEXT_DOCUMENT_RENAME, T.RenameOptions(prepare_provider=True))
    @_guarded
    def rename(ls: ArgmapServer, params: T.RenameParams):
        a, pos, u = _request(ls, params)
        return u.out(features.rename(a, pos, params.new_name, ls.related(a)), a.uri) if a else None

    @ls.feature(T.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    @_guarded
    def document_symbol(ls: ArgmapServer, params: T.DocumentSymbolParams):
        a = ls.analysis(params.text_document.uri)
        return _Units(ls).out(features.symbols(a), a.uri) if a else None

    @ls.feature(T.TEXT_DOCUMENT_CODE_ACTION, T.CodeActionOptions(code_action_kinds=[T.CodeActionKind.QuickFix]))
    @_guarded
    def code_action(ls: ArgmapServer, params: T.CodeActionParams):
        a = ls.analysis(params.text_document.uri)
        if a is None:
            return None
        u = _Units(ls)
        lines = u.lines(a.uri)
        rng = params.range if lines is None else u.codec.range_from_client_units(lines, params.range)
        rng = T.Range(start=T.Position(line=rng.start.line, character=rng.start.character), end=T.Position(line=rng.end.line, character=rng.end.character))
        diagnostics = [a_d for a_d in a.diagnostics if any(a_d.message == d.message and a_d.code == d.code for d in params.context.diagnostics)]
        return u.out(features.code_actions(a, rng, diagnostics or list(params.context.diagnostics)), a.uri)

    return ls


def serve() -> None:
    """Run the server on standard input and output until the editor says exit."""
    make_server().start_io()
