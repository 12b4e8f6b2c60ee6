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
from typing import Iterable

__all__ = ["IN", "OUT", "UNDECIDED", "LABELS", "Labelling", "grounded", "preferred", "attackers_of"]

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
    seen: set[tuple[str, str]] = set()
    for attacker, target in attacks:
        if (attacker, target) in seen or attacker not in result or target not in result:
            continue
        seen.add((attacker, target))
        result[target].append(attacker)
    return result


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
    from it, then decide the remaining undecided arguments one by one (in or
    not), pruning any branch that is not conflict-free, and keep the sets that
    are admissible and maximal.
    """
    args = list(dict.fromkeys(arguments))
    incoming = attackers_of(args, attacks)
    attacked_by: dict[str, set[str]] = {a: set() for a in args}
    for target, atts in incoming.items():
        for attacker in atts:
            attacked_by[attacker].add(target)
    base = grounded(args, attacks)
    start = set(base.extension())
    open_args = [a for a in args if base.label[a] == UNDECIDED and a not in incoming[a]]

    def conflict_free_with(s: set[str], a: str) -> bool:
        return not (attacked_by[a] & s) and not any(x in s for x in incoming[a])

    def admissible(s: set[str]) -> bool:
        defeated = set().union(*(attacked_by[x] for x in s)) if s else set()
        return all(att in defeated for x in s for att in incoming[x])

    found: list[frozenset[str]] = []
    stack: list[tuple[int, frozenset[str]]] = [(0, frozenset(start))]
    while stack:
        k, chosen = stack.pop()
        if k == len(open_args):
            if admissible(set(chosen)):
                found.append(chosen)
            continue
        a = open_args[k]
        stack.append((k + 1, chosen))
        if conflict_free_with(set(chosen), a):
            stack.append((k + 1, chosen | {a}))
    maximal = [s for s in set(found) if not any(s < t for t in found)]
    return sorted(maximal, key=lambda s: sorted(s))
