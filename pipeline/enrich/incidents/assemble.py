"""Group casualty figures, dates, places, weapons and accused parties into incidents.

Journalism puts the main incident first and background after it, so: the first sentence that
reports casualties or an attack opens the primary event; a later sentence whose own day-exact
past date differs from it, and which reports casualties, opens another ("just a day before, ...
at least 39 people were killed"); sentences without a date of their own belong to the primary
event, unless they are background ("follows a series of", "has been repeatedly"). Weapons,
places and accusations count only from sentences that belong to an event."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field

from pipeline.enrich.casualties.figures import Figure, ordinal_of
from pipeline.enrich.common.wordscan import WordPattern
from pipeline.enrich.dates.expressions import FoundDate
from pipeline.enrich.incidents.accused import AccusedMention
from pipeline.enrich.incidents.place import incident_place
from pipeline.enrich.incidents.weapons import WeaponMention
from pipeline.enrich.incidents.words import ANY_ONE, INCIDENT_NOUNS, PRONOUNS
from pipeline.enrich.places.found import FoundPlace

# Words that report that something happened to people: attacks, and the accidents and
# disasters that wires report with the same casualty language. (Lower case: see wordscan.)
ATTACK_WORDS = WordPattern(
    r"(?:attack(?:s|ed)?|bombing|blast|explosion|shooting|shot|shelling|shelled|strikes?|struck|"
    r"raid|ambush(?:ed)?|clash(?:es|ed)?|stabbing|stabbed|assault|massacre|killed|opened fire|"
    r"firing|targeted|set\s+off|lost\s+(?:his|her|their)\s+li(?:fe|ves)|clobbered|lobbed|"
    r"hurl(?:ed|ing)|bomb(?:s|ed)?|blew\s+up|gun(?:ned)?\s+down|battled?|"
    r"fired|exploded|detonated|gunfire|fighting|incident|crash(?:ed)?|collided|collision|"
    r"derailed|capsized|fire|blaze|landslide|avalanche|earthquake|flood(?:s|ing)?|storm|collapsed|"
    r"stormed|abducted|kidnapped|hacked|chopped|lynched|beaten|beat|tortured|gunned|"
    r"set\s+(?:\w+\s+){0,3}?(?:afire|alight|ablaze)|"
    r"bod(?:y|ies)\s+(?:was|were)\s+(?:found|discovered))\b",
    lowercase=True,
)
# Other things that happen at a place and a time and that incident trackers record (protests,
# riots, arrests, seizures, thefts, threats, charges): they open an incident when nothing more
# violent does.
OTHER_EVENT_WORDS = WordPattern(
    r"(?:protest(?:s|ed|ers|ors|ing)?|demonstrat(?:ion|ions|ors|ed)|rall(?:y|ies|ied)|riot(?:s|ed|ing)?|"
    r"arrest(?:s|ed)?|detained|torched|vandali[sz]ed|set\s+(?:fire|ablaze)|set\s+on\s+fire|"
    r"surrender(?:ed)?|seized|recovered|defused|hurled|lathi-?charged?|blockade[ds]?|"
    r"gunshots?|gunman|robbery|robbed|carjack(?:ed|ing)|homicide|murder(?:ed)?|thefts?|stolen|"
    r"stole|steal(?:s|ing)?|burglar(?:y|ies|ized|ised|izing|ising)|invad(?:ed|ing)|invasion|"
    r"pistol-whipped|hostages?|standoff|barricaded|discharg(?:ed|ing)|went\s+off|"
    r"threaten(?:ed|ing)|menacing|brandish(?:ed|ing)|charged|possession|procession|hartal|"
    r"march(?:ed)?|sit-in|strike|dharna|agitation|bandh|(?:road|rail|rasta)\s+roko|gherao(?:ed)?|"
    r"picket(?:ed|ing)?|boycott(?:ed|ing)?|walkout|gathered|blocked|shut\s+(?:down|their)|"
    r"ransack(?:ed|ing)?|stone[-\s]?pelting|(?:threw|thrown|throwing|pelted|pelting)\s+stones|"
    # "a mob attempted to capture a booth", "workers demanded the resignation", "villagers fled"
    r"mobs?|demand(?:ed|ing)|fled)\b",
    lowercase=True,
)
BACKGROUND = WordPattern(
    r"(?:follows? (?:a|an|the|weeks|months|days)|comes? (?:after|amid)|came (?:after|amid)|"
    r"repeatedly|in recent (?:weeks|months|years)|last year|earlier this (?:year|month)|"
    # "there have been 13 toddler shooting deaths this year": a year's tally
    r"(?:so far|in the \w+|have been|has been|had been)(?: \w+){0,6} this year|"
    r"(?:in|over) the (?:past|last) (?:\w+ )?(?:days|weeks|months|years)|"
    # "See previous story below": a page's pointer, no background
    r"since the (?:start|beginning)|a series of|this year alone|"
    # "after 45 people were killed in July": a month's tally
    r"(?:killed|shot|died|slain|murdered|wounded) in (?:january|february|march|april|may|june|"
    r"july|august|september|october|november|december)(?!\s+\d)|"
    # "nearly 700 more have been shot since January": a tally of months
    r"since (?:january|february|march|april|june|july|august|september|october|november|"
    r"december)|"
    r"previous(?:ly)?(?!\s+(?:story|stories|coverage|article|report|post|update)\b))\b",
    lowercase=True,
)
# A count pooled over several incidents: "six shot in three separate incidents", "22 wounded in
# shootings across the city", "weekend gunfire kills 1, wounds 12". No one incident's toll.
_SEVERAL = r"(?:two|three|four|five|six|seven|eight|nine|ten|\d+|several|multiple|separate|different|unrelated)"
_HOURS = r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few)"
POOLED = WordPattern(
    r"(?:(?:in|from|during)\s+(?:at\s+least\s+)?" + _SEVERAL + r"\s+(?:\w+\s+)?"
    r"(?:shootings|incidents|attacks)|(?:separate|unrelated|different)\s+(?:\w+\s+)?"
    r"(?:shootings|incidents|attacks)|"
    r"shootings\s+(?:across|around|throughout)|across\s+the\s+city|citywide|"
    # "1 dead, 5 wounded in Chicago shootings": several, not "in the shootings" of one spree
    r"in\s+(?!the\b|these\b|those\b|both\b)(?:[\w.'-]+\s+){0,2}shootings|"
    # "27 wounded over an eight-hour stretch", "twelve people were shot in about ten hours"
    r"(?:over|in|within)\s+an?\s+" + _HOURS + r"-hour\s+(?:stretch|span|period)|"
    r"(?:over|in|within)\s+(?:about\s+|just\s+|less\s+than\s+)?" + _HOURS + r"\s+hours|"
    # "a series of weekend shootings left five people dead" (not "a suspect in a spate of
    # attacks was killed": a person's background)
    r"(?<!in\s)(?<!of\s)(?<!for\s)(?:a|the)\s+(?:string|series|spate|rash|wave)\s+of\s+"
    r"(?:[\w-]+\s+){0,2}(?:shootings|incidents|attacks|homicides|killings)|"
    r"weekend\s+(?:of\s+)?(?:shootings|violence|gunfire))\b",
    lowercase=True,
)
# "the attack", "the blast": a definite singular points back at the incident being reported;
# "the attacks" (plural) speaks of attacks in general.
DEFINITE_REFERENCE = WordPattern(
    r"(?:the|this|that|today's|yesterday's)\s+(?:\w+\s+)?(?:attack|bombing|blast|explosion|"
    r"shooting|strike|stabbing|raid|ambush|massacre|incident|assault)\b(?!s)",
    lowercase=True,
)
# "before the Belgorod attack": a place named only to point at another incident.
ANCHOR_REFERENCE = re.compile(r"^\s*(?:the|this|that)\s+$", re.IGNORECASE)


@dataclass(slots=True)
class Sentence:
    index: int
    start: int
    end: int
    figures: list[Figure] = field(default_factory=list)
    dates: list[FoundDate] = field(default_factory=list)
    weapons: list[WeaponMention] = field(default_factory=list)
    accused: list[AccusedMention] = field(default_factory=list)
    places: list[tuple[FoundPlace, list[int]]] = field(default_factory=list)
    attack: bool = False
    other_event: bool = False
    process_dates: set[int] = field(default_factory=set)  # starts of report/arrest/court dates
    death_dates: set[int] = field(default_factory=set)  # starts of the dates of later deaths
    refers_back: bool = False
    background: bool = False
    pooled: bool = False  # its counts add up several incidents (POOLED)


@dataclass(slots=True)
class Event:
    date: FoundDate | None
    sentences: list[Sentence] = field(default_factory=list)
    date_basis: str | None = None  # stated | relative | dateline | published
    # Where the lead says it happened, when the event's own sentences name no place: "A couple
    # charged with the shooting of a girl in Chubbuck last year" (a background sentence).
    lead_places: list[tuple[FoundPlace, list[int]]] = field(default_factory=list)


def _bucket(sentences: list[Sentence], starts: list[int], offset: int) -> Sentence:
    return sentences[max(bisect.bisect_right(starts, offset) - 1, 0)]


@dataclass(frozen=True, slots=True, kw_only=True)
class Findings:
    """What the extractors found in one article, and the text they found it in."""

    text: str
    lower: str | None  # the lower-cased text when it differs in length from `text`, else None
    bounds: list[tuple[int, int]]  # sentences as character spans
    figures: list[Figure]
    dates: list[FoundDate]
    places: list[FoundPlace]
    weapons: list[WeaponMention]
    accused: list[AccusedMention]
    process_dates: set[int]  # starts of dates of a report, an arrest, a hearing (dates.roles)
    death_dates: set[int]  # starts of dates of a death after the attack (dates.roles)


def build_sentences(found: Findings) -> list[Sentence]:
    """The article's sentences, each with what was found in it and what kind of sentence it is."""
    text, lower, dates = found.text, found.lower, found.dates
    sentences = [Sentence(i, s, e) for i, (s, e) in enumerate(found.bounds)]
    starts = [s.start for s in sentences]
    for f in found.figures:
        _bucket(sentences, starts, f.start).figures.append(f)
    for d in dates:
        _bucket(sentences, starts, d.start).dates.append(d)
    for w in found.weapons:
        _bucket(sentences, starts, w.start).weapons.append(w)
    for a in found.accused:
        _bucket(sentences, starts, a.start).accused.append(a)
    date_ends = sorted(d.end for d in dates)
    for place in found.places:
        for mention in place.mentions:
            sentence = _bucket(sentences, starts, mention[0])
            clause = text[max(sentence.start, mention[0] - CARE_REACH) : mention[0]]
            if (
                mention[0] not in place.origins
                and mention[0] not in place.homes
                and not _anchor_reference(text, date_ends, mention)
                and not _CARE_BEFORE.search(clause)
            ):
                sentence.places.append((place, mention))
    points = {id(p) for s in sentences for p in _reference_points(s, text)}
    for s in sentences:
        s.places = [(p, m) for p, m in s.places if id(p) not in points]
    previous: Sentence | None = None
    for s in sentences:
        s.attack = ATTACK_WORDS.search(text, lower, s.start, s.end) is not None
        s.other_event = not s.attack and (
            OTHER_EVENT_WORDS.search(text, lower, s.start, s.end) is not None
        )
        s.refers_back = DEFINITE_REFERENCE.search(text, lower, s.start, s.end) is not None
        s.background = BACKGROUND.search(text, lower, s.start, s.end) is not None or (
            _told_on_of_background(s, previous, lower)
        )
        previous = s
        s.pooled = any(
            _with_a_figure(text, s, m.start(), m.end())
            for m in POOLED.finditer(text, lower, s.start, s.end)
        )
        s.process_dates = {d.start for d in s.dates} & found.process_dates
        s.death_dates = {d.start for d in s.dates} & found.death_dates
    return sentences


