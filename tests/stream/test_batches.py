"""The batch lifecycle driven by fake topics and a fake spaCy process: what is acknowledged,
when, and what is never acknowledged."""

from __future__ import annotations

import asyncio
import logging
from types import SimpleNamespace

import orjson
import pytest

from pipeline.kafka.codec import encode_article
from pipeline.records import Article
from pipeline.stream.batches import BatchLifecycle, Outputs
from pipeline.stream.nlp_process import BatchResult, Enriched, Failed


class FakeTopic:
    """Records what was sent; each send is confirmed at once unless told to fail."""

    def __init__(self, log: list, name: str, *, fail: bool = False) -> None:
        self.log, self.name, self.fail = log, name, fail

    async def send(self, *, key, value, headers):
        self.log.append((self.name, key))
        confirmed = asyncio.get_running_loop().create_future()
        if self.fail:
            confirmed.set_exception(ConnectionError("broker gone"))
        else:
            confirmed.set_result(None)
        return confirmed


class FakeNlp:
    """Enriches each article into one event, or fails the ones whose text says so. Each batch
    finishes only when the test releases it, so batches can finish out of order."""

    def __init__(self) -> None:
        self.pending: list[tuple[asyncio.Future, list[Article]]] = []

    def submit(self, articles: list[Article]) -> asyncio.Future:
        gate = asyncio.get_running_loop().create_future()
        self.pending.append((gate, articles))
        return gate

    async def results(self, articles, submitted) -> BatchResult:
        await submitted
        items = [
            Failed("spaCy choked")
            if "choke" in a.text
            else Enriched(a.id.encode(), b"{}", [(f"{a.id}-e".encode(), b"{}")])
            for a in articles
        ]
        return BatchResult(items, 0.0, 0.0)

    def release(self, index: int) -> None:
        gate = self.pending[index][0]
        if not gate.done():  # a cancelled batch cancels its wait on spaCy too
            gate.set_result(None)


def _taken(n: int, text: str = "Two people were shot.") -> SimpleNamespace:
    _, value = encode_article(Article(id=f"a{n}", published="2024-03-05", text=text))
    message = SimpleNamespace(topic="raw", partition=0, offset=n, key=f"a{n}".encode(), value=value)
    return SimpleNamespace(message=message)


def _lifecycle(log: list, nlp: FakeNlp, *, fail_events: bool = False, stop=lambda: False):
    fatal: list[BaseException] = []

    async def acknowledge(taken) -> None:
        log.append(("ack", taken.message.offset))

    lifecycle = BatchLifecycle(
        nlp=nlp,
        outputs=Outputs(
            enriched=FakeTopic(log, "enriched"),
            events=FakeTopic(log, "events", fail=fail_events),
            dlq=FakeTopic(log, "dlq"),
        ),
        acknowledge=acknowledge,
        on_fatal=fatal.append,
        stopping=stop,
        max_text_chars=10_000,
        logger=logging.getLogger("test"),
    )
    return lifecycle, fatal


async def _batches(*batches):
    for batch in batches:
        yield batch
        await asyncio.sleep(0)


def test_batches_are_acknowledged_in_input_order_even_when_the_later_finishes_first() -> None:
    async def scenario():
        log: list = []
        nlp = FakeNlp()
        lifecycle, fatal = _lifecycle(log, nlp)
        run = asyncio.create_task(lifecycle.run(_batches([_taken(0), _taken(1)], [_taken(2)])))
        while len(nlp.pending) < 2:
            await asyncio.sleep(0)
        nlp.release(1)  # the second batch is done first
        await asyncio.sleep(0.01)
        assert log == []  # but nothing of it leaves before the first batch
        nlp.release(0)
        await run
        return log, fatal

    log, fatal = asyncio.run(scenario())
    assert log == [
        ("enriched", b"a0"),
        ("events", b"a0-e"),
        ("enriched", b"a1"),
        ("events", b"a1-e"),
        ("ack", 0),
        ("ack", 1),
        ("enriched", b"a2"),
        ("events", b"a2-e"),
        ("ack", 2),
    ]
    assert fatal == []


