"""`make bench`: the model's own limit, embedded mode, a naive per-message consumer, the stream
with one and two workers, latency at half load and worker memory over a long replay, in one run
on the same articles. Writes bench/report.json and prints a table.

BENCH_ARTICLES (default 400) sizes the throughput runs and BENCH_ROUNDS (default 5) the number
of paired rounds; the memory replay uses 20,000 short articles (BENCH_LONG=1: 100,000;
BENCH_MEMORY_ARTICLES overrides)."""

from __future__ import annotations

import itertools
import os
import statistics
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import orjson

from bench.corpus import corpus, generated
from bench.harness import (
    OUT,
    REPO,
    FileWatcher,
    broker,
    cpu_seconds,
    incident_version,
    python_module,
    rss_mib,
    send_all,
    spacy_seconds,
    update_report,
    wait_all,
    wait_for_log,
)
from pipeline.kafka.topics import ensure_topics
from pipeline.records import Article, article_from_mapping
from pipeline.testing import NEWSFLOW, pipeline_env, settings_for, start, stop

REPORT = Path(__file__).with_name("report.json")
ARTICLES = int(os.environ.get("BENCH_ARTICLES", "400"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "5"))
MEMORY_ARTICLES = int(
    os.environ.get(
        "BENCH_MEMORY_ARTICLES", "100000" if os.environ.get("BENCH_LONG") == "1" else "20000"
    )
)
TARGETS = {
    "incident_stage_cost": 0.05,
    "stream1_over_limit": 0.90,
    "stream2_over_stream1": 1.7,
    "p99_latency_s": 1.0,
    "rss_growth": 0.10,
}


def limit(archive: Path, *, per_doc: bool = False) -> dict[str, float]:
    """Bare nlp.pipe (or nlp(text) per article) over the archive's texts, in a fresh process."""
    done = subprocess.run(
        [sys.executable, "-m", "bench.limit", str(archive), *(["--per-doc"] if per_doc else [])],
        check=True,
        capture_output=True,
        cwd=REPO,
    )
    return orjson.loads(done.stdout.splitlines()[-1])


def interleaved(
    bootstrap: str, archive: Path, articles: list[Article], broker_pid, events: int
) -> dict:
    """Rounds of limit, naive consumer, stream with 1 worker, stream with 2 workers, then a last
    limit. Each 1-worker run is compared with the mean of the limits just before and after its
    round, the naive and 2-worker runs with the 1-worker run of their own round, so that the
    machine's drift (runs of the same work here differ by up to 18 % a minute apart) hits both
    sides of a ratio alike. A 1-worker run with the incident stage (`events`: the versions it
    must publish) follows each 1-worker run and is compared with it."""
    limits = [limit(archive)]
    naives, ones, twos, linked = [], [], [], []
    for _ in range(ROUNDS):
        naives.append(
            through_kafka(bootstrap, articles, workers=1, naive=True, broker_pid=broker_pid)
        )
        ones.append(through_kafka(bootstrap, articles, workers=1, broker_pid=broker_pid))
        linked.append(
            through_kafka(
                bootstrap, articles, workers=1, broker_pid=broker_pid, incident_versions=events
            )
        )
        twos.append(through_kafka(bootstrap, articles, workers=2, broker_pid=broker_pid))
        limits.append(limit(archive))
    around = [
        {k: (before[k] + after[k]) / 2 for k in before}
        for before, after in itertools.pairwise(limits)
    ]
    return {
        "limits": [run["docs_per_s"] for run in limits],
        "naives": [run["docs_per_s"] for run in naives],
        "streams": [run["docs_per_s"] for run in ones],
        "streams_2": [run["docs_per_s"] for run in twos],
        "ratios": [
            run["docs_per_s"] / lim["docs_per_s"] for run, lim in zip(ones, around, strict=True)
        ],
        "scaling": [
            two["docs_per_s"] / one["docs_per_s"] for one, two in zip(ones, twos, strict=True)
        ],
        "incident_cost": [
            with_stage["elapsed"] / one["elapsed"] - 1
            for one, with_stage in zip(ones, linked, strict=True)
        ],
        "enrichment_slowdown": [
            with_stage["elapsed_enriched"] / one["elapsed_enriched"] - 1
            for one, with_stage in zip(ones, linked, strict=True)
        ],
        "cpu_seconds_incidents": [run["cpu_seconds"] for run in linked],
        "over_naive": [
            one["docs_per_s"] / n["docs_per_s"] for one, n in zip(ones, naives, strict=True)
        ],
        "breakdown": [breakdown(run, lim) for run, lim in zip(ones, around, strict=True)],
        "cpu_seconds": [run["cpu_seconds"] for run in ones],
        "cpu_seconds_2": [run["cpu_seconds"] for run in twos],
        "cpu_seconds_naive": [run["cpu_seconds"] for run in naives],
    }