def _with_a_figure(text: str, sentence: Sentence, start: int, end: int) -> bool:
    """A pooling phrase in the paragraph of one of the sentence's figures (a headline that the
    sentence splitter ran into the lead, "Suspect arrested in Killeen shootings", pools
    nothing of the lead's "left two women dead and three other people wounded")."""
    return not sentence.figures or any(
        "\n" not in text[min(end, f.start) : max(start, f.end)] for f in sentence.figures
    )


# "Two people were shot in that incident", "One of them died": told on of the incident the
# sentence before named, not of the story's own.
_THAT_INCIDENT = re.compile(
    r"\bthat\s+(?:[\w-]+\s+)?(?:attack|bombing|blast|explosion|shooting|stabbing|raid|ambush|"
    r"massacre|incident|assault|case|crime|killing|homicide)\b"
    r"|^\W*(?:one|two|three|both|all)\s+of\s+(?:them|those)\b",
)


def _told_on_of_background(sentence: Sentence, previous: Sentence | None, lower: str) -> bool:
    """A dateless sentence that goes on about the incident a background sentence just told
    ("This comes after a man was killed outside the bar in November of 2012. Two people were
    shot in that incident. One of them died at the hospital.") is background too."""
    return (
        previous is not None
        and previous.background
        and previous.index == sentence.index - 1
        and (previous.attack or bool(previous.figures))
        and not sentence.dates
        and _THAT_INCIDENT.search(lower[sentence.start : sentence.end]) is not None
    )


