"""Which article carries which claim: a claims x articles matrix of carried, omitted and
contradicted, so a reader sees what each outlet left out and where it disagrees."""

from __future__ import annotations

from crosscheck.crosssource.claims import Claim
from crosscheck.crosssource.disputes import Dispute
from crosscheck.model import Span

CARRIED, OMITTED, CONTRADICTED = "carried", "omitted", "contradicted"


def coverage(claims: list[Claim], disputes: list[Dispute], articles: list[int]) -> list[list[str]]:
    """One row per claim, one cell per article. An article contradicts a claim when it holds
    another position of a dispute the claim takes part in, and does not carry the claim."""
    evidence: dict[int, list[tuple[Span, int, int]]] = {}
    for d, dispute in enumerate(disputes):
        for p, position in enumerate(dispute.positions):
            for doc, span in position.evidence:
                evidence.setdefault(doc, []).append((span, d, p))
    rows = []
    for claim in claims:
        held = {
            (d, p)
            for s in claim.statements
            for span, d, p in evidence.get(s.doc, ())
            if s.span.start < span.end and span.start < s.span.end
        }
        against = {
            doc for d, p in held for q, other in enumerate(disputes[d].positions) if q != p for doc in other.docs
        }
        carried = set(claim.docs)
        rows.append([CARRIED if a in carried else CONTRADICTED if a in against else OMITTED for a in articles])
    return rows
