"""The drafting lexicon: discourse connectives, hedges, kind cues and speech verbs, as data.

The entries ship in ``argmap/data/lexicon.yaml`` (documented there, each with
its class and source); an analyst adds files of the same shape with
``lexicon = ["mine.yaml"]`` in ``argmap.toml`` or ``[tool.argmap]``. Entries
from added files come first, so they win over shipped ones for the same words.

>>> lex = default_lexicon()
>>> lex.connective("Therefore").cls, lex.connective("amidst").inferential
('conclusion', False)
>>> [(m.connective.words, m.start) for m in lex.connectives_in("Prices rose, because demand grew.")]
[('because', 13)]
>>> lex.hedge_in("Serbia may have read it so.")
'may'
>>> lex.kind_of("Taxes will rise next year.")
'prediction'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Optional, Sequence

from argmap.diagnostics import ArgmapError, Diagnostic
from argmap.locations import Location

__all__ = [
    "CLASSES",
    "INFERENTIAL",
    "Connective",
    "Marker",
    "Lexicon",
    "default_lexicon",
    "load_lexicon",
    "parse_lexicon",
]

CLASSES = ("premise", "conclusion", "example", "contrast", "concession", "addition", "temporal", "similarity")
"""Connective classes, as ``lexicon.yaml`` explains them."""

INFERENTIAL = frozenset({"premise", "conclusion", "example", "contrast", "concession"})
"""Classes that can mark an inference; the others only place units side by side."""

SUPPORTING = frozenset({"premise", "conclusion", "example"})
"""Classes that can mark a support step (contrast and concession mark attacks)."""

KIND_ORDER = ("prediction", "evaluation", "causal", "interpretation")


@dataclass(frozen=True)
class Connective:
    """One lexicon entry for a discourse connective."""

    words: str
    cls: str
    split: bool = False
    subordinate: bool = False
    sense: Optional[str] = None
    source: Optional[str] = None

    @property
    def inferential(self) -> bool:
        return self.cls in INFERENTIAL

    @property
    def supporting(self) -> bool:
        return self.cls in SUPPORTING


@dataclass(frozen=True)
class Marker:
    """A connective found in a text, at ``[start, end)``."""

    connective: Connective
    start: int
    end: int


def _words_pattern(words: Iterable[str]) -> Optional[re.Pattern]:
    alts = sorted({w.lower() for w in words}, key=len, reverse=True)  # longest first: "so that" before "so"
    if not alts:
        return None
    body = "|".join(r"\s+".join(re.escape(part) for part in w.split()) for w in alts)
    return re.compile(rf"(?<![\w'’-])(?:{body})(?![\w'’-])", re.IGNORECASE)


@dataclass
class Lexicon:
    """Connectives, hedges (words → qualifier), kind cues and speech verbs."""

    connectives: list[Connective] = field(default_factory=list)
    hedges: dict[str, str] = field(default_factory=dict)
    kinds: dict[str, list[str]] = field(default_factory=dict)
    speech: list[str] = field(default_factory=list)
    furniture: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._by_words: dict[str, Connective] = {}
        for c in self.connectives:
            self._by_words.setdefault(" ".join(c.words.lower().split()), c)
        self._conn_re = _words_pattern(self._by_words)
        self._hedge_re = _words_pattern(self.hedges)
        self._kind_res = {k: _words_pattern(v) for k, v in self.kinds.items()}
        self._speech_re = _words_pattern(self.speech)
        self._furniture_res = [re.compile(p, re.IGNORECASE) for p in self.furniture]

    def connective(self, words: str) -> Optional[Connective]:
        """The entry for ``words`` (any case, any white space), if any."""
        return self._by_words.get(" ".join(words.lower().split()))

    def connectives_in(self, text: str) -> list[Marker]:
        """Every connective in ``text``, left to right, longest match first at each place."""
        if self._conn_re is None:
            return []
        return [Marker(self._by_words[" ".join(m.group(0).lower().split())], m.start(), m.end()) for m in self._conn_re.finditer(text)]

    def hedge_in(self, text: str) -> Optional[str]:
        """The qualifier of the first hedge in ``text``, if any."""
        if self._hedge_re is None:
            return None
        m = self._hedge_re.search(text)
        return self.hedges[" ".join(m.group(0).lower().split())] if m else None

    def kind_of(self, text: str) -> str:
        """The claim kind the cues in ``text`` suggest; ``fact`` without a cue."""
        for kind in KIND_ORDER:
            pattern = self._kind_res.get(kind)
            if pattern is not None and pattern.search(text):
                return kind
        return "fact"

    def speech_verb(self, text: str) -> Optional[re.Match]:
        """The first verb of reported speech in ``text``."""
        return self._speech_re.search(text) if self._speech_re is not None else None

    def is_furniture(self, line: str) -> bool:
        """Whether a whole line is page furniture by the lexicon's patterns."""
        return any(p.search(line) for p in self._furniture_res)

    def merged(self, first: "Lexicon") -> "Lexicon":
        """``first``'s entries, then this lexicon's (``first`` wins for the same words)."""
        return Lexicon(
            connectives=[*first.connectives, *self.connectives],
            hedges={**self.hedges, **first.hedges},
            kinds={k: [*first.kinds.get(k, []), *self.kinds.get(k, [])] for k in {*self.kinds, *first.kinds}},
            speech=[*first.speech, *self.speech],
            furniture=[*first.furniture, *self.furniture],
        )