# "was taken to a hospital in Oak Lawn", "flown to a Columbus hospital": where the hurt were
# cared for, not where they were hurt. The place follows the carrying verb in its sentence.
_CARE_BEFORE = re.compile(
    r"\b(?:taken|transported|rushed|airlifted|flown|driven|brought)\b(?:\s+by\s+[^,;]{1,40}?)?"
    r"\s+to\s+(?:[^,;]{0,80}?\s+in\s+|an?\s+|the\s+)?(?:[A-Z][\w.'-]*\s+){0,3}$"
)
CARE_REACH = 140


# "the Denver suburb of Wheat Ridge", "in Douglasville, about 20 miles west of Atlanta": a town
# named to say where another lies ("near" and "outside" place the incident itself: "a parking
# lot just outside Vicksburg").
_REFERENCE_BEFORE = re.compile(
    r"\b(?:(?:miles?|km|kilometers?|kilometres?)\s+(?:\w+\s+)?(?:of|from)|"
    r"(?:north|south|east|west)(?:east|west)?\s+of)\s+(?:the\s+|downtown\s+)?$",
    re.IGNORECASE,
)
_REFERENCE_AFTER = re.compile(r"^(?:['’]s)?\s*(?:-area\s+|\s)?(?:suburbs?|exurbs?)\s+of\b", re.I)
REFERENCE_REACH = 40


def _reference_points(sentence: Sentence, text: str) -> list[FoundPlace]:
    """Towns a sentence names only to say where another of its towns lies: no incident's place
    in any sentence ("the Denver suburb of Wheat Ridge" after a headline's "suburban Denver").
    Alone, a reference point is none (a shooting "near Denver" is the Denver area's)."""

    def reference(mention: list[int]) -> bool:
        before = text[max(sentence.start, mention[0] - REFERENCE_REACH) : mention[0]]
        after = text[mention[1] : mention[1] + REFERENCE_REACH]
        return bool(_REFERENCE_BEFORE.search(before) or _REFERENCE_AFTER.match(after))

    towns = [(p, m) for p, m in sentence.places if p.feature == "city"]
    points = [p for p, m in towns if reference(m)]
    others = [p for p, _ in towns if p not in points]
    return points if others else []


