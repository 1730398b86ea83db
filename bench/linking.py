"""Benchmark: the incident linker's memory and time per report with many open incidents.

Open incidents are made from synthetic reports (a town of 40 in 10 regions of one country, a
date in the last 30 days, a lead of 60 words and 30 names drawn from a vocabulary, as a local
story holds) and held as the linker holds them (indexed), as a busy wire would leave them; then
reports are linked against them. Writes
bench/report.json (section "linking"). Memory is traced allocation (tracemalloc) per incident.
Then the same sizes in the incident worker's table (bench/incident_table.py: resident memory
with the RocksDB store, its size on disk, the rebuild after a rebalance).
Sizes: BENCH_OPEN_INCIDENTS (default "10000,100000")."""

from __future__ import annotations

import datetime as dt
import os
import random
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import orjson

from bench.harness import REPO, update_report
from pipeline.tracking.incident import Incident, incident_id_for
from pipeline.tracking.linker import Linker
from pipeline.tracking.report import Report
from pipeline.tracking.vectors import features, name_features

REPORT = Path(__file__).with_name("report.json")
SIZES = [int(n) for n in os.environ.get("BENCH_OPEN_INCIDENTS", "10000,100000").split(",")]
LINKED = 200  # reports linked against each table, for the time per report...
LINK_BUDGET_S = 20.0  # ...or as many as fit in this time
TOWNS = [(f"Town{i}", 30 + i * 0.3, -90 - i * 0.2) for i in range(40)]
WORDS = [f"word{i}" for i in range(20_000)]
NAMES = [f"Name{i}" for i in range(50_000)]


def synthetic(n: int, rng: random.Random, day: dt.date) -> Report:
    town, lat, lon = rng.choice(TOWNS)
    lead = " ".join(rng.choices(WORDS, k=60))
    names = ". The " + " and ".join(rng.choices(NAMES, k=30))
    return Report(
        article_id=f"a{n}",
        event_id=f"a{n}#1",
        source=f"outlet{n % 300}",
        fingerprint=f"{n:016x}",
        published=day.isoformat(),
        date=day - dt.timedelta(days=rng.randint(0, 29)),  # a month of open incidents
        dated=True,
        place={
            "name": town,
            "country_code": "US",
            "lat": lat,
            "lon": lon,
            "geonameid": 1000 + TOWNS.index((town, lat, lon)),
            "feature": "city",
            "admin1": {"name": f"State{TOWNS.index((town, lat, lon)) % 10}", "code": None},
        },
        killed={"min": rng.randint(0, 3), "max": None, "qualifier": "exact"},
        injured=None,
        people=frozenset(rng.choices(NAMES, k=2)),
        organisations=frozenset(),
        weapons=frozenset({"firearm"}),
        accused=frozenset(),
        lead=features(lead),
        names=name_features(names),
    )


def table_of(
    size: int, rng: random.Random, day: dt.date, *, traced: bool = True
) -> tuple[Linker, float, float]:
    """A linker holding `size` open incidents, the traced bytes they take, and what they take
    once shrunk as quiet incidents are (0 untraced: tracing costs memory and time of its own)."""
    if traced:
        tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    linker = Linker()
    for n in range(size):
        report = synthetic(n, rng, day)
        incident = Incident(incident_id_for(report))
        incident.add(report, vectors=linker.vectors_of(report), certainty=None)
        linker.admit(incident, report)
    linker.clock = day
    used = tracemalloc.get_traced_memory()[0] - before
    shrunk = 0.0
    if traced:
        for incident in linker.open.values():
            incident.shrink()
        shrunk = tracemalloc.get_traced_memory()[0] - before
        for incident in linker.open.values():
            incident.expand(linker._weighted)
        tracemalloc.stop()
    return linker, used, shrunk


def main() -> None:
    rng = random.Random(20240101)
    day = dt.date(2024, 3, 1)
    results = {}
    for size in SIZES:
        linker, used, shrunk = table_of(size, rng, day)
        reports = [synthetic(10**7 + n, rng, day) for n in range(LINKED)]
        started = time.perf_counter()
        linked = 0
        for report in reports:
            linker.link(report)
            linked += 1
            if time.perf_counter() - started > LINK_BUDGET_S:
                break
        per_report = (time.perf_counter() - started) / linked
        results[str(size)] = {
            "open_incidents": size,
            "traced_mib": round(used / 2**20, 1),
            "kib_per_incident": round(used / size / 1024, 2),
            "kib_per_shrunk_incident": round(shrunk / size / 1024, 2),
            "ms_per_report": round(per_report * 1000, 2),
        }
        print(
            f"{size:>7} open incidents: {used / 2**20:7.1f} MiB traced "
            f"({used / size / 1024:.1f} KiB each, {shrunk / size / 1024:.1f} KiB shrunk), "
            f"{per_report * 1000:8.2f} ms per report"
        )
        del linker
        # The stream's table at this size, in a fresh process (its resident memory is its own).
        done = subprocess.run(
            [sys.executable, "-m", "bench.incident_table", str(size)],
            check=True,
            capture_output=True,
            cwd=REPO,
        )
        table = orjson.loads(done.stdout.splitlines()[-1])
        results[str(size)]["stream_table"] = table
        print(
            f"{size:>7} in the incident worker: {table['rss_mib']:7.1f} MiB resident, store "
            f"{table['store_on_disk_mib']} MiB on disk, rebuilt in {table['rebuild_s']} s, "
            f"{table['ms_per_report_with_table']} ms per report with the table written"
        )
    update_report(REPORT, "linking", results)


if __name__ == "__main__":
    main()
