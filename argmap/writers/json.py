"""The canonical JSON of a map: the same names as the YAML, every field present.

>>> from argmap.model import ArgumentMap
>>> m = ArgumentMap.model_validate({"argmap": 1, "claims": [{"id": "a", "text": "A."}]})
>>> import json; json.loads(to_json(m))["claims"][0]["id"]
'a'
"""

from __future__ import annotations

import json
import re

from argmap.model import ArgumentMap

__all__ = ["to_json", "write"]


_C1 = re.compile("[\x7f-\x9f]")


def to_json(m: ArgumentMap) -> str:
    text = json.dumps(m.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"
    # json escapes C0 controls only; escape DEL and C1 too, so no terminal acts on them
    return _C1.sub(lambda c: f"\\u{ord(c.group()):04x}", text)


def write(loaded) -> str:
    return to_json(loaded.map)
