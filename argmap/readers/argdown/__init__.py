"""Read Argdown into an argument map.

Two steps. :func:`~argmap.readers.argdown.model.build` turns the syntax tree of
:mod:`argmap.readers.argdown.syntax` into Argdown's own model, following the
reference implementation (Argdown 1.7.5): **equivalence classes** of statements
by title, **arguments** with their premise–conclusion structures, and
**relations** (support, attack, undercut, contradictory; in ``model.mode:
strict`` statement-to-statement relations are entails and contrary). Untitled
statements and arguments are numbered ``Untitled 1, 2, ...`` in document order
as Argdown does, so titles agree with Argdown's JSON export. Outgoing relations
of a reconstructed argument become relations of its main conclusion; an
undercut of a reconstructed argument targets its last inference.

:func:`to_map` turns that model into an :class:`~argmap.model.ArgumentMap`:

* every equivalence class becomes one **claim**, except an untitled statement
  that takes part in no relation and no premise–conclusion structure: that is
  a prose paragraph, and Argdown leaves it out of its map too. Its id is the title when the
  title is a valid id, else the title made valid (``Untitled 3`` →
  ``Untitled-3``). Its text is the first member's non-empty text; other,
  different texts of the class are kept in ``note`` ("Also stated as: ...").
  Tags become ``tags``; the heading the statement stands under becomes
  ``section``.
* a **reconstructed argument** (one with ``(1) ... ---- (n) ...``) becomes one
  support **inference** per inference line: the premises are the statements
  since the previous inference line (or those listed in the inference's
  ``{uses: [1, 2]}``), the conclusion is the statement after the line. The last
  inference has the argument's id; earlier ones ``ID.1``, ``ID.2``, ... The
  inference rules become ``scheme``; the argument's description goes to ``note``.
* an **argument without reconstruction** becomes a claim (its description as
  text, else its title) so that its relations survive, with a note saying so.
* **relations** become inferences with one premise: support and entails →
  ``support``; attack and contrary → ``attack``; contradictory → two attacks,
  one each way; undercut → ``undercut`` of the inference (of a claim: an
  attack). Support of a reconstructed argument is read as support of its main
  conclusion, an attack on it as an undercut of its main inference (argmap has
  no "attack on an argument as a whole"). These readings, an undercut read as
  an attack, and anything left out (``@include``, an attack of an argument on
  its own main conclusion, a ``{uses: ...}`` that names no earlier statement)
  are located notes: in the map's ``note`` and, printed by the commands, on
  stderr (:mod:`argmap.readers.notes`). ``{data}`` with no argmap field goes in
  the element's ``note`` as ``data: {...}``.

Maps written by :mod:`argmap.writers.argdown` carry what Argdown has no syntax
for in ``{argmap: {...}}`` data (claim kind, quote, anchor, qualifier, ...;
source, thesis and evidence in the front matter), and write attacks and
undercuts as arguments without reconstruction whose data lists their
``premises``; this reader turns those back into the same inferences, so a map
survives the round trip.

>>> m, _ = read_text("[a]: A.\\n  + [b]: B.\\n  - <c>: C.\\n")
>>> [(c.id, c.text) for c in m.claims]
[('a', 'A.'), ('b', 'B.'), ('c', 'C.')]
>>> [(i.id, i.kind.value, i.premises, i.conclusion) for i in m.inferences]
[('b-supports-a', 'support', ['b'], 'a'), ('c-attacks-a', 'attack', ['c'], 'a')]
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

from argmap.diagnostics import ArgmapError, Diagnostic
from argmap.locations import Location, SourceMap
from argmap.readers.argdown.text import VERBS, claim_data, make_id, relation_id, undercut_read_as_attack
from argmap.readers.notes import record

if TYPE_CHECKING:
    from argmap.readers.argdown.model import ArgdownModel

__all__ = ["build", "to_map", "read", "read_text", "make_id"]


def build(text: str, file: str = "<argdown>", max_depth: int = 200) -> "ArgdownModel":
    """Argdown text → Argdown's own model (see :mod:`argmap.readers.argdown.model`)."""
    from argmap.readers.argdown import model as argdown_model

    return argdown_model.build(text, file, max_depth)


# ------------------------------------------------------------- to argmap


def _connected(model: "ArgdownModel") -> set:
    """Titles of the statements that take part in a relation or a premise–conclusion structure."""
    titles = {end[1] for r in model.relations for end in (r.source, r.target) if end[0] == "statement"}
    titles.update(e.title for a in model.arguments.values() for e in a.pcs)
    return titles


