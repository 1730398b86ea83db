"""`newsflow produce SOURCE...`: publish raw articles to the raw topic (kafka-python)."""

from __future__ import annotations

import signal
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from pipeline.cli.console import err, fail, user_errors
from pipeline.cli.progress import progress
from pipeline.errors import InputError
from pipeline.kafka.clients import producer
from pipeline.kafka.publisher import Publisher
from pipeline.kafka.topics import ensure_topics
from pipeline.records import Article
from pipeline.settings import Settings
from pipeline.sources import ReadProblem, read_paths
from pipeline.sources.feeds import is_feed_url, read_feed
from pipeline.sources.formats import FEED, described, format_of_path
from pipeline.sources.replay import in_range, paced, parse_bound
from pipeline.sources.state import SourceState
from pipeline.sources.watch import DropFolder


@dataclass
class Tally:
    offered: int = 0
    duplicates: int = 0
    out_of_range: int = 0
    bad_input: list[ReadProblem] = field(default_factory=list)


class Stop:
    """SIGINT/SIGTERM end a --follow loop after the current poll; nothing in flight is lost."""

    def __init__(self) -> None:
        self.requested = False
        for sig in (signal.SIGINT, signal.SIGTERM):
            signal.signal(sig, self._request)

    def _request(self, *_: object) -> None:
        self.requested = True

    def sleep(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while not self.requested and time.monotonic() < deadline:
            time.sleep(min(0.2, deadline - time.monotonic()))


def _split(sources: list[str]) -> tuple[list[str], list[str], list[Path]]:
    feeds, files, folders = [], [], []
    for source in sources:
        path = Path(source)
        if is_feed_url(source) or (path.is_file() and format_of_path(path) is FEED):
            feeds.append(source)
        elif path.is_dir():
            folders.append(path)
        else:
            files.append(source)
    return feeds, files, folders


@user_errors
def produce(
    sources: Annotated[
        list[str],
        typer.Argument(
            help=described() + "; http(s) feed URLs are polled, directories watched with --follow"
        ),
    ],
    follow: Annotated[
        bool,
        typer.Option(help="keep polling feeds and watching directories until Ctrl-C / SIGTERM"),
    ] = False,
    interval: Annotated[
        float, typer.Option(help="seconds between polls with --follow", min=0.5)
    ] = 60.0,
    replay_speed: Annotated[
        float | None,
        typer.Option(
            help="replay archives in published order, spaced by published-time gaps / X (0 = no waiting)",
            min=0,
        ),
    ] = None,
    since: Annotated[
        str | None, typer.Option(help="only articles published at or after (ISO date/time)")
    ] = None,
    until: Annotated[
        str | None, typer.Option(help="only articles published before (ISO date/time)")
    ] = None,
    state: Annotated[
        Path,
        typer.Option(help="where sent feed items and read drop files are remembered between runs"),
    ] = Path(".newsflow/state.json"),
    topic: Annotated[
        str | None, typer.Option(help="topic to publish to (default: NEWSFLOW_TOPIC_RAW)")
    ] = None,
) -> None:
    """Publish articles to the raw topic, keyed by article id, with acks=all and idempotence.

    Bad input is reported with its file and line and skipped; feed items already sent (by guid or
    link) are never sent again. A summary of sent / duplicate / failed ends the run."""
    settings = Settings()
    lower, upper = parse_bound(since), parse_bound(until)
    feeds, files, folders = _split(sources)
    memory = SourceState(state)
    ensure_topics(settings)
    publisher = Publisher(producer(settings), topic or settings.topic_raw)
    tally = Tally()
    sent_ids: set[str] = set()
    stop = Stop()

    def offer(article: Article, on_sent=None) -> None:
        if not in_range(article, lower, upper):
            tally.out_of_range += 1
            return
        if article.id in sent_ids:
            tally.duplicates += 1
            return
        sent_ids.add(article.id)
        tally.offered += 1
        publisher.send(article, on_sent)

    def articles_of(paths: list[str]) -> Iterator[Article]:
        for item in read_paths(paths, max_text_chars=settings.max_text_chars):
            if isinstance(item, ReadProblem):
                tally.bad_input.append(item)
                err.print(f"[yellow]skipped[/] {item}")
            else:
                yield item

    try:
        with progress(known_total=False) as bar:
            task = bar.add_task("publishing", total=None, rate="")

            def advance() -> None:
                elapsed = max(time.monotonic() - started, 1e-9)
                bar.update(task, completed=tally.offered, rate=f"{tally.offered / elapsed:.0f}/s")

            started = time.monotonic()
            archive = articles_of(files + [str(f) for f in folders if not follow])
            if replay_speed is not None:
                archive = paced(archive, replay_speed, sleep=stop.sleep)
            for article in archive:
                if stop.requested:
                    break
                offer(article)
                advance()
            publisher.flush()
            drops = [DropFolder(f, memory) for f in folders] if follow else []
            while True:
                _poll_feeds(feeds, memory, settings, offer, tally)
                for folder in drops:
                    for path in folder.new_files():
                        for article in articles_of([str(path)]):
                            offer(article)
                        folder.done(path)
                advance()
                publisher.flush()
                memory.save()
                if not follow or stop.requested:
                    break
                stop.sleep(interval)
    finally:
        publisher.close()
        memory.save()
    _summary(tally, publisher)
    if publisher.delivery.failed:
        raise typer.Exit(1)
    if publisher.delivery.sent == 0 and tally.bad_input and not tally.duplicates:
        raise fail("nothing could be published", code=1)


def _poll_feeds(
    feeds: list[str], memory: SourceState, settings: Settings, offer, tally: Tally
) -> None:
    for feed in feeds:
        try:
            items = list(read_feed(feed, memory, max_text_chars=settings.max_text_chars))
        except InputError as exc:
            tally.bad_input.append(ReadProblem(exc.where or feed, exc.reason))
            err.print(f"[yellow]feed skipped[/] {exc}")
            continue
        for feed_item in items:
            if isinstance(feed_item.item, ReadProblem):
                tally.bad_input.append(feed_item.item)
                continue
            if memory.seen(feed, feed_item.guid):
                tally.duplicates += 1
                continue

            def remember(ok: bool, source: str = feed, guid: str = feed_item.guid) -> None:
                if ok:  # only what the broker acknowledged counts as sent
                    memory.mark(source, guid)

            offer(feed_item.item, remember)


def _summary(tally: Tally, publisher: Publisher) -> None:
    delivery = publisher.delivery
    table = Table(title="newsflow produce", show_header=False)
    table.add_row("sent (acknowledged)", str(delivery.sent))
    table.add_row("skipped as duplicate", str(tally.duplicates))
    table.add_row("outside --since/--until", str(tally.out_of_range))
    table.add_row("bad input", str(len(tally.bad_input)))
    table.add_row("failed to send", str(len(delivery.failed)))
    err.print(table)
    for article_id, reason in delivery.failed[:20]:
        err.print(f"[red]failed[/] {article_id}: {reason}")
