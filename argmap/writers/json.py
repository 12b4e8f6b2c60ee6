"""The canonical JSON of a map: the same names as the YAML, every field present.

>>> from argmap.model import ArgumentMap
>>> m = ArgumentMap.model_validate({"argmap": 1, "claims": [{"id": "a", "text": "A."}]})
>>> import json; json.loads(to_json(m))["claims"][0]["id"]
'a'
"""

from __future__ import annotations

from argmap.util.jsontext import dumps
from argmap.model import ArgumentMap

__all__ = ["to_json", "write"]


def to_json(m: ArgumentMap) -> str:
    # json escapes C0 controls only; dumps escapes DEL and C1 too, so no terminal acts on them
    return dumps(m.model_dump(mode="json"), indent=2) + "\n"


def write(loaded) -> str:
    return to_json(loaded.map)
