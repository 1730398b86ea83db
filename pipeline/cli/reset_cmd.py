"""`newsflow reset-offsets TO`: re-read the raw topic from a point (stop the workers first)."""

from __future__ import annotations

from typing import Annotated

import typer

from pipeline.cli.console import err, user_errors
from pipeline.kafka.offsets import reset_offsets
from pipeline.settings import Settings


@user_errors
def reset_offsets_cmd(
    to: Annotated[
        str, typer.Argument(help="earliest, latest, or an ISO timestamp (2024-01-01T00:00:00Z)")
    ],
    group: Annotated[
        str | None, typer.Option(help="consumer group to move (default: NEWSFLOW_CONSUMER_GROUP)")
    ] = None,
    topic: Annotated[
        str | None, typer.Option(help="topic whose offsets move (default: NEWSFLOW_TOPIC_RAW)")
    ] = None,
) -> None:
    """Move the enrichment group's offsets so archived articles are enriched again."""
    settings = Settings()
    moved = reset_offsets(
        settings, group=group or settings.consumer_group, topic=topic or settings.topic_raw, to=to
    )
    err.print(f"offsets now {moved}")
