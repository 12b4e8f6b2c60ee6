"""The layered layout: cycle breaking and layering in Python, then two Graphviz passes.

The plan is checked on arbitrary graphs (hypothesis); the rendering on
generated maps with cycles, against the same diagram laid out by dot alone.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.rendering.layered import feedback_order, plan_layers
from argmap.rendering.placement import ANCHOR, rank_statements

from .conftest import SVG, nodes, parse_svg
from .test_big import _generator


@st.composite
def graphs(draw):
    n = draw(st.integers(1, 40))
    edges = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=4 * n))
    return n, edges


@settings(max_examples=300, deadline=None)
@given(graphs())
def test_order_is_a_permutation_with_few_backward_edges(graph):
    n, edges = graph
    order = feedback_order(n, edges)
    assert sorted(order) == list(range(n))
    where = {v: k for k, v in enumerate(order)}
    proper = [(u, v) for u, v in edges if u != v]
    backward = sum(1 for u, v in proper if where[u] > where[v])
    # Eades-Lin-Smyth never turns more than half of the edges round
    assert backward <= len(proper) / 2


@settings(max_examples=300, deadline=None)
@given(graphs(), st.sampled_from([None, 1, 2, 3]))
def test_plan_is_acyclic_keeps_directions_and_layers_validly(graph, width):
    n, numbered = graph
    names = [f"n{k}" for k in range(n)]
    edges = [(names[u], names[v]) for u, v in numbered]
    plan = plan_layers(names, edges, width=width)
    assert set(plan.layer) == set(names)
    assert plan.edges == edges  # every edge kept, premise to conclusion as given
    layers = plan.layers()
    assert all(layers), "layers are numbered without gaps"
    for k, (tail, head) in enumerate(edges):
        if tail == head:
            assert plan.span(k) == 0
            continue
        upper, lower = plan.downward(k)
        # turned round exactly when listed as reversed, and then pointing down
        assert (upper, lower) == ((head, tail) if k in plan.reversed else (tail, head))
        assert plan.layer[upper] < plan.layer[lower], "after breaking cycles every edge points down"
    if width is None and n <= 8:
        # no layer too wide: pure longest-path layering, so every node that points down
        # somewhere has an edge to the very next layer
        for k in range(len(edges)):
            if plan.span(k):
                upper, _ = plan.downward(k)
                assert any(plan.span(j) == 1 and plan.downward(j)[0] == upper for j in range(len(edges)))
    # pass one holds every pair of adjacent layers together, by a short edge or by anchors
    text = "".join(rank_statements(plan))
    for row in range(len(layers) - 1):
        joined = any(plan.span(k) == 1 and plan.layer[plan.downward(k)[0]] == row for k in range(len(edges)))
        assert joined or f'"{ANCHOR}{row}" -> "{ANCHOR}{row + 1}"' in text, row


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 60), st.integers(1, 10))
def test_unlinked_nodes_fill_layers_of_the_width_given(n, width):
    plan = plan_layers([f"n{k}" for k in range(n)], [], width=width)
    # filled from the bottom up: only the top layer may have room left
    assert [len(row) for row in plan.layers()] == ([n % width] if n % width else []) + [width] * (n // width)


def test_wide_layer_of_premises_is_spread_upwards():
    edges = [(f"p{k}", "c") for k in range(30)] + [("c", "t")]
    plan = plan_layers(["t", "c"] + [f"p{k}" for k in range(30)], edges, width=10)
    assert max(len(row) for row in plan.layers()) == 10
    assert all(plan.layer[f"p{k}"] < plan.layer["c"] < plan.layer["t"] for k in range(30))


def test_acyclic_graph_is_not_turned():
    edges = [("p1", "c"), ("p2", "c"), ("e", "p1"), ("c", "t"), ("p2", "t")]
    plan = plan_layers(["t", "c", "p1", "p2", "e"], edges)
    assert plan.reversed == set()
    assert plan.layer["t"] > plan.layer["c"] > plan.layer["p1"] > plan.layer["e"]


def test_two_cycle_turns_one_edge():
    plan = plan_layers(["a", "b"], [("a", "b"), ("b", "a")])
    assert len(plan.reversed) == 1
    assert {plan.layer["a"], plan.layer["b"]} == {0, 1}


@pytest.fixture(scope="module")
def cyclic_map(tmp_path_factory):
    """A generated map with random support and attack relations (cycles included)."""
    gen = _generator()
    path = tmp_path_factory.mktemp("layered") / "random.yaml"
    path.write_text(gen.to_yaml(gen.generate(60, 150, seed=3, shape="random")), encoding="utf-8")
    return path


def _edges(root):
    return {g.get("id"): g for g in root.iter(f"{SVG}g") if "edge" in (g.get("class") or "").split()}


def test_layered_svg_keeps_ids_classes_and_directions(cyclic_map):
    from argmap.audit import run
    from argmap.loading import load
    from argmap.rendering.diagram import build_diagram, draw

    loaded = load(cyclic_map)
    diagram = build_diagram(loaded, run(loaded))
    layered = parse_svg(draw(diagram, layered=True).decode("utf-8"))
    plain = parse_svg(draw(diagram, layered=False).decode("utf-8"))
    classes = lambda found: {k: g.get("class") for k, g in found.items()}  # noqa: E731
    assert classes(nodes(layered)) == classes(nodes(plain))
    assert sum(1 for k in nodes(layered) if k.startswith("claim-")) == 60
    steps = {k: g for k, g in _edges(layered).items() if k.startswith("inference-")}
    assert len(steps) == 150
    plain_edges = _edges(plain)
    for k, g in steps.items():
        assert g.get("class") == plain_edges[k].get("class")
        # the edge is drawn from the premise to the conclusion, arrowhead at the conclusion
        title = g.find(f"{SVG}title").text
        assert title == plain_edges[k].find(f"{SVG}title").text
        path = next(g.iter(f"{SVG}path")).get("d")
        assert next(g.iter(f"{SVG}polygon"), None) is not None, k  # an arrowhead or bar
        start = tuple(map(float, re.match(r"M(-?[\d.]+),(-?[\d.]+)", path).groups()))
        tail, head = (nodes(layered)[f"claim-{x}"] for x in title.split("->"))
        assert _distance(start, _centre(tail)) < _distance(start, _centre(head)), k


def test_layered_layout_keeps_section_clusters(cyclic_map):
    from argmap.loading import load
    from argmap.rendering.diagram import build_diagram, draw

    loaded = load(cyclic_map)
    root = parse_svg(draw(build_diagram(loaded, [], cluster=True), layered=True).decode("utf-8"))
    sections = [g for g in root.iter(f"{SVG}g") if "section" in (g.get("class") or "").split()]
    assert len(sections) == len({c.section for c in loaded.map.claims}) == 2
    boxes = [_box(g) for g in sections]
    for claim in loaded.map.claims:  # each claim inside the box of its own section only
        x, y = _centre(nodes(root)[f"claim-{claim.id}"])
        inside = [k for k, (x0, y0, x1, y1) in enumerate(boxes) if x0 <= x <= x1 and y0 <= y <= y1]
        assert inside == [int(claim.section.split()[-1]) - 1], claim.id


def _box(group):
    points = [tuple(map(float, p)) for el in group.iter() for p in re.findall(r"(-?[\d.]+),(-?[\d.]+)", el.get("d") or el.get("points") or "")]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def _centre(node):
    xs, ys = [], []
    for el in node.iter():
        for x, y in re.findall(r"(-?[\d.]+),(-?[\d.]+)", el.get("d") or el.get("points") or ""):
            xs.append(float(x))
            ys.append(float(y))
    return (sum(xs) / len(xs), sum(ys) / len(ys))


def _distance(a, b):
    return ((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2) ** 0.5


def test_dense_map_renders_layered_and_quickly(run_cli, tmp_path):
    """100 claims and 1000 steps ran for minutes in dot alone."""
    gen = _generator()
    path = tmp_path / "dense.yaml"
    path.write_text(gen.to_yaml(gen.generate(100, 1000, seed=1, shape="dense")), encoding="utf-8")
    out = tmp_path / "dense.svg"
    result = run_cli("render", path, "-o", out, "--time-limit", "30")
    assert result.exit_code == 0, result.output
    found = nodes(parse_svg(out.read_text(encoding="utf-8")))
    assert sum(1 for k in found if k.startswith("claim-")) == 100


@pytest.mark.parametrize("engine", ["embedded", "system"])
def test_time_limit_stops_the_layout_with_advice(run_cli, cyclic_map, tmp_path, engine):
    import shutil

    if engine == "system" and shutil.which("dot") is None:
        pytest.skip("the Graphviz program is not installed")
    out = tmp_path / "slow.svg"
    result = run_cli("render", cyclic_map, "-o", out, "--engine", engine, "--time-limit", "0.001")
    assert result.exit_code == 1
    assert "layout took more than 0.001 s and was stopped" in result.stderr
    assert "--focus ID --depth N" in result.stderr and "--time-limit" in result.stderr
    assert "--overview" in result.stderr  # the whole map, drawn small
    assert "Traceback" not in result.output
    assert not out.exists()
    again = run_cli("render", cyclic_map, "-o", out, "--engine", engine)  # the engine recovers
    assert again.exit_code == 0, again.output