def to_map(model: ArgdownModel, file: str) -> tuple[Any, SourceMap]:
    """Turn Argdown's model into an :class:`ArgumentMap` and its source map."""
    from argmap.validation import validate_data

    used: set = set()
    positions: dict = {}
    import_notes: list[Diagnostic] = list(model.notes)
    fm = model.front_matter
    extra = fm.get("argmap") if isinstance(fm.get("argmap"), dict) else {}
    data: dict = {"argmap": 1}
    if isinstance(fm.get("title"), str) and fm["title"].strip():
        data["title"] = fm["title"].strip()
    for key in ("title", "source", "thesis", "note", "evidence"):
        if key in extra:
            data[key] = extra[key]
            positions[(key,)] = (1, 1)
    for k, _ in enumerate(extra.get("evidence") or []):
        positions[("evidence", k)] = (1, 1)
    for k, ev in enumerate(extra.get("evidence") or []):
        if isinstance(ev, dict) and isinstance(ev.get("id"), str):
            used.add(ev["id"])

    claims: list[dict] = []
    claim_of: dict[tuple, str] = {}
    # inference-like arguments written by argmap: data lists their premises
    as_inference = {
        t: a for t, a in model.arguments.items()
        if not a.reconstructed and isinstance(a.data.get("argmap"), dict) and isinstance(a.data["argmap"].get("premises"), list)
    }
    connected = _connected(model)
    for title, st in model.statements.items():
        if st.untitled and title not in connected:
            continue  # a prose paragraph: Argdown leaves it out of its map
        cid = make_id(title, used)
        claim_of[("statement", title)] = cid
        texts = []
        for m in st.members:
            if not m.is_reference and m.text and m.text.strip() and m.text.strip() not in texts:
                texts.append(m.text.strip())
        section = st.section if st.section is not None else (st.members[0].section if st.members else None)
        claim = claim_data(cid, title, texts, section)
        if st.tags:
            claim["tags"] = list(st.tags)
        _data_note(claim, st.data)
        _apply_extra(claim, st.data.get("argmap"))
        first = next((m for m in st.members if not m.is_reference), st.members[0] if st.members else None)
        positions[("claims", len(claims))] = (first.line, first.column) if first else (1, 1)
        claims.append(claim)
    for title, arg in model.arguments.items():
        if arg.reconstructed or title in as_inference:
            continue
        cid = make_id(title, used)
        claim_of[("argument", title)] = cid
        desc = next((m.text.strip() for m in arg.members if m.text and m.text.strip()), None)
        claim = {"id": cid, "text": desc or title, "note": f"Argdown argument <{title}> (no premise-conclusion structure)"}
        if arg.tags:
            claim["tags"] = list(arg.tags)
        if arg.section:
            claim["section"] = arg.section
        _data_note(claim, arg.data)
        _apply_extra(claim, arg.data.get("argmap"))
        positions[("claims", len(claims))] = (arg.line or 1, arg.column or 1)
        claims.append(claim)

    inferences: list[dict] = []
    inference_of: dict[tuple, str] = {}
    main_of: dict[str, str] = {}
    # ids first, so that undercuts can point at inferences defined later
    for title, arg in model.arguments.items():
        if arg.reconstructed:
            base = make_id(title, used)
            for step in arg.inferences:
                last = step.ordinal == len(arg.inferences)
                iid = base if last else make_id(f"{base}.{step.ordinal}", used)
                inference_of[(title, step.ordinal)] = iid
            main_of[title] = base
        elif title in as_inference:
            iid = make_id(title, used)
            main_of[title] = iid
    for title, arg in model.arguments.items():
        if not arg.reconstructed:
            continue
        by_number = {e.number: e for e in arg.pcs}
        start = 0
        desc = next((m.text.strip() for m in arg.members if m.text and m.text.strip()), None)
        for step in arg.inferences:
            conc_index = next(k for k, e in enumerate(arg.pcs) if e.inference == step.ordinal)
            conclusion = arg.pcs[conc_index]
            premise_entries = _premises(arg, step, conc_index, start, model.statements, by_number, import_notes, file)
            start = conc_index
            premises: list[str] = []
            for e in premise_entries:
                pid = claim_of[("statement", e.title)]
                if pid not in premises and e.title != conclusion.title:
                    premises.append(pid)
            if not premises:
                raise ArgmapError(Diagnostic(Location(file, step.line, step.column), f"inference of <{title}> has no premise other than its conclusion"))
            inf: dict = {"id": inference_of[(title, step.ordinal)], "premises": premises, "conclusion": claim_of[("statement", conclusion.title)]}
            if step.rules:
                inf["scheme"] = ", ".join(step.rules)
            last = step.ordinal == len(arg.inferences)
            notes = []
            if last and desc:
                notes.append(desc)
            other = {k: v for k, v in step.data.items() if k not in ("uses", "argmap")}
            if other:
                notes.append("data: " + _flow(other))
            if last and arg.tags:
                notes.append("tags: " + ", ".join(arg.tags))
            arg_data = {k: v for k, v in arg.data.items() if k != "argmap"} if last else {}
            if arg_data:
                notes.append("data: " + _flow(arg_data))
            if notes:
                inf["note"] = "\n".join(notes)
            if last:
                _apply_extra(inf, arg.data.get("argmap"))
            _apply_extra(inf, step.data.get("argmap"))
            positions[("inferences", len(inferences))] = (step.line, step.column)
            inferences.append(inf)

    absorbed: set = set()
    for title, arg in as_inference.items():
        spec = arg.data["argmap"]
        outgoing = [r for r in model.relations if r.source == ("argument", title) and r.type in ("support", "attack", "undercut")]
        premises = [claim_of.get(("statement", str(p))) for p in spec["premises"]]
        if len(outgoing) != 1 or not premises or None in premises:
            raise ArgmapError(Diagnostic(Location(file, arg.line, arg.column), f"<{title}>: an argument whose data lists premises needs exactly one outgoing relation and premises that are statement titles"))
        rel = outgoing[0]
        conclusion = _target_id(rel.target, claim_of, inference_of, main_of, model)
        if conclusion is None:
            raise ArgmapError(Diagnostic(Location(file, rel.line, rel.column), f"<{title}>: cannot resolve the target of its relation"))
        kind = rel.type if conclusion[1] != "inference" or rel.type == "undercut" else "undercut"
        inf = {"id": main_of[title], "premises": premises, "conclusion": conclusion[0], "kind": kind}
        _apply_extra(inf, {k: v for k, v in spec.items() if k not in ("premises", "kind")})
        positions[("inferences", len(inferences))] = (arg.line or 1, arg.column or 1)
        inferences.append(inf)
        absorbed.add(id(rel))
        for r in model.relations:
            if r.target == ("argument", title) and r.type == "support" and r.source[0] == "statement" and r.source[1] in spec["premises"]:
                absorbed.add(id(r))

    def note(rel: Any, message: str) -> None:
        import_notes.append(Diagnostic(Location(file, rel.line, rel.column), message))

    for rel in model.relations:
        if id(rel) in absorbed:
            continue
        src = claim_of.get(rel.source)
        if src is None:
            continue  # a relation of an argument that became an inference
        pairs = []
        target = _target_id(rel.target, claim_of, inference_of, main_of, model, rel.type)
        if target is None:
            continue
        tid, tkind = target
        if rel.type in ("support", "entails"):
            kind = "support" if tkind == "claim" else "undercut"
            if rel.target[0] == "argument" and tkind == "inference":
                # support of a reconstructed argument: its main conclusion
                arg = model.arguments[rel.target[1]]
                tid, kind = claim_of[("statement", arg.pcs[-1].title)], "support"
                note(rel, f"read as support of [{arg.pcs[-1].title}], the main conclusion of <{arg.title}>: argmap supports claims, not whole arguments")
            pairs.append((src, tid, kind))
        elif rel.type in ("attack", "contrary"):
            if tkind == "inference":
                note(rel, f"read as an undercut of <{rel.target[1]}>'s last inference step: argmap has no attack on a whole argument")
            pairs.append((src, tid, "attack" if tkind == "claim" else "undercut"))
        elif rel.type == "undercut":
            if tkind != "inference":
                note(rel, undercut_read_as_attack(f"<{rel.target[1]}>" if rel.target[0] == "argument" else f"[{rel.target[1]}]"))
            pairs.append((src, tid, "undercut" if tkind == "inference" else "attack"))
        elif rel.type == "contradictory":
            pairs.append((src, tid, "attack"))
            if tkind == "claim":
                pairs.append((tid, src, "attack"))
        for a, b, kind in pairs:
            verb = "contradicts" if rel.type == "contradictory" else VERBS[kind]
            inf = {"id": relation_id(a, verb, b, used, len(inferences) + 1), "premises": [a], "conclusion": b, "kind": kind}
            if rel.type in ("entails", "contrary", "contradictory"):
                inf["note"] = f"Argdown relation: {rel.type}"
            positions[("inferences", len(inferences))] = (rel.line, rel.column)
            inferences.append(inf)

    # Inferences in the order they are written in the file.
    order = sorted(range(len(inferences)), key=lambda k: positions[("inferences", k)])
    located = {("inferences", new): positions[("inferences", old)] for new, old in enumerate(order)}
    positions.update(located)
    data["claims"] = claims
    data["inferences"] = [inferences[k] for k in order]
    sourcemap = SourceMap(file, positions)
    record(data, sourcemap, import_notes)
    return validate_data(data, sourcemap), sourcemap