def _anchor_reference(text: str, date_ends: list[int], mention: list[int]) -> bool:
    """A place right after a date phrase and 'the': 'a day before the Belgorod attack'."""
    at = bisect.bisect_right(date_ends, mention[0]) - 1
    if at < 0 or mention[0] - date_ends[at] > 10:
        return False
    return bool(ANCHOR_REFERENCE.match(text[date_ends[at] : mention[0]]))


def _event_date(sentence: Sentence, published: str, *, process: bool = False) -> FoundDate | None:
    """The sentence's first past day-exact date of what happened (process=True: of a report,
    an arrest, a hearing; the last resort); the date of a later death only when the sentence
    gives no other ("died Friday after being shot Thursday" dates the shooting)."""
    days = [
        d
        for d in sentence.dates
        if d.granularity == "day"
        and d.value <= published[:10]
        and (d.start in sentence.process_dates) == process
    ]
    return next((d for d in days if d.start not in sentence.death_dates), days[0] if days else None)


def _lead_date(sentences: list[Sentence], upto: int, published: str) -> FoundDate | None:
    """The lead's date: news reports the main incident's date in its opening sentences."""
    for s in sentences[: upto + 1]:
        if s.attack or s.figures:
            date = _event_date(s, published)
            if date is not None:
                return date
    return None


RECENT_DAYS = 31


def _recent_date(event: Event, sentences: list[Sentence], published: str) -> FoundDate | None:
    """Local news often gives the day further down ("At 8:15 p.m. Tuesday, police received a
    report"): the first recent day-exact date of the event's own sentences, else of the article's,
    background sentences left out. A follow-up (an arrest, charges, a plea) dates the incident
    weeks back ("the Jan. 5 home invasion"): an older date of a sentence reporting the incident
    comes before the dates of the report or the court."""
    floor = (dt.date.fromisoformat(published[:10]) - dt.timedelta(days=RECENT_DAYS)).isoformat()
    for process, oldest in ((False, floor), (False, ""), (True, floor)):
        for group in (event.sentences, sentences):
            for s in group:
                if s.background or (not oldest and not _reports_incident(s)):
                    continue
                date = _event_date(s, published, process=process)
                if date is not None and date.value >= oldest:
                    return date
    return None


def _reports_incident(sentence: Sentence) -> bool:
    return (
        sentence.attack or sentence.other_event or any(not f.perpetrators for f in sentence.figures)
    )


# A date that names the incident itself: "during an armed robbery on February 6th", "the
# Jan. 5 home invasion", "Tuesday's shooting". Follow-ups (arrests, charges, pleas) lead with
# the day of the arrest and date the incident this way.
_INCIDENT_NOUN = "(?:" + "|".join(map(re.escape, sorted(INCIDENT_NOUNS))) + ")"
_NOUN_BEFORE_DATE = re.compile(
    _INCIDENT_NOUN
    + r"s?\s+(?:that\s+(?:occurred|happened|took\s+place)\s+)?"
    # "a home invasion in that town on Jan. 5", "a shooting about 10:30 p.m. Friday"
    + r"(?:(?:in|at|near|outside)\s+(?:\w+\s+){1,3}?)?"
    + r"(?:(?:at|about|around|just\s+after|shortly\s+after)\s+)?"
    + r"(?:\d{1,2}(?::\d\d)?\s*[ap]\.?m\.?,?\s+)?"
    + r"(?:on|early|late)?\s*$",
    re.IGNORECASE,
)
_POSSESSIVE_BEFORE_NOUN = re.compile(r"^['’]s\s+(?:[a-z-]+\s+){0,2}?" + _INCIDENT_NOUN + r"\b")
_MODIFIER_OF_NOUN = re.compile(r"^\s+(?:[a-z-]+\s+){0,2}?" + _INCIDENT_NOUN + r"\b")
_DETERMINER_BEFORE_DATE = re.compile(r"\b(?:the|a|an|last)\s+$", re.IGNORECASE)
ANCHOR_SENTENCES = 3
LEAD_SENTENCE_CHARS = 40


def _incident_date(sentences: list[Sentence], text: str, published: str) -> FoundDate | None:
    """The first past day-exact date of the lead that names the incident itself."""
    # Captions and credits ("(Leicester Police Department)") are not sentences of the lead.
    lead = [s for s in sentences if s.end - s.start >= LEAD_SENTENCE_CHARS][:ANCHOR_SENTENCES]
    for s in lead:
        for d in s.dates:
            if d.granularity != "day" or d.value > published[:10]:
                continue
            before = text[max(0, d.start - 60) : d.start]
            after = text[d.end : d.end + 50]
            if (
                _NOUN_BEFORE_DATE.search(before)
                or _POSSESSIVE_BEFORE_NOUN.match(after)
                or (_DETERMINER_BEFORE_DATE.search(before) and _MODIFIER_OF_NOUN.match(after))
            ):
                return d
    return None


