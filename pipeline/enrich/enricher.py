"""Article → enriched record. One spaCy pass per article (batched with nlp.pipe), then the
extractors over the Doc. Used by `newsflow run` and by the stream worker alike."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc

from pipeline import __version__
from pipeline.enrich.casualties.figures import extract_figures
from pipeline.enrich.common.model import load_nlp
from pipeline.enrich.common.tokens import columns
from pipeline.enrich.dates.expressions import extract_dates
from pipeline.enrich.dates.roles import death_date_starts, process_date_starts, timestamp_starts
from pipeline.enrich.entities import extract_entities
from pipeline.enrich.headline import analysed_text, text_spans_only
from pipeline.enrich.incidents.accused import extract_accused
from pipeline.enrich.incidents.assemble import (
    Findings,
    build_sentences,
    describe,
    group_events,
    link_breakdowns,
)
from pipeline.enrich.incidents.metro import without_metro_areas
from pipeline.enrich.incidents.weapons import extract_weapons
from pipeline.enrich.places.dateline import find_dateline
from pipeline.enrich.places.gazetteer import Gazetteer, get_gazetteer
from pipeline.enrich.places.outlet import known_outlet, outlet_country, outlet_place
from pipeline.enrich.places.resolve import (
    country_clue,
    extract_places,
    outlet_clue,
    outlet_home,
)
from pipeline.records import Article
from pipeline.records.schema import ENRICHED_SCHEMA_ID

ENRICHED_SCHEMA = ENRICHED_SCHEMA_ID


@dataclass(frozen=True, slots=True)
class EnrichFailure:
    """An article the extractors could not handle; the stream sends it to the dead-letter topic."""

    article: Article
    reason: str


class Enricher:
    def __init__(
        self,
        *,
        nlp: Language | None = None,
        gazetteer: Gazetteer | None = None,
        batch_size: int = 32,
    ) -> None:
        self.nlp = nlp if nlp is not None else load_nlp()
        self.gazetteer = gazetteer or get_gazetteer()
        self.batch_size = batch_size

    def enrich(self, article: Article) -> dict:
        return self.record(article, self.nlp(analysed_text(article)[0]))

    def enrich_many(self, articles: Iterable[Article]) -> Iterator[dict | EnrichFailure]:
        pairs = ((analysed_text(a)[0], a) for a in articles)
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=self.batch_size):
            try:
                yield self.record(article, doc)
            except Exception as exc:  # one bad article must not stop the others
                yield EnrichFailure(article, f"{type(exc).__name__}: {exc}")

    def record(self, article: Article, doc: Doc) -> dict:
        """`doc`: of the title and the text (headline.analysed_text), or of the text alone."""
        published = article.published_date
        text, offset = analysed_text(article)
        if doc.text != text:
            text, offset = article.text, 0
        columns(doc, text=text)  # built once here, from the text the Doc came from
        figures = extract_figures(doc, headline_end=offset)
        dates = extract_dates(doc, published)
        dateline = find_dateline(article.text, self.gazetteer.__contains__)
        if dateline is not None and offset:
            dateline = replace(
                dateline,
                start=dateline.start + offset,
                end=dateline.end + offset,
                line_end=dateline.line_end + offset,
            )
        outlet = outlet_place(article.url, self.gazetteer, title=article.title or "")
        outlet_nation = outlet_country(article.source, outlet, self.gazetteer)
        # An outlet known only by its name ("Dawn") still says which country's namesake it means.
        places = extract_places(
            doc, self.gazetteer, dateline=dateline, outlet=outlet or outlet_nation
        )
        weapons = extract_weapons(doc)
        accused = extract_accused(doc)
        bounds = (
            [(s.start_char, s.end_char) for s in doc.sents]
            if doc.has_annotation("SENT_START")
            else [(0, len(columns(doc).full_text))]
        )
        cols = columns(doc)
        # what the events are placed by; the record lists every place
        located = without_metro_areas(places, cols.full_text)
        sentences = build_sentences(
            Findings(
                text=cols.full_text,
                lower=cols.lower_text,
                bounds=bounds,
                figures=figures,
                dates=dates,
                places=located,
                weapons=weapons,
                accused=accused,
                process_dates=process_date_starts(doc, dates)
                | timestamp_starts(cols.full_text, dates),
                death_dates=death_date_starts(doc, dates),
            )
        )
        listed = known_outlet(article.source, article.url, self.gazetteer)
        clue = (
            outlet_clue(listed) or country_clue(doc, self.gazetteer) or outlet_clue(outlet_nation)
        )
        # The outlet's own country settles a tie between countries the story names equally.
        teller = listed or outlet_nation
        told_from = teller.country_code if teller is not None else None
        home = outlet_home(outlet, self.gazetteer)
        events = group_events(
            sentences,
            published.isoformat(),
            dateline.line_end if dateline else None,
            text=cols.full_text,
            text_start=offset,
        )
        link_breakdowns(events)
        position = {id(f): i for i, f in enumerate(figures)}
        record = {
            "schema": ENRICHED_SCHEMA,
            "id": article.id,
            "published": article.published,
            "title": article.title,
            "source": article.source,
            "url": article.url,
            "text": article.text,
            "pipeline_version": __version__,
            "entities": [e.as_record() for e in extract_entities(doc)],
            "places": [p.as_record() for p in places],
            "dates": [d.as_record() for d in dates],
            "casualties": [
                f.as_record(position.get(id(f.parent)) if f.parent is not None else None)
                for f in figures
            ],
            "events": [
                describe(e, n, article.id, located, published.isoformat(), clue, home, told_from)
                for n, e in enumerate(events, start=1)
            ],
        }
        return text_spans_only(record, offset)