def _problem(file: str, where: str, message: str) -> ArgmapError:
    return ArgmapError(Diagnostic(Location(file, 1, 1), f"lexicon {where}: {message}"))


def _strings(value: Any, file: str, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise _problem(file, where, "expected a list of words")
    return list(value)


def parse_lexicon(data: Any, file: str = "<lexicon>") -> Lexicon:
    """A :class:`Lexicon` from parsed YAML data; a malformed entry is an error naming it.

    >>> parse_lexicon({"connectives": [{"words": "ergo", "class": "conclusion"}]}).connective("ergo").cls
    'conclusion'
    >>> parse_lexicon({"connectives": [{"words": "ergo", "class": "so"}]})
    Traceback (most recent call last):
    argmap.diagnostics.ArgmapError: <lexicon>:1:1: lexicon connectives[0]: class 'so' is not one of premise, conclusion, example, contrast, concession, addition, temporal, similarity
    """
    from argmap.model import Qualifier

    if not isinstance(data, dict):
        raise _problem(file, "file", "expected a mapping with connectives, hedges, kinds, speech or furniture")
    unknown = set(data) - {"connectives", "hedges", "kinds", "speech", "furniture"}
    if unknown:
        raise _problem(file, "file", f"unknown key '{sorted(unknown)[0]}'")
    connectives = []
    for i, entry in enumerate(data.get("connectives") or []):
        where = f"connectives[{i}]"
        if not isinstance(entry, dict) or not isinstance(entry.get("words"), str) or not entry["words"].strip():
            raise _problem(file, where, "expected a mapping with 'words' and 'class'")
        extra = set(entry) - {"words", "class", "split", "subordinate", "sense", "source"}
        if extra:
            raise _problem(file, where, f"unknown key '{sorted(extra)[0]}'")
        if entry.get("class") not in CLASSES:
            raise _problem(file, where, f"class {entry.get('class')!r} is not one of {', '.join(CLASSES)}")
        connectives.append(
            Connective(
                entry["words"].strip().lower(),
                entry["class"],
                bool(entry.get("split", False)),
                bool(entry.get("subordinate", False)),
                entry.get("sense"),
                entry.get("source"),
            )
        )
    hedges: dict[str, str] = {}
    known = {q.value for q in Qualifier}
    for i, entry in enumerate(data.get("hedges") or []):
        where = f"hedges[{i}]"
        if not isinstance(entry, dict) or not isinstance(entry.get("words"), str) or entry.get("qualifier") not in known:
            raise _problem(file, where, f"expected 'words' and a 'qualifier' of {', '.join(sorted(known))}")
        hedges.setdefault(" ".join(entry["words"].lower().split()), entry["qualifier"])
    kinds_data = data.get("kinds") or {}
    if not isinstance(kinds_data, dict) or set(kinds_data) - set(KIND_ORDER):
        raise _problem(file, "kinds", f"expected a mapping of {', '.join(KIND_ORDER)} to cue words")
    kinds = {k: _strings(v, file, f"kinds.{k}") for k, v in kinds_data.items()}
    speech = _strings(data.get("speech") or [], file, "speech")
    furniture = _strings(data.get("furniture") or [], file, "furniture")
    for i, pattern in enumerate(furniture):
        try:
            re.compile(pattern)
        except re.error as exc:
            raise _problem(file, f"furniture[{i}]", f"not a valid regular expression: {exc}") from None
    return Lexicon(connectives, hedges, kinds, speech, furniture)


def _read(path: Path) -> Lexicon:
    import yaml

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ArgmapError(Diagnostic(Location(str(path)), f"cannot read the lexicon: {getattr(exc, 'strerror', None) or exc}")) from None
    from argmap.util.yamlschema import load_plain

    try:
        data = load_plain(text)  # YAML 1.2 core, as maps are read: "yes" and "on" stay words
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise ArgmapError(Diagnostic(Location(str(path), line, col), f"invalid YAML in the lexicon: {getattr(exc, 'problem', exc)}")) from None
    return parse_lexicon(data, str(path))


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The lexicon that ships with argmap."""
    ref = resources.files("argmap") / "data" / "lexicon.yaml"
    with resources.as_file(ref) as path:
        return _read(Path(path))


def load_lexicon(extra: Sequence[Path] = ()) -> Lexicon:
    """The shipped lexicon with the analyst's files in front of it."""
    lex = default_lexicon()
    for path in reversed(list(extra)):
        lex = lex.merged(_read(path))
    return lex
