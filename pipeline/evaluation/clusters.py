"""Scores of incident linking against articles labelled with their incident: BCubed and pairwise
precision / recall / F1 over articles, and toll accuracy (each labelled incident against the
predicted incident that holds most of its articles)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def bcubed(predicted: Mapping[str, str], gold: Mapping[str, str]) -> dict[str, float]:
    """Per article: precision = share of its predicted incident that is its gold incident,
    recall = share of its gold incident inside its predicted one; averaged over articles."""
    pred_sizes = Counter(predicted.values())
    gold_sizes = Counter(gold.values())
    both = Counter((predicted[a], gold[a]) for a in gold)
    p = sum(both[(predicted[a], gold[a])] / pred_sizes[predicted[a]] for a in gold) / len(gold)
    r = sum(both[(predicted[a], gold[a])] / gold_sizes[gold[a]] for a in gold) / len(gold)
    return {"precision": p, "recall": r, "f1": _f1(p, r)}


def pairwise(predicted: Mapping[str, str], gold: Mapping[str, str]) -> dict[str, float]:
    def pairs(counts: Counter) -> int:
        return sum(n * (n - 1) // 2 for n in counts.values())

    together = pairs(Counter((predicted[a], gold[a]) for a in gold))
    pred_pairs = pairs(Counter(predicted[a] for a in gold))
    gold_pairs = pairs(Counter(gold.values()))
    p = together / pred_pairs if pred_pairs else 1.0
    r = together / gold_pairs if gold_pairs else 1.0
    return {"precision": p, "recall": r, "f1": _f1(p, r)}


def toll_accuracy(
    predicted: Mapping[str, str],
    gold: Mapping[str, str],
    tolls: Mapping[str, dict],
    gold_tolls: Mapping[str, dict],
) -> dict[str, float | None]:
    """`tolls`: predicted incident → {"killed": n|None, "injured": n|None}; `gold_tolls`: gold
    incident → its labels (None: not coded, left out of that field)."""
    members: dict[str, list[str]] = defaultdict(list)
    for article, incident in gold.items():
        members[incident].append(article)
    hits: Counter = Counter()
    scored: Counter = Counter()
    for incident, articles in members.items():
        holder = Counter(predicted[a] for a in articles).most_common(1)[0][0]
        for kind in ("killed", "injured"):
            want = gold_tolls[incident].get(kind)
            if want is None:
                continue
            scored[kind] += 1
            got = tolls.get(holder, {}).get(kind)
            hits[kind] += (got or 0) == want
    return {
        kind: hits[kind] / scored[kind] if scored[kind] else None for kind in ("killed", "injured")
    }
