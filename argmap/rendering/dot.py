"""DOT statements written directly, for speed on big maps.

Every value must already be safe: user text through
:func:`argmap.rendering.labels.dot_text` / ``lines_label``, everything else
made by argmap (colours, ids, class words). Names are always quoted.

>>> node_stmt("a", "A\\\\nid", {"id": "claim-a", "shape": "box"})
'\\t"a" [label="A\\\\nid" id="claim-a" shape="box"]\\n'
>>> edge_stmt("a", "b", {"style": "invis"})
'\\t"a" -> "b" [style="invis"]\\n'
"""

from __future__ import annotations

from typing import Optional

__all__ = ["attr_list", "node_stmt", "edge_stmt", "node_name"]


def attr_list(label: Optional[str], attrs: dict) -> str:
    """`` [label="..." key="value" ...]`` (keys sorted; None values left out)."""
    parts = [f'label="{label}"'] if label is not None else []
    parts += [f'{k}="{v}"' for k, v in sorted(attrs.items()) if v is not None]
    return f" [{' '.join(parts)}]" if parts else ""


def node_stmt(name: str, label: Optional[str], attrs: dict, indent: str = "\t") -> str:
    return f'{indent}"{name}"{attr_list(label, attrs)}\n'


def edge_stmt(tail: str, head: str, attrs: dict, indent: str = "\t") -> str:
    return f'{indent}"{tail}" -> "{head}"{attr_list(None, attrs)}\n'


def node_name(element_id: str) -> str:
    """DOT node name of an element: its id (a ``:`` would read as a port).

    >>> node_name("ns:a")
    'ns%3Aa'
    """
    return element_id.replace(":", "%3A")