def breakdown(run: dict, around: dict[str, float]) -> dict[str, float]:
    """Where a 1-worker run's wall time went, next to the limit's: the spaCy process's CPU (model
    plus extractors), its time off the CPU while busy (the other processes on the cores), and
    the rest of the wall time (filling the first batch, draining the last)."""
    busy, cpu = run["spacy_seconds"]
    return {
        "wall_s": round(run["elapsed"], 2),
        "limit_wall_s": round(around["seconds"], 2),
        "limit_cpu_s": round(around["cpu_seconds"], 2),
        "spacy_cpu_s": round(cpu, 2),
        "spacy_off_cpu_s": round(busy - cpu, 2),
        "fill_and_drain_s": round(run["elapsed"] - busy, 2),
    }


def embedded(archive: Path, count: int) -> float:
    started = time.perf_counter()
    subprocess.run(
        [NEWSFLOW, "run", str(archive), "-o", str(OUT / "embedded.jsonl")],
        check=True,
        capture_output=True,
    )
    return count / (time.perf_counter() - started)


def through_kafka(
    bootstrap: str,
    articles: list[Article],
    *,
    workers: int,
    naive: bool = False,
    rate: float | None = None,
    broker_pid: int | None = None,
    incident_versions: int | None = None,
) -> dict:
    """Start the consumers, wait until they are ready, then send; time to the last sink line.
    With `incident_versions`, an incident worker (`newsflow link`) and a sink of the incidents
    topic run too, and the time is to the last of both files' lines."""
    prefix = f"bench{uuid.uuid4().hex[:8]}"
    env = pipeline_env(bootstrap, prefix, NEWSFLOW_TOPIC_PARTITIONS="6")
    ensure_topics(settings_for(env))
    logs = OUT / prefix
    logs.mkdir(parents=True)
    if naive:
        consumers = [python_module("bench.naive", env, logs / "naive.log")]
        wait_for_log(logs / "naive.log", "naive ready", 1, 120, consumers)
    else:
        consumers = [start(["worker"], env, logs / f"worker{n}.log") for n in range(workers)]
        for n in range(workers):
            wait_for_log(logs / f"worker{n}.log", "worker ready", 1, 120, consumers)
    sink = start(["sink", "--output", str(logs / "sink.jsonl")], env, logs / "sink.log")
    wait_for_log(logs / "sink.log", "sink ready", 1, 60, [sink])
    watchers = {FileWatcher(logs / "sink.jsonl"): len(articles)}
    sinks = [sink]
    if incident_versions is not None:
        consumers.append(start(["link"], env, logs / "link.log"))
        wait_for_log(logs / "link.log", "incident worker ready", 1, 120, consumers)
        sinks.append(
            start(
                ["sink", "--topic", env["NEWSFLOW_TOPIC_INCIDENTS"], "-o", str(logs / "inc.jsonl")],
                env,
                logs / "incident-sink.log",
            )
        )
        wait_for_log(logs / "incident-sink.log", "sink ready", 1, 60, sinks)
        watchers[FileWatcher(logs / "inc.jsonl", key=incident_version)] = incident_versions
    time.sleep(5)  # let the group settle its partitions before the clock starts
    cpu_before = {p.pid: cpu_seconds(p.pid) for p in [*consumers, *sinks]}
    broker_before = cpu_seconds(broker_pid)
    sent: dict[str, float] = {}
    # Send from a thread so that arrivals are stamped while sending is still going on.
    sender = threading.Thread(
        target=lambda: sent.update(
            send_all(bootstrap, env["NEWSFLOW_TOPIC_RAW"], articles, rate=rate)
        )
    )
    started = time.monotonic()
    sender.start()
    wait_all(watchers, timeout=3600, procs=[*consumers, *sinks])
    sender.join()
    elapsed = max(max(w.seen.values()) for w in watchers) - started
    [watcher, *_] = watchers
    cpu = {
        "consumers": [round(cpu_seconds(p.pid) - cpu_before[p.pid], 1) for p in consumers],
        "sink": [round(cpu_seconds(p.pid) - cpu_before[p.pid], 1) for p in sinks],
        "broker": round(cpu_seconds(broker_pid) - broker_before, 1) if broker_pid else None,
        "wall": round(elapsed, 1),
    }
    for proc in [*consumers, *sinks]:
        stop(proc)
    latencies = sorted(watcher.seen[i] - sent[i] for i in sent)
    spacy = [spacy_seconds(logs / f"worker{n}.log") for n in range(0 if naive else workers)]
    return {
        "docs_per_s": len(articles) / elapsed,
        "elapsed": elapsed,
        "elapsed_enriched": max(watcher.seen.values()) - started,
        "latencies": latencies,
        "cpu_seconds": cpu,
        "spacy_seconds": tuple(map(sum, zip(*spacy, strict=True))) if spacy else (0.0, 0.0),
    }


