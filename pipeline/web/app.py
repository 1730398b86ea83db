"""The ASGI app: the map page, the JSON API over the incident store, live updates, health."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
from collections.abc import AsyncIterator
from importlib.resources import files
from typing import Annotated

import orjson
from fastapi import FastAPI, Query, Request
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from sse_starlette import EventSourceResponse

from pipeline.errors import InputError
from pipeline.web.api_docs import incident_list_response, incident_response
from pipeline.web.feeds import FeedState, run_guarded
from pipeline.web.hub import Hub
from pipeline.web.metrics import ServeMetrics
from pipeline.web.query import MAX_LIMIT, decode_cursor, encode_cursor, parse_filters
from pipeline.web.store import IncidentStore

log = logging.getLogger(__name__)
STATIC = files("pipeline").joinpath("web", "static")
# The page runs only its own scripts: a title carrying <script> or an onerror attribute that
# slipped into the DOM still could not run.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; object-src 'none'; "
    "base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


class JSON(Response):
    media_type = "application/json"

    def render(self, content: object) -> bytes:
        return orjson.dumps(content)


def create_app(*, feed, store: IncidentStore) -> FastAPI:
    """`feed` has a `state` (FeedState) and a blocking `run(deliver)`; it runs in a thread."""
    hub = Hub()
    metrics = ServeMetrics(store=store, hub=hub, feed=feed.state)

    def apply(batch: list[dict]) -> None:
        for record in batch:
            try:
                changed = store.put(record)
            except (InputError, TypeError, ValueError, AttributeError) as exc:
                # A malformed version is counted and logged; the map goes on with the rest.
                feed.state.rejected += 1
                log.warning("incident version skipped: %s: %s", type(exc).__name__, exc)
                continue
            if changed:
                metrics.versions.inc()
                hub.publish(record)
        store.evict()

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        loop = asyncio.get_running_loop()
        thread = threading.Thread(
            target=run_guarded,
            args=(feed, lambda batch: loop.call_soon_threadsafe(apply, batch)),
            name="incident-feed",
            daemon=True,
        )
        thread.start()
        yield
        feed.state.stop.set()
        hub.close()
        await asyncio.to_thread(thread.join, 5)

    app = FastAPI(
        title="newsflow incidents",
        summary="Incidents linked across articles, latest version of each, live.",
        version="1",
        lifespan=lifespan,
        default_response_class=JSON,
    )

    @app.middleware("http")
    async def headers(request: Request, call_next):
        response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    @app.exception_handler(InputError)
    async def bad_input(request: Request, exc: InputError) -> JSONResponse:
        return JSONResponse({"error": exc.reason}, status_code=422)

    @app.get("/", include_in_schema=False)
    async def index() -> FileResponse:
        return FileResponse(str(STATIC.joinpath("index.html")))

    @app.get("/api/incidents", responses=incident_list_response())
    async def incidents(
        since: Annotated[str | None, Query(description="incident date from (YYYY-MM-DD)")] = None,
        until: Annotated[str | None, Query(description="incident date to, inclusive")] = None,
        country: Annotated[str | None, Query(description="ISO codes, comma-separated")] = None,
        min_killed: Annotated[int, Query(ge=0, description="killed (best figure) ≥ N")] = 0,
        bbox: Annotated[str | None, Query(description="west,south,east,north degrees")] = None,
        q: Annotated[str | None, Query(description="words in place, accused or weapons")] = None,
        limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 100,
        cursor: Annotated[str | None, Query(description="`next` of the previous page")] = None,
    ) -> JSON:
        """Incidents matching every filter given, the most recently updated first."""
        filters = parse_filters(
            since=since, until=until, country=country, min_killed=min_killed, bbox=bbox, q=q
        )
        after = decode_cursor(cursor) if cursor else None
        items, last = store.page(filters, limit=limit, after=after)
        return JSON({"items": items, "next": encode_cursor(last) if last else None})

    @app.get("/api/incidents/{incident_id}", responses=incident_response())
    async def incident(incident_id: str) -> JSON:
        """The latest version of one incident, with its revisions and articles."""
        record = store.get(incident_id)
        if record is None:
            return JSON({"error": f"no incident {incident_id} is held"}, status_code=404)
        return JSON(record)

    @app.get("/api/stream")
    async def stream() -> EventSourceResponse:
        """Server-sent events: `incident` events, one per new incident version."""

        async def events() -> AsyncIterator[dict]:
            queue = hub.subscribe()  # here: a client gone before its stream starts leaves none
            try:
                while (record := await queue.get()) is not None:
                    yield {
                        "event": "incident",
                        "id": f"{record['incident_id']}@{record['version']}",
                        "data": orjson.dumps(record).decode(),
                    }
            finally:
                hub.unsubscribe(queue)

        return EventSourceResponse(events(), ping=15)

    @app.get("/healthz")
    async def healthz() -> JSON:
        """200 while the feed runs (`caught_up` once the backlog is read), 503 once it stopped."""
        state: FeedState = feed.state
        body = {
            "status": "failing" if state.error else "ok",
            "feed": state.kind,
            "caught_up": state.caught_up,
            "incidents": len(store),
            "error": state.error,
        }
        return JSON(body, status_code=503 if state.error else 200)

    @app.get("/metrics", include_in_schema=False)
    async def prometheus() -> Response:
        return Response(metrics.render(), media_type=metrics.content_type)

    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    return app
