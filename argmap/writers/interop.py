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
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper) if fast else yaml.SafeDumper
    return yaml.dump(data, Dumper=dumper, sort_keys=False, allow_unicode=True, width=100)


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
