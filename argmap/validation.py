"""Plain data → model: pydantic validation with every error located and worded for people.

Used by every reader (YAML, Argdown, AIF, microtext) and by review files; the
messages name the element (``claim 'x'``), the key, and a did-you-mean hint.

>>> from argmap.locations import SourceMap
>>> validate_data({"argmap": 1, "claims": [{"id": "a", "text": "A."}]}, SourceMap("m.yaml", {})).claims[0].id
'a'
"""

from __future__ import annotations

import difflib
import functools
from typing import Any, Optional

from pydantic import BaseModel, ValidationError

from argmap.diagnostics import MAX_PER_FILE, ArgmapError, Diagnostic, omitted
from argmap.locations import SourceMap
from argmap.model import ArgumentMap
from argmap.util.terminal import shown

__all__ = ["validate_data", "ELEMENT_NAMES"]

ELEMENT_NAMES = {"claims": "claim", "evidence": "evidence", "inferences": "inference"}


def _describe(data: Any, loc: tuple) -> str:
    """A human name for the element at ``loc``: ``claim 'x'`` or ``claims[3]``."""
    if len(loc) >= 2 and loc[0] in ELEMENT_NAMES and isinstance(loc[1], int):
        try:
            ident = data[loc[0]][loc[1]].get("id")
        except Exception:
            ident = None
        name = ELEMENT_NAMES[loc[0]]
        if isinstance(ident, str):
            return f"{name} {shown(ident)}"
        return f"{loc[0]}[{loc[1]}]"
    return ".".join(str(p) for p in loc if not isinstance(p, int)) or "map"


def _model_for(loc: tuple, root: type[BaseModel]) -> Optional[type[BaseModel]]:
    """The pydantic model that owns the mapping at ``loc``."""
    model: Any = root
    for part in loc:
        if isinstance(part, int):
            continue
        fields = getattr(model, "model_fields", None)
        if not fields or part not in fields:
            return None
        model = _inner_model(fields[part].annotation)
    return model if isinstance(model, type) and issubclass(model, BaseModel) else None


def _inner_model(annotation: Any) -> Any:
    import typing

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _data_path(loc: tuple, data: Any, kind: str) -> tuple:
    """The part of a pydantic error ``loc`` that leads through ``data``.

    Pydantic puts the names of union members and validators (``str``, ``Anchor``,
    ``function-after[...]``, ``[key]``) into ``loc``; they are no keys of the file.
    An element is kept when it is a key (or index) of the data reached so far; the
    last one also when pydantic reports it missing.

    >>> _data_path(("claims", 0, "x[1]"), {"claims": [{"x[1]": 3}]}, "extra_forbidden")
    ('claims', 0, 'x[1]')
    >>> _data_path(("anchor", "function-after[f(), str]"), {"anchor": 5}, "string_type")
    ('anchor',)
    >>> _data_path(("claims", 0, "text"), {"claims": [{}]}, "missing")
    ('claims', 0, 'text')
    """
    path: list = []
    node = data
    for k, part in enumerate(loc):
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and type(part) is int and 0 <= part < len(node):
            node = node[part]
        elif not (kind == "missing" and k == len(loc) - 1):
            continue  # a union member's or validator's tag
        path.append(part)
    return tuple(path)


@functools.lru_cache(maxsize=4096)
def _closest_field(model: type[BaseModel], name: str) -> Optional[str]:
    """The field of ``model`` that ``name`` probably misspells (remembered per model and name)."""
    close = difflib.get_close_matches(name, list(model.model_fields), n=1, cutoff=0.6)
    return close[0] if close else None


def _error_place(loc: tuple, kind: str) -> tuple[tuple, bool]:
    """``(path, at_key)``: where one error is reported (a missing key: at its mapping)."""
    return (loc[:-1], False) if kind == "missing" else (loc, kind == "extra_forbidden")


def _format_error(err: dict, data: Any, root: type[BaseModel]) -> tuple[tuple, bool, str]:
    """``(path, at_key, message)`` for one pydantic error."""
    loc = _data_path(tuple(err["loc"]), data, err["type"])
    kind = err["type"]
    path, at_key = _error_place(loc, kind)
    where = _describe(data, loc[:-1]) if loc else "map"
    field_name = loc[-1] if loc else ""
    if kind == "extra_forbidden":
        model = _model_for(loc[:-1], root)
        close = _closest_field(model, str(field_name)) if model is not None else None
        hint = f" (did you mean '{close}'?)" if close else ""
        return path, at_key, f"{where}: unknown key {shown(str(field_name))}{hint}"
    if kind == "missing":
        return path, at_key, f"{where}: missing required key '{field_name}'"
    if kind == "literal_error" and loc == ("argmap",):
        return loc, False, f"unsupported format version {shown(err.get('input'))}; this argmap reads version 1"
    if kind == "enum":
        expected = err.get("ctx", {}).get("expected", "")
        value = err.get("input")
        choices = [c.strip(" '") for c in expected.replace(" or ", ",").split(",") if c.strip(" '")]
        close = difflib.get_close_matches(str(value)[:100], choices, n=1, cutoff=0.6)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        return loc, False, f"{where}: '{field_name}' must be one of {expected}, not {shown(value)}{hint}"
    if kind == "string_pattern_mismatch":
        return loc, False, (
            f"{where}: {field_name} {shown(err.get('input'))} is not a valid id "
            "(letters, digits and _ . : - only)"
        )
    msg = err["msg"]
    if isinstance(field_name, int):
        label = f"{_describe(data, loc[:-2])}: item {field_name + 1} of '{loc[-2]}'" if len(loc) >= 2 else where
    else:
        label = f"{where}: '{field_name}'" if field_name else where
    return loc, False, f"{label}: {msg[0].lower() + msg[1:] if msg else msg}"


def validate_data(data: Any, sourcemap: SourceMap, model: type[BaseModel] = ArgumentMap) -> Any:
    """Validate plain data against ``model``; raise located diagnostics."""
    if not isinstance(data, dict):
        what = "empty" if data is None else f"a {type(data).__name__}"
        raise ArgmapError(Diagnostic(sourcemap.find(()), f"expected a mapping at the top level, found {what}"))
    if model is ArgumentMap and "argmap" not in data:
        raise ArgmapError(
            Diagnostic(sourcemap.find(()), "missing 'argmap: 1' (the format version) at the top level")
        )
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
    # Place every error (cheap), then word only the first MAX_PER_FILE (hints cost a lookup each).
    placed = []
    for order, err in enumerate(errors):
        path, at_key = _error_place(_data_path(tuple(err["loc"]), data, err["type"]), err["type"])
        location = sourcemap.key(path) if at_key else sourcemap.find(path)
        placed.append((location.line, location.column, order, location, err))
    placed.sort(key=lambda p: p[:3])
    diags: list[Diagnostic] = []
    seen = set()
    for k, (_, _, _, location, err) in enumerate(placed):
        if len(diags) == MAX_PER_FILE:
            rest = {(p[3], p[4]["type"], tuple(p[4]["loc"])) for p in placed[k:]}
            diags.append(omitted(location, len(rest)))
            break
        message = _format_error(err, data, model)[2]
        if (location, message) not in seen:
            seen.add((location, message))
            diags.append(Diagnostic(location, message))
    raise ArgmapError(diags) from None
