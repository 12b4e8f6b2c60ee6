"""Abstract argumentation frameworks: grounded labelling and preferred extensions.

A framework is a set of argument names and a set of attacks ``(attacker,
target)``. :func:`grounded` computes the grounded labelling (every argument
``in``, ``out`` or ``undecided``) iteratively, and keeps for each decided
argument the reason that decided it, so the result can explain itself:

- an argument is ``in`` once every attacker is ``out`` (round 0: it has no
  attackers at all);
- an argument is ``out`` once some attacker is ``in`` (that attacker is its
  reason);
- whatever is left when nothing changes is ``undecided``.

>>> lab = grounded(["a", "b", "c"], [("a", "b"), ("b", "c")])
>>> lab.label
{'a': 'in', 'b': 'out', 'c': 'in'}
>>> lab.reason["b"], lab.round["c"]
(('a',), 1)
>>> grounded(["a", "b"], [("a", "b"), ("b", "a")]).label
{'a': 'undecided', 'b': 'undecided'}

:func:`preferred` enumerates the preferred extensions (maximal admissible
sets). It is exponential in the worst case and meant for small frameworks
(tests, explanations); the map evaluation itself only needs grounded
semantics, which is linear.

>>> sorted(sorted(e) for e in preferred(["a", "b", "c"], [("a", "b"), ("b", "a"), ("b", "c")]))
[['a', 'c'], ['b']]
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import Iterable, Optional

__all__ = ["IN", "OUT", "UNDECIDED", "LABELS", "Labelling", "grounded", "relabel", "preferred", "attackers_of"]

IN, OUT, UNDECIDED = "in", "out", "undecided"
LABELS = (IN, OUT, UNDECIDED)
"""The three labels, from accepted to neither."""


@dataclass
class Labelling:
    """A grounded labelling with its reasons.

    ``reason[a]`` is, for an ``out`` argument, the one ``in`` attacker that
    put it out; for an ``in`` argument, all its attackers (each ``out``).
    ``round[a]`` is the iteration that decided ``a`` (absent if undecided).
    """

    label: dict[str, str]
    reason: dict[str, tuple[str, ...]] = field(default_factory=dict)
    round: dict[str, int] = field(default_factory=dict)

    def extension(self) -> frozenset[str]:
        """The grounded extension: the arguments labelled ``in``."""
        return frozenset(a for a, lab in self.label.items() if lab == IN)


def attackers_of(arguments: Iterable[str], attacks: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    """Map each argument to its distinct attackers, in first-seen order.

    >>> attackers_of(["a", "b"], [("a", "b"), ("a", "b")])
    {'a': [], 'b': ['a']}
    """
    result: dict[str, list[str]] = {a: [] for a in arguments}
    for attacker, target in dict.fromkeys(attacks):
        if attacker in result and target in result:
            result[target].append(attacker)
    return result


def relabel(
    label: dict[str, str],
    incoming: dict[str, list[str]],
    outgoing: dict[str, list[str]],
    removed: set[str],
    within: Optional[set[str]] = None,
) -> dict[str, str]:
    """Grounded labels after removing some arguments, recomputing only what can change.

    ``label`` is the grounded labelling of the framework given by ``incoming``
    and ``outgoing`` (attackers and targets of each argument). Only arguments
    downstream of the removed ones (reachable along attacks) can change,
    since the rest is closed under attackers and grounded semantics is
    directional; so only those (intersected with ``within``, if given) are
    relabelled, with the others as a fixed boundary. Returns the changed
    region's new labels.

    >>> args, attacks = ["a", "b", "c"], [("a", "b"), ("b", "c")]
    >>> lab = grounded(args, attacks).label
    >>> inc = attackers_of(args, attacks)
    >>> out = {"a": ["b"], "b": ["c"], "c": []}
    >>> relabel(lab, inc, out, {"a"})
    {'b': 'in', 'c': 'out'}
    """
    region: set[str] = set()
    stack = [t for r in removed for t in outgoing.get(r, ()) if t not in removed]
    while stack:
        a = stack.pop()
        if a in region or a in removed or (within is not None and a not in within):
            continue
        region.add(a)
        stack.extend(outgoing.get(a, ()))
    new: dict[str, str] = {}
    alive: dict[str, int] = {}
    frontier: list[str] = []
    for a in region:
        count = 0
        beaten = False
        for b in incoming[a]:
            if b in removed:
                continue
            if b in region:
                count += 1
            elif label[b] == IN:
                beaten = True
            elif label[b] == UNDECIDED:
                count += 1  # a fixed undecided attacker never goes out
        alive[a] = count
        if beaten:
            new[a] = OUT
        elif count == 0:
            new[a] = IN
            frontier.append(a)
    # arguments put out by the boundary lower their targets' counts
    for a in [x for x, lab in new.items() if lab == OUT]:
        frontier_targets = [t for t in outgoing.get(a, ()) if t in region]
        for t in frontier_targets:
            alive[t] -= 1
            if alive[t] == 0 and t not in new:
                new[t] = IN
                frontier.append(t)
    while frontier:
        a = frontier.pop()
        for t in outgoing.get(a, ()):
            if t not in region or t in new:
                continue
            new[t] = OUT
            for u in outgoing.get(t, ()):
                if u in region:
                    alive[u] -= 1
                    if alive[u] == 0 and u not in new:
                        new[u] = IN
                        frontier.append(u)
    return {a: new.get(a, UNDECIDED) for a in sorted(region)}


def grounded(arguments: Iterable[str], attacks: Iterable[tuple[str, str]]) -> Labelling:
    """Grounded labelling in time linear in arguments + attacks.

    Attacks naming unknown arguments are ignored.
    """
    args = list(dict.fromkeys(arguments))
    incoming = attackers_of(args, attacks)
    outgoing: dict[str, list[str]] = {a: [] for a in args}
    for target, atts in incoming.items():
        for attacker in atts:
            outgoing[attacker].append(target)
    alive = {a: len(incoming[a]) for a in args}  # attackers not yet out
    label: dict[str, str] = {}
    reason: dict[str, tuple[str, ...]] = {}
    rounds: dict[str, int] = {}
    frontier = deque(a for a in args if alive[a] == 0)
    for a in frontier:
        label[a], reason[a], rounds[a] = IN, (), 0
    rnd = 0
    while frontier:
        newly_in: deque[str] = deque()
        for a in frontier:
            for t in outgoing[a]:
                if t in label:
                    continue
                label[t], reason[t], rounds[t] = OUT, (a,), rnd
                for u in outgoing[t]:
                    alive[u] -= 1
                    if alive[u] == 0 and u not in label:
                        label[u], reason[u], rounds[u] = IN, tuple(incoming[u]), rnd + 1
                        newly_in.append(u)
        frontier = newly_in
        rnd += 1
    return Labelling({a: label.get(a, UNDECIDED) for a in args}, reason, rounds)


def preferred(arguments: Iterable[str], attacks: Iterable[tuple[str, str]]) -> list[frozenset[str]]:
    """All preferred extensions: the maximal admissible sets.

    Search: the grounded extension is in every preferred extension, so start
    from it and decide the arguments grounded leaves undecided one by one
    (in, or not). A branch is dropped as soon as it is not conflict-free, or
    some chosen argument has an attacker that no argument still available
    can attack (it can no longer be defended). Leaves that are admissible are
    kept if maximal.
    """
    args = list(dict.fromkeys(arguments))
    incoming = {a: set(v) for a, v in attackers_of(args, attacks).items()}
    outgoing: dict[str, set[str]] = {a: set() for a in args}
    for target, atts in incoming.items():
        for attacker in atts:
            outgoing[attacker].add(target)
    base = grounded(args, attacks)
    start = frozenset(base.extension())
    open_args = [a for a in args if base.label[a] == UNDECIDED and a not in incoming[a]]
    position = {a: k for k, a in enumerate(open_args)}

    def defensible(chosen: frozenset[str], k: int) -> bool:
        """Every attacker of a chosen argument is attacked by a chosen or a still-open argument."""
        for x in chosen:
            for b in incoming[x]:
                if not any(d in chosen or position.get(d, -1) >= k for d in incoming[b]):
                    return False
        return True

    def admissible(chosen: frozenset[str]) -> bool:
        defeated = set().union(*(outgoing[x] for x in chosen)) if chosen else set()
        return all(b in defeated for x in chosen for b in incoming[x])

    found: list[frozenset[str]] = []
    stack: list[tuple[int, frozenset[str]]] = [(0, start)]
    while stack:
        k, chosen = stack.pop()
        if not defensible(chosen, k):
            continue
        if k == len(open_args):
            if admissible(chosen):
                found.append(chosen)
            continue
        a = open_args[k]
        stack.append((k + 1, chosen))
        if not (outgoing[a] & chosen) and not (incoming[a] & chosen):
            stack.append((k + 1, chosen | {a}))
    unique = set(found)
    maximal = [e for e in unique if not any(e < other for other in unique)]
    return sorted(maximal, key=sorted)
