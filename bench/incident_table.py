"""The incident worker's table at a given number of open incidents, in a process of its own so
that its resident memory is its own: the linker in memory plus the RocksDB store (rocksdict,
with the worker's options) that faust keeps beside its changelog. Prints one JSON object:
resident memory, the store's size on disk, the bytes of one stored incident, the time to rebuild
the linker from the store (what a restart or a rebalance costs) and the time per report linked
with the table written.

    python -m bench.incident_table SIZE"""

from __future__ import annotations

import datetime as dt
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

import orjson
from rocksdict import AccessType, BlockBasedOptions, Cache, Options, Rdict

from bench.harness import rss_mib
from bench.linking import LINK_BUDGET_S, LINKED, table_of
from bench.linking import synthetic as synthetic_report
from pipeline.stream.incidents import IncidentStage
from pipeline.stream.link_worker import STORE_OPTIONS
from pipeline.tracking.linker import Linker


def store(path: Path) -> Rdict:
    """A store opened as faust's rocksdb driver opens it, with the incident worker's options."""
    options = Options(raw_mode=True)
    options.create_if_missing(True)
    options.set_write_buffer_size(STORE_OPTIONS["write_buffer_size"])
    options.set_max_write_buffer_number(STORE_OPTIONS["max_write_buffer_number"])
    table = BlockBasedOptions()
    table.set_block_cache(Cache(STORE_OPTIONS["block_cache_size"]))
    options.set_block_based_table_factory(table)
    return Rdict(str(path), options=options, access_type=AccessType.read_write())


def main(size: int) -> dict:
    rng = random.Random(20240101)
    day = dt.date(2024, 3, 1)
    directory = Path(tempfile.mkdtemp(prefix="newsflow-table-"))
    try:
        rss_start = rss_mib(os.getpid())
        linker, _, _ = table_of(size, rng, day, traced=False)
        db = store(directory / "open-incidents")
        stored = 0
        for incident in linker.open.values():
            value = orjson.dumps({"partition": 0, **incident.state()})
            db[incident.incident_id.encode()] = value
            stored += len(value)
        db.flush()
        stage = IncidentStage(table=db, make_linker=Linker)
        stage.linkers[0] = linker
        reports = [synthetic_report(10**7 + n, rng, day) for n in range(LINKED)]
        started, linked = time.perf_counter(), 0
        for report in reports:
            stage.handle(0, report)
            linked += 1
            if time.perf_counter() - started > LINK_BUDGET_S:
                break
        per_report = (time.perf_counter() - started) / linked
        rss_full = rss_mib(os.getpid())
        stage.forget()
        del linker
        started = time.perf_counter()
        stage.linker_for(0)  # rebuilt from the store, as after a rebalance
        rebuild = time.perf_counter() - started
        db.close()
        disk = sum(f.stat().st_size for f in directory.rglob("*") if f.is_file())
    finally:
        shutil.rmtree(directory, ignore_errors=True)
    return {
        "open_incidents": size,
        "rss_mib": round(rss_full - rss_start, 1),
        "store_on_disk_mib": round(disk / 2**20, 1),
        "bytes_per_stored_incident": round(stored / size),
        "ms_per_report_with_table": round(per_report * 1000, 2),
        "rebuild_s": round(rebuild, 1),
    }


if __name__ == "__main__":
    sys.stdout.write(orjson.dumps(main(int(sys.argv[1]))).decode() + "\n")
