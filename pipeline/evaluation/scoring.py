"""Exact-match scores of an article's primary event against a labelled row: killed, injured,
event date, and (when the row has them) country, US state and city.

A figure's point value is the number the text states for "more than N", else its lower bound
(its upper bound for "up to N"); an unspecified amount ("numerous injuries") has none. How a
null or a zero in the row is read depends on the set (see datasets.Conventions): where null
means "not coded" the field is not scored, and a zero is matched by no figure as well as by 0.
A number where the row has none (hand-coded sets) or 0 (labelled sets) is counted as invented:
it is the error downstream users mind most.

Killed and injured are scored twice, for the victims alone and for victims plus attackers
(`perpetrators` of the event); the set's conventions say which one is its score of record."""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from pipeline.evaluation.causes import miss_cause
from pipeline.evaluation.datasets import CONVENTIONS, Conventions, Kind
from pipeline.evaluation.places import country_code, us_state_code

FIGURES = ("killed", "injured")
FIELDS = ("killed", "injured", "event_date", "country", "state", "city")
CORE_FIELDS = ("killed", "injured", "event_date")


def point_value(figure: dict | None, *, estimates: bool = False) -> int | None:
    """The number the text states for 'more than 20' / 'fewer than 5' (as incident coders record
    it), else the lower bound, else the upper bound ('up to 40'), else (for sets whose coders do
    so) a vague amount's conventional estimate ('several' = 3)."""
    if not figure:
        return None
    if figure.get("qualifier") == "more_than" and figure.get("min") is not None:
        return figure["min"] - 1
    if figure.get("qualifier") == "fewer_than" and figure.get("max") is not None:
        return figure["max"] + 1
    for key in ("min", "max", "estimate") if estimates else ("min", "max"):
        if figure.get(key) is not None:
            return figure[key]
    return None


def normalize_name(name: str | None) -> str:
    if not name:
        return ""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    plain = plain.replace("saint ", "st ").replace("st. ", "st ").replace("-", " ")
    plain = plain.removeprefix("the ")  # "The Bronx", "Bronx"
    return " ".join(plain.replace(".", "").split())


def city_names(coded: str) -> set[str]:
    """GVA writes a town and the place inside it as 'Goleta (Isla Vista)', 'Cartersville
    (Euharlee)': either one names where it happened."""
    main, _, inner = coded.partition("(")
    inner = inner.rstrip(") ")
    if inner == "county":  # 'Polk (county)': the county is the place coded
        return {normalize_name(f"{main.strip()} County")}
    return {normalize_name(name) for name in (main, inner) if name.strip()}


def predicted(record: dict, *, estimates: bool = False) -> dict[str, Any]:
    event = record["events"][0] if record["events"] else None
    if event is None:
        return {name: None for name in (*FIELDS, "killed+", "injured+", "date_basis", "state_code")}
    place = event.get("place") or {}
    admin1 = place.get("admin1") or {}
    perpetrators = event.get("perpetrators") or {}
    guess: dict[str, Any] = {
        "event_date": event["date"],
        "date_basis": event.get("date_basis"),
        "country": place.get("country_code"),
        "state": admin1.get("name")
        or (place["name"] if place.get("feature") == "admin1" else None),
        "state_code": admin1.get("code"),
        # a US county is what GVA codes as "Polk (county)"
        "city": place.get("name") if place.get("feature", "city") in {"city", "admin2"} else None,
    }
    for name in FIGURES:
        victims = point_value(event[name], estimates=estimates)
        attackers = point_value(perpetrators.get(name), estimates=estimates)
        guess[name] = victims
        guess[f"{name}+"] = (
            None if victims is None and attackers is None else (victims or 0) + (attackers or 0)
        )
    return guess