def _told_period(sentences: list[Sentence], published: str) -> FoundDate | None:
    """A follow-up's lead may place the incident in an earlier month or year than the
    publication's ("charged in the killing of two men in May", "the shooting last July")."""
    lead = [s for s in sentences if s.end - s.start >= LEAD_SENTENCE_CHARS][:ANCHOR_SENTENCES]
    for s in lead:
        if not (s.attack or s.figures):
            continue
        for d in s.dates:
            if (d.granularity == "month" and d.value < published[:7]) or (
                d.granularity == "year" and d.value < published[:4]
            ):
                return d
    return None


def _within_told_period(
    date: FoundDate | None, sentences: list[Sentence], published: str
) -> FoundDate | None:
    """The incident's day lies in the period the lead told it in: a later day of the lead (an
    arrest's, a plea's) gives way to the first day of that period the article states ("May
    10"). With no such day, the date stays: the period alone names no day."""
    period = _told_period(sentences, published)
    if period is None or date is None or date.value.startswith(period.value):
        return date
    # "were shot late Tuesday night in a retaliation for a 2015 murder": the day of an attack
    # clause holds; the period was another event's.
    if any(s.attack and s.start <= date.start < s.end for s in sentences):
        return date
    days = (
        d
        for s in sentences
        for d in s.dates
        if d.granularity == "day" and d.value.startswith(period.value)
    )
    return next(days, date)


def group_events(
    sentences: list[Sentence],
    published: str,
    dateline_end: int | None = None,
    *,
    text: str = "",
    text_start: int = 0,
) -> list[Event]:
    """`text_start`: where the article's text starts after its title (enrich.headline); a
    date in the title is no dateline's."""
    events = _group(sentences, published)
    if not events:
        # Nothing with casualties or an armed attack: the first sentence reporting an attack or
        # another recorded kind of event still opens one (with no figures).
        opening = next((s for s in sentences if s.attack), None) or next(
            (s for s in sentences if s.other_event), None
        )
        if opening is not None:
            events.append(Event(_event_date(opening, published), [opening]))
    if events and events[0].date is None:
        first = events[0].sentences[0].index
        # A date in the sentence right after the opening one still belongs to the lead.
        events[0].date = _lead_date(sentences, first + 1, published) or _recent_date(
            events[0], sentences, published
        )
    anchored = _incident_date(sentences, text, published) if text else None
    if events and anchored is not None:
        events[0].date = anchored
    if events:
        events[0].date = _within_told_period(events[0].date, sentences, published)
        if not any(s.places for s in events[0].sentences):
            first = events[0].sentences[0].index
            lead = next(
                (
                    s
                    for s in sentences[: max(first, LEAD_SENTENCES) + 1]
                    if s.places and (s.attack or any(not f.perpetrators for f in s.figures))
                ),
                None,
            )
            events[0].lead_places = [
                (place, mention)
                for place, mention in (lead.places if lead is not None else [])
                # the dateline's own mention is the fallback already, not the lead's place
                if not (place.dateline and mention == place.mentions[0])
            ]
    for event in events:
        if event.date is None:
            event.date_basis = "published"
        elif dateline_end is not None and text_start <= event.date.start < dateline_end:
            event.date_basis = "dateline"
        else:
            event.date_basis = event.date.basis
    return events


# How far a headline and a dateline's opening sentence reach into the text (sentences).
LEAD_SENTENCES = 3


def _group(sentences: list[Sentence], published: str) -> list[Event]:
    events: list[Event] = []
    for s in sentences:
        victims = [f for f in s.figures if not f.perpetrators]
        reports = bool(victims) or (s.attack and (s.weapons or s.figures))
        date = _event_date(s, published)
        if not events:
            # "A suicide bomber blew himself up near a checkpoint": the attacker's own death
            # opens an incident when nothing before did
            dead_attacker = any(f.perpetrators and f.kind == "killed" and f.min for f in s.figures)
            if reports or (s.attack and date) or dead_attacker:
                events.append(Event(date, [s]))
            continue
        primary = events[0]
        same_day = next((e for e in events if date and e.date and e.date.value == date.value), None)
        if same_day is not None:
            same_day.sentences.append(s)
        elif date and primary.date is None and (s.attack or victims) and not s.background:
            primary.date = date
            primary.sentences.append(s)
        elif date and victims and date.start in s.death_dates and all(map(_told_before, victims)):
            primary.sentences.append(s)  # "One of them died on Monday": a later toll of it
        elif (
            date
            and victims
            and primary.date
            and date.value > primary.date.value
            and all(f.kind == "killed" and _told_before(f) for f in victims)
        ):
            primary.sentences.append(s)  # "Police this morning said the girl had died"
        elif (
            date
            and any(f.min for f in victims)
            and not _counts_anyone(primary)
            and not s.background
            and _days_apart(date, primary.date) <= TOLL_AFTER_ATTACK_DAYS
        ):
            # The lead told only an attack ("gunfire erupted outside a nightclub"): the first
            # toll is its toll, and its day the attack's.
            primary.sentences.append(s)
            primary.date = date
        elif date and victims and not all(f.additional for f in victims):
            events.append(Event(date, [s]))
        elif date and victims:
            primary.sentences.append(s)  # "Another victim died on Sunday": a later toll of it
        elif (
            date is None
            and not s.background
            and not _told_of_an_earlier_year(s, published)
            and (
                victims
                or s.refers_back
                or _names_place_of(primary, s)
                or _attackers_also_dead(s, primary)
            )
        ):
            primary.sentences.append(s)
    return events


