"""Suppressions: ``ignore:`` on an element, and ``per-file-ignores`` in the configuration.

An element's ``ignore`` lists selectors (codes, families such as ``ARG1``, or
rule names, as ``--ignore`` takes them); a finding about that element (its
``target``) from a rule a selector matches is dropped. Each entry that drops
nothing is reported by ``unused-suppression`` (ARG401). Selectors that match
no rule are errors of the map, located at the entry.

>>> import pathlib, tempfile
>>> from argmap.loading import load
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "m.yaml").write_text("argmap: 1\\nclaims:\\n  - id: a\\n    text: A.\\n    ignore: [uncited-fcat]\\n")
>>> [str(x) for x in unknown_selectors(load(d / "m.yaml"))]  # doctest: +ELLIPSIS
["...m.yaml:5:14: claim 'a': 'ignore: uncited-fcat' matches no audit rule (did you mean 'uncited-fact'?); see 'argmap rules'"]
"""

from __future__ import annotations

import difflib
from typing import Any, Iterator

from argmap.diagnostics import ArgmapError, Diagnostic, Finding
from argmap.locations import Location

__all__ = ["Suppressions", "unknown_selectors", "place", "SECTIONS"]

SECTIONS = {"claims": "claim", "evidence": "evidence", "inferences": "inference"}
"""The element lists whose items take ``ignore``."""


def _entries(loaded) -> Iterator[tuple[str, int, str, str, int]]:
    """``(section, position, element id, selector, index in its ignore list)`` for every entry."""
    for section in SECTIONS:
        for position, el in enumerate(getattr(loaded.map, section)):
            for index, selector in enumerate(getattr(el, "ignore", None) or []):
                yield section, position, el.id, selector, index


def place(loaded, path: tuple) -> Location:
    """Where ``path`` is in the map file, to the list item (the quick YAML reader places keys only)."""
    sourcemap = loaded.sourcemap
    if not sourcemap.exact and loaded.format == "yaml" and str(loaded.path) != "-":
        precise = loaded.extras.get("_located")
        if precise is None:
            from argmap.limits import Limits
            from argmap.loading import parse_yaml
            from argmap.loading.files import read_file

            try:
                precise = parse_yaml(read_file(loaded.path, Limits()), loaded.file)[1]
            except ArgmapError:  # the file changed under us: the quick places will do
                precise = sourcemap
            loaded.extras["_located"] = precise
        sourcemap = precise
    return sourcemap.find(path)


def unknown_selectors(loaded) -> list[Diagnostic]:
    """The ``ignore`` entries that match no rule of the catalogue, located, with a did-you-mean."""
    from argmap.audit.registry import rules
    from argmap.audit.config import matches

    known = rules()
    names = [r.code for r in known] + [r.name for r in known]
    out = []
    for section, position, element_id, selector, index in _entries(loaded):
        if any(matches(selector, r) for r in known):
            continue
        close = difflib.get_close_matches(selector, names, n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        where = place(loaded, (section, position, "ignore", index))
        out.append(Diagnostic(where, f"{SECTIONS[section]} '{element_id}': 'ignore: {selector}' matches no audit rule"
                                     f"{hint}; see 'argmap rules'"))
    return out


class Suppressions:
    """The ``ignore`` entries of one map, and which of them dropped a finding."""

    def __init__(self, loaded) -> None:
        self.loaded = loaded
        self.by_element: dict[str, list[tuple[int, str]]] = {}
        self.paths: dict[str, tuple] = {}
        for section, position, element_id, selector, index in _entries(loaded):
            self.by_element.setdefault(element_id, []).append((index, selector))
            self.paths[element_id] = (section, position)
        self.used: set[tuple[str, int]] = set()

    def __bool__(self) -> bool:
        return bool(self.by_element)

    def names(self, rule: Any) -> bool:
        """Whether some entry names ``rule`` (so it must run, selected or not, to tell if the entry is used)."""
        from argmap.audit.config import matches

        return any(matches(s, rule) for entries in self.by_element.values() for _, s in entries)

    def suppresses(self, finding: Finding, rule: Any) -> bool:
        """Whether an entry on the finding's target drops it (and mark that entry used)."""
        from argmap.audit.config import matches

        hit = False
        for index, selector in self.by_element.get(finding.target or "", ()):
            if matches(selector, rule):
                self.used.add((finding.target, index))
                hit = True
        return hit

    def unused(self) -> Iterator[tuple[str, str, Location]]:
        """``(element id, selector, location)`` of each entry that dropped nothing."""
        for element_id, entries in self.by_element.items():
            for index, selector in entries:
                if (element_id, index) not in self.used:
                    yield element_id, selector, place(self.loaded, self.paths[element_id] + ("ignore", index))
