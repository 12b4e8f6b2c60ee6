"""Conversion helpers shared by ``argmap import`` and the interop tests.

>>> from argmap.model import ArgumentMap
>>> m = ArgumentMap.model_validate({"argmap": 1, "claims": [{"id": "a", "text": "A: b"}]})
>>> print(to_yaml(m), end="")
argmap: 1
claims:
- id: a
  text: 'A: b'
"""

from __future__ import annotations

from argmap.model import ArgumentMap

__all__ = ["to_yaml", "map_extras"]


def to_yaml(m: ArgumentMap, fast: bool = False) -> str:
    """The map as native YAML: fields at their defaults are left out.

    ``fast`` uses libyaml's emitter where PyYAML has it (three times quicker on
    big maps; the same YAML data, though line breaks in long scalars may differ).
    """
    import yaml

    data = m.model_dump(mode="json", exclude_defaults=True)
    data = {"argmap": 1, **{k: v for k, v in data.items() if k != "argmap"}}
    base = getattr(yaml, "CSafeDumper", yaml.SafeDumper) if fast else yaml.SafeDumper
    return yaml.dump(data, Dumper=_dumper(base), sort_keys=False, allow_unicode=True, width=100)


_BREAKS_PYYAML_FOLDS = ("\x85", "\u2028", "\u2029")
"""NEL, LS and PS: with ``allow_unicode`` PyYAML writes them raw inside plain and single-quoted
scalars, where a reader takes them for line breaks ('\x85' read back as ' ')."""


def _dumper(base: type) -> type:
    """``base`` writing a text that holds NEL, LS or PS double-quoted (as ``\\N``, ``\\L``, ``\\P``)."""
    import yaml

    class Dumper(base):  # type: ignore[misc, valid-type]
        pass

    def text(dumper, value: str):
        style = '"' if any(ch in value for ch in _BREAKS_PYYAML_FOLDS) else None
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

    Dumper.add_representer(str, text)
    return Dumper


def map_extras(m: ArgumentMap) -> dict:
    """The map-level fields Argdown and AIF have no place for (source, thesis, note, evidence),
    as plain JSON data for the writers to carry along; fields at their defaults are left out.

    >>> map_extras(ArgumentMap.model_validate({"argmap": 1, "thesis": "a", "claims": [{"id": "a", "text": "A."}]}))
    {'thesis': 'a'}
    """
    extras: dict = {}
    source = m.source.model_dump(mode="json", exclude_defaults=True)
    if source:
        extras["source"] = source
    if m.thesis is not None:
        extras["thesis"] = m.thesis
    if m.note is not None:
        extras["note"] = m.note
    if m.evidence:
        extras["evidence"] = [e.model_dump(mode="json", exclude_defaults=True) for e in m.evidence]
    return extras
