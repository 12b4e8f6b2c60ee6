"""Synthetic argument maps of any size, in native YAML, Argdown and AIF JSON.

The three outputs carry the same content: ``n`` titled claims in sections of
50, and ``relations`` support/attack links (about one in five an attack). A
spanning tree comes first, each claim linked to an earlier one, so that every
claim reaches the thesis ``s1``; the other links depend on the *shape*:

- ``deep`` (the default): from a later claim to one of the 50 before it, so the
  map is acyclic, deep and local, as hand-written argument maps are;
- ``random``: between any two claims, in either direction, so there are cycles;
- ``dag``: between any two claims, from the later to the earlier one (acyclic);
- ``dense``: as ``random``; it is meant for many links per claim (100 claims,
  1000 links), where almost every claim is in a cycle.
The Argdown output uses only syntax the Argdown CLI parses (headings, titled
statements, ``<+``/``<-`` relations), so both tools can be timed on one file.

>>> syn = generate(5, 8, seed=1)
>>> len(syn.claims), len(syn.relations)
(5, 8)
>>> "argmap: 1" in to_yaml(syn) and "[s1]:" in to_argdown(syn)
True
>>> len(set(generate(30, 200, shape="dense").relations))
200

Run as a script to write files: ``python tests/benchmarks/generate.py 1000 2000 OUTDIR [SHAPE]``.
"""

from __future__ import annotations

import json
import random
import sys
from dataclasses import dataclass
from pathlib import Path

__all__ = ["SHAPES", "Synthetic", "generate", "to_yaml", "to_argdown", "to_aif", "write_all"]

SHAPES = ("deep", "random", "dag", "dense")
"""Graph shapes of :func:`generate` (see the module docstring)."""

_WORDS = (
    "policy security alliance border treaty economy sanctions energy trade votes "
    "influence region conflict agreement support pressure leverage partnership"
).split()


@dataclass
class Synthetic:
    claims: list[tuple[str, str, str]]  # (id, text, section)
    relations: list[tuple[str, str, str]]  # (kind, from_id, to_id)


def generate(n: int, relations: int, seed: int = 0, shape: str = "deep") -> Synthetic:
    """``n`` claims and ``relations`` links (about one in five an attack) of one of :data:`SHAPES`."""
    if shape not in SHAPES:
        raise ValueError(f"shape must be one of {SHAPES}")
    rng = random.Random(seed)
    claims = []
    for i in range(1, n + 1):
        words = " ".join(rng.choice(_WORDS) for _ in range(8))
        claims.append((f"s{i}", f"Claim {i} says {words}.", f"Section {(i - 1) // 50 + 1}"))
    links: list[tuple[str, str, str]] = []
    seen: set[tuple[str, str]] = set()
    # First a spanning tree so every claim reaches s1, then random extra links.
    for i in range(2, n + 1):
        if len(links) >= relations:
            break
        j = rng.randint(max(1, i - 20) if shape == "deep" else 1, i - 1)
        links.append(("support", f"s{i}", f"s{j}"))
        seen.add((f"s{i}", f"s{j}"))
    most = n * (n - 1) if shape in ("random", "dense") else n * (n - 1) // 2
    if shape == "deep":
        most = sum(min(i - 1, 50) for i in range(2, n + 1))
    relations = min(relations, most)
    while len(links) < relations and n > 1:
        if shape == "deep":
            i = rng.randint(2, n)
            j = rng.randint(max(1, i - 50), i - 1)
        else:
            i, j = rng.sample(range(1, n + 1), 2)
            if shape == "dag" and i < j:
                i, j = j, i
        key = (f"s{i}", f"s{j}")
        if key in seen:
            continue
        seen.add(key)
        links.append(("attack" if rng.random() < 0.2 else "support", key[0], key[1]))
    return Synthetic(claims, links)


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def to_yaml(syn: Synthetic) -> str:
    out = ["argmap: 1", "title: Synthetic benchmark map", "thesis: s1", "claims:"]
    for cid, text, section in syn.claims:
        out.append(f"  - id: {cid}\n    text: {_q(text)}\n    kind: interpretation\n    section: {_q(section)}")
    out.append("inferences:" if syn.relations else "inferences: []")
    for k, (kind, src, dst) in enumerate(syn.relations, 1):
        out.append(f"  - id: r{k}\n    premises: [{src}]\n    conclusion: {dst}\n    kind: {kind}")
    return "\n".join(out) + "\n"


def to_argdown(syn: Synthetic) -> str:
    incoming: dict[str, list[tuple[str, str]]] = {}
    for kind, src, dst in syn.relations:
        incoming.setdefault(dst, []).append((kind, src))
    out = ["===", "title: Synthetic benchmark map", "==="]
    section = None
    for cid, text, sec in syn.claims:
        if sec != section:
            out.append(f"\n# {sec}\n")
            section = sec
        out.append(f"[{cid}]: {text}")
        for kind, src in incoming.get(cid, []):
            out.append(f"  {'<+' if kind == 'support' else '<-'} [{src}]")
        out.append("")
    return "\n".join(out) + "\n"


def to_aif(syn: Synthetic) -> str:
    nodes = [{"nodeID": cid, "text": text, "type": "I"} for cid, text, _ in syn.claims]
    edges = []
    for k, (kind, src, dst) in enumerate(syn.relations, 1):
        sid = f"r{k}"
        if kind == "support":
            nodes.append({"nodeID": sid, "text": "Default Inference", "type": "RA"})
        else:
            nodes.append({"nodeID": sid, "text": "Default Conflict", "type": "CA"})
        edges.append({"edgeID": f"e{k}a", "fromID": src, "toID": sid})
        edges.append({"edgeID": f"e{k}b", "fromID": sid, "toID": dst})
    return json.dumps({"nodes": nodes, "edges": edges, "locutions": []}, ensure_ascii=False) + "\n"


def write_all(n: int, relations: int, folder: Path, seed: int = 0, shape: str = "deep") -> dict[str, Path]:
    """Write ``synthetic-N.{yaml,argdown,json}`` (``SHAPE-N-R.*`` for other shapes than ``deep``)
    into ``folder``; returns the paths by format."""
    syn = generate(n, relations, seed, shape)
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"synthetic-{n}" if shape == "deep" else f"{shape}-{n}-{relations}"
    paths = {
        "yaml": folder / f"{stem}.yaml",
        "argdown": folder / f"{stem}.argdown",
        "aif": folder / f"{stem}.json",
    }
    paths["yaml"].write_text(to_yaml(syn), encoding="utf-8")
    paths["argdown"].write_text(to_argdown(syn), encoding="utf-8")
    paths["aif"].write_text(to_aif(syn), encoding="utf-8")
    return paths


if __name__ == "__main__":
    n, r, out = int(sys.argv[1]), int(sys.argv[2]), Path(sys.argv[3])
    for fmt, path in write_all(n, r, out, shape=sys.argv[4] if len(sys.argv) > 4 else "deep").items():
        print(fmt, path)