def _premises(arg: Any, step: Any, conc_index: int, start: int, statements: dict, by_number: dict, notes: list, file: str) -> list:
    """The pcs entries an inference step uses: those its ``{uses: [1, 2]}`` lists (in the
    inference's data, or else in its conclusion's), else those since the previous inference line."""
    conclusion = arg.pcs[conc_index]
    uses = step.data.get("uses")
    where = (step.line, step.column)
    if uses is None:
        uses = statements[conclusion.title].data.get("uses") if conclusion.title in statements else None
    if uses is None:
        return arg.pcs[start:conc_index]
    earlier = {e.number for e in arg.pcs[:conc_index]}
    if isinstance(uses, list) and uses and all(isinstance(u, int) and not isinstance(u, bool) and u in earlier for u in uses):
        return [by_number[u] for u in uses]
    notes.append(Diagnostic(Location(file, *where), f"{{uses: {uses!r}}} of <{arg.title}> ignored: it must list numbers of statements before ({conclusion.number}); the statements since the previous inference line are its premises"))
    return arg.pcs[start:conc_index]


def _target_id(target: tuple, claim_of: dict, inference_of: dict, main_of: dict, model: ArgdownModel, rtype: str = "") -> Optional[tuple[str, str]]:
    """``(id, "claim"|"inference")`` for a relation target."""
    if target in claim_of:
        return claim_of[target], "claim"
    if target[0] == "inference":
        iid = inference_of.get(target[1])
        return (iid, "inference") if iid else None
    if target[0] == "argument":
        iid = main_of.get(target[1])
        return (iid, "inference") if iid else None
    return None