# How far the day of the first toll may lie from the day the lead told an attack on ("gunfire
# erupted ... Monday"; "two people were killed late Sunday night").
TOLL_AFTER_ATTACK_DAYS = 1


def _days_apart(a: FoundDate, b: FoundDate | None) -> int:
    if b is None:
        return 0
    try:
        return abs((dt.date.fromisoformat(a.value[:10]) - dt.date.fromisoformat(b.value[:10])).days)
    except ValueError:
        return 99


def _counts_anyone(event: Event) -> bool:
    return any(not f.perpetrators for s in event.sentences for f in s.figures)


_ONE_OF_THOSE = re.compile(r"^(?:one|two|three|four|five|\d+)\s+of\s+(?:them|those|these|the)\b")


def _attackers_also_dead(sentence: Sentence, event: Event) -> bool:
    """'Two police officers were killed. Four assailants were also killed in the clash.': the
    attackers' own dead told as more dead, right after the incident's toll."""
    return (
        bool(sentence.figures)
        and all(f.perpetrators and f.kind == "killed" and f.additional for f in sentence.figures)
        and sentence.index == event.sentences[-1].index + 1
    )


def _told_before(figure: Figure) -> bool:
    """A figure of people the story told of already: "he", "the victim", "one of them"."""
    return (
        figure.refers_back
        or _anyone(figure.subject)
        or _ONE_OF_THOSE.match(figure.text.lower()) is not None
    )


def _told_of_an_earlier_year(sentence: Sentence, published: str) -> bool:
    """'In 2010, nine people were shot, three of them fatally': another year's incident, told
    as background with no day of its own."""
    return any(
        d.granularity in {"year", "month", "season", "quarter"} and d.value[:4] < published[:4]
        for d in sentence.dates
    )


def _names_place_of(event: Event, sentence: Sentence) -> bool:
    known = {
        place.geonameid for s in event.sentences for place, _ in s.places if place.feature == "city"
    }
    return any(place.geonameid in known for place, _ in sentence.places)


def _coordinated_sums(totals: list[Figure]) -> list[Figure]:
    """'Nineteen children and two teachers were killed': figures sharing one trigger word are
    different victims of one verb, so they add up (unlike a breakdown, which never does)."""
    shared: dict[tuple[int, ...], list[Figure]] = {}
    for f in totals:
        # "Two militants - both locals - were killed": "both" restates the two, adds none.
        restates = f.text.split(" ", 1)[0].lower() in {"both", "all"}
        if f.trigger_tokens and not f.implicit and not restates:
            shared.setdefault(f.trigger_tokens, []).append(f)
    out = [
        f for f in totals if not (f.trigger_tokens and len(shared.get(f.trigger_tokens, [])) > 1)
    ]
    for group in shared.values():
        if len(group) > 1:
            low = sum(f.min or 0 for f in group)
            exact = all(f.qualifier == "exact" for f in group)
            first = group[0]
            out.append(
                Figure(
                    first.kind,
                    low,
                    low if exact else None,
                    "exact" if exact else "at_least",
                    "people",
                    first.start,
                    group[-1].end,
                    first.text,
                    first.sentence,
                )
            )
    return out


def _best(figures: list[Figure], kind: str, *, perpetrators: bool = False) -> dict | None:
    totals = _coordinated_sums(
        [f for f in figures if f.kind == kind and not f.subset and f.perpetrators == perpetrators]
    )
    if not totals:
        return None
    best = max(
        totals, key=lambda f: (f.min if f.min is not None else (f.max or 0), f.min is not None)
    )
    if best.min == 0 and best.max == 0 and len(totals) > 1:
        best = next((f for f in totals if f.max != 0 or f.min is None), best)
    if kind == "killed":
        best = _with_additions(best, totals)
        best = _both_sides(best, totals)
    figure = {"min": best.min, "max": best.max, "qualifier": best.qualifier}
    if best.estimate is not None:
        figure["estimate"] = best.estimate
    return figure


# Deaths told in the sentence after a figure add to it; further down, a story that led with its
# total tells the same victims one by one ("Four people were shot ... two were also shot").
ADDITION_SENTENCES = 1


def _with_additions(best: Figure, totals: list[Figure]) -> Figure:
    """'Two border guards were killed. A militant was also killed': a figure of people besides
    those counted just before ('also', 'another', 'three more') adds to the figure before it.
    The running sum is a total only when it exceeds the best one: in "a shooting that left five
    dead ... shot his girlfriend, then killed three more people", the four are of the five."""
    running: Figure | None = None
    top = best
    for f in sorted(totals, key=lambda f: f.start):
        adds = (
            running is not None
            and f.additional
            and not f.refers_back
            and f.sentence <= running.sentence + ADDITION_SENTENCES
            and running.min is not None
            and f.min
            # "kills 2 ... a second teen has died": the second of the two, not a third
            and ordinal_of(f) in {None, running.min + 1}
        )
        if not adds:
            running = f
            continue
        exact = running.qualifier == "exact" and f.qualifier == "exact"
        low = running.min + f.min
        running = Figure(
            f.kind,
            low,
            low if exact else None,
            "exact" if exact else "at_least",
            running.group,
            running.start,
            f.end,
            running.text,
            f.sentence,
        )
        if top.min is None or low > top.min:
            top = running
    return top


