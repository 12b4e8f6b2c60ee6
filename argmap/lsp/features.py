"""The editor features, as plain functions of an :class:`~argmap.lsp.analysis.Analysis`.

Each takes the analysis of the document the request is about (and, where ids
cross files, the analyses of the map and the reviews beside it) and returns
lsprotocol values; none of them reads the document from disk.

>>> from argmap.lsp.analysis import analyse
>>> text = "argmap: 1\\nthesis: t\\nclaims:\\n  - id: t\\n    text: The thesis.\\n    kind: causal\\n"
>>> a = analyse("file:///m.yaml", text)
>>> hover(a, T.Position(line=1, character=9)).contents.value.splitlines()[0]
'**claim** `t` — causal'
>>> [(r.range.start.line, r.range.start.character) for r in references(a, T.Position(line=3, character=9), True, [])]
[(1, 8), (3, 8)]
"""

from __future__ import annotations

import difflib
import re
from typing import Iterable, Optional

from lsprotocol import types as T

from argmap.lsp.analysis import Analysis, Occurrence, path_to_uri

__all__ = [
    "hover",
    "definition",
    "references",
    "completion",
    "prepare_rename",
    "rename",
    "symbols",
    "code_actions",
    "element_of",
]

_ID = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.:\-]*$")


# ------------------------------------------------------------------ lookups


def _map_of(a: Analysis):
    """The map an analysis speaks about: its own, or (for a review) the reviewed one."""
    if a.loaded is not None:
        return a.loaded.map
    if a.reviewed_map is not None:
        return a.reviewed_map.map
    return None


def element_of(a: Analysis, ident: str):
    """The claim, evidence record or inference with id ``ident`` (Argdown: by title)."""
    m = _map_of(a)
    if m is None:
        return None
    el = m.element(ident)
    if el is None and a.kind == "argdown":
        from argmap.readers.argdown.text import make_id

        el = m.element(make_id(ident, set()))
    return el


def _kind_word(m, el) -> str:
    if m.claim(el.id) is el:
        return "claim"
    if m.evidence_record(el.id) is el:
        return "evidence record"
    return "step"


def _findings_for(a: Analysis, ident: str) -> list:
    source = a if a.loaded is not None else None
    return [f for f in (source.findings if source else []) if f.target == ident]


def hover(a: Analysis, pos: T.Position) -> Optional[T.Hover]:
    """The element under the cursor: text, kind, qualifier, quote, status and label with the
    reason, evidence, and its findings."""
    occ = a.occurrence_at(pos.line, pos.character)
    if occ is None:
        return None
    m = _map_of(a)
    el = element_of(a, occ.id)
    if m is None or el is None:
        return T.Hover(contents=T.MarkupContent(kind=T.MarkupKind.Markdown, value=f"`{occ.id}`: no such element" if m is not None else f"`{occ.id}`"), range=occ.range)
    what = _kind_word(m, el)
    head = f"**{what}** `{el.id}`"
    kind = getattr(el, "kind", None)
    if kind is not None:
        head += f" — {kind.value}"
    qualifier = getattr(el, "qualifier", None)
    if qualifier is not None:
        head += f", qualified *{qualifier.value}*"
    out = [head, ""]
    text = getattr(el, "text", None) or getattr(el, "citation", None) or getattr(el, "title", None)
    if text:
        out += [_md(text), ""]
    if what == "step":
        out += [f"{', '.join(f'`{p}`' for p in el.premises)} → `{el.conclusion}`", ""]
        if el.warrant:
            out += [f"warrant: {_md(el.warrant)}", ""]
    if getattr(el, "quote", None):
        out += [f"> {_md(el.quote)}", ""]
    if what == "evidence record" and el.by:
        out += [f"by {_md(el.by)}", ""]
    if what == "claim" and el.evidence:
        out += ["evidence: " + ", ".join(f"`{e}`" for e in el.evidence), ""]
    if a.loaded is not None and what == "claim":
        ev = a.evaluation()
        status, label = ev.status.get(el.id), ev.label.get(el.id)
        if status or label:
            from argmap.evaluation.explanation import label_reason

            try:
                reason = label_reason(ev, "claim", el.id)
            except Exception:  # noqa: BLE001 - a reason is extra; the status stands without it
                reason = ""
            out += [f"status **{status}**, label **{label}**" + (f": {_md(reason)}" if reason else ""), ""]
    for f in _findings_for(a, el.id):
        out.append(f"- {f.severity.value} {f.code} [{f.rule}]: {_md(f.message)}")
    return T.Hover(contents=T.MarkupContent(kind=T.MarkupKind.Markdown, value="\n".join(out).strip()), range=occ.range)


