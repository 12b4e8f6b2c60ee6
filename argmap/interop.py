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

__all__ = ["to_yaml"]


def to_yaml(m: ArgumentMap) -> str:
    """The map as native YAML: fields at their defaults are left out."""
    import yaml

    data = m.model_dump(mode="json", exclude_defaults=True)
    data = {"argmap": 1, **{k: v for k, v in data.items() if k != "argmap"}}
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
