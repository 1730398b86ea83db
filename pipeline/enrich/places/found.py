"""A place the article names, as the place extractor returns it and the record carries it."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Admin1:
    name: str
    code: str | None  # ISO 3166-2 where known


@dataclass(frozen=True, slots=True, kw_only=True)
class PartOf:
    """The city a neighbourhood listed as a town lies in."""

    name: str
    geonameid: int | None
    lat: float
    lon: float


@dataclass(slots=True, kw_only=True)
class FoundPlace:
    name: str
    country_code: str
    lat: float
    lon: float
    geonameid: int | None
    feature: str  # city | admin2 | admin1 | country
    admin1: Admin1 | None
    dateline: bool = False  # named by the dateline
    mentions: list[list[int]] = field(default_factory=list)  # [start, end] character offsets
    # Starts of the mentions that say where someone or something came from ("militants from
    # Afghanistan"): no incident happens there for saying so.
    origins: set[int] = field(default_factory=set)
    # Starts of the mentions that say where someone lives ("a Kent boy"): the story is told in
    # that region, but what happened to them may have happened in another town of it.
    homes: set[int] = field(default_factory=set)
    # Starts of the mentions that name the town's own police ("Cincinnati police said"): the
    # town whose force answers a call is where local news files it.
    agencies: set[int] = field(default_factory=set)
    part_of: PartOf | None = None
    population: int = 0  # the gazetteer's; 0 for regions and countries
    county: str | None = None  # a US town's county (GeoNames admin2), a county's own name

    @property
    def located(self) -> int:
        """How many of its mentions say where something is or happened."""
        return len(self.mentions) - len(self.origins)

    @property
    def region(self) -> str | None:
        """The first-level region it is or lies in (a country lies in none)."""
        if self.feature == "admin1":
            return self.name
        return self.admin1.name if self.admin1 is not None else None

    def as_record(self) -> dict:
        record = self._common()
        record["dateline"] = self.dateline
        record["mentions"] = self.mentions
        if self.part_of is not None:
            part = self.part_of
            record["part_of"] = {
                "name": part.name,
                "geonameid": part.geonameid,
                "lat": part.lat,
                "lon": part.lon,
            }
        return record

    def as_incident_place(self) -> dict:
        """The incident's place as downstream users file it: a neighbourhood listed as a town
        is given as the city it lies in (the article's places keep the neighbourhood)."""
        record = self._common()
        if self.part_of is not None:
            part = self.part_of
            record |= {"name": part.name, "geonameid": part.geonameid}
            record |= {"lat": part.lat, "lon": part.lon}
        return record

    def _common(self) -> dict:
        return {
            "name": self.name,
            "country_code": self.country_code,
            "lat": self.lat,
            "lon": self.lon,
            "geonameid": self.geonameid,
            "feature": self.feature,
            "admin1": None
            if self.admin1 is None
            else {"name": self.admin1.name, "code": self.admin1.code},
        }