def _md(text: str) -> str:
    """User text in Markdown: one line, markup characters escaped."""
    flat = " ".join(str(text).split())
    return re.sub(r"([\\`*_{}\[\]<>()#+!|~])", r"\\\1", flat)


def _definitions(a: Analysis, ident: str) -> list[Occurrence]:
    return [o for o in a.occurrences if o.id == ident and o.role == "definition"]


def definition(a: Analysis, pos: T.Position, related: Iterable[Analysis] = ()) -> list[T.Location]:
    """Where the id under the cursor is defined: in this document or in the reviewed map."""
    occ = a.occurrence_at(pos.line, pos.character)
    if occ is None:
        return []
    found = [T.Location(uri=a.uri, range=o.range) for o in _definitions(a, occ.id)]
    if not found:
        for other in related:
            found += [T.Location(uri=other.uri, range=o.range) for o in _definitions(other, occ.id)]
    return found


def references(a: Analysis, pos: T.Position, include_declaration: bool, related: Iterable[Analysis]) -> list[T.Location]:
    """Every place the id under the cursor is used, here and in the map and reviews beside it."""
    occ = a.occurrence_at(pos.line, pos.character)
    if occ is None:
        return []
    out = []
    for doc in [a, *related]:
        for o in doc.occurrences:
            if o.id == occ.id and (include_declaration or o.role != "definition"):
                out.append(T.Location(uri=doc.uri, range=o.range))
    return out


# ------------------------------------------------------------------ completion


_ID_KEYS = {"premises": ("claims",), "conclusion": ("claims", "inferences"), "evidence": ("evidence",), "thesis": ("claims",), "target": ("claims", "evidence", "inferences")}


def _enums() -> dict[tuple[Optional[str], str], list[str]]:
    from argmap.model import ClaimKind, EvidenceKind, InferenceKind, Qualifier
    from argmap.review.files import EntryStatus, ReviewSeverity, Verdict

    q = [v.value for v in Qualifier]
    return {
        ("claims", "kind"): [v.value for v in ClaimKind],
        ("evidence", "kind"): [v.value for v in EvidenceKind],
        ("inferences", "kind"): [v.value for v in InferenceKind],
        ("claims", "qualifier"): q,
        ("inferences", "qualifier"): q,
        ("entries", "verdict"): [v.value for v in Verdict],
        ("entries", "severity"): [v.value for v in ReviewSeverity],
        ("entries", "status"): [v.value for v in EntryStatus],
        ("evidence", "added_by"): ["author", "analyst"],
        ("claims", "assumption"): ["true", "false"],
    }


def _keys(section: Optional[str], kind: str) -> list[str]:
    from argmap.model import ArgumentMap, Claim, Evidence, Inference, Source
    from argmap.review.files import Review, ReviewEntry

    if kind == "review":
        models = {None: Review, "entries": ReviewEntry}
    else:
        models = {None: ArgumentMap, "claims": Claim, "evidence": Evidence, "inferences": Inference, "source": Source}
    model = models.get(section)
    return [] if model is None else [f.alias or name for name, f in model.model_fields.items()]


def _context(lines: list[str], line: int) -> tuple[Optional[str], Optional[str]]:
    """(top-level section, the key whose value the cursor line continues) at ``line``."""
    section, parent = None, None
    here = lines[line] if line < len(lines) else ""
    indent = len(here) - len(here.lstrip(" -"))
    for n in range(line - 1, -1, -1):
        text = lines[n]
        if not text.strip() or text.lstrip().startswith("#"):
            continue
        m = re.match(r"^(\s*)(?:-\s+)?([A-Za-z_][\w-]*)\s*:\s*(.*)$", text)
        if m is None:
            continue
        depth = len(m.group(1))
        if parent is None and depth < indent and m.group(3).strip() in ("", "[") and here.lstrip().startswith("-"):
            parent = m.group(2)
        if depth == 0 and not text.startswith("-"):
            section = m.group(2)
            break
    return section, parent


def _ids(a: Analysis, sections: tuple[str, ...]) -> list[tuple[str, str]]:
    """(id, what) of the elements of ``sections`` the document defines or its map has."""
    out: list[tuple[str, str]] = []
    m = _map_of(a)
    if a.kind == "review" and m is not None:
        for sec in sections:
            out += [(el.id, sec) for el in getattr(m, sec)]
        return out
    found = [(o.id, o.section) for o in a.occurrences if o.role == "definition" and o.section in sections]
    if found or a.data is not None:
        return found
    return [(i, sec) for i, sec in _scan_ids(a.lines) if sec in sections]  # YAML broken mid-edit: read the lines


