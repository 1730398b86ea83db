"""Fit the linker's weights on articles labelled with their incident (the tune part only).

The articles are replayed in arrival order with the right answers: each report meets the
candidates the linker would offer it (linker._candidates), every candidate is one example (is it
the report's incident?), and then the report joins its true incident. A logistic regression
over the match evidence (match.evidence, plus "out of the close window") gives the weights: its
bias is the threshold, the out-of-window coefficient the margin. Run:

    python -m pipeline.evaluation.fit_linking GOLD.jsonl ENRICHED.jsonl

and copy the printed Weights into match.py."""

from __future__ import annotations

import sys
from dataclasses import fields

import numpy as np
import orjson

from pipeline.evaluation.datasets import Part, in_part
from pipeline.tracking.incident import Incident
from pipeline.tracking.linker import Linker
from pipeline.tracking.match import EVIDENCE, Weights, evidence
from pipeline.tracking.report import reports_of

L2 = 1.0


def examples(rows: list[dict], records: dict[str, dict]) -> tuple[np.ndarray, np.ndarray]:
    linker = Linker()
    truth: dict[str, Incident] = {}
    xs, ys = [], []
    chosen = sorted(
        (r for r in rows if in_part(r, Part.TUNE) and r["id"] in records),
        key=lambda r: (r.get("published") or "", r["id"]),
    )
    for row in chosen:
        reports = reports_of(records[row["id"]])
        if not reports:
            continue
        report = reports[0]  # the article's primary incident is the labelled one
        vectors = linker.vectors_of(report)
        mine = truth.get(str(row["incident_id"]))
        for incident, margin in linker._candidates(report):
            found = evidence(report, vectors, incident)
            xs.append([found[name] for name in EVIDENCE] + [1.0 if margin else 0.0])
            ys.append(1.0 if incident is mine else 0.0)
        if mine is None:
            mine = truth[str(row["incident_id"])] = Incident(f"gold-{row['incident_id']}")
        mine.add(report, vectors=vectors, certainty=None)
        linker.admit(mine, report)
    return np.array(xs), np.array(ys)


def fit(x: np.ndarray, y: np.ndarray, *, iterations: int = 50) -> tuple[np.ndarray, float]:
    """Logistic regression by Newton's method with an L2 penalty (not on the bias)."""
    design = np.hstack([x, np.ones((len(x), 1))])
    beta = np.zeros(design.shape[1])
    penalty = np.eye(design.shape[1]) * L2
    penalty[-1, -1] = 0.0
    for _ in range(iterations):
        p = 1 / (1 + np.exp(-design @ beta))
        gradient = design.T @ (p - y) + penalty @ beta
        hessian = design.T @ (design * (p * (1 - p))[:, None]) + penalty
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if np.abs(step).max() < 1e-6:
            break
    return beta[:-1], float(beta[-1])


def main(gold_path: str, enriched_path: str) -> None:
    with open(gold_path, "rb") as handle:
        rows = [orjson.loads(line) for line in handle if line.strip()]
    with open(enriched_path, "rb") as handle:
        records = {record["id"]: record for record in map(orjson.loads, handle)}
    x, y = examples(rows, records)
    coefficients, bias = fit(x, y)
    named = dict(zip([*EVIDENCE, "unsure"], coefficients.tolist(), strict=True))
    weights = {name: round(named[name], 2) for name in EVIDENCE}
    weights["threshold"] = round(-bias, 2)
    weights["unsure_margin"] = round(-named["unsure"], 2)
    weights["far_margin"] = Weights().far_margin  # chosen by BCubed F1, not fitted
    assert set(weights) == {f.name for f in fields(Weights)}
    print(f"{len(y)} candidate pairs, {int(y.sum())} of them true")
    print("Weights(" + ", ".join(f"{k}={v}" for k, v in weights.items()) + ")")


if __name__ == "__main__":
    main(*sys.argv[1:3])