# The sides of a clash, whose dead are counted apart: "killing 3 security personnel ... and
# killed 2 of the attacking militants" is five dead.
SIDES = ({"soldiers", "police"}, {"militants"})


def _both_sides(best: Figure, totals: list[Figure]) -> Figure:
    """The dead of each side of a clash, told in figures of their own, add up."""
    tops = []
    for side in SIDES:
        counted = [f for f in totals if f.group in side and f.min is not None]
        if not counted:
            return best
        tops.append(max(counted, key=lambda f: f.min))
    low = sum(f.min or 0 for f in tops)
    if best.min is not None and low <= best.min:
        return best
    exact = all(f.qualifier == "exact" for f in tops)
    first = min(tops, key=lambda f: f.start)
    return Figure(
        best.kind,
        low,
        low if exact else None,
        "exact" if exact else "at_least",
        best.group,
        first.start,
        max(f.end for f in tops),
        first.text,
        first.sentence,
    )


def _survivors(injured: dict | None, figures: list[Figure]) -> dict | None:
    """'Three people were shot; one died': when the injured figure counts everyone shot and the
    event reports deaths, the dead are taken out of it (no one is both killed and injured)."""
    if injured is None or injured["qualifier"] != "exact":
        return injured
    # "six other people were shot", "three more were wounded": those besides the dead
    shot = [
        f
        for f in figures
        if f.everyone_shot and f.min == injured["min"] and not f.subset and not f.additional
    ]
    killed = _best(figures, "killed")
    if not shot or killed is None or killed["min"] is None or killed["min"] > injured["min"]:
        return injured
    left = injured["min"] - killed["min"]
    # "Two men were shot and killed ... a 3-year-old was wounded": someone hurt besides
    # everyone the count of the shot told
    others = _best([f for f in figures if not f.everyone_shot], "injured")
    if others is not None and others["qualifier"] == "exact" and (others["min"] or 0) > left:
        return others
    return {"min": left, "max": left, "qualifier": "exact"}


# A death told as coming after the wound: "a second man later died at the hospital".
_LATER_DEATH = re.compile(r"\b(?:later|since|subsequently)\s+died\b|\bhas\s+(?:since\s+)?died\b")


def _less_the_later_dead(injured: dict | None, figures: list[Figure]) -> dict | None:
    """'A man was killed and two others were injured ... A second man later died': the one
    who died later was one of the injured, who are one fewer."""
    if injured is None or injured["qualifier"] != "exact" or not injured["min"]:
        return injured
    later = sum(
        f.min or 0
        for f in figures
        if f.kind == "killed"
        and f.additional
        and not f.perpetrators
        and _LATER_DEATH.search(f.text.lower())
        and any(g.kind == "injured" and g.sentence < f.sentence for g in figures)
    )
    if not later or later >= injured["min"]:
        return injured
    left = injured["min"] - later
    return {**injured, "min": left, "max": left}


def link_breakdowns(events: list[Event]) -> None:
    """A subset figure with no total in its own sentence is a part of its event's first total
    of the same kind before it."""
    for event in events:
        first_total: dict[str, Figure] = {}
        for f in sorted((f for s in event.sentences for f in s.figures), key=lambda f: f.start):
            if not f.subset:
                first_total.setdefault(f.kind, f)
            elif f.parent is None:
                f.parent = first_total.get(f.kind)


def _one_victim(figures: list[Figure]) -> list[Figure]:
    """'Miller was shot ... Miller died', 'a man suffering from a gunshot wound ... the man has
    died': one person reported shot and then dead is one death, not a death and an injury. Two
    different people ('a man was killed and his son wounded') stay two."""
    deaths = [f for f in figures if f.kind == "killed" and f.implicit and not f.perpetrators]
    if not deaths:
        return figures
    dead = {f.subject for f in deaths}
    introduced = {
        f.subject for f in figures if f.kind == "injured" and f.implicit and not f.refers_back
    }
    return [
        f
        for f in figures
        if not (
            f.kind == "injured"
            and f.implicit
            and f.min == 1  # "shot his wife, his son and a neighbor": more than the one dead
            and not f.perpetrators
            and not f.additional  # "A 64-year-old man was also injured": someone else
            and (
                f.subject in dead
                or _anyone(f.subject)
                or any(map(_anyone, dead))
                or _back_to_the_dead(f, deaths, introduced)
            )
            and not _coordinated_with_death(f, deaths)
        )
    ]


def _back_to_the_dead(injured: Figure, deaths: list[Figure], introduced: set[str | None]) -> bool:
    """'Smith was killed ... the boy who was shot': with one person dead, "the boy" that no
    earlier sentence told wounded is the dead one, told again by another word ("his son" may
    be someone new: Figure.told_before)."""
    return (
        injured.told_before
        and injured.subject not in introduced
        and len({d.subject for d in deaths}) == 1
        and min(d.sentence for d in deaths) <= injured.sentence
    )