def _scan_ids(lines: list[str]) -> list[tuple[str, str]]:
    """``id:`` values by top-level section, read line by line (for text that does not parse yet)."""
    section, out = None, []
    for text in lines:
        top = re.match(r"^([A-Za-z_][\w-]*)\s*:", text)
        if top:
            section = top.group(1)
            continue
        m = re.match(r"^\s*(?:-\s+)?id\s*:\s*[\"']?([A-Za-z0-9_][A-Za-z0-9_.:\-]*)", text)
        if m and section:
            out.append((m.group(1), section))
    return out


def completion(a: Analysis, pos: T.Position) -> T.CompletionList:
    """Ids in reference fields, enum values after ``kind:`` and friends, keys elsewhere."""
    lines = a.lines
    text = lines[pos.line][: pos.character] if pos.line < len(lines) else ""
    section, parent = _context(lines, pos.line)
    m = re.match(r"^\s*(?:-\s+)?([A-Za-z_][\w-]*)\s*:\s*(.*)$", text)
    key = m.group(1) if m else None
    if key == "id":
        return T.CompletionList(is_incomplete=False, items=[])
    top_level = not text.startswith((" ", "-")) and key != "thesis"  # "evidence:" there opens the section
    if key in _ID_KEYS and not top_level:
        field_ = key
    elif key is None and parent in _ID_KEYS and text.lstrip().startswith("-"):
        field_ = parent  # an item of a block list under premises: or evidence:
    else:
        field_ = None
    if field_ is not None:
        items = [T.CompletionItem(label=ident, kind=T.CompletionItemKind.Reference, detail=sec) for ident, sec in _ids(a, _ID_KEYS[field_])]
        return T.CompletionList(is_incomplete=False, items=_dedupe(items))
    if key is not None:
        values = _enums().get((section, key))
        if values:
            return T.CompletionList(is_incomplete=False, items=[T.CompletionItem(label=v, kind=T.CompletionItemKind.EnumMember) for v in values])
        return T.CompletionList(is_incomplete=False, items=[])
    in_element = bool(re.match(r"^\s+", text)) and section in ("claims", "evidence", "inferences", "source", "entries")
    keys = _keys(section if in_element else None, a.kind or "map")
    return T.CompletionList(is_incomplete=False, items=[T.CompletionItem(label=k, kind=T.CompletionItemKind.Property, insert_text=f"{k}: ") for k in keys])


def _dedupe(items: list[T.CompletionItem]) -> list[T.CompletionItem]:
    seen, out = set(), []
    for it in items:
        if it.label not in seen:
            seen.add(it.label)
            out.append(it)
    return out


# ------------------------------------------------------------------ rename


def prepare_rename(a: Analysis, pos: T.Position) -> Optional[T.Range]:
    occ = a.occurrence_at(pos.line, pos.character)
    return occ.range if occ is not None and a.kind in ("map", "review") else None


def rename(a: Analysis, pos: T.Position, new_name: str, related: Iterable[Analysis]) -> Optional[T.WorkspaceEdit]:
    """Rename the id under the cursor in the map and every review beside it."""
    occ = a.occurrence_at(pos.line, pos.character)
    if occ is None or a.kind not in ("map", "review"):
        return None
    if not _ID.match(new_name):
        raise ValueError(f"'{new_name}' is not a valid id (letters, digits, _ . : -, not starting with . : or -)")
    changes: dict[str, list[T.TextEdit]] = {}
    for doc in [a, *related]:
        if any(o.id == new_name and o.role == "definition" for o in doc.occurrences):
            raise ValueError(f"'{new_name}' is already the id of another element")
        edits = [T.TextEdit(range=o.range, new_text=new_name) for o in doc.occurrences if o.id == occ.id]
        if edits:
            changes[doc.uri] = edits
    return T.WorkspaceEdit(changes=changes)


# ------------------------------------------------------------------ symbols


def _element_ranges(a: Analysis) -> dict[tuple[str, int], T.Range]:
    """Line ranges of each element of a native map (from its first line to the line before the next)."""
    if a.sourcemap is None or a.kind != "map":
        return {}
    positions = a.sourcemap.positions
    starts = []
    for section, index, *_ in _elements(a):
        pos = positions.get((section, index))
        if pos is not None:
            starts.append((pos, (section, index)))
    starts.sort()
    out = {}
    for n, ((line, _col), key) in enumerate(starts):
        end_line = (starts[n + 1][0][0] - 1) if n + 1 < len(starts) else len(a.lines)
        while end_line > line and not a.lines[end_line - 1].strip():
            end_line -= 1
        last = max(end_line - 1, line - 1)
        out[key] = T.Range(start=T.Position(line=line - 1, character=0), end=T.Position(line=last, character=len(a.lines[last])))
    return out


