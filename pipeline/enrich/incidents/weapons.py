"""Weapons named in the text, filed under one canonical name each ('missile strikes' → missiles).

Matched with spaCy's PhraseMatcher on lower-cased tokens: one pass in C over the Doc, where a
regex alternation of a hundred spellings would try each of them at every word."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab


def _both(*words: str) -> tuple[str, ...]:
    """Singular and plural: 'missile' → ('missile', 'missiles')."""
    return tuple(form for w in words for form in (w, w + "s"))


# canonical name → spellings; where two overlap the longer wins ("car bomb" over "bomb").
WEAPONS: dict[str, tuple[str, ...]] = {
    "cluster munitions": _both("cluster munition", "cluster bomb", "cluster shell"),
    "ballistic missiles": _both("ballistic missile"),
    "cruise missiles": _both("cruise missile"),
    "missiles": _both("missile", "missile strike"),
    "rockets": (*_both("rocket", "katyusha"), "rocket fire"),
    "drones": _both("drone", "uav", "unmanned aerial vehicle", "kamikaze drone", "shahed"),
    "artillery": ("artillery", "shelling", "shells", *_both("mortar", "mortar round", "howitzer")),
    "airstrikes": _both("airstrike", "air strike", "air raid", "bombing raid", "warplane"),
    "car bomb": _both("car bomb", "truck bomb", "vbied", "vehicle-borne ied"),
    "suicide bombing": (
        *_both("suicide bomb", "suicide bomber", "suicide vest", "suicide attack"),
        "suicide bombing",
    ),
    "improvised explosive devices": _both("ied", "improvised explosive device", "roadside bomb"),
    "landmines": _both("landmine", "land mine"),
    "grenades": _both("grenade", "rpg", "rocket-propelled grenade"),
    "explosives": (*_both("bomb", "explosive", "explosive device"), "dynamite"),
    "firearms": (
        *_both(
            "gun",
            "firearm",
            "rifle",
            "pistol",
            "handgun",
            "shotgun",
            "ak-47",
            "machine gun",
            "gunshot",
        ),
        "gunfire",
        "opened fire",
        "shot dead",
        "shooting",
    ),
    "knives": ("knife", "knives", *_both("machete", "blade"), "stabbed", "stabbing"),
    "vehicle ramming": (
        "rammed",
        "ramming",
        *(f"drove a {v} into" for v in ("car", "truck", "van")),
    ),
    "incendiary": (
        "arson",
        "set fire",
        "set on fire",
        "set ablaze",
        *_both("molotov cocktail", "petrol bomb", "firebomb"),
    ),
    "chemical weapons": (
        *_both("chemical weapon", "chemical attack", "nerve agent"),
        "sarin",
        "chlorine gas",
    ),
}
# "air-defense missiles" defend; they are not what struck.
DEFENSIVE = {
    "defense",
    "defence",
    "anti-aircraft",
    "interceptor",
    "anti-missile",
    "air-defense",
    "air-defence",
}


@dataclass(frozen=True, slots=True)
class WeaponMention:
    name: str
    start: int
    end: int


_MATCHERS: dict[int, PhraseMatcher] = {}


def _matcher(vocab: Vocab) -> PhraseMatcher:
    matcher = _MATCHERS.get(id(vocab))
    if matcher is None:
        from spacy.lang.en import English

        tokenizer = English(vocab=vocab).tokenizer
        matcher = PhraseMatcher(vocab, attr="LOWER")
        for name, spellings in WEAPONS.items():
            matcher.add(name, [tokenizer(s) for s in spellings])
        _MATCHERS[id(vocab)] = matcher
    return matcher


def extract_weapons(doc: Doc) -> list[WeaponMention]:
    matches = _matcher(doc.vocab)(doc, as_spans=True)
    kept: list[WeaponMention] = []
    taken: set[int] = set()
    for span in sorted(matches, key=lambda s: (-len(s), s.start)):
        if taken.intersection(range(span.start, span.end)):
            continue
        before = {t.lower_ for t in doc[max(span.start - 2, 0) : span.start]}
        if before & DEFENSIVE:
            continue
        taken.update(range(span.start, span.end))
        kept.append(WeaponMention(span.label_, span.start_char, span.end_char))
    return sorted(kept, key=lambda w: w.start)