def test_poison_records_mid_batch_go_to_the_dlq_and_the_batch_is_still_acknowledged() -> None:
    async def scenario():
        log: list = []
        nlp = FakeNlp()
        lifecycle, fatal = _lifecycle(log, nlp)
        unreadable = _taken(1)
        unreadable.message.value = b"\xff not utf-8"
        batch = [_taken(0), unreadable, _taken(2, "a text that will choke"), _taken(3)]
        run = asyncio.create_task(lifecycle.run(_batches(batch)))
        while not nlp.pending:
            await asyncio.sleep(0)
        assert [a.id for a in nlp.pending[0][1]] == ["a0", "a2", "a3"]  # decoded ones only
        nlp.release(0)
        await run
        return log, fatal

    log, fatal = asyncio.run(scenario())
    assert log == [
        ("dlq", b"a1"),  # undecodable: dead-lettered before the batch is queued
        ("enriched", b"a0"),
        ("events", b"a0-e"),
        ("dlq", b"a2"),  # failed in spaCy
        ("enriched", b"a3"),
        ("events", b"a3-e"),
        ("ack", 0),
        ("ack", 1),
        ("ack", 2),
        ("ack", 3),
    ]
    assert fatal == []


def test_a_batch_whose_outputs_fail_is_never_acknowledged_and_stops_the_worker() -> None:
    async def scenario():
        log: list = []
        nlp = FakeNlp()
        lifecycle, fatal = _lifecycle(log, nlp, fail_events=True)
        run = asyncio.create_task(lifecycle.run(_batches([_taken(0)])))
        while not nlp.pending:
            await asyncio.sleep(0)
        nlp.release(0)
        with pytest.raises(ConnectionError):
            await run
        await asyncio.sleep(0)  # let the done-callback run
        return log, fatal

    log, fatal = asyncio.run(scenario())
    assert not any(entry[0] == "ack" for entry in log)
    assert [type(e) for e in fatal] == [ConnectionError]


def test_shutdown_with_a_batch_in_flight_leaves_it_unacknowledged() -> None:
    async def scenario():
        log: list = []
        nlp = FakeNlp()
        stopping = False
        lifecycle, fatal = _lifecycle(log, nlp, stop=lambda: stopping)

        async def stream():
            yield [_taken(0)]
            await asyncio.Event().wait()  # the stream stays open until the worker stops

        run = asyncio.create_task(lifecycle.run(stream()))
        while not nlp.pending:
            await asyncio.sleep(0)
        stopping = True
        run.cancel()  # faust cancels the agent on stop
        with pytest.raises(asyncio.CancelledError):
            await run
        nlp.release(0)  # spaCy finishes after the stop: too late to acknowledge
        await asyncio.sleep(0.01)
        return log, fatal

    log, fatal = asyncio.run(scenario())
    assert log == []
    assert fatal == []


def test_dead_letters_carry_the_reason_stage_and_original_bytes() -> None:
    sent: list = []

    class Dlq(FakeTopic):
        async def send(self, *, key, value, headers):
            sent.append((orjson.loads(value), dict(headers)))
            return await super().send(key=key, value=value, headers=headers)

    async def scenario():
        log: list = []
        lifecycle, _ = _lifecycle(log, FakeNlp())
        lifecycle.outputs = Outputs(
            enriched=FakeTopic(log, "enriched"),
            events=FakeTopic(log, "events"),
            dlq=Dlq(log, "dlq"),
        )
        taken = _taken(7)
        taken.message.value = b"{not json"
        await lifecycle.start([taken])

    asyncio.run(scenario())
    [(letter, headers)] = sent
    assert letter["stage"] == "decode" and letter["reason"].startswith("not JSON")
    assert letter["source"] == {"topic": "raw", "partition": 0, "offset": 7}
    assert headers["schema"] == b"newsflow.dlq/1"