def symbols(a: Analysis) -> list[T.DocumentSymbol]:
    """The outline: sections with their claims, then evidence records, then steps."""
    if a.kind not in ("map", "argdown"):
        return []
    m = _map_of(a)
    defs = {(o.section, o.index): o for o in a.occurrences if o.role == "definition" and o.section}
    ranges = _element_ranges(a)
    if m is None and a.data is None:
        return []

    def symbol(section: str, index: int, ident: str, detail: str, kind) -> Optional[T.DocumentSymbol]:
        occ = defs.get((section, index))
        rng = ranges.get((section, index)) or (occ.range if occ else None)
        if rng is None and a.sourcemap is not None:
            loc = a.sourcemap.find((section, index))
            rng = T.Range(start=T.Position(line=max(loc.line - 1, 0), character=0), end=T.Position(line=max(loc.line - 1, 0), character=0))
        if rng is None:
            return None
        sel = occ.range if occ else rng
        return T.DocumentSymbol(name=ident, detail=detail[:80], kind=kind, range=rng, selection_range=sel)

    items = _elements(a)
    groups: dict[str, list[T.DocumentSymbol]] = {}
    order: list[str] = []
    evidence, steps = [], []
    for section, index, ident, detail, sec_name in items:
        if section == "claims":
            s = symbol(section, index, ident, detail, T.SymbolKind.String)
            if s is None:
                continue
            name = sec_name or "(no section)"
            if name not in groups:
                groups[name] = []
                order.append(name)
            groups[name].append(s)
        else:
            s = symbol(section, index, ident, detail, T.SymbolKind.Key if section == "evidence" else T.SymbolKind.Event)
            if s is not None:
                (evidence if section == "evidence" else steps).append(s)
    out = []
    for name in order:
        kids = groups[name]
        out.append(T.DocumentSymbol(name=name, kind=T.SymbolKind.Namespace, range=_span(kids), selection_range=kids[0].selection_range, children=kids))
    for name, kids in (("evidence", evidence), ("inferences", steps)):
        if kids:
            out.append(T.DocumentSymbol(name=name, kind=T.SymbolKind.Namespace, range=_span(kids), selection_range=kids[0].selection_range, children=kids))
    return out


def _span(symbols: list[T.DocumentSymbol]) -> T.Range:
    start = min((s.range.start.line, s.range.start.character) for s in symbols)
    end = max((s.range.end.line, s.range.end.character) for s in symbols)
    return T.Range(start=T.Position(line=start[0], character=start[1]), end=T.Position(line=end[0], character=end[1]))


def _elements(a: Analysis):
    """(section, index, id, detail, claim section) of every element, from the model or the raw data."""
    m = a.loaded.map if a.loaded is not None else None
    if m is not None:
        for i, c in enumerate(m.claims):
            yield "claims", i, c.id, c.text, c.section
        for i, e in enumerate(m.evidence):
            yield "evidence", i, e.id, e.citation or e.by or e.quote or "", None
        for i, inf in enumerate(m.inferences):
            yield "inferences", i, inf.id, f"{', '.join(inf.premises)} → {inf.conclusion}", None
        return
    data = a.data if isinstance(a.data, dict) else {}
    for section in ("claims", "evidence", "inferences"):
        for i, el in enumerate(data.get(section) or []):
            if isinstance(el, dict) and isinstance(el.get("id"), str):
                yield section, i, el["id"], str(el.get("text") or el.get("citation") or ""), el.get("section") if section == "claims" else None


# ------------------------------------------------------------------ code actions


_DID_YOU_MEAN = re.compile(r"did you mean '([^']+)'\?")


def code_actions(a: Analysis, rng: T.Range, diagnostics: list[T.Diagnostic]) -> list[T.CodeAction]:
    """Quick fixes: the 'did you mean' replacements, re-anchoring a moved quote, and
    suppressing a finding on one element."""
    actions: list[T.CodeAction] = []
    for d in diagnostics:
        m = _DID_YOU_MEAN.search(d.message)
        if m:
            actions.append(
                T.CodeAction(
                    title=f"Change to '{m.group(1)}'",
                    kind=T.CodeActionKind.QuickFix,
                    diagnostics=[d],
                    is_preferred=True,
                    edit=T.WorkspaceEdit(changes={a.uri: [T.TextEdit(range=d.range, new_text=m.group(1))]}),
                )
            )
        elif isinstance(d.code, str) and d.code.startswith("ARG") and isinstance(d.data, dict) and d.data.get("target"):
            action = _suppress(a, d)
            if action is not None:
                actions.append(action)
    actions += _reanchor(a, rng)
    return actions