def _not_in_a_total(figures: list[Figure]) -> list[Figure]:
    """'shot three coworkers before killing himself ... four people dead': a shooter's own
    death is left out of the attackers' figure when the victims' total is larger than the
    victims counted beside it (dead or hurt: "shot his cousin, then himself ... two dead"),
    as that total counts him."""
    victims = _best(figures, "killed")
    if victims is None or victims["min"] is None:
        return figures
    if any(g.with_attacker and g.min == victims["min"] for g in figures):
        # "5 dead, including gunman": the total counts him, as in the case below
        return [f for f in figures if not (f.perpetrators and f.kind == "killed")]
    kept = []
    for f in figures:
        # "shooting a woman and a child to death before turning the gun on himself, leaving
        # police to discover the three dead": the total itself is no victim counted beside it
        beside = [
            g.min
            for g in figures
            if g.sentence == f.sentence
            and g.kind in {"killed", "injured"}
            and not g.perpetrators
            and g.min
            # a count of the dead, or people named together ("A man and a woman were found
            # dead"), may be the total that takes him in
            and not (
                g.kind == "killed" and g.min == victims["min"] and (not g.implicit or g.min > 1)
            )
        ]
        if f.subject == "self" and f.perpetrators and beside and victims["min"] > max(beside):
            continue
        kept.append(f)
    return kept


def _anyone(subject: str | None) -> bool:
    """A subject that may be any one of the story's people: a pronoun, "the victim", an age
    ("a 17-year-old", "a 7-year-old girl": "old:girl")."""
    return subject in ANY_ONE or (subject or "").startswith("old:")


def _coordinated_with_death(injured: Figure, deaths: list[Figure]) -> bool:
    """'A man was killed and his teenage son was critically wounded': another person, named in
    the same sentence as the death, by another word. A pronoun names no one new: in "the man was
    taken to a hospital, where he died" he is the man."""
    return any(
        d.sentence == injured.sentence
        and d.subject != injured.subject
        and injured.subject not in ANY_ONE
        and d.subject not in PRONOUNS
        for d in deaths
    )


def _own_counts(event: Event) -> list[Figure]:
    """The event's figures, less those a roundup pools over several incidents ("14 shot across
    the city, including 6 at a party") when its sentences count victims of their own: the
    biggest of those is the incident's, not their sum."""
    figures = [f for s in event.sentences for f in s.figures]
    own = [f for s in event.sentences if not s.pooled for f in s.figures]
    return own if any(not f.perpetrators for f in own) else figures


# Verbs that do not say whether those shot lived ("wounded his brother" does).
_SHOT_ALONE = frozenset({"shot", "shoots", "shooting"})


def _dead_of_a_murder_suicide(figures: list[Figure]) -> list[Figure]:
    """'the man shot his mother and sister before turning the gun on himself': where the
    event counts as many dead besides, those he shot are the dead, not people hurt."""
    suicides = {f.sentence for f in figures if f.perpetrators and f.kind == "killed"}
    dead = max(
        (f.min or 0 for f in figures if f.kind == "killed" and not f.perpetrators), default=0
    )
    return [
        f
        for f in figures
        if not (
            f.kind == "injured"
            and f.implicit
            and f.text.split()[0].lower() in _SHOT_ALONE
            and not f.perpetrators
            and f.sentence in suicides
            and f.min is not None
            and f.min <= dead
        )
    ]


def describe(
    event: Event,
    number: int,
    article_id: str,
    article_places: list[FoundPlace],
    published: str,
    country: FoundPlace | None = None,
    home: FoundPlace | None = None,
    told_from: str | None = None,
) -> dict:
    figures = _one_victim(_own_counts(event))
    hurt = _dead_of_a_murder_suicide(figures)  # the attackers' figures read all of them
    weapons: list[str] = []
    accused: list[str] = []
    for s in event.sentences:
        weapons += [w.name for w in s.weapons if w.name not in weapons]
        accused += [a.name for a in s.accused if a.name not in accused]
    evidence = sorted(
        {(f.start, f.end) for f in figures}
        | ({(event.date.start, event.date.end)} if event.date else set())
        | {(w.start, w.end) for s in event.sentences for w in s.weapons}
    )
    return {
        "event_id": f"{article_id}#{number}",
        "date": event.date.value if event.date else published,
        "date_basis": event.date_basis,
        "place": incident_place(event, article_places, country, home, told_from),
        "killed": _best(figures, "killed"),
        "injured": _less_the_later_dead(_survivors(_best(hurt, "injured"), hurt), figures),
        "perpetrators": {
            "killed": _best(_not_in_a_total(figures), "killed", perpetrators=True),
            "injured": _best(figures, "injured", perpetrators=True),
        },
        "breakdown": [
            {"kind": f.kind, "group": f.group, "min": f.min, "max": f.max, "qualifier": f.qualifier}
            for f in figures
            if f.subset
        ],
        "weapons": weapons,
        "accused": accused,
        "evidence": [list(span) for span in evidence],
    }
