"""Where each article's information comes from, as a graph of sources, articles and relays.

Three columns: the independent sources (a wire agency, or an outlet's own reporting), the
articles that carry them, and the derivative pieces (opinion, aggregation) that carry none and
only relay others. An origin that only derivative pieces relay ("Harbour 7's Lena Marsh") sits
beside the articles. A wire copy that dropped the agency's credit is a ``stripped`` edge.
"""

from __future__ import annotations

from typing import Any

SOURCE, ARTICLE, DERIVATIVE, EXTERNAL = "source", "article", "derivative", "external"
WIRE, STRIPPED, OWN, CITES = "wire", "stripped", "own", "cites"


def build_provenance(articles: list[dict[str, Any]], sources: list[dict[str, Any]], reuse: list[dict[str, Any]]) -> dict[str, Any]:
    """``{nodes: [{id, label, kind, column}], edges: [{from, to, kind}]}`` for the report.

    ``articles`` are the report's articles, ``sources`` and ``reuse`` the analysis's
    independent sources (with the articles relaying each) and wire groups.
    """
    stripped = {(group.get("origin"), a) for group in reuse for a in group.get("credit_stripped", [])}
    wire_origins = {group.get("origin") for group in reuse}
    carried = {a for source in sources if source.get("origin") for a in source["articles"]}
    nodes: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    for source in sources:
        origin = source.get("origin")
        if not origin or not source["articles"]:
            continue
        nodes.append({"id": f"source:{origin}", "label": origin, "kind": SOURCE, "column": 0})
        for article in source["articles"]:
            kind = STRIPPED if (origin, article) in stripped else WIRE if origin in wire_origins else OWN
            edges.append({"from": f"source:{origin}", "to": f"article:{article}", "kind": kind})
    for article in articles:
        column = 1 if article["id"] in carried else 2
        nodes.append({"id": f"article:{article['id']}", "label": article["label"], "kind": ARTICLE if column == 1 else DERIVATIVE, "column": column})
    for source in sources:
        origin = source.get("origin")
        relaying = [a for a in source.get("relayed_by", []) if a not in source["articles"]]
        if not origin or not relaying:
            continue
        node = f"source:{origin}"
        if not source["articles"]:
            node = f"external:{origin}"
            column = 0 if any(a in carried for a in relaying) else 1
            nodes.append({"id": node, "label": origin, "kind": EXTERNAL, "column": column})
        edges += [{"from": node, "to": f"article:{a}", "kind": CITES} for a in relaying]
    return {"nodes": nodes, "edges": edges}