def memory(bootstrap: str, count: int) -> dict:
    prefix = f"benchmem{uuid.uuid4().hex[:8]}"
    env = pipeline_env(bootstrap, prefix, NEWSFLOW_TOPIC_PARTITIONS="6")
    logs = OUT / prefix
    logs.mkdir(parents=True)
    articles = generated(count, seed=11, min_words=60, max_words=160)
    ensure_topics(settings_for(env))
    send_all(bootstrap, env["NEWSFLOW_TOPIC_RAW"], articles)
    worker = start(["worker"], env, logs / "worker.log")
    sink = start(["sink", "--output", str(logs / "sink.jsonl")], env, logs / "sink.log")
    watcher = FileWatcher(logs / "sink.jsonl")
    samples: list[tuple[int, float]] = []
    while watcher.poll() < count:
        if worker.poll() is not None or sink.poll() is not None:
            raise RuntimeError("worker or sink exited during the memory replay")
        samples.append((len(watcher.seen), rss_mib(worker.pid)))
        time.sleep(2)
    samples.append((count, rss_mib(worker.pid)))
    stop(worker)
    stop(sink)

    # Single samples swing by ±10 % (garbage collection, batch sizes), so growth compares the
    # median RSS over a tenth of the run taken once the model and the first batches are in
    # memory (5–15 % of the articles done) with the median over the last tenth (90–100 %).
    def window(low: float, high: float) -> list[float]:
        inside = [rss for done, rss in samples if low * count <= done <= high * count]
        return inside or [min(samples, key=lambda s: abs(s[0] - low * count))[1]]

    first, last = window(0.05, 0.15), window(0.90, 1.0)
    start_mib, end_mib = statistics.median(first), statistics.median(last)
    return {
        "articles": count,
        "measured": "RSS of the worker and its spaCy process together",
        "rss_start_mib": round(start_mib, 1),
        "rss_end_mib": round(end_mib, 1),
        "window_samples": [len(first), len(last)],
        "rss_growth": round(end_mib / start_mib - 1, 4),
        "rss_max_mib": round(max(r for _, r in samples), 1),
        "samples": samples[:: max(1, len(samples) // 40)],
    }


def percentile(values: list[float], q: float) -> float:
    return (
        statistics.quantiles(values, n=100, method="inclusive")[q - 1]
        if len(values) > 1
        else values[0]
    )


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    articles = corpus(ARTICLES)
    archive = OUT / "archive.jsonl"
    archive.write_bytes(b"".join(orjson.dumps(a.to_dict()) + b"\n" for a in articles))
    results: dict = {
        "articles": len(articles),
        "mean_words": round(sum(len(a.text.split()) for a in articles) / len(articles)),
    }
    results["embedded"] = embedded(archive, len(articles))
    events = sum(
        len(orjson.loads(line).get("events") or [])
        for line in (OUT / "embedded.jsonl").read_bytes().splitlines()
    )
    with broker() as (bootstrap, broker_pid):
        # Just before the first round's limit, so the two are a pair.
        per_doc = limit(archive, per_doc=True)["docs_per_s"]
        rounds = interleaved(bootstrap, archive, articles, broker_pid, events)
        naive = statistics.mean(rounds["naives"])
        one = statistics.mean(rounds["streams"])
        two = statistics.mean(rounds["streams_2"])
        half = one / 2
        latency_articles = generated(min(ARTICLES, 300), seed=5)
        timed = through_kafka(
            bootstrap, latency_articles, workers=1, rate=half, broker_pid=broker_pid
        )
        mem = memory(bootstrap, MEMORY_ARTICLES)
    lat = timed["latencies"]
    ratios = {
        "stream1_over_limit": statistics.median(rounds["ratios"]),
        "stream2_over_stream1": statistics.median(rounds["scaling"]),
        "stream1_over_naive": statistics.median(rounds["over_naive"]),
        "p99_latency_s": percentile(lat, 99),
        "rss_growth": mem["rss_growth"],
        "incident_stage_cost": statistics.median(rounds["incident_cost"]),
    }
    verdicts = {
        "stream1_over_limit": ratios["stream1_over_limit"] >= TARGETS["stream1_over_limit"],
        "stream2_over_stream1": ratios["stream2_over_stream1"] >= TARGETS["stream2_over_stream1"],
        "p99_latency_s": ratios["p99_latency_s"] <= TARGETS["p99_latency_s"],
        "rss_growth": ratios["rss_growth"] <= TARGETS["rss_growth"],
        "incident_stage_cost": ratios["incident_stage_cost"] <= TARGETS["incident_stage_cost"],
    }
    stream = {
        "articles": results["articles"],
        "mean_words": results["mean_words"],
        "docs_per_s": {
            "limit": round(statistics.mean(rounds["limits"]), 2),
            "limit_per_doc": round(per_doc, 2),
            "embedded": round(results["embedded"], 2),
            "naive": round(naive, 2),
            "stream_1_worker": round(one, 2),
            "stream_2_workers": round(two, 2),
        },
        "latency_s": {
            "rate_docs_per_s": round(half, 2),
            "articles": len(lat),
            "p50": round(percentile(lat, 50), 3),
            "p95": round(percentile(lat, 95), 3),
            "p99": round(percentile(lat, 99), 3),
        },
        "stream_1_worker_rounds": {
            "limits_docs_per_s": [round(x, 2) for x in rounds["limits"]],
            "naives_docs_per_s": [round(x, 2) for x in rounds["naives"]],
            "streams_docs_per_s": [round(x, 2) for x in rounds["streams"]],
            "streams_2_workers_docs_per_s": [round(x, 2) for x in rounds["streams_2"]],
            "stream1_over_limit": [round(x, 3) for x in rounds["ratios"]],
            "stream2_over_stream1": [round(x, 3) for x in rounds["scaling"]],
            "stream1_over_naive": [round(x, 3) for x in rounds["over_naive"]],
            "incident_stage_cost": [round(x, 3) for x in rounds["incident_cost"]],
            "enrichment_slowdown_with_incidents": [
                round(x, 3) for x in rounds["enrichment_slowdown"]
            ],
            "stream_1_worker_breakdown": rounds["breakdown"],
            "how": "rounds of limit, naive, 1 worker, 2 workers, then a last limit: each 1-worker "
            "run over the mean of the limits before and after its round, each naive and 2-worker "
            "run against the 1-worker run of its round; the verdicts are the medians of the "
            "rounds. incident_stage_cost: each 1-worker run with an incident worker and a sink of "
            f"the incidents ({events} versions, one per event) against the 1-worker run just "
            "before it, time to the last line of both files over time to the last enriched line, "
            "minus 1; enrichment_slowdown_with_incidents: the same for the last enriched line only. "
            "Each limit runs in a fresh process, cold like the worker's spaCy process. "
            "The breakdown splits each 1-worker run's wall time into the spaCy process's CPU, its "
            "time off the CPU while busy, and fill and drain; limit_*_s are the surrounding "
            "limits' means.",
        },
        "memory": mem,
        "ratios": {k: round(v, 3) for k, v in ratios.items()},
        "targets": TARGETS,
        "pass": verdicts,
        "cpu_seconds": {
            "naive": rounds["cpu_seconds_naive"],
            "stream_1_worker": rounds["cpu_seconds"],
            "stream_2_workers": rounds["cpu_seconds_2"],
            "stream_1_worker_with_incidents": rounds["cpu_seconds_incidents"],
        },
        "notes": "One run, one machine. The broker (JVM), the sink and the bench's producer share the "
        "2 cores with the workers; cpu_seconds says how much each used.",
    }
    update_report(REPORT, "stream", stream)
    _print(stream)


def _print(stream: dict) -> None:
    rates = stream["docs_per_s"]
    for name, value in rates.items():
        print(f"{name:<20}{value:9.2f} docs/s")
    lat = stream["latency_s"]
    print(
        f"{'latency @':<20}{lat['rate_docs_per_s']:9.2f} docs/s  p50 {lat['p50']}s  p95 {lat['p95']}s  "
        f"p99 {lat['p99']}s"
    )
    mem = stream["memory"]
    print(
        f"{'worker RSS':<20}{mem['rss_start_mib']} → {mem['rss_end_mib']} MiB over {mem['articles']} articles"
    )
    for name, value in stream["ratios"].items():
        verdict = stream["pass"].get(name)
        mark = "" if verdict is None else ("PASS" if verdict else "FAIL")
        print(f"{name:<22}{value:8.3f}  {mark}")


def real_articles(path: Path, count: int) -> list[Article]:
    """The first `count` articles of a JSONL file of articles, in published order: several
    reports of one incident arrive close together, as on a wire."""
    rows = [orjson.loads(line) for line in path.read_bytes().splitlines() if line.strip()]
    rows.sort(key=lambda row: str(row.get("published") or ""))
    return [article_from_mapping(row) for row in rows[:count]]


def incident_cost(articles_file: Path | None = None) -> None:
    """`python -m bench.stream --incident-cost [FILE]`: only the pairs of 1-worker runs without
    and with the incident stage (BENCH_ROUNDS pairs, BENCH_ARTICLES articles), into the section
    "stream_incident_cost" (the full bench measures them inside its rounds too). With FILE
    (real articles, e.g. gva-incidents-dev), its first articles instead of the generated
    corpus, into "stream_incident_cost_real": the generated articles repeat a few leads over
    two years, which merges them into incidents of a hundred reports and more, where real
    wires give one to five."""
    OUT.mkdir(parents=True, exist_ok=True)
    articles = corpus(ARTICLES) if articles_file is None else real_articles(articles_file, ARTICLES)
    archive = OUT / "archive.jsonl"
    archive.write_bytes(b"".join(orjson.dumps(a.to_dict()) + b"\n" for a in articles))
    embedded(archive, len(articles))
    events = sum(
        len(orjson.loads(line).get("events") or [])
        for line in (OUT / "embedded.jsonl").read_bytes().splitlines()
    )
    pairs = []
    with broker() as (bootstrap, broker_pid):
        for _ in range(ROUNDS):
            one = through_kafka(bootstrap, articles, workers=1, broker_pid=broker_pid)
            linked = through_kafka(
                bootstrap, articles, workers=1, broker_pid=broker_pid, incident_versions=events
            )
            pairs.append((one, linked))
    costs = [b["elapsed"] / a["elapsed"] - 1 for a, b in pairs]
    slowdowns = [b["elapsed_enriched"] / a["elapsed_enriched"] - 1 for a, b in pairs]
    result = {
        "articles": len(articles),
        "incident_versions": events,
        "stream_1_worker_docs_per_s": [round(a["docs_per_s"], 2) for a, _ in pairs],
        "with_incident_stage_docs_per_s": [round(b["docs_per_s"], 2) for _, b in pairs],
        "incident_stage_cost": [round(x, 3) for x in costs],
        "enrichment_slowdown": [round(x, 3) for x in slowdowns],
        "median_cost": round(statistics.median(costs), 3),
        "target": TARGETS["incident_stage_cost"],
        "pass": statistics.median(costs) <= TARGETS["incident_stage_cost"],
        "cpu_seconds_with_incident_stage": [b["cpu_seconds"] for _, b in pairs],
        "how": "pairs of runs on the same articles: 1 enrichment worker and a sink, then the same "
        "with an incident worker and a sink of news.incidents; cost = time to the last line of "
        "both files over time to the last enriched line of the run without, minus 1; "
        "enrichment_slowdown compares the last enriched lines only.",
    }
    if articles_file is not None:
        result["articles_file"] = articles_file.name
    section = "stream_incident_cost" if articles_file is None else "stream_incident_cost_real"
    update_report(REPORT, section, result)
    print(orjson.dumps(result, option=orjson.OPT_INDENT_2).decode())


if __name__ == "__main__":
    if sys.argv[1:2] == ["--incident-cost"]:
        incident_cost(Path(sys.argv[2]) if len(sys.argv) > 2 else None)
    else:
        main()
