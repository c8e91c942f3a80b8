"""The network's force-directed layout: clusters apart, the same picture for the same data."""

import itertools
import math

from meetings.graph_layout import force_directed


def test_two_groups_that_meet_among_themselves_are_drawn_apart():
    west, east = [f"W{i}" for i in range(6)], [f"E{i}" for i in range(6)]
    edges = [(a, b, 20) for group in (west, east) for a, b in itertools.combinations(group, 2)]
    edges.append(("W0", "E0", 1))  # one rare contact between the groups
    position = force_directed([*west, *east], edges)
    within = [math.dist(position[a], position[b]) for g in (west, east) for a, b in itertools.combinations(g, 2)]
    across = [math.dist(position[a], position[b]) for a in west for b in east]
    assert max(within) < min(across)
    assert sum(across) / len(across) > 2.5 * sum(within) / len(within)


def test_positions_fill_the_unit_square_and_do_not_depend_on_chance():
    nodes = ["US", "GB", "FR", "JO", "QA"]
    edges = [("US", "GB", 9), ("GB", "FR", 4), ("JO", "QA", 7), ("US", "JO", 2)]
    first = force_directed(nodes, edges)
    assert first == force_directed(list(nodes), list(edges))
    xs, ys = [x for x, _ in first.values()], [y for _, y in first.values()]
    assert min(xs) == min(ys) == 0.0 and max(xs) == max(ys) == 1.0
    assert len({(round(x, 3), round(y, 3)) for x, y in first.values()}) == len(nodes)  # no two on one spot
    assert force_directed(["JO"], []) == {"JO": (0.5, 0.5)} and force_directed([], []) == {}
