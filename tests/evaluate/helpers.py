"""Compact builders for hand-made evaluation maps (real YAML text, parsed by the make_map fixture)."""

from __future__ import annotations

from hypothesis import strategies as st

RANDOMS = st.randoms(use_true_random=True)
"""Seeded ``random.Random`` objects for the generators below, as varied as a loop over seeds.
(Hypothesis's own randoms, ``use_true_random=False``, repeat themselves: 295 distinct frameworks
in 600 examples against 426 for ``range(600)`` seeds; these give 451.)"""

HEAD = "argmap: 1\nevidence:\n  - id: e\n    citation: A report\n"


def claims(*specs: str) -> str:
    """YAML claims from 'id' or 'id:evidence' or 'id:assumption'."""
    out = ["claims:"]
    for spec in specs:
        cid, _, basis = spec.partition(":")
        out.append(f"  - id: {cid}\n    text: Claim {cid}.")
        if basis == "evidence":
            out.append("    evidence: [e]")
        elif basis == "assumption":
            out.append("    assumption: true")
    return "\n".join(out) + "\n"


def step(sid: str, premises: str, conclusion: str, warrant: str | None = "w", qualifier: str | None = None, kind: str = "support") -> str:
    text = f"  - id: {sid}\n    premises: [{premises}]\n    conclusion: {conclusion}\n    kind: {kind}\n"
    if warrant is not None:
        text += f"    warrant: {warrant}\n"
    if qualifier is not None:
        text += f"    qualifier: {qualifier}\n"
    return text


def build(make_map, claim_specs: tuple[str, ...], *steps: str, thesis: str | None = None):
    text = HEAD + claims(*claim_specs) + ("inferences:\n" + "".join(steps) if steps else "")
    if thesis:
        text += f"thesis: {thesis}\n"
    return make_map(text)


QUALIFIERS = [None, None, None, "may", "likely", "should", "certainly"]


def random_map_data(rng, n_claims: int, n_inferences: int, thesis: bool = True) -> dict:
    """A random valid map: claims with cited or unattributed evidence, assumptions or nothing; support, attack and undercut
    inferences with random (possibly linked, possibly cyclic) premises, qualifiers and warrants."""
    ids = [f"c{k}" for k in range(n_claims)]
    claims = []
    for cid in ids:
        claim: dict = {"id": cid, "text": f"Claim {cid}."}
        roll = rng.random()
        if roll < 0.2:
            claim["evidence"] = ["e"]
        elif roll < 0.25:
            claim["evidence"] = ["u"]  # an unattributed record: weak on its own
            if rng.random() < 0.3:
                claim["assumption"] = True
        elif roll < 0.35:
            claim["assumption"] = True
        claims.append(claim)
    inferences: list[dict] = []
    for k in range(n_inferences):
        kind = rng.choice(["support"] * 5 + ["attack"] * 2 + (["undercut"] if inferences else []))
        inf: dict = {"id": f"i{k}", "premises": rng.sample(ids, rng.choice([1, 1, 1, 2, 3][: max(1, min(5, n_claims))]))}
        inf["kind"] = kind
        inf["conclusion"] = rng.choice([i["id"] for i in inferences]) if kind == "undercut" else rng.choice(ids)
        if rng.random() < 0.6:
            inf["warrant"] = "w"
        q = rng.choice(QUALIFIERS)
        if q:
            inf["qualifier"] = q
        inferences.append(inf)
    evidence = [{"id": "e", "citation": "A report"}, {"id": "u", "kind": "statement", "quote": "words"}]
    data = {"argmap": 1, "claims": claims, "evidence": evidence, "inferences": inferences}
    if thesis:
        data["thesis"] = ids[0]
    return data
