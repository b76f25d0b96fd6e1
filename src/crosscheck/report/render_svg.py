"""The provenance graph as inline SVG: sources on the left, articles, then derivative pieces.

Articles sit next to the source they carry and derivative pieces next to what they cite, so
edges rarely cross. Styling comes from the page's CSS classes (``edge-wire``, ``node-source``...).
"""

from __future__ import annotations

from html import escape
from typing import Any

COLUMN_X = (8, 318, 628)
NODE_WIDTH, NODE_HEIGHT, ROW = 224, 40, 54
WIDTH = COLUMN_X[-1] + NODE_WIDTH + 8
_MAX_LABEL = 27


def provenance_svg(graph: dict[str, Any]) -> str:
    """One ``<svg>`` element drawing ``graph`` (the report's ``provenance``)."""
    columns: list[list[dict[str, Any]]] = [[], [], []]
    for node in graph["nodes"]:
        columns[node["column"]].append(node)
    sources_of = {}
    for edge in graph["edges"]:
        sources_of.setdefault(edge["to"], []).append(edge["from"])
    rows = max(1, *(len(c) for c in columns))
    height = rows * ROW + 8
    place: dict[str, tuple[float, float]] = {}
    for index, column in enumerate(columns):
        if index:
            column.sort(key=lambda n: min((place[s][1] for s in sources_of.get(n["id"], []) if s in place), default=height))
        top = (height - len(column) * ROW) / 2 + (ROW - NODE_HEIGHT) / 2
        for row, node in enumerate(column):
            place[node["id"]] = (COLUMN_X[index], top + row * ROW)
    edges = [_edge(place[e["from"]], place[e["to"]], e["kind"]) for e in graph["edges"] if e["from"] in place and e["to"] in place]
    nodes = [_node(node, *place[node["id"]]) for column in columns for node in column]
    return (
        f'<svg class="provenance-graph" viewBox="0 0 {WIDTH} {height:.0f}" width="{WIDTH}" height="{height:.0f}" '
        f'role="img" aria-labelledby="provenance-title">'
        '<title id="provenance-title">Where each article\'s information comes from</title>'
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
        '<path d="M0 0L10 5L0 10z" class="arrowhead"/></marker></defs>'
        f'<g class="edges">{"".join(edges)}</g><g class="nodes">{"".join(nodes)}</g></svg>'
    )


def _edge(start: tuple[float, float], end: tuple[float, float], kind: str) -> str:
    x1, y1 = start[0] + NODE_WIDTH, start[1] + NODE_HEIGHT / 2
    x2, y2 = end[0] - 2, end[1] + NODE_HEIGHT / 2
    bend = (x2 - x1) / 2
    return (
        f'<path class="edge edge-{escape(kind)}" d="M{x1:.0f} {y1:.0f}C{x1 + bend:.0f} {y1:.0f} {x2 - bend:.0f} {y2:.0f} {x2:.0f} {y2:.0f}" '
        f'marker-end="url(#arrow)"><title>{escape(kind)}</title></path>'
    )


def _node(node: dict[str, Any], x: float, y: float) -> str:
    label = node["label"]
    shown = label if len(label) <= _MAX_LABEL else label[: _MAX_LABEL - 1] + "…"
    return (
        f'<g class="node node-{escape(node["kind"])}"><title>{escape(label)}</title>'
        f'<rect x="{x:.0f}" y="{y:.0f}" width="{NODE_WIDTH}" height="{NODE_HEIGHT}" rx="10"/>'
        f'<text x="{x + 14:.0f}" y="{y + NODE_HEIGHT / 2 + 5:.0f}">{escape(shown)}</text></g>'
    )