_CLAIM_KEYS = {"text", "quote", "anchor", "kind", "qualifier", "assumption", "evidence", "section", "tags", "note"}
_INFERENCE_KEYS = {"warrant", "qualifier", "scheme", "quote", "note", "kind"}


def _apply_extra(element: dict, extra: Any) -> None:
    """Fields kept in ``{argmap: {...}}`` data override what Argdown syntax gave."""
    if not isinstance(extra, dict):
        return
    for key, value in extra.items():
        if key in ("id", "premises", "conclusion"):
            continue
        element[key] = value


def _data_note(element: dict, data: dict) -> None:
    """Argdown ``{data}`` argmap has no field for is kept in ``note`` as ``data: {...}``."""
    other = {k: v for k, v in data.items() if k != "argmap"}
    if other:
        element["note"] = "\n".join(([element["note"]] if element.get("note") else []) + ["data: " + _flow(other)])


def _flow(data: dict) -> str:
    import json

    return json.dumps(data, ensure_ascii=False, default=str)


def read_text(text: str, file: str = "<argdown>", max_depth: int = 200):
    """Argdown text → ``(ArgumentMap, SourceMap)``."""
    model = build(text, file, max_depth)
    return to_map(model, file)


def read(path: Path, text: str, limits) -> tuple:
    """The loader's entry point (see :data:`argmap.loading.READERS`): the single-pass
    reader for the plain core of Argdown (:mod:`argmap.readers.argdown.fast`), else
    the full one."""
    from argmap.limits import Limits, argdown_value_bound, check_values
    from argmap.readers.argdown.fast import read_fast

    check_values(argdown_value_bound(text), str(path), limits if limits is not None else Limits())
    depth = getattr(limits, "max_depth", 200)
    return read_fast(text, str(path), depth) or read_text(text, str(path), depth)