def _suppress(a: Analysis, d: T.Diagnostic) -> Optional[T.CodeAction]:
    """Add the rule's code to the element's ``ignore:`` list (inline suppression)."""
    from argmap.model import Claim

    if a.kind != "map" or "ignore" not in Claim.model_fields:
        return None
    target = d.data["target"]
    occ = next((o for o in a.occurrences if o.id == target and o.role == "definition"), None)
    if occ is None:
        return None
    from argmap.lsp.analysis import _get

    container = a.loaded.map if a.loaded is not None else a.data
    el = _get(container, occ.section)[occ.index]
    line = occ.range.start.line
    indent = len(a.lines[line]) - len(a.lines[line].lstrip(" -"))
    existing = _get(el, "ignore") or None
    if isinstance(existing, list):
        if d.code in existing:
            return None
        key = ("#key", occ.section, occ.index, "ignore")
        if key not in a.sourcemap.positions:
            return None
        kline = a.sourcemap.positions[key][0] - 1
        new_line = " " * indent + "ignore: " + "[" + ", ".join([*map(str, existing), str(d.code)]) + "]"
        edit = T.TextEdit(range=T.Range(start=T.Position(line=kline, character=0), end=T.Position(line=kline, character=len(a.lines[kline]))), new_text=new_line)
        if a.lines[kline].strip().endswith(":"):  # a block list: append an item instead
            return None
    else:
        edit = T.TextEdit(range=T.Range(start=T.Position(line=line + 1, character=0), end=T.Position(line=line + 1, character=0)), new_text=" " * indent + f"ignore: [{d.code}]\n")
    return T.CodeAction(
        title=f"Suppress {d.code} on '{target}'",
        kind=T.CodeActionKind.QuickFix,
        diagnostics=[d],
        edit=T.WorkspaceEdit(changes={a.uri: [edit]}),
    )


def _reanchor(a: Analysis, rng: T.Range) -> list[T.CodeAction]:
    """Re-anchor the quote of the element under the cursor when it moved (or changed a little)."""
    loaded = a.loaded
    if a.kind != "map" or loaded is None or loaded.source_text is None:
        return []
    from argmap.provenance.anchoring import State, anchor_all
    from argmap.provenance.fix import UnsafeEdit, rewrite

    src, quoted = anchor_all(loaded.map, loaded.source_text)
    out = []
    for q in quoted:
        if q.match.state not in (State.moved, State.fuzzy) and not (q.match.state is State.exact and q.anchor is None):
            continue
        start = loaded.sourcemap.find(q.path)
        where = _element_ranges(a).get(q.path)
        first = where.start.line if where else start.line - 1
        last = where.end.line if where else first
        if rng.end.line < first or rng.start.line > last:
            continue
        try:
            new = rewrite(a.text, [q], src, accept_fuzzy=True).text
        except UnsafeEdit:
            continue
        what = {State.moved: "moved", State.fuzzy: "changed"}.get(q.match.state, "unanchored")
        out.append(
            T.CodeAction(
                title=f"Re-anchor the quote of '{q.id}' ({what})",
                kind=T.CodeActionKind.QuickFix,
                edit=T.WorkspaceEdit(changes={a.uri: [_minimal_edit(a.text, new)]}),
            )
        )
    return out


def _minimal_edit(old: str, new: str) -> T.TextEdit:
    """One edit turning ``old`` into ``new``: the span between their common prefix and suffix."""
    p = 0
    limit = min(len(old), len(new))
    while p < limit and old[p] == new[p]:
        p += 1
    s = 0
    while s < limit - p and old[len(old) - 1 - s] == new[len(new) - 1 - s]:
        s += 1
    return T.TextEdit(range=T.Range(start=_position(old, p), end=_position(old, len(old) - s)), new_text=new[p : len(new) - s])


def _position(text: str, offset: int) -> T.Position:
    line = text.count("\n", 0, offset)
    start = text.rfind("\n", 0, offset) + 1
    return T.Position(line=line, character=offset - start)


def closest(word: str, choices: list[str]) -> Optional[str]:
    found = difflib.get_close_matches(word, choices, n=1)
    return found[0] if found else None
