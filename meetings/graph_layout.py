"""Where to draw the network's states: a force-directed layout (Fruchterman and Reingold), computed here so
the page needs no script. Pairs that meet often pull together, every state pushes every other away, so
groups of states that deal mostly with each other end up as separate clusters."""

import math
from functools import lru_cache

import numpy as np

ITERATIONS = 150
GRAVITY = 0.05  # the pull to the middle that keeps unconnected states on the page


def force_directed(nodes: list[str], edges: list[tuple[str, str, int]]) -> dict[str, tuple[float, float]]:
    """{node: (x, y)} within the unit square, the same for the same input (no randomness). An edge's pull
    grows with the logarithm of its weight, so one busy pair does not crush the rest together."""
    return dict(_layout(tuple(nodes), tuple(edges)))


@lru_cache(maxsize=128)  # the network changes only when the tallies are refreshed; a layout costs 10-400 ms
def _layout(
    nodes: tuple[str, ...], edges: tuple[tuple[str, str, int], ...]
) -> tuple[tuple[str, tuple[float, float]], ...]:
    count = len(nodes)
    if count == 0:
        return ()
    if count == 1:
        return ((nodes[0], (0.5, 0.5)),)
    index = {node: i for i, node in enumerate(nodes)}
    weight = np.zeros((count, count))
    for a, b, n in edges:
        if a in index and b in index and a != b:
            weight[index[a], index[b]] = weight[index[b], index[a]] = 1 + math.log(n)
    # Start on a circle in the given order (callers list the busiest first) and let the forces work.
    angle = 2 * np.pi * np.arange(count) / count
    position = np.column_stack([np.cos(angle), np.sin(angle)])
    ideal = math.sqrt(4.0 / count)  # the side of the square each state would own if spread evenly
    heat = 0.2
    for step in range(ITERATIONS):
        delta = position[:, None, :] - position[None, :, :]
        distance = np.sqrt(np.einsum("ijk,ijk->ij", delta, delta)) + 1e-4
        force = ideal**2 / distance - weight * distance**2 / ideal  # push apart, pull along edges
        np.fill_diagonal(force, 0)
        # Unconnected states drift off; a light pull to the middle keeps them on the page.
        move = np.einsum("ijk,ij->ik", delta, force / distance) - GRAVITY * count * position
        length = np.sqrt(np.einsum("ik,ik->i", move, move)) + 1e-9
        position += move * (np.minimum(length, heat) / length)[:, None]
        heat = 0.2 * (1 - (step + 1) / ITERATIONS) + 0.002
    low, high = position.min(axis=0), position.max(axis=0)
    scaled = (position - low) / np.maximum(high - low, 1e-9)
    return tuple((node, (float(x), float(y))) for node, (x, y) in zip(nodes, scaled, strict=True))
