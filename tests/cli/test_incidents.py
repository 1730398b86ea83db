"""Incidents across articles through the CLI: `run --incidents-out` and `eval-incidents` on
articles of our own (tests/data/incidents.jsonl: three incidents, seven reports)."""

from __future__ import annotations

import orjson

from pipeline.records.schema import schema_errors
from tests.cli.conftest import REPO

ARTICLES = "tests/data/incidents.jsonl"


def _jsonl(path) -> list[dict]:
    return [orjson.loads(line) for line in path.read_bytes().splitlines() if line.strip()]


def test_run_links_the_reports_of_each_incident_and_writes_valid_incidents(newsflow, tmp_path):
    enriched, incidents = tmp_path / "enriched.jsonl", tmp_path / "incidents.jsonl"
    result = newsflow("run", ARTICLES, "-o", str(enriched), "--incidents-out", str(incidents))
    assert result.returncode == 0, result.stderr.decode()
    assert b"3 incidents" in result.stderr
    records = {r["id"]: r for r in _jsonl(enriched)}
    incident_of = {a: r["events"][0]["incident_id"] for a, r in records.items()}
    gold = {r["id"]: r["incident_id"] for r in _jsonl(REPO / ARTICLES)}
    for a in gold:
        for b in gold:
            assert (incident_of[a] == incident_of[b]) == (gold[a] == gold[b]), (a, b)
    written = _jsonl(incidents)
    assert all(schema_errors(i, "incident.schema.json") == [] for i in written)
    assert all(schema_errors(r) == [] for r in records.values())
    rockford = next(i for i in written if "inc-a1" in i["articles"])
    assert rockford["articles"] == ["inc-a1", "inc-a2", "inc-a3"]
    assert rockford["sources"] == ["Rockford Register", "WREX 13"]
    assert rockford["killed"]["min"] == 1 and rockford["place"]["name"] == "Rockford"


def test_eval_incidents_scores_against_the_labels_and_prints_the_baselines(newsflow):
    result = newsflow("eval-incidents", ARTICLES, "--json")
    assert result.returncode == 0, result.stderr.decode()
    report = orjson.loads(result.stdout)["all"]
    assert report["articles"] == 7 and report["gold_incidents"] == 3
    assert report["bcubed"]["f1"] == 1.0
    assert report["baselines"]["every article alone"]["f1"] < 0.7


def test_eval_incidents_says_what_a_row_lacks(newsflow, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(b'{"id": "x", "published": "2024-01-01", "text": "t"}\n')
    result = newsflow("eval-incidents", str(bad))
    assert result.returncode == 2 and b"Traceback" not in result.stderr
    assert b"needs 'id' and 'incident_id'" in result.stderr


def test_eval_incidents_scores_a_streams_incidents_file(newsflow, tmp_path):
    """--incidents: the latest version of each incident counts; the same clusters as linking
    here score the same."""
    incidents = tmp_path / "incidents.jsonl"
    run = newsflow(
        "run", ARTICLES, "-o", str(tmp_path / "e.jsonl"), "--incidents-out", str(incidents)
    )
    assert run.returncode == 0, run.stderr.decode()
    linked_here = orjson.loads(newsflow("eval-incidents", ARTICLES, "--json").stdout)
    # An older version of the first incident, as a stream publishes it before the final one.
    final = _jsonl(incidents)
    older = {**final[0], "version": 0, "articles": final[0]["articles"][:1], "events": []}
    incidents.write_bytes(b"".join(orjson.dumps(i) + b"\n" for i in [older, *final]))
    scored = newsflow("eval-incidents", ARTICLES, "--incidents", str(incidents), "--json")
    assert scored.returncode == 0, scored.stderr.decode()
    report = orjson.loads(scored.stdout)
    assert report["all"]["bcubed"] == linked_here["all"]["bcubed"]


def test_eval_incidents_refuses_a_file_of_other_records(newsflow, tmp_path):
    other = tmp_path / "other.jsonl"
    other.write_bytes(b'{"id": "a1", "events": []}\n')
    result = newsflow("eval-incidents", ARTICLES, "--incidents", str(other))
    assert result.returncode == 2
    assert b"not an incident record" in result.stderr and b"Traceback" not in result.stderr