@dataclass
class Score:
    kind: Kind = Kind.GOLD
    total: int = 0
    scored: Counter = field(default_factory=Counter)
    correct: Counter = field(default_factory=Counter)
    gold_null: Counter = field(default_factory=Counter)
    invented: Counter = field(default_factory=Counter)
    left_out: Counter = field(default_factory=Counter)
    misses: list[dict[str, Any]] = field(default_factory=list)

    @property
    def conventions(self) -> Conventions:
        return CONVENTIONS[self.kind]

    def skip(self, reason: str) -> None:
        self.left_out[reason] += 1

    def add(self, gold: dict, record: dict) -> None:
        self.total += 1
        guess = predicted(record, estimates=self.conventions.codes_estimates)
        # Misses are listed for the reading the set is scored by (of_record).
        perpetrators = self.conventions.counts_perpetrators
        for name in FIGURES:
            self._figure(gold, guess, name, name, record_misses=not perpetrators)
            self._figure(gold, guess, f"{name}+", name, record_misses=perpetrators)
        self._compare(gold, guess, "event_date", gold.get("event_date"), guess["event_date"])
        if gold.get("country") is not None:
            want = country_code(gold["country"])
            self._compare(gold, guess, "country", want, guess["country"])
        if gold.get("state"):
            got = guess["state"]
            code = us_state_code(gold["state"])
            same = normalize_name(got) == normalize_name(gold["state"]) or (
                code is not None and guess.get("state_code") == code
            )
            self._compare(gold, guess, "state", gold["state"], got, same=same)
        if gold.get("city"):
            got = guess["city"]
            same = normalize_name(got) in city_names(gold["city"])
            self._compare(gold, guess, "city", gold["city"], got, same=same)

    def _figure(
        self, gold: dict, guess: dict, name: str, gold_name: str, *, record_misses: bool = True
    ) -> None:
        want, got = gold.get(gold_name), guess[name]
        if want is None:
            if self.conventions.null_means_not_coded:
                return
            self.gold_null[name] += 1
            if got is not None:
                self.invented[name] += 1
            same = got is None
        else:
            if want == 0 and got:
                self.invented[name] += 1
            same = want == got or (
                want == 0 and got is None and self.conventions.null_means_not_coded
            )
        self._compare(gold, guess, name, want, got, same=same, record_miss=record_misses)

    def _compare(
        self,
        gold: dict,
        guess: dict,
        name: str,
        want: Any,
        got: Any,
        *,
        same: bool | None = None,
        record_miss: bool = True,
    ) -> None:
        if want is None and name not in ("killed", "injured", "killed+", "injured+"):
            return
        self.scored[name] += 1
        if want == got if same is None else same:
            self.correct[name] += 1
        elif record_miss:
            self.misses.append(
                {
                    "id": gold.get("id"),
                    "field": name.rstrip("+"),
                    "gold": want,
                    "got": got,
                    "cause": miss_cause(name.rstrip("+"), want, got, gold, guess),
                }
            )

    def accuracy(self, name: str) -> float:
        return self.correct[name] / self.scored[name] if self.scored[name] else 0.0

    def of_record(self, name: str) -> str:
        """The reading a set is scored by: victims plus attackers where the set counts them."""
        if name in FIGURES and self.conventions.counts_perpetrators:
            return f"{name}+"
        return name

    def fields(self) -> list[str]:
        return [name for name in FIELDS if self.scored[name]]

    def causes(self) -> list[tuple[str, str, int]]:
        counts = Counter((m["field"], m["cause"]) for m in self.misses)
        return [(f, c, n) for (f, c), n in counts.most_common()]

    def as_dict(self) -> dict[str, Any]:
        return {
            "kind": str(self.kind),
            "articles": self.total,
            "left_out": dict(self.left_out),
            "accuracy": {
                name: round(self.accuracy(self.of_record(name)), 4) for name in self.fields()
            },
            "victims_only": {name: round(self.accuracy(name), 4) for name in FIGURES},
            "with_perpetrators": {name: round(self.accuracy(f"{name}+"), 4) for name in FIGURES},
            "scored": {name: self.scored[self.of_record(name)] for name in self.fields()},
            "invented": {name: self.invented[self.of_record(name)] for name in FIGURES},
            "invented_share": round(
                max((self.invented[self.of_record(n)] for n in FIGURES), default=0)
                / max(self.total, 1),
                4,
            ),
            "gold_null": {name: self.gold_null[name] for name in FIGURES},
            "miss_causes": [{"field": f, "cause": c, "count": n} for f, c, n in self.causes()],
            "misses": self.misses,
        }
