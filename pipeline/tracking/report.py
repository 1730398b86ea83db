"""One event of an enriched article as the incident linker sees it: when, where, how many, who
is named, from which outlet, and the hashed words of the article's lead."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from array import array
from dataclasses import dataclass

from pipeline.enrich.places.outlet import outlet_label
from pipeline.errors import InputError
from pipeline.records.article import parse_published
from pipeline.tracking.vectors import features, name_features

# Organisations every story of a town names (its police, its hospital) say nothing about which
# incident it is: only names without these words count.
GENERIC_ORGANISATION_WORDS = frozenset(
    [
        "police",
        "department",
        "sheriff",
        "office",
        "county",
        "city",
        "court",
        "hospital",
        "news",
        "university",
        "school",
        "college",
        "state",
        "patrol",
        "fbi",
        "bureau",
        "medical",
        "center",
        "examiner",
        "coroner",
        "fire",
        "rescue",
    ]
)
# A syndicated copy carries the same text under another outlet's name: its first words decide.
FINGERPRINT_CHARS = 400
SNIPPET_CHARS = 200
_NOT_WORD = re.compile(r"\W+")


@dataclass(frozen=True, slots=True, kw_only=True)
class Report:
    article_id: str
    event_id: str
    source: str  # the outlet: the record's source, else its web address's name
    fingerprint: str  # of the text's opening words: copies of one text share it
    published: str  # as the article gives it (first_seen / last_updated of incidents)
    date: dt.date
    dated: bool  # the date comes from the text, not from the publication date
    place: dict | None  # the event's place record
    killed: dict | None  # the event's figure records
    injured: dict | None
    people: frozenset[str]  # surnames of the people named, lower-case
    organisations: frozenset[str]  # organisations named, other than a town's police, courts...
    weapons: frozenset[str]
    accused: frozenset[str]
    lead: array  # hashed words of the title and lead (vectors.features)
    names: array  # hashed runs of capitalised words of the text (vectors.name_features)
    title: str = ""  # for the people reading the incident (the map's article list)
    url: str | None = None
    snippet: str = ""  # the text's opening words, for the same readers
    # the attackers' own figures, as the event keeps them apart: {"killed": …, "injured": …}
    perpetrators: dict | None = None

    def figure(self, kind: str, *, attackers: bool = False) -> dict | None:
        """The event's figure of `kind` ("killed", "injured"): the victims', or the attackers'."""
        if attackers:
            return (self.perpetrators or {}).get(kind)
        return self.killed if kind == "killed" else self.injured

    @property
    def counts(self) -> bool:
        """The report gives some figure (victims' or attackers'): it has a say in the tolls."""
        return any(
            self.figure(kind, attackers=side) is not None
            for kind in ("killed", "injured")
            for side in (False, True)
        )

    @property
    def country(self) -> str | None:
        return self.place["country_code"] if self.place else None

    @property
    def region(self) -> str | None:
        admin1 = self.place.get("admin1") if self.place else None
        return admin1["name"] if admin1 else None

    @property
    def town(self) -> str | None:
        return self.place["name"] if self.place and self.place.get("feature") == "city" else None

    @property
    def published_day(self) -> dt.date | None:
        """The publication day, as the enricher reads it (Article.published_date)."""
        try:
            return parse_published(self.published).date()
        except InputError:
            return None

    @property
    def town_key(self) -> str | None:
        """What tells two towns apart: the GeoNames id, else the name."""
        if self.town is None or self.place is None:
            return None
        return str(self.place.get("geonameid") or self.town)

    @property
    def coordinates(self) -> tuple[float, float] | None:
        if not self.place or self.place.get("lat") is None or self.place.get("feature") != "city":
            return None
        return self.place["lat"], self.place["lon"]


def reports_of(record: dict) -> list[Report]:
    """One report per event of an enriched record, in the record's order."""
    text = record.get("text") or ""
    title = record.get("title") or ""
    people, organisations = _names(record)
    lead = features(f"{title}. {text}")
    name_runs = name_features(text)
    source = record.get("source") or outlet_label(record.get("url")) or "unknown"
    fingerprint = hashlib.blake2b(
        _NOT_WORD.sub(" ", text[:FINGERPRINT_CHARS].lower()).strip().encode(), digest_size=8
    ).hexdigest()
    published = record.get("published") or ""
    reports = []
    for event in record.get("events") or []:
        reports.append(
            Report(
                article_id=record["id"],
                event_id=event["event_id"],
                source=source,
                fingerprint=fingerprint,
                published=published,
                date=dt.date.fromisoformat(event["date"][:10]),
                dated=event.get("date_basis") != "published",
                place=event.get("place"),
                killed=event.get("killed"),
                injured=event.get("injured"),
                people=people,
                organisations=organisations,
                weapons=frozenset(event.get("weapons") or ()),
                accused=frozenset(event.get("accused") or ()),
                lead=lead,
                names=name_runs,
                title=title,
                url=record.get("url"),
                snippet=snippet_of(text),
                perpetrators=event.get("perpetrators"),
            )
        )
    return reports


def snippet_of(text: str) -> str:
    """About the first SNIPPET_CHARS characters of the text, cut at a word, on one line."""
    flat = " ".join(text[: SNIPPET_CHARS + 40].split())
    if len(flat) <= SNIPPET_CHARS:
        return flat
    return flat[:SNIPPET_CHARS].rsplit(" ", 1)[0] + " …"


def _names(record: dict) -> tuple[frozenset[str], frozenset[str]]:
    people, organisations = set(), set()
    for entity in record.get("entities") or []:
        words = entity["text"].lower().replace("'s", "").split()
        if entity["label"] == "PERSON" and len(words) >= 2:
            # a surname: follow-ups drop the first name ("Smith, 34, died on Sunday")
            people.add(words[-1])
        elif (
            entity["label"] == "ORG"
            and len(words) >= 2
            and not GENERIC_ORGANISATION_WORDS.intersection(words)
        ):
            organisations.add(" ".join(w for w in words if w != "the"))
    return frozenset(people), frozenset(organisations)


def report_state(report: Report) -> dict:
    """The report as JSON-ready data (a stream worker's table, the repartition topic)."""
    return {
        "article_id": report.article_id,
        "event_id": report.event_id,
        "source": report.source,
        "fingerprint": report.fingerprint,
        "published": report.published,
        "date": report.date.isoformat(),
        "dated": report.dated,
        "place": report.place,
        "killed": report.killed,
        "injured": report.injured,
        "people": sorted(report.people),
        "organisations": sorted(report.organisations),
        "weapons": sorted(report.weapons),
        "accused": sorted(report.accused),
        "lead": report.lead.tolist(),
        "names": report.names.tolist(),
        "title": report.title,
        "url": report.url,
        "snippet": report.snippet,
        "perpetrators": report.perpetrators,
    }


def report_from_state(state: dict) -> Report:
    return Report(
        **{key: state[key] for key in _AS_IS},
        date=dt.date.fromisoformat(state["date"]),
        **{key: frozenset(state[key]) for key in _SETS},
        lead=array("I", state["lead"]),
        names=array("I", state["names"]),
        title=state.get("title", ""),  # states stored before titles were kept have none
        url=state.get("url"),
        snippet=state.get("snippet", ""),
        perpetrators=state.get("perpetrators"),  # none in states stored before stop 32
    )


_AS_IS = (
    "article_id",
    "event_id",
    "source",
    "fingerprint",
    "published",
    "dated",
    "place",
    "killed",
    "injured",
)
_SETS = ("people", "organisations", "weapons", "accused")
