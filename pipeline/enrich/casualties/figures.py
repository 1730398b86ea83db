"""Casualty figures: who was killed, injured, missing, displaced, kidnapped or arrested, and how
many, with qualifiers, victim groups and breakdowns.

A quantity phrase (see quantities.py) is tied to the nearest trigger word of its clause: the one
after it ("39 people were killed", "21 dead"), else an active one before it ("killing 21
civilians", "the deaths of at least 21 civilians", "the death toll rose to 25"). Sentences that
name no count may still report one victim ("a 52-year-old man was shot": 1 injured; "was shot
and killed", "later died in hospital": 1 killed). Breakdowns ("including three children",
"17 children among the injured") are marked as subsets, never added to the totals."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from pipeline.enrich.casualties.besides_attackers import attackers_after, attackers_besides
from pipeline.enrich.casualties.headline_lists import object_list, subject_list
from pipeline.enrich.casualties.multiples import find_multiples
from pipeline.enrich.casualties.named_deaths import find_named_deaths
from pipeline.enrich.casualties.quantities import Quantity, find_quantities
from pipeline.enrich.casualties.words import (
    ANIMALS,
    AUXILIARIES,
    BACK_DETERMINERS,
    BODY_PARTS,
    CLAUSE_BREAKS,
    CONDITIONS,
    DEFINITE_DETERMINERS,
    EVENT_NOUNS,
    FATAL_MODIFIERS,
    GROUPS,
    INTRANSITIVE_TRIGGERS,
    LINK_FILLERS,
    NAME_LINKS,
    NEGATIONS,
    NOT_PERSON_NOUNS,
    OBJECT_PRONOUNS,
    OBJECT_STARTS,
    PARTICIPLE_LEAD,
    PERSON_OBJECT_VERBS,
    REPORTING_VERBS,
    ROUND_STRIKES,
    ROUNDS,
    SEVERITY_ADVERBS,
    SINGLE_DETERMINERS,
    SINGULAR_PERPETRATORS,
    SINGULAR_PERSONS,
    STRUCK_WITH,
    SUBJECT_PRONOUNS,
    SUBORDINATORS,
    SUBSET_AFTER,
    SUBSET_BEFORE,
    SUFFERED,
    TOLL_VERBS,
    TRIGGER_WORDS,
    TRIGGERS,
    WOUND_NOUNS,
    ZERO_FILLERS,
    ZERO_NOUNS,
    ZERO_WORDS,
)
from pipeline.enrich.common.ages import age_start
from pipeline.enrich.common.tokens import columns, parsed

# Verbs that hit things as often as people: "five vehicles were struck", "dozens of homes burned"
BURNS = {"burnt", "burned"}  # "dozens of homes burned" counts homes
THINGS_HIT = ROUND_STRIKES | BURNS
TO_DEATH_REACH = 7
COUNTED_NOUN_GAP = 8  # "Two suspected Kuki National Front (KNF) members"
# Words that say a figure counts people besides those counted before ("the other" and "more
# than" do not).
ADDITION = re.compile(
    r"(?<!the )\b(?:also|another|others?|additional|further)\b|\bmore\b(?!\s+than)",
    re.IGNORECASE,
)
ALSO = re.compile(r"\balso\b", re.IGNORECASE)
ADDITION_LOOKBACK = 12
# "a fourth person was injured", "a third policeman later died": someone besides those counted
# before, the next one only (ordinal_of: "kills 2 ... a second teen has died" is one of the two;
# "two were hurt and a third person died" is one death).
ORDINAL = re.compile(r"^an?\s+(second|third|fourth|fifth|sixth)\s+(?!grader)", re.IGNORECASE)
ORDINAL_VALUES = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}
ROUNDS |= {"projectile", "projectiles", "gunshot", "gunshots", "shrapnel"}
# A sentence yields figures only through one of these words (a trigger, "the death toll rose to",
# "no casualties"); most sentences of an article have none and are skipped whole.
CASUALTY_WORDS = frozenset(TRIGGER_WORDS | {"toll", "casualties"})

FORWARD_WINDOW = 7
BACKWARD_WINDOW = 4
# "the death toll from a suicide bombing at a mosque in northern Afghanistan rose to 21"
TOLL_WINDOW = 20
SUBJECT_WINDOW = 20


@dataclass(slots=True)
class Figure:
    kind: str
    min: int | None
    max: int | None
    qualifier: str
    group: str | None
    start: int  # characters
    end: int
    text: str
    sentence: int
    subset: bool = False
    parent: Figure | None = None  # the total this figure is a part of
    implicit: bool = False
    refers_back: bool = False  # "he", "the victim": may be someone an earlier sentence counted
    # "the boy", "that man": someone told of before, unlike "his son", who may be new
    told_before: bool = False
    perpetrators: bool = False
    trigger_tokens: tuple[int, ...] = field(default=())
    estimate: int | None = None  # vague amounts: the conventional low estimate
    # "Three people were shot, one fatally": a count of everyone hit, the dead among them.
    everyone_shot: bool = False
    # One person named without a count: who ("man", "he", "smith"), to tell two reports of the
    # same victim ("Smith was shot ... Smith died") from two victims.
    subject: str | None = None
    # "A militant was also killed", "another victim died the next day", "three others were
    # declared dead": people besides those an earlier figure counted.
    additional: bool = False
    # "Four militants and an army commando were killed": the count takes in the one before it.
    with_one_before: bool = False
    # "5 dead, including gunman": the attacker is among those counted.
    with_attacker: bool = False
    # "killed along with six other militants": besides the one the sentence names.
    additional_by_words: bool = False

    def as_record(self, subset_of: int | None) -> dict:
        record = {
            "kind": self.kind,
            "min": self.min,
            "max": self.max,
            "qualifier": self.qualifier,
            "group": self.group,
            "subset_of": subset_of,
            "text": self.text,
            "start": self.start,
            "end": self.end,
        }
        if self.estimate is not None:
            record["estimate"] = self.estimate
        return record


def _trigger(doc: Doc, i: int, *, active: bool) -> str | None:
    words = columns(doc).lowers
    word = words[i]
    entry = TRIGGERS.get(f">{word}" if active else word)
    if entry is None or _negated(words, i):
        return None
    if entry[0] == "killed" and i > 0 and words[i - 1] in {"attempted", "attempt"}:
        return None  # "attempted murder": no one died
    if (
        word in {"kill", "shoot", "stab", "die"}
        and i > 0
        and words[i - 1] in {"to", "will", "could", "may", "might", "would"}
    ):
        return None  # "threatened to kill her son", "tried to shoot": an intent, not a toll
    if i > 1 and words[i - 2 : i] == ["to", "be"]:
        return None  # "he was going to be shot", "feared to be killed"
    if word == "shot" and doc[i].tag_ == "NN" and not (i > 0 and words[i - 1] in SINGULAR_PERSONS):
        # "fired a single shot", "a warning shot": the round, not a victim; but "found a
        # juvenile shot" is a participle the tagger took for a noun
        return None
    if not active and word == "shot" and _aimed_at_someone(words, i):
        return None  # "a man shot at two teens": he fired; "two were shot at a party" holds
    if word == "treated" and not (
        words[i + 1 : i + 3] == ["and", "released"]
        or (words[i + 1 : i + 2] == ["for"] and not WOUNDS.isdisjoint(words[i + 2 : i + 8]))
    ):
        return None  # only "treated and released", "treated for gunshot wounds"
    if word in TAKEN_FOR_CARE and not _taken_for_care(words, i):
        return None  # "taken into custody", "rushed the stage"
    if word in BURNS and not {"body", "bodies", "remains"}.isdisjoint(words[max(i - 4, 0) : i + 2]):
        return None  # "the bodies were found burned", "the burnt bodies of": the dead
    if word == "passed" and words[i + 1 : i + 2] != ["away"]:
        return None  # only "passed away" is a death ("passed the exam", "passed by")
    if word in {"life", "lives"} and _fighting_for_life(words, i):
        return "injured"  # "another is fighting for his life", "clinging to life": alive, hurt
    if word == "hospital" and _died_there(words, i):
        return None  # "taken to a hospital, where they later died": the death clause counts
    if word in {"hospital", "hospitals"} and not _in_or_to_care(words, i):
        return None  # "friends gathered outside the hospital": no patient
    if word == "life" and not (
        i > 1
        and words[i - 2] in {"lost", "losing", "lose", "loses"}
        and words[i - 1] in {"his", "her"}
    ):
        return None  # only "lost his life": not "life sentence", "saved her life"
    if word in ROUND_STRIKES and not (_rounds_near(words, i) or _gun_as_club(words, i)):
        return None  # "struck by a car", "struck two vehicles": a round or a gun must do it
    if word == "whipped" and "pistol" not in words[max(i - 2, 0) : i]:
        return None  # only "pistol-whipped", "pistol whipped": not "whipped up support"
    kind = entry[0]
    if kind == "injured" and _fatal_nearby(words, i):
        return "killed"
    if word == "claimed" and not (i + 2 < len(words) and words[i + 2].startswith("li")):
        return None  # "claimed responsibility" is not "claimed 12 lives"
    if word == "seized" and not active:
        return "kidnapped"
    if word == "condition" and (i == 0 or words[i - 1] not in CONDITIONS):
        return None  # "two are in critical condition", not "the condition of the road"
    return kind


TAKEN_FOR_CARE = {"taken", "transported", "rushed", "airlifted", "flown"}
# Counts of everyone hit, the dead among them: "five people were shot", "sent five people to
# area hospitals ... one died there".
EVERYONE_HIT = {"shot", "shooting", "hospital", "hospitals", "wounds"} | TAKEN_FOR_CARE
# What says the carried were hurt ("Medical Center" also takes the sick).
CARE_WORDS = {"hospital", "hospitals", "trauma", "injuries", "wounds", "wound", "gunshot"}
WOUNDS = WOUND_NOUNS | {"gunshot"}
CARE_REACH = 10
DIED_THERE_REACH = 16


def _taken_for_care(words: list[str], i: int) -> bool:
    """'were taken to San Francisco General with injuries', 'transported to area hospitals':
    carried to care, as the hurt are. The clause must say so before a comma or "and"; and
    those who died there ("taken to a hospital, where they later died") are the death
    clause's to count."""
    cared = False
    for k, word in enumerate(words[i + 1 : i + 1 + CARE_REACH], start=i + 1):
        if word in CARE_WORDS:
            # "taken to headquarters with no apparent injuries"
            cared = not any(w in ZERO_WORDS for w in words[max(k - 3, i) : k])
            break
        if word in {",", ";", ".", "and", "after", "where", "into"}:
            return False
    return cared and not _died_there(words, i)


def _in_or_to_care(words: list[str], i: int) -> bool:
    """'taken to a hospital', 'two remain in the hospital', 'sent five to area hospitals':
    a patient's way into the hospital, not a visit to its door."""
    return any(w in {"to", "in"} for w in words[max(i - 3, 0) : i])


def _died_there(words: list[str], i: int) -> bool:
    """A death told in the same sentence shortly after token i ("... where he later died")."""
    rest = words[i + 1 : i + 1 + DIED_THERE_REACH]
    if "." in rest:
        rest = rest[: rest.index(".")]
    return any(w in {"died", "dead", "succumbed", "deceased"} for w in rest)


def _rounds_near(words: list[str], i: int) -> bool:
    """A round, or gunfire ("opened fire, striking the other man"), near token i."""
    window = words[max(i - 6, 0) : i + 7]
    opened_fire = any(
        window[k] == "fire" and k > 0 and window[k - 1] in {"opened", "open"}
        for k in range(len(window))
    ) or any(
        w in {"fired", "firing"} for w in words[max(i - 6, 0) : i]
    )  # "firing once, striking him"
    # "was hit in the arm by a stray bullet"
    return opened_fire or any(w in ROUNDS for w in words[max(i - 4, 0) : i + 9])


def _gun_as_club(words: list[str], i: int) -> bool:
    """'struck the clerk in the head with the handgun': hit with a gun, not a round."""
    window = words[i + 1 : i + 10]
    return any(
        window[k] == "with" and any(w in STRUCK_WITH for w in window[k + 1 : k + 4])
        for k in range(len(window))
    )


def _negated(words: list[str], i: int) -> bool:
    """'was not injured', 'weren't hurt', 'never shot'; 'it does not appear that she was
    injured', 'no reports that either person was hurt', 'unclear whether anyone was hurt'."""
    if not NEGATIONS.isdisjoint(words[max(i - 3, 0) : i]):
        return True
    if not {"nearly", "almost"}.isdisjoint(words[max(i - 2, 0) : i]):
        return True  # "celebratory gunfire nearly hits man", "was almost killed"
    if _a_charges_name(words, i):
        return True
    clause = words[max(i - DOUBT_REACH, 0) : i]
    for stop in DOUBT_ENDS:
        if stop in clause:
            clause = clause[len(clause) - clause[::-1].index(stop) :]
    if not DOUBTS.isdisjoint(clause):
        return True
    return any(
        w in NEGATIONS | {"no"} and clause[k + 1 : k + 2] and clause[k + 1] in DOUBTED
        for k, w in enumerate(clause)
    )


def _a_charges_name(words: list[str], i: int) -> bool:
    """'assault on a peace officer causing injury', 'injury to a child': the law's words for a
    charge, not a harm told."""
    before = words[max(i - 2, 0) : i]
    return (words[i] in {"injury", "injuries"} and "causing" in before) or words[i : i + 3] in (
        ["injury", "to", "a"],
        ["injury", "to", "child"],
    )


# Words that put a harm in doubt: "unclear whether anyone was hurt", "confused as to if anyone had
# been hurt", "thought he had been shot",
# "it's possible a person was shot"; and, negated, those that deny it: "did not appear", "no
# reports", "no indication".
DOUBT_REACH = 10
DOUBTS = {"whether", "if", "unclear", "possible", "possibly", "thought"}
# What ends the doubt's reach: "decide whether to charge a dad who accidentally shot his son",
# "thought his son had tripped and quickly realized he was hit"
DOUBT_ENDS = {".", ";", "!", "?", "who", "and", "but", "realized", "learned", "discovered"}
DOUBTED = {
    *("appear", "appears", "appeared", "believe", "believed", "think", "know", "knew"),
    *("reports", "report", "indication", "indications", "evidence", "sign", "signs"),
}


def _fighting_for_life(words: list[str], i: int) -> bool:
    """'fighting for his life', 'clinging to life' at token i ('life')."""
    before = words[max(i - 3, 0) : i]
    return before[-3:-1] in (["fighting", "for"], ["fights", "for"]) or before[-2:] in (
        ["clinging", "to"],
        ["clings", "to"],
    )


def _fatal_nearby(words: list[str], i: int) -> bool:
    """'fatally shot', 'shot dead', 'stabbed to death', 'shot and killed', 'shot a Jubo League
    activist to death', 'beaten and chopped to death'."""
    before, after = words[max(i - 2, 0) : i], words[i + 1 : i + 3]
    return (
        bool(set(before) & {"fatally", "mortally", "fatal", "deadly"})
        or (bool(after) and after[0] in FATAL_MODIFIERS)
        or (words[i] in BURNS and "alive" in after)  # "were burnt alive"
        or after in (["to", "death"], ["and", "killed"])
        or _to_death_after(words, i)
    )


def _to_death_after(words: list[str], i: int) -> bool:
    """'to death' a few words on, in the same clause. A hyphenated age counts as one word:
    'shot his 8-year-old son to death'."""
    counted = 0
    for k in range(i + 1, len(words) - 1):
        if words[k] == "-" or words[k - 1] == "-":
            continue
        counted += 1
        if counted >= TO_DEATH_REACH:
            return False
        if words[k] in {",", ";", ".", "but", "while", "when", "after"}:
            return False
        if words[k] == "to" and words[k + 1] == "death":
            return True
    return False


# What those who shoot do, right after their count: the count is theirs, not the victims'.
SHOOTERS_ACTS = {"returned", "fired", "opened", "exchanged", "responded", "surrounded"}


def _link_forward(
    doc: Doc, sent: Span, q: Quantity, next_q: int, skip: set[int]
) -> tuple[str, int] | None:
    """The trigger after a quantity: '39 people were killed', '21 dead'. Tokens in `skip`
    (a parenthetical ', including two children,') neither count nor stop the search."""
    cols = columns(doc)
    steps = 0
    skip = (
        skip
        | _ages_aside(doc, sent, q.end)
        | _inclusion_aside(doc, sent, q.end)
        | _hyphenated_words(doc, q.end, sent.end)
    )
    for i in range(q.end, min(next_q, sent.end)):
        if i in skip:
            continue
        steps += 1
        if steps > FORWARD_WINDOW:
            return None
        if (
            cols.lowers[i] in {"and", "or"}
            and steps == 1
            and i + 1 < sent.end
            and (doc[i + 1].tag_.startswith("VB") or _trigger(doc, i + 1, active=True))
        ):
            return None  # "killed nine officers and wounded two": the verb before governs
        kind = _trigger(doc, i, active=False)
        if kind:
            # "3 gunmen killed 12 people": the first count is the agent, not a victim.
            if _count_follows(doc, sent, i + 1) or _acts_on_someone(doc, sent, q, i):
                return None
            if _subject_of_its_own(doc, q, i, skip):
                return None  # "the two men argued and that Miller shot Russell"
            return kind, i
        word = cols.lowers[i]
        if word in CLAUSE_BREAKS:
            return None
        if steps <= 2 and word in SHOOTERS_ACTS:
            return None  # "as many as seven officers returned fire and Wilkes was shot"
        content = (
            not doc[i].is_punct and word not in LINK_FILLERS and not cols.texts[i][:1].isupper()
        )
        if content and doc[i].tag_.startswith(("VB", "NN")) and steps > 2:
            return None
    return None


BACK_REFERENCES = {"both", "all", "each", "they", "them"}


def _subject_of_its_own(doc: Doc, q: Quantity, trigger: int, skip: set[int]) -> bool:
    """The trigger's parsed subject lies between the count and it, so the count is someone
    else: "the two men argued and that Miller shot Russell". A relative pronoun ("two men who
    were shot") or a word pointing back ("found two men, both were shot") stands for the count
    itself."""
    if not parsed(doc):
        return False
    return any(
        child.dep_ in {"nsubj", "nsubjpass"}
        and q.end <= child.i < trigger
        and child.i not in skip
        and child.tag_ not in {"WP", "WDT"}
        and child.lower_ not in BACK_REFERENCES
        for child in doc[trigger].children
    )


def _and_then_killed(doc: Doc, sent: Span, figure: Figure, trigger: int) -> Figure | None:
    """'Three guards were seized and killed', '... taken hostage and later shot dead': the
    people of a count that another outcome took first died too."""
    words = columns(doc).lowers
    if figure.kind == "killed" or trigger < 0 or trigger + 2 >= sent.end:
        return None
    k = trigger + 1
    if words[k] != "and":
        return None
    k += 1
    if words[k] == "later" and k + 1 < sent.end:
        k += 1
    if _trigger(doc, k, active=False) != "killed":
        return None
    start, end, text = _span_text(doc, trigger, k + 1)
    return dataclasses.replace(
        figure, kind="killed", trigger_tokens=(k,), start=start, end=end, text=text
    )


def _object_of_the_verb_before(
    doc: Doc, sent: Span, q: Quantity, prev_q_end: int
) -> tuple[str, int] | None:
    """'the raid killed 5 rebels near the camp and wounded a few others': a count right after an active
    casualty verb is its object, whatever trigger follows it."""
    if q.start <= sent.start or q.start - 1 < prev_q_end:
        return None
    if _trigger(doc, q.start - 1, active=True) not in {"killed", "injured"}:
        return None
    link = _link_backward(doc, sent, q, prev_q_end)
    return link if link is not None and link[1] == q.start - 1 else None


def _hyphenated_words(doc: Doc, start: int, end: int) -> set[int]:
    """Tokens of a hyphenated modifier ("non-life-threatening injuries"): one word, not five
    steps between a count and its trigger. Ages ("18-year-old") are people, not modifiers, and
    a spaced dash is punctuation."""
    cols = columns(doc)
    skipped: set[int] = set()
    k = start
    while k < end:
        run = [k]
        while (
            run[-1] + 2 < end
            and cols.texts[run[-1] + 1] == "-"
            and not doc[run[-1]].whitespace_
            and not doc[run[-1] + 1].whitespace_
        ):
            run += [run[-1] + 1, run[-1] + 2]
        words = [cols.lowers[t] for t in run[::2]]
        if (
            len(run) > 1
            and not any(doc[t].like_num for t in run)
            and not {"old", "year", "years"} & set(words)
            and not _trigger(doc, run[-1], active=False)
        ):
            skipped.update(run)
        k = run[-1] + 1
    return skipped


def _counted_noun(number: Token) -> Token:
    """The noun a number counts: 'Three government force personnel' counts 'personnel'."""
    noun = number.head
    while noun.dep_ in {"compound", "nmod"} and noun.head.i != noun.i:
        noun = noun.head  # "Two Central Reserve Police Force (CRPF) personnel"
    return noun


# How far before a count a person coordinated with it may start: "A woman and two other men".
CONJOINED_BEFORE = 5


def _one_more_each(doc: Doc, q: Quantity, trigger: int) -> int:
    """People coordinated with the counted noun, one each ('and an army commando', 'and a
    policeman'; 'a woman and two other men', 'she and three others'), before the trigger;
    counts of their own are quantities of their own."""
    if not parsed(doc):
        return 0
    number = next((t for t in doc[q.start : q.end] if t.dep_ == "nummod"), None)
    if number is None:
        return 0
    if 0 <= trigger < q.start:
        return _one_more_before(doc, q, trigger, _counted_noun(number))
    if trigger < q.end:
        return 0
    extra = 0
    for conj in _counted_noun(number).conjuncts:
        if q.start - CONJOINED_BEFORE <= conj.i < q.start and conj.lower_ in {"he", "she"}:
            extra += 1  # "after she and three others were shot"
            continue
        before = q.start - CONJOINED_BEFORE <= conj.i < q.start
        if not (before or q.end <= conj.i < trigger) or conj.tag_ != "NN":
            continue
        if conj.lower_ in NOT_PERSON_NOUNS or conj.ent_type_ not in {"", "PERSON"}:
            continue
        if conj.lower_ in SINGULAR_PERPETRATORS:
            continue  # counted apart (_attacker_alongside)
        if any(c.dep_ == "det" and c.lower_ in {"a", "an", "one"} for c in conj.children):
            extra += 1
    return extra


def _attacker_alongside(doc: Doc, q: Quantity, trigger: int) -> Token | None:
    """'The bomber and eight worshippers were killed', 'two civilians and the assailant died':
    one attacker coordinated with the victims counted, before the trigger. Databases of attacks
    count the attacker apart (see Figure.perpetrators)."""
    if not parsed(doc) or trigger < q.end or q.group == "perpetrators":
        return None
    number = next((t for t in doc[q.start : q.end] if t.dep_ == "nummod"), None)
    if number is None:
        return None
    counted = _counted_noun(number)
    for other in (
        (counted.head, *counted.conjuncts) if counted.dep_ == "conj" else counted.conjuncts
    ):
        if other.i >= trigger or other.lower_ not in SINGULAR_PERPETRATORS or other.tag_ != "NN":
            continue
        if any(c.dep_ == "det" and c.lower_ in {"a", "an", "the", "one"} for c in other.children):
            return other
    return None


def _one_more_before(doc: Doc, q: Quantity, trigger: int, counted: Token) -> int:
    """'shot his wife and two young sons', 'killed her and three other people': one person each
    coordinated between the trigger and the count."""
    if counted.dep_ != "conj":
        return 0  # "his wife, two young children": an apposition may name the same people
    return sum(1 for conj in counted.conjuncts if trigger < conj.i < q.start and _one_person(conj))


def _one_person(token: Token) -> bool:
    if token.tag_ == "PRP":
        return token.lower_ in {"her", "him"}
    return (
        token.tag_ == "NN"
        and token.lower_ in SINGULAR_PERSONS
        and any(c.dep_ in {"det", "poss"} for c in token.children)
    )


def _day_of_month(doc: Doc, sent: Span, q: Quantity) -> bool:
    """'killed on 11 September', 'killed om 4 [October]': a day, not a count."""
    cols = columns(doc)
    return (
        q.group is None
        and q.min is not None
        and 1 <= q.min <= 31
        and q.start > sent.start
        and cols.lowers[q.start - 1] in {"on", "om"}
    )


def _parsed_link(doc: Doc, sent: Span, q: Quantity) -> tuple[str, int] | None:
    """'Five women in a village in Jharkhand's Mandar block were lynched', 'four people,
    including a police official, were killed': the parse's verb of the counted people, when
    more words stand between them than the window crosses. Passive (or intransitive) only: the
    subject of an active 'killed' is the killer."""
    cols = columns(doc)
    if not parsed(doc) or (q.start > sent.start and cols.lowers[q.start - 1] == "of"):
        return None  # "one of three people hit by gunfire has died": the one died
    number = next((t for t in doc[q.start : q.end] if t.dep_ == "nummod"), None)
    if number is None:
        return None
    noun = _counted_noun(number)
    between = doc[number.i + 1 : noun.i]
    if not 0 < noun.i - number.i <= COUNTED_NOUN_GAP or any("\n" in t.text for t in between):
        return None  # "14\n\nA teen bow hunter died": a number the parse hung on a later noun
    coordinated = False
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head  # "two militants and three soldiers were killed"
        coordinated = True
    verb = noun.head
    if not (sent.start <= verb.i < sent.end):
        return None
    if coordinated and noun.dep_ == "dobj" and verb.i < q.start:
        # "killed seven militants of the NSCN-K and two civilians": one verb, both objects
        kind = _trigger(doc, verb.i, active=True)
        return (kind, verb.i) if kind else None
    if verb.i < q.end or any("\n" in t.text for t in doc[noun.i : verb.i]):
        return None
    intransitive = verb.lower_ in INTRANSITIVE_TRIGGERS and noun.dep_ == "nsubj"
    if noun.dep_ != "nsubjpass" and not intransitive:
        return None
    kind = _trigger(doc, verb.i, active=False)
    return (kind, verb.i) if kind else None


def _ages_aside(doc: Doc, sent: Span, i: int) -> set[int]:
    """', ages 15 and 17,' right after a count: an aside to step over, like a breakdown."""
    cols = columns(doc)
    if i + 1 >= sent.end or cols.texts[i] != "," or cols.lowers[i + 1] not in {"ages", "aged"}:
        return set()
    for j in range(i + 2, min(i + 10, sent.end)):
        if cols.texts[j] == ",":
            return set(range(i, j + 1))
    return set()


ALONGSIDE = (["along", "with"], ["as", "well", "as"], ["together", "with"])


def _alongside(words: list[str], start: int, first: int) -> bool:
    """'along with', 'as well as', 'together with' right before the count at start."""
    return any(words[max(start - len(p), first) : start] == p for p in ALONGSIDE)


def _attacker_included(doc: Doc, sent: Span, start: int, end: int) -> bool:
    """'5 dead, including gunman', 'four troops including the gunman dead': the count takes
    in the attacker."""
    words = columns(doc).lowers
    for j in range(start, min(end + 3, sent.end)):
        if words[j] == "including":
            after = [w for w in words[j + 1 : j + 4] if w not in {"the", "a", "an", "one"}]
            return bool(after) and after[0] in SINGULAR_PERPETRATORS
    return False


def _inclusion_aside(doc: Doc, sent: Span, i: int) -> set[int]:
    """'four troops including the gunman dead': a part named without commas, after the counted
    noun, up to the trigger (a few words at most), stepped over like a breakdown."""
    cols = columns(doc)
    start = next((j for j in range(i, min(i + 3, sent.end)) if cols.lowers[j] == "including"), None)
    if start is None or (start > i and not doc[i].tag_.startswith("NN")):
        return set()
    for j in range(start + 1, min(start + 5, sent.end)):
        if _trigger(doc, j, active=False) or cols.texts[j] in {",", ";", "."}:
            return set(range(start, j)) if j > start + 1 else set()
    return set()


def _count_follows(doc: Doc, sent: Span, i: int) -> bool:
    cols = columns(doc)
    if i >= sent.end:
        return False
    two = " ".join(t.lower_ for t in doc[i : min(i + 2, sent.end)])
    return (
        doc[i].like_num
        or cols.lowers[i] in {"dozens", "scores", "hundreds", "nearly", "about"}
        or two in {"at least", "more than", "as many", "up to"}
    )


def _acts_on_an_animal_or_thing(doc: Doc, sent: Span, i: int) -> bool:
    """'A probation officer shot and killed a dog', 'she shot her neighbor's dog': no auxiliary
    before the verb (or a second verb after it) and an animal or a thing as its object: the
    one before it acted, and no one was hit."""
    words = columns(doc).lowers
    if i > sent.start and words[i - 1] in AUXILIARIES:
        return False
    k = i + 2 if i + 2 < sent.end and words[i + 1] == "and" and words[i + 2] in TRIGGER_WORDS else i
    if k + 1 >= sent.end or words[k + 1] not in OBJECT_STARTS:
        return False
    for j in range(k + 2, min(k + 7, sent.end)):
        if words[j] in NOT_PERSON_NOUNS or words[j] in ANIMALS:
            return True
        if words[j] == "'s" or (j + 1 < sent.end and words[j + 1] == "'s"):
            continue  # "her neighbor's dog": the owner's name runs on to the animal
        if words[j] in SINGULAR_PERSONS or words[j] in GROUPS or not doc[j].is_alpha:
            return False
        if doc[j].tag_ == "IN":
            return False  # the object ended: "shot him in the back"
    return False


def _acts_on_someone(doc: Doc, sent: Span, q: Quantity, i: int) -> bool:
    """'Two masked intruders shot the homeowner': with no auxiliary before it and someone
    after it, the verb is active and the count its agent."""
    cols = columns(doc)
    if any(t.lower_ in AUXILIARIES for t in doc[q.end : i]):
        return False
    # "Two deputies shot and killed a man": the object comes after a second verb
    k = (
        i + 2
        if i + 2 < sent.end and cols.lowers[i + 1] == "and" and _trigger(doc, i + 2, active=True)
        else i
    )
    # "the two officers who transported Amiracle to the hospital": a name is an object too
    return k + 1 < sent.end and (cols.lowers[k + 1] in OBJECT_STARTS or _named(doc, k + 1))


def _link_backward(doc: Doc, sent: Span, q: Quantity, prev_q_end: int) -> tuple[str, int] | None:
    cols = columns(doc)
    if q.start > sent.start and cols.lowers[q.start - 1] == "by":
        return None  # "shot by two young men": the agents
    if (
        q.start - 2 >= sent.start
        and cols.lowers[q.start - 1] == "and"
        and _trigger(doc, q.start - 2, active=False)
    ):
        # "two were killed and 25 others, three with bullets, were injured": the count opens a
        # clause of its own whose verb the forward window did not reach
        return None
    if q.start > sent.start and cols.lowers[q.start - 1] in TOLL_VERBS:
        for i in range(q.start - 2, max(q.start - TOLL_WINDOW, prev_q_end, sent.start) - 1, -1):
            if cols.lowers[i] == "toll":
                return "killed", i
    start = max(q.start - BACKWARD_WINDOW, prev_q_end, sent.start)
    for i in range(q.start - 1, start - 1, -1):
        word = cols.lowers[i]
        if word in CLAUSE_BREAKS or word in SUBORDINATORS or word == ",":
            return None  # "after the shooting, the four suspects fled": not its object
        kind = _trigger(doc, i, active=True)
        if kind:
            if _aimed_at(cols.lowers, i, q.start):
                return None  # "shot at two teens, but missed": targets, not victims
            return kind, i
        if doc[i].tag_ in FINITE_VERB_TAGS and word not in TOLL_VERBS | COUNT_VERBS:
            return None  # "the shooting and feeds around 300 kids": another verb's object
    return None


def _aimed_at_someone(words: list[str], i: int) -> bool:
    """'shot at two teens', 'shot at him', 'shot at a deputy': "at" and, within a few words,
    a person or a pronoun (not "at a party", "at 5 p.m.", "at close range")."""
    if words[i + 1 : i + 2] != ["at"] or words[i + 2 : i + 3] in (["least"], ["most"]):
        return False
    for word in words[i + 2 : i + 6]:
        if word in TARGET_PRONOUNS or word in GROUPS or word in SINGULAR_PERSONS:
            return True
        if word in {",", ".", ";", "and", "in", "on", "near", "outside", "while"}:
            return False
    return False


TARGET_PRONOUNS = {"him", "her", "them", "us", "me", "police"}


def _aimed_at(lowers: list[str], trigger: int, count: int) -> bool:
    """'shot at two teens', 'firing at three officers': the verb's "at" (not "at least")
    names whom the shots were aimed at; whether they hit is told elsewhere."""
    at = trigger + 1
    return at < count and lowers[at] == "at" and lowers[at + 1] not in {"least", "most"}


FINITE_VERB_TAGS = {"VBZ", "VBP", "VBD"}
# Verbs that may stand between a toll and its count: "the death toll includes three children".
COUNT_VERBS = {"include", "includes", "included", "are", "were", "numbered", "totaled"}


def _fatally_after(doc: Doc, sent: Span, q: Quantity) -> bool:
    """'one fatally', 'two of them fatally', 'one mortally': a count told as the dead among
    those shot."""
    cols = columns(doc)
    i = q.end
    if i + 1 < sent.end and cols.lowers[i] == "of" and cols.lowers[i + 1] in {"them", "whom"}:
        i += 2
    while i < sent.end and doc[i].is_space:
        i += 1
    return i < sent.end and cols.lowers[i] in {"fatally", "mortally"}


def _partitive(doc: Doc, q: Quantity) -> bool:
    cols = columns(doc)
    return any(
        cols.lowers[j] == "of" and cols.lowers[j + 1] in {"them", "whom", "those"}
        for j in range(q.start, q.end - 1)
    )


def _subset_cue(doc: Doc, sent: Span, q: Quantity, next_start: int) -> bool:
    before = {t.lower_ for t in doc[max(q.start - 3, sent.start) : q.start]}
    if before & SUBSET_BEFORE:
        return True
    # Right after the count ("four among them"): in "ten people died; among them were four
    # children" or "shot six people, killing four of them" the cue is the next count's.
    after = " ".join(t.lower_ for t in doc[q.end : min(q.end + 2, next_start, sent.end)])
    if any(after.startswith(cue) for cue in SUBSET_AFTER):
        return True
    # "shot, one critically": a severity with no verb after it (not "two others critically
    # wounded", whose count is of its own)
    severity = q.end < sent.end and doc[q.end].lower_ in SEVERITY_ADVERBS
    return severity and (q.end + 1 >= sent.end or not doc[q.end + 1].tag_.startswith("VB"))


def _span_text(doc: Doc, start_tok: int, end_tok: int) -> tuple[int, int, str]:
    span = doc[start_tok:end_tok]
    return span.start_char, span.end_char, span.text


def extract_figures(doc: Doc, *, headline_end: int = 0) -> list[Figure]:
    """`headline_end`: where the title read as the first sentence ends (characters;
    enrich.headline), 0 for none. Only there may a bare noun be one person ("Man shot")."""
    figures: list[Figure] = []
    sentences = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
    words = columns(doc).lowers
    first_body = next((n for n, s in enumerate(sentences) if s.start_char >= headline_end), -1)
    for number, sent in enumerate(sentences):
        if not (REFLEXIVES | {"own"}).isdisjoint(words[sent.start : sent.end]):
            figures.extend(_shooter_turned_on_self(doc, sent, number))
        figures.extend(_named_by_the_crime(doc, sent, number))
        if CASUALTY_WORDS.isdisjoint(words[sent.start : sent.end]):
            continue
        # An age after its person ("kills man, 18") and a photo gallery's counter ("Image 1 of
        # 16 A man died") are no counts, and cover no words another rule may read.
        quantities = [
            q
            for q in find_quantities(sent)
            if not (
                _age_after_a_person(doc, sent, q)
                or _a_gallerys_count(doc, q)
                or _a_decade_of_age(doc, q)
            )
        ]
        linked_triggers: set[int] = set()
        previous_end = sent.start
        for k, q in enumerate(quantities):
            if _day_of_month(doc, sent, q):
                continue
            next_start, skip = _next_boundary(doc, sent, quantities, k)
            link = (
                _object_of_the_verb_before(doc, sent, q, previous_end)
                or _link_forward(doc, sent, q, next_start, skip)
                or _link_backward(doc, sent, q, previous_end)
                or _parsed_link(doc, sent, q)
            )
            previous_end = q.end
            if q.unknown_noun and (
                link is None or link[1] < q.start or "," in words[q.end : link[1]]
            ):
                # "killed 3 horses" is not a casualty count; "3 motorcyclists were killed" is;
                # "Three bursts of gunfire, three dead" counts bursts
                continue
            if (
                link is not None
                and words[link[1]] in THINGS_HIT
                and (_things(doc, q) or (words[link[1]] in BURNS and _of_things(words, q)))
            ):
                continue  # "five vehicles were struck by gunfire", "struck two police cars"
            following = quantities[k + 1].start if k + 1 < len(quantities) else sent.end
            subset = _subset_cue(doc, sent, q, following)
            fatal = _fatally_after(doc, sent, q)
            same_sentence = bool(figures) and figures[-1].sentence == number
            if link is None and not ((subset or fatal) and same_sentence):
                continue
            kind, trigger_at = link if link else (figures[-1].kind, -1)
            if kind == "injured" and fatal:
                # "Three people were shot, one fatally": the dead among everyone hit, a death
                # toll of its own (the survivors are counted when the incident is assembled).
                kind, subset = "killed", False
                if same_sentence and figures[-1].kind == "injured":
                    figures[-1].everyone_shot = True  # "six people wounded -- two mortally"
            # "Six were killed, four of them children": a part of the count before it, unless
            # it counts another outcome ("shot six people, killing four of them").
            if _partitive(doc, q) and figures and figures[-1].sentence == number:
                subset = subset or figures[-1].kind == kind
            if trigger_at < 0:
                first, last = q.start, q.end
            elif trigger_at < q.start:  # "killing 21 civilians", "the deaths of 21 civilians"
                first, last = trigger_at, q.end
            else:  # "39 people were killed"
                first, last = q.start, trigger_at + 1
            start, end, text = _span_text(doc, first, last)
            # "Four militants and an army commando were killed": five.
            alongside = _alongside(words, q.start, sent.start)
            extra = _one_more_each(doc, q, trigger_at) if q.min is not None and not alongside else 0
            # "A police officer and one assailant were killed": the one before is no attacker
            # (_one_more_each leaves attackers out); the victims count apart from them
            victims_before = extra if q.group == "perpetrators" else 0
            extra -= victims_before
            figure = Figure(
                kind,
                q.min + extra if q.min is not None else None,
                q.max + extra if q.max is not None else None,
                q.qualifier,
                q.group,
                start,
                end,
                text,
                number,
                subset=subset,
                perpetrators=q.group == "perpetrators",
                trigger_tokens=(trigger_at,) if trigger_at >= 0 else (),
                estimate=q.estimate,
                everyone_shot=kind == "injured"
                and trigger_at >= 0
                and words[trigger_at] in EVERYONE_HIT,
                with_one_before=extra > 0,
                with_attacker=kind == "killed"
                and _attacker_included(doc, sent, q.start, max(q.end, trigger_at + 1)),
            )
            if subset:
                figure.parent = _in_sentence_total(figures, number, kind)
            figures.append(figure)
            if victims_before:
                figures.append(
                    _exact_figure(kind, victims_before, (start, end, text), number, everyone=False)
                )
            then_killed = _and_then_killed(doc, sent, figure, trigger_at)
            if then_killed is not None:
                figures.append(then_killed)
            besides = attackers_besides(sent, q.start) if not subset else None
            if besides is None and not subset and trigger_at > q.start:
                besides = attackers_after(sent, trigger_at + 1)
            if besides is not None:
                # "In addition to the perpetrator, seven people were killed"; "Eight people
                # were killed, in addition to the three perpetrators"
                count, named_at = besides
                span = _span_text(doc, named_at, named_at + 1)
                figures.append(_attackers_figure(kind, count, span, number, words[named_at]))
            attacker = _attacker_alongside(doc, q, trigger_at) if not subset else None
            if attacker is not None:
                a_start, a_end, a_text = _span_text(doc, attacker.i, attacker.i + 1)
                figures.append(
                    Figure(
                        kind,
                        1,
                        1,
                        "exact",
                        "perpetrators",
                        a_start,
                        a_end,
                        a_text,
                        number,
                        implicit=True,
                        perpetrators=True,
                        subject=attacker.lower_,
                    )
                )
            if alongside:
                # "Paru was killed along with six other militants", "a commander, as well as
                # four other militants, were killed": others besides the one the verb also tells
                figure.additional_by_words = True
            elif trigger_at >= 0:
                linked_triggers.add(trigger_at)
        figures.extend(_zero_casualties(doc, sent, number, quantities))
        # A headline drops its articles; so do conflict notes' first sentences ("MQM activist
        # was gunned down in Orangi Town"); teasers of other stories further down do too, and
        # are not read so.
        headline = sent.start_char < headline_end or number == first_body
        counts = [q for q in quantities if not _day_of_month(doc, sent, q)]
        # "a commander, as well as four other militants, were killed": the one besides the
        # count is found through it
        besides = [q for q in counts if not _alongside(words, q.start, sent.start)]
        implicit = _implicit(doc, sent, number, linked_triggers, besides, headline)
        _counted_with_one_of_them_dead(figures, implicit, number)
        figures.extend(implicit)
        if headline:
            _listed_in_the_headline(doc, sent, number, figures, counts)
    text = columns(doc).full_text
    figures = [f for f in figures if not _in_a_link_to_another_story(text, f.start)]
    _supersede_injured_by_death(figures)
    for figure in figures:
        lead = text[max(0, figure.start - ADDITION_LOOKBACK) : figure.start]
        ordinal = figure.implicit and ORDINAL.match(figure.text)
        # "A 13-year-old boy and six other people were shot": seven, the boy with them
        figure.additional = (
            bool(ordinal)
            or figure.additional_by_words
            or (
                not figure.with_one_before
                and bool(ADDITION.search(figure.text) or ADDITION.search(lead.rsplit(".", 1)[-1]))
            )
            # "A woman and two other men were also shot": "other" counts the woman in, "also"
            # still says they are besides those counted before
            or (figure.with_one_before and ALSO.search(figure.text) is not None)
        )
    figures.sort(key=lambda f: f.start)
    return figures


def ordinal_of(figure: Figure) -> int | None:
    """'a third policeman later died': the place the person takes among those counted (3)."""
    found = ORDINAL.match(figure.text) if figure.implicit else None
    return ORDINAL_VALUES[found.group(1).lower()] if found else None


def _named_by_the_crime(doc: Doc, sent: Span, number: int) -> list[Figure]:
    """'a double homicide', 'a triple shooting' (everyone hit), 'a double murder-suicide' (two
    dead and the attacker); 'charged in Sunday's shooting death', 'homicide victim' (one
    dead)."""
    figures = []
    for m in find_multiples(sent):
        span = _span_text(doc, m.start, m.end)
        figures.append(_exact_figure(m.kind, m.count, span, number, everyone=m.kind == "injured"))
        if m.suicide:
            figures.append(_attackers_figure("killed", 1, span, number))
    for death in find_named_deaths(sent):
        figure = _exact_figure(
            "killed", 1, _span_text(doc, death.start, death.end), number, everyone=False
        )
        # most often the death the story tells with a verb too ("was shot … charged in his
        # death"): one person, who may be counted already
        figure.implicit, figure.refers_back, figure.subject = True, True, "victim"
        figures.append(figure)
    return figures


def _exact_figure(
    kind: str,
    count: int,
    span: tuple[int, int, str],
    number: int,
    *,
    everyone: bool,
    trigger_tokens: tuple[int, ...] = (),
) -> Figure:
    """An exact count of people that no single number spells ("a double homicide", a
    headline's list)."""
    start, end, text = span
    return Figure(
        kind,
        count,
        count,
        "exact",
        "people",
        start,
        end,
        text,
        number,
        trigger_tokens=trigger_tokens,
        everyone_shot=everyone,
    )


def _attackers_figure(
    kind: str, count: int, span: tuple[int, int, str], number: int, subject: str | None = "self"
) -> Figure:
    """The attackers' own harm ("then turned the gun on himself"), kept out of the victims'."""
    figure = _exact_figure(kind, count, span, number, everyone=False)
    figure.group, figure.implicit, figure.perpetrators = "perpetrators", True, True
    figure.subject = subject
    return figure


HEADLINE_REACH = 60  # tokens


def _listed_in_the_headline(
    doc: Doc, sent: Span, number: int, figures: list[Figure], quantities: list[Quantity]
) -> None:
    """'Mother, toddler killed', 'Man kills wife, son, daughter, then himself': the whole list
    replaces the figures found for its parts."""
    words = columns(doc).lowers
    opening = sent.start
    # A headline's list comes early; a long first sentence is not read to its end.
    for i in range(sent.start, min(sent.end, sent.start + HEADLINE_REACH)):
        if words[i] in {":", "—", "--"}:
            opening = i + 1
        if words[i] in {"and", "while"} and i > sent.start and words[i - 1] in TRIGGER_WORDS:
            opening = i + 1  # "A man was killed and his wife, son and a neighbor were wounded"
        if words[i] not in TRIGGER_WORDS:
            continue
        passive, active = _trigger(doc, i, active=False), _trigger(doc, i, active=True)
        found, kind = None, None
        if passive in {"killed", "injured"}:
            found, kind = subject_list(doc, sent, opening, i, quantities), passive
        if found is None and active in {"killed", "injured"}:
            found, kind = object_list(doc, sent, i, quantities), active
        if found is None or kind is None:
            continue
        start, end, text = _span_text(doc, min(found.start, i), max(found.end, i + 1))
        figures[:] = [
            f
            for f in figures
            if not (
                f.sentence == number
                and f.kind == kind
                and not f.perpetrators
                and f.start < end
                and f.end > start
            )
        ]
        everyone = kind == "injured" and words[i] in EVERYONE_HIT
        figures.append(
            _exact_figure(
                kind,
                found.victims,
                (start, end, text),
                number,
                everyone=everyone,
                trigger_tokens=(i,),
            )
        )
        if found.attackers and not any(f.perpetrators and f.sentence == number for f in figures):
            subject = "self" if found.attackers == 1 else None
            figures.append(
                _attackers_figure(kind, found.attackers, (start, end, text), number, subject)
            )


# "killed himself", "kills wife, self": the one who did it, hurt by his own hand.
REFLEXIVES = {"himself", "herself", "self"}
SELF_HARM_VERBS = {"killed", "kills", "killing", "shot", "shoots", "shooting", "stabbed"}
BLEW_UP = {"blew", "blows", "blowing"}  # "a suicide bomber blew himself up"
TURNING = {"turned", "turning", "turns"}
TURNED_ON = ("the", "gun", "on")  # "turned the gun on himself"
OBJECT_LIST_REACH = 12
LIMBS = {"leg", "legs", "foot", "feet", "hand", "hands", "arm", "arms", "thigh", "knee", "finger"}


# A link to another story that a scraped page keeps in its text: "RELATED: Two charged with
# murder in death of toddler", "More: Former officer dies after crash". Its figures are that
# story's. The label starts the link; the link runs to the next sentence's end at most.
_LINK_LABEL = re.compile(
    r"(?:^|(?<=[\s.!?\"”\[]))(?:RELATED(?: STORIES| COVERAGE)?|Related(?: [Ss]tories| coverage)?|"
    r"READ MORE|Read [Mm]ore|MORE|More|ALSO|Also [Rr]ead|SEE ALSO|See [Aa]lso|READ|"
    # a teaser's own headline in capitals, "SCHOOL EVACUATED:", "OTHER NEWS:" (not the story's
    # own "BREAKING NEWS:" or "UPDATE:")
    r"(?!(?:[A-Z]+ )*(?:UPDATE|UPDATED|BREAKING|DEVELOPING|LIVE|EXCLUSIVE|WATCH)\b)"
    r"[A-Z]{2,}(?: [A-Z]{2,}){1,3})\s?:"
)
LINK_REACH = 160


def _in_a_link_to_another_story(text: str, start: int) -> bool:
    lead = text[max(0, start - LINK_REACH) : start]
    labels = list(_LINK_LABEL.finditer(lead))
    if not labels:
        return False
    label = labels[-1]
    # The link ends where a sentence or a paragraph ends after it ("... toddler. Police said",
    # "... in SE DC shooting  Three other men were also shot").
    between = text[max(0, start - LINK_REACH) + label.end() : start + 1]
    return re.search(r"[.!?][\"”']?\s+[A-Z]|\s\s+|\n", between) is None


def _shooter_turned_on_self(doc: Doc, sent: Span, number: int) -> list[Figure]:
    """Murder-suicides: 'then killed himself', 'turned the gun on herself', 'killed his son,
    then himself', 'kills wife, stepson, self'. The shooter's own death (or wound:
    'shot himself in the leg') is the attackers' figure (Figure.perpetrators), kept out of the
    victims'; someone who harmed no one else ('a boy, 3, shot himself') is a victim."""
    cols = columns(doc)
    words = cols.lowers
    out: list[Figure] = []
    for r in range(sent.start + 2, sent.end - 1):
        # "took his own life after he shot a deputy": a suicide told without a reflexive
        if (
            words[r] == "own"
            and words[r + 1] in {"life", "lives"}
            and words[r - 2] in {"took", "taking", "takes", "take"}
            and (_harmed_someone_before(doc, sent.start, r) or _harms_after(words, r, sent.end))
        ):
            out.append(_attackers_figure("killed", 1, _span_text(doc, r - 2, r + 2), number))
    for r in range(sent.start + 1, sent.end):
        if words[r] not in REFLEXIVES or (
            words[r] == "self" and "-" in (cols.texts[r - 1], cols.texts[min(r + 1, sent.end - 1)])
        ):
            continue  # "kills wife, self" holds; "self-inflicted", "self-defense" do not
        verb = _verb_of_reflexive(words, sent.start, r)
        if verb is None:
            continue
        # After harming someone else ("shot his wife and then himself", "killed his son, then
        # himself", "turned the gun on herself"), the shooter's own shot is most often his
        # death; alone ("a boy, 3, shot himself with a gun"), most often an accident's wound.
        accident = "accidentally" in words[max(verb - 3, sent.start) : verb]
        after_others = (
            not accident
            and (
                words[verb] in TURNING | BLEW_UP
                or verb < r - 1
                or words[verb - 1] in {"then", "before"}
                or _harmed_someone_before(doc, sent.start, verb)
                # "detonated his vest, killing himself and five civilians"
                or (
                    words[verb] in {"killed", "kills", "killing"}
                    and words[r + 1 : r + 2] == ["and"]
                )
            )
        )
        limb = any(w in LIMBS for w in words[r + 1 : r + 5])
        fatal = words[verb] in {"killed", "kills", "killing", *BLEW_UP} or _fatal_nearby(
            words, verb
        )
        kind = "killed" if fatal or (after_others and not limb) else "injured"
        start, end, text = _span_text(doc, verb, r + 1)
        out.append(
            Figure(
                kind,
                1,
                1,
                "exact",
                "perpetrators" if after_others else "people",
                start,
                end,
                text,
                number,
                implicit=True,
                perpetrators=after_others,
                subject="self",
            )
        )
    return out


def _harms_after(words: list[str], r: int, end: int) -> bool:
    """'took his own life after he shot a deputy': the harm told after the suicide."""
    rest = words[r + 2 : min(r + 14, end)]
    return "after" in rest and any(w in SELF_HARM_VERBS or w == "wounding" for w in rest)


def _the_shooter_stopped(doc: Doc, sent: Span, subject: int, trigger: int) -> bool:
    """'... killing eight people and wounding seven others before he was fatally shot by a
    police officer': "he", in a clause after the harm the sentence told, hit by someone, is
    the one who harmed them."""
    words = columns(doc).lowers
    return (
        words[subject] in {"he", "she"}
        and subject > sent.start
        and words[subject - 1] in {"before", "until", "when", "as"}
        and "by" in words[trigger + 1 : min(trigger + 5, sent.end)]
        # with its object: "killing eight people" (a headline's "Deputy injured" has none)
        and _harmed_someone_before(doc, sent.start, subject - 1, verbs=HARMING_VERBS, told=True)
    )


# Active verbs by which someone harmed others earlier in the sentence.
HARMING_VERBS = SELF_HARM_VERBS | {"wounding", "wounded", "wounds", "injuring", "injured"}


def _harmed_someone_before(
    doc: Doc, first: int, verb: int, *, verbs: frozenset | set = SELF_HARM_VERBS, told: bool = False
) -> bool:
    """An active harming verb earlier in the sentence ("shot his wife and then himself"), not
    a passive one ("a hunter was killed after shooting himself": the same person); with
    `told`, one whose object follows it ("killing eight people")."""
    words = columns(doc).lowers
    return any(
        words[k] in verbs
        and (not told or words[k + 1] in OBJECT_STARTS or doc[k + 1].like_num)
        and not any(w in AUXILIARIES for w in words[max(k - 3, first) : k])
        # a headline run into its lead tells one wound twice: "boy shot himself in the leg
        # A teenager shot himself"
        and words[k + 1] not in REFLEXIVES
        and not _participle_after_its_person(doc, first, k)
        for k in range(first, verb)
    )


def _participle_after_its_person(doc: Doc, first: int, k: int) -> bool:
    """'3-year-old child shot and killed in Hamilton': participles right after the person they
    happened to, with no object ('Father kills two children' has one)."""
    words = columns(doc).lowers
    j = k
    while j - 2 >= first and words[j - 1] == "and" and words[j - 2] in SELF_HARM_VERBS:
        j -= 2  # "shot and killed"
    return (
        j > first
        and (words[j - 1] in SINGULAR_PERSONS or _year_old(doc, j - 1))
        and words[k + 1] not in OBJECT_STARTS
        and not doc[k + 1].like_num
        and words[k + 1] not in SINGULAR_PERSONS
    )


def _verb_of_reflexive(words: list[str], first: int, r: int) -> int | None:
    """The verb whose object the reflexive at r is: right before it ("shot himself"), the gun
    turned on it, or a killing verb whose list of objects it ends ("killed his son, then
    himself")."""
    if words[r - 1] in SELF_HARM_VERBS or (
        words[r - 1] in BLEW_UP and words[r + 1 : r + 2] == ["up"]
    ):
        return r - 1
    if r - 4 >= first and tuple(words[r - 3 : r]) == TURNED_ON and words[r - 4] in TURNING:
        return r - 4
    if words[r - 1] not in {",", "and", "then", "before"}:
        return None
    for k in range(r - 2, max(first, r - OBJECT_LIST_REACH) - 1, -1):
        if words[k] in SELF_HARM_VERBS:
            return k
        if words[k] in {".", ";", "but", "who", "which"}:
            return None
    return None


def _of_things(words: list[str], q: Quantity) -> bool:
    """'dozens of homes': a count whose own words name things."""
    return any(w.removesuffix("s") in NOT_PERSON_NOUNS for w in words[q.start : q.end])


def _things(doc: Doc, q: Quantity) -> bool:
    """The count may be of things: its noun is not a known person noun, or a noun follows it."""
    return q.unknown_noun or (q.end < len(doc) and doc[q.end].tag_.startswith("NN"))


# Harms a count may count itself ("numerous injuries", "two deaths"), unlike a verb after it.
COUNTED_HARMS = WOUND_NOUNS | {"deaths", "casualties", "fatalities"}


def _next_boundary(
    doc: Doc, sent: Span, quantities: list[Quantity], k: int
) -> tuple[int, set[int]]:
    """Where the forward search for quantity k must stop: at the next quantity, unless that one
    is a parenthetical part (", including two children, were killed"), which is skipped."""
    cols = columns(doc)
    skip: set[int] = set()
    current = quantities[k]
    for later in quantities[k + 1 :]:
        cue = [
            t.i
            for t in doc[max(later.start - 2, sent.start) : later.start]
            if t.lower_ in SUBSET_BEFORE
        ]
        # "Nineteen children and two teachers were killed" shares one verb; "21 civilians and
        # numerous injuries" does not: there the second count has a trigger of its own.
        # "1 soldier and 1 militant killed" shares the verb after them.
        coordinated = (
            later.start == current.end + 1
            and cols.lowers[current.end] in {"and", ","}
            # "two deceased victims and two injured subjects": each count has its own
            and not any(_trigger(doc, t, active=False) for t in range(current.start, current.end))
            and not (
                later.end < sent.end
                and _trigger(doc, later.end, active=False)
                and cols.lowers[later.end] in COUNTED_HARMS
            )
        )
        if not cue and not coordinated:
            return later.start, skip
        skip.update(range(cue[0] if cue else current.end, later.end))
        current = later
    return sent.end, skip


def _in_sentence_total(figures: list[Figure], sentence: int, kind: str) -> Figure | None:
    for f in reversed(figures):
        if f.sentence == sentence and f.kind == kind and not f.subset:
            return f
    return None


def _zero_casualties(doc: Doc, sent: Span, number: int, quantities: list[Quantity]) -> list[Figure]:
    """'No casualties were reported', 'there were no immediate reports of casualties': zero
    killed and zero injured."""
    out = []
    words = columns(doc).lowers
    for q in quantities:
        if not q.zero:
            continue
        end = q.end
        while end < sent.end and end < q.end + 4 and words[end] in ZERO_FILLERS:
            end += 1
        if end >= sent.end or words[end] not in ZERO_NOUNS:
            continue
        start, stop, text = _span_text(doc, q.start, end + 1)
        out += [
            Figure(kind, 0, 0, "exact", None, start, stop, text, number)
            for kind in ZERO_NOUNS[words[end]]
        ]
    return out


def _implicit(
    doc: Doc,
    sent: Span,
    number: int,
    linked: set[int],
    quantities: list[Quantity],
    headline: bool = False,
) -> list[Figure]:
    """One victim named without a count: 'a man was shot', 'the victim later died'; in a
    headline, 'Man shot'."""
    covered = {i for q in quantities for i in range(q.start, q.end)}
    by_subject: dict[int, Figure] = {}
    words = columns(doc).lowers
    for i in range(sent.start, sent.end):
        if words[i] not in TRIGGER_WORDS or i in linked or i in covered:
            continue
        if i + 1 < sent.end and words[i + 1] in REFLEXIVES:
            continue  # "killed herself": the shooter's own (_shooter_turned_on_self)
        kind = _trigger(doc, i, active=False)
        active = _trigger(doc, i, active=True)
        subject = None
        if (
            kind in {"killed", "injured"}
            and _passive_or_intransitive(doc, i, sent)
            and not _acts_on_an_animal_or_thing(doc, sent, i)
        ):
            subject = _singular_subject(doc, sent, i, covered, headline=headline)
        adjective = False
        if subject is None and kind in {"killed", "injured"}:
            # "found a deceased man", "one dead male", "found an injured woman outside"
            subject = _victim_by_adjective(doc, sent, i, HURT_ADJECTIVES[kind])
            adjective = subject is not None
        if subject is None and active in {"killed", "injured"}:
            # "killed a senior commander", "shot his father", "the shooting death of a child"
            kind, subject = active, _singular_object(doc, sent, i)
            if subject is None and headline:
                subject = _headline_object(doc, sent, i)
        if subject is None:
            continue
        subject_start, perpetrator, definite = subject
        perpetrator = perpetrator or _the_shooter_stopped(doc, sent, subject_start, i)
        first, last = sorted((subject_start, i + adjective))
        if subject_start > i and _year_old_at(doc, subject_start, sent):
            # The span runs through the name: "killed 24-year-old Alex", not "killed 24".
            last = min(subject_start + 5, sent.end - 1)
        start, end, text = _span_text(doc, first, max(last + 1, subject_start + 1))
        people = _conjoined_people(doc, subject_start, i) if subject_start < i else 1
        people = max(people, _names_found_before(doc, i, sent))
        after = columns(doc).lowers[i + 1 : i + 3]
        if subject_start > i or (
            adjective and subject_start < i and not any(w in SINGULAR_PERSONS for w in after)
        ):
            # "found his wife, 26-year-old son, and daughter dead": objects of the finding (not
            # "one deceased male and a second male", whose adjective comes first)
            people = max(people, _listed_objects(doc, sent, subject_start, quantities))
        figure = Figure(
            kind,
            people,
            people,
            "exact",
            "perpetrators" if perpetrator else "people",
            start,
            end,
            text,
            number,
            implicit=True,
            refers_back=definite,
            told_before=columns(doc).lowers[subject_start] in BACK_DETERMINERS,
            perpetrators=perpetrator,
            trigger_tokens=(i,),
            subject=_subject_key(doc, subject_start, i),
        )
        known = by_subject.get(subject_start)
        # One person "shot and later died" is one death, not a death and an injury.
        if known is None or (known.kind == "injured" and kind == "killed"):
            by_subject[subject_start] = figure
    return list(by_subject.values())


def _listed_objects(doc: Doc, sent: Span, start: int, quantities: list[Quantity]) -> int:
    """'shot a farmer, his brother and their cousin', 'killed his wife and daughter', 'killed
    her daughter and two young grandchildren', 'wounding John Smith and 7-year-old Mary Jones':
    the people listed as the verb's objects, the first starting at `start` (`quantities`: the
    sentence's counts, found once by extract_figures). Items joined by
    commas alone make a list only when an "and" closes it: "the victim, a 16-year-old boy, at
    his home" sets one person off twice."""
    j = _object_item_end(doc, sent, start, first=True)
    if j is None:
        return 1
    counts = {q.start: q for q in quantities}
    cols = columns(doc)
    people = listed = 1
    while j + 2 < sent.end and cols.lowers[j + 1] in {",", "and"}:
        k = j + 2
        joined = cols.lowers[j + 1] == "and"
        if cols.lowers[k] == "and" and k + 1 < sent.end:
            k, joined = k + 1, True
        counted = counts.get(k)
        if joined and counted is not None and counted.min and _counts_people(doc, sent, counted):
            # "and two young grandchildren"
            people += counted.min
            listed = people
            j = counted.end - 1
            continue
        # "his wife and daughter": a bare person noun right after "and" (not "and son of")
        bare = cols.lowers[j + 1] == "and" and not (k + 1 < sent.end and cols.lowers[k + 1] == "of")
        end = _object_item_end(doc, sent, k, bare=bare)
        if end is None:
            break
        people += 1
        if joined:
            listed = people
        j = end
    return listed


def _object_item_end(
    doc: Doc, sent: Span, k: int, *, first: bool = False, bare: bool = False
) -> int | None:
    """The last token of one person listed at k (past a name or age set off after it), or
    None: a name, an age and a name, a determiner or possessive with a few words or an age
    and a person noun, or (`bare`, after "and") the person noun alone."""
    cols = columns(doc)
    if (
        k < sent.end
        and _year_old_at(doc, k, sent)
        and k + 5 < sent.end
        and (_named(doc, k + 5) or _two_proper_nouns(doc, k + 5))
    ):
        k += 5  # "7-year-old Ian Ford"
    if k < sent.end and (_named(doc, k) or (not first and _two_proper_nouns(doc, k))):
        j = k
        while j + 1 < sent.end and (
            doc[j + 1].ent_iob_ == "I"
            or (not doc[j].ent_type_ and doc[j + 1].tag_ == "NNP" and not doc[j + 1].ent_type_)
        ):
            j += 1  # the name's last word
        return _past_apposition(doc, sent, j)
    if bare and k < sent.end and cols.lowers[k] in SINGULAR_PERSONS:
        return _past_apposition(doc, sent, k)  # "his wife and daughter"
    if first:
        # the first object was found already: its person noun within a few words
        person = next(
            (m for m in range(k, min(k + 5, sent.end)) if cols.lowers[m] in SINGULAR_PERSONS),
            None,
        )
        return None if person is None else _past_apposition(doc, sent, person)
    if k + 5 < sent.end and _year_old_at(doc, k, sent) and cols.lowers[k + 5] in SINGULAR_PERSONS:
        return _past_apposition(doc, sent, k + 5)  # "his wife, 26-year-old son, and ..."
    if k >= sent.end or cols.lowers[k] not in SINGLE_DETERMINERS:
        return None
    # "their son", "their 2-year-old son": a few words, or an age, before the person noun
    person = next(
        (m for m in range(k + 1, min(k + 7, sent.end)) if cols.lowers[m] in SINGULAR_PERSONS),
        None,
    )
    if person is None:
        return None
    between = range(k + 1, person)
    if (
        any(
            not (doc[m].is_alpha or cols.texts[m] == "-" or cols.texts[m].isdigit())
            for m in between
        )
        or sum(doc[m].is_alpha for m in between) > 3
    ):
        return None
    return _past_apposition(doc, sent, person)


def _counts_people(doc: Doc, sent: Span, q: Quantity) -> bool:
    """A count of people: its noun, a few words on, is a person noun in the plural."""
    cols = columns(doc)
    return any(
        cols.lowers[m] in GROUPS and cols.lowers[m] not in SINGULAR_PERSONS
        for m in range(q.end - 1, min(q.end + 3, sent.end))
    )


def _two_proper_nouns(doc: Doc, k: int) -> bool:
    return (
        k + 1 < len(doc)
        and all(doc[m].tag_ == "NNP" and doc[m].text.istitle() for m in (k, k + 1))
        and doc[k].ent_type_ in {"", "PERSON", "ORG"}
    )


def _past_apposition(doc: Doc, sent: Span, j: int) -> int:
    """'his wife, Jane Doe, 34, and their son': the last token of the name and age set off by
    commas after the person noun at j (j itself when none), so that the list goes on after
    them."""
    cols = columns(doc)
    k = j
    while k + 2 < sent.end and cols.texts[k + 1] == ",":
        m = k + 2
        if doc[m].ent_type_ == "PERSON":
            while m + 1 < sent.end and doc[m + 1].ent_iob_ == "I":
                m += 1
        elif not (cols.texts[m].isdigit() and 0 < int(cols.texts[m]) <= MAX_AGE):
            break
        if m + 1 >= sent.end or cols.texts[m + 1] != ",":
            break
        k = m
    return k


HEADLINE_OBJECT_MODIFIERS = 2


def _headline_object(doc: Doc, sent: Span, i: int) -> tuple[int, bool, bool] | None:
    """'Gunman kills Detroit man outside store', 'Stray bullet kills teen', 'shoot-out that
    killed township man': a headline drops the object's article too; one person noun after the
    verb, a word or two of its own before it."""
    words = columns(doc).lowers
    if (
        not doc[i].tag_.startswith("VB")
        or words[i].endswith("ing")
        or (i > sent.start and words[i - 1] in {"a", "an", "the", "his", "her", "their", "its"})
    ):
        # "the shooting suspect", "Belgrade shooting victim": a noun's modifier, no verb with an
        # object
        return None
    if i + 1 < sent.end and words[i + 1] in {"dead", "down"}:
        i += 1
    for j in range(i + 1, min(i + 2 + HEADLINE_OBJECT_MODIFIERS, sent.end)):
        if words[j] in SINGULAR_PERSONS:
            # "kills man, 20": the noun ends the phrase
            if j + 1 < sent.end and doc[j + 1].tag_ in {"NN", "NNS", "NNP"}:
                return None  # "kills man's dog": the person modifies another noun
            return i + 1, words[j] in SINGULAR_PERPETRATORS, False
        if (
            not (doc[j].tag_ in {"NNP", "JJ", "NN"} and doc[j].is_alpha)
            or words[j] in NOT_PERSON_NOUNS
        ):
            return None
    return None


def _conjoined_people(doc: Doc, start: int, trigger: int) -> int:
    """'The driver and his assistant died', 'its driver and helper dead': each person noun
    coordinated with the subject is one more victim (from the parse; 1 without one)."""
    if not parsed(doc):
        return 1
    head = next(
        # the subject of the trigger or of the verb it hangs on ("were found shot to death")
        (t for t in doc[start:trigger] if t.dep_ in {"nsubj", "nsubjpass"} and t.head.i > t.i),
        None,
    )
    if head is None:
        # "An army jawan and a militant died": the scan found the last of the conjoined
        last = next((t for t in doc[start:trigger] if t.dep_ == "conj"), None)
        while last is not None and last.dep_ == "conj" and last.head.i < last.i:
            last = last.head
        if last is not None and last.dep_ in {"nsubj", "nsubjpass"} and last.head.i >= trigger:
            head = last
    if head is None or head.tag_ not in {"NN", "NNP"}:
        return 1
    conjuncts = [t for t in head.conjuncts if t.i < trigger and t.tag_ in {"NN", "NNP"}]
    people = [
        t for t in conjuncts if t.lower_ not in NOT_PERSON_NOUNS and t.ent_type_ in {"", "PERSON"}
    ]
    return 1 + len(people) if len(people) == len(conjuncts) else 1


def _subject_key(doc: Doc, start: int, trigger: int) -> str | None:
    """The word that names the one person: the person noun, the name's last word, or the
    pronoun, lower-cased. A subject ends at its verb; an object may run on after its start."""
    cols = columns(doc)
    span = range(start, trigger) if start < trigger else range(trigger, min(start + 6, len(doc)))
    for j in span:
        word = cols.lowers[j]
        if doc[j].ent_type_ == "PERSON":
            while (
                j + 1 < len(doc) and doc[j + 1].ent_type_ == "PERSON" and doc[j + 1].ent_iob_ == "I"
            ):
                j += 1
            return cols.lowers[j]
        if word in SINGULAR_PERSONS or word in SUBJECT_PRONOUNS:
            return word
        if _year_old(doc, j):
            if j + 1 in span and cols.lowers[j + 1] in SINGULAR_PERSONS:
                # "a 7-year-old girl ... her 8-year-old friend": told apart in one sentence,
                # any one of the story's people across sentences (incidents.words.ANY_ONE)
                return f"{word}:{cols.lowers[j + 1]}"
            return word
        if word in OBJECT_PRONOUNS and doc[j].tag_ != "PRP$":  # "her brother" is the brother
            return {"him": "he", "her": "she"}[word]  # "shot him": the "he" told of before
    # "A truck helper was killed": a noun no list holds, the last one before the verb.
    nouns = [cols.lowers[j] for j in span if start < trigger and doc[j].tag_.startswith("NN")]
    return nouns[-1] if nouns else None


def _passive_or_intransitive(doc: Doc, i: int, sent: Span) -> bool:
    cols = columns(doc)
    word = cols.lowers[i]
    if word == "wounded" and _wounds_someone(doc, i, sent):
        return False  # "shot his sister to death, wounded an older brother and fled"
    if word in INTRANSITIVE_TRIGGERS or word in {"dead", "wounded", "life"}:
        return True
    window = [t.lower_ for t in doc[max(i - 4, sent.start) : i]]
    if word in WOUND_NOUNS:  # "a boy suffering from a gunshot wound", "with minor injuries"
        # "with a non-life-threatening gunshot wound": hyphens do not count as words.
        # "found the boy bleeding from a gunshot wound"
        words = [t.lower_ for t in doc[max(i - 12, sent.start) : i] if t.text != "-"]
        return any(w in SUFFERED or w == "bleeding" for w in words[-6:])
    return (
        # "found Harper shot dead", "the man found shot to death": what was found happened to
        # the person found; "a boy remains in the hospital"
        any(w in {"was", "been", "being", "got", "is", "were", "are", "found"} for w in window)
        or (word == "hospital" and any(w in {"remains", "remained"} for w in window))
        or _names_found_before(doc, i, sent) > 0
        or _reduced_relative(doc, i, sent)
        or _elliptical_another([t.lower_ for t in doc[max(i - 5, sent.start) : i]])
    )


def _wounds_someone(doc: Doc, i: int, sent: Span) -> bool:
    """'wounded' as an active verb: a determiner or pronoun right after it opens its object
    ('wounded an older brother', 'wounded her'), and the parse agrees ('a wounded man', 'was
    wounded in the leg' have none)."""
    cols = columns(doc)
    return (
        i + 1 < sent.end
        and (
            cols.lowers[i + 1] in SINGLE_DETERMINERS
            or cols.lowers[i + 1] in OBJECT_PRONOUNS
            or _named(doc, i + 1)  # "wounded Kevin Long"
        )
        and any(child.dep_ == "dobj" for child in doc[i].children)
    )


def _names_found_before(doc: Doc, i: int, sent: Span) -> int:
    """'found Dana Harper and Lee Mills shot dead': how many names a list between "found" and
    the participle at token i gives (0: no such list)."""
    cols = columns(doc)
    for k in range(i - 1, max(i - 9, sent.start) - 1, -1):
        if cols.lowers[k] == "found":
            joints = sum(1 for t in range(k + 1, i) if cols.lowers[t] in {"and", ","})
            return joints + 1 if k < i - 1 else 0
        if not (cols.lowers[k] in {"and", ","} or doc[k].tag_ in {"NNP", "NNPS"}):
            return 0
    return 0


def _elliptical_another(window: list[str]) -> bool:
    """'One man was killed and another wounded', '... and another taken to a hospital': the
    verb of the first clause is left out of the second."""
    return any(
        window[k] == "another" and k > 0 and window[k - 1] in {"and", ","}
        for k in range(len(window))
    )


def _reduced_relative(doc: Doc, i: int, sent: Span) -> bool:
    """'a one-year-old girl shot and killed in an accident', 'the teen fatally shot Friday': a
    participle right after the person it happened to."""
    cols = columns(doc)
    j = i - 1
    while j > sent.start and cols.lowers[j] in PARTICIPLE_LEAD:
        j -= 1
    word = cols.lowers[j]
    # "his neighbor shot him": with an object after it, the verb is active, its subject the
    # shooter
    k = i + 2 if i + 2 < sent.end and cols.lowers[i + 1] == "and" else i
    if k != i and cols.lowers[k] not in TRIGGER_WORDS:
        k = i  # "shot and killed Maria Lopez": the object of both verbs comes after the second
    has_object = k + 1 < sent.end and (
        cols.lowers[k + 1] in OBJECT_PRONOUNS
        or cols.lowers[k + 1] in OBJECT_STARTS
        or _named(doc, k + 1)  # "the gunman shot Maria Lopez"
    )
    return (
        j < i
        and doc[i].tag_ in {"VBN", "VBD", ""}
        and (word in SINGULAR_PERSONS or _year_old(doc, j))
        and not has_object
    )


def _singular_subject(
    doc: Doc, sent: Span, i: int, covered: set[int], *, headline: bool = False
) -> tuple[int, bool, bool] | None:
    """(start token, is a perpetrator, is definite) of a one-person subject before token i."""
    cols = columns(doc)
    start = max(sent.start, i - SUBJECT_WINDOW)
    for j in range(i - 1, start - 1, -1):
        if j in covered:
            if _apposed_age_at(cols.texts, j):
                continue  # "Shaquez Brunner, 13, died": an age, not a count
            one = _one_of_a_count(cols.lowers, j, covered, sent.start)
            if one is not None:
                return one, False, True  # "One of four women wounded ... has died"
            return None
        if cols.lowers[j] in {"were", "are", "have"}:
            if any(_alongside(cols.lowers, k, sent.start) for k in range(start, j)):
                continue  # "a commander, as well as four other militants, were killed"
            # A plural verb: one person only as the first of several ("a driver and his helper")
            found = _parsed_singular_subject(doc, sent, i, covered)
            return found if found and _conjoined_people(doc, found[0], i) > 1 else None
        word = cols.lowers[j]
        if word in {"that", "which"} and j > sent.start and _thing_before(doc, j - 1):
            return None  # "a man who had been shot and a dog that had been killed"
        if word == "another" and j > sent.start and _elliptical_another([cols.lowers[j - 1], word]):
            return j, False, False  # "and another (was) wounded": one more person
        two = f"{word} {cols.lowers[j + 1]}" if j + 1 < i else word
        if word in SINGULAR_PERSONS or two in SINGULAR_PERSONS or _year_old(doc, j):
            determiner = _determiner_before(doc, sent, j)
            if determiner is None and _year_old(doc, j) and _only_a_name(doc, j + 1, i):
                # "17-year-old Zyair Pennings died": the age, then the name (NER may tag it
                # anything)
                return max(j - 4, sent.start), False, True
            opening = _headline_subject(doc, sent, j) if headline and determiner is None else None
            if opening is not None:
                # "Man killed in shooting", "13-year-old boy dies": a headline drops the article
                return opening, word in SINGULAR_PERPETRATORS, False
            if determiner is None:
                continue
            definite = cols.lowers[determiner] in DEFINITE_DETERMINERS
            return determiner, word in SINGULAR_PERPETRATORS, definite
        if word in SUBJECT_PRONOUNS and (
            j == _clause_start(doc, sent, j)
            or cols.lowers[j - 1] in SUBORDINATORS
            or cols.lowers[j - 1] in REPORTING_VERBS
        ):
            # "taken to a hospital, where he died", "police said he died": the pronoun opens a
            # clause of its own
            return j, False, True
        suffered = cols.lowers[i] in WOUND_NOUNS and cols.lowers[j + 1] in SUFFERED
        if (doc[j].ent_type_ == "PERSON" or _name_with_age(doc, j) or _surname_of(doc, j)) and (
            j + 1 == i or cols.lowers[j + 1] in NAME_LINKS or suffered or _of_a_town(doc, j + 1, i)
        ):
            # "Christopher Roupe, 17, was shot", "found Rolando Gonzalez dead"
            return j, False, True
    return _parsed_singular_subject(doc, sent, i, covered)


def _counted_with_one_of_them_dead(
    figures: list[Figure], implicit: list[Figure], number: int
) -> None:
    """'One of four women wounded in the shooting has died': the four counted everyone hit,
    the dead one too (see incidents.assemble._survivors)."""
    for death in implicit:
        if death.kind != "killed" or not death.text.lower().startswith("one of"):
            continue
        for f in figures:
            if f.sentence == number and f.kind == "injured" and death.start < f.start < death.end:
                f.everyone_shot = True


def _one_of_a_count(words: list[str], j: int, covered: set[int], first: int) -> int | None:
    """Where "one of" starts before the count covering token j ("One of the five people
    hospitalized"): one person of those counted."""
    k = j
    while k > first and k - 1 in covered:
        k -= 1
    if k - 1 > first and words[k - 1] == "the":
        k -= 1
    if k - 2 >= first and words[k - 1] == "of" and words[k - 2] == "one":
        return k - 2
    return None


def _surname_of(doc: Doc, j: int) -> bool:
    """'Hicks died on June 5', after "Owen Hicks": the last word of a person's name the
    article gave in full, used alone."""
    surnames = doc.user_data.get("newsflow.surnames")
    if surnames is None:
        surnames = {ent[-1].text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1}
        doc.user_data["newsflow.surnames"] = surnames
    return doc[j].text[:1].isupper() and doc[j].text in surnames


def _age_after_a_person(doc: Doc, sent: Span, q: Quantity) -> bool:
    """'kills man, 18', 'charged in death of boy, 3', 'a woman, 45, was shot': a bare number
    after a person noun and a comma is the person's age, not a count. A run-on page may glue
    the next sentence's subject to it: "kills man, 18 A teen shot ..."."""
    cols = columns(doc)
    after = q.start + 1
    glued = after < sent.end and cols.texts[after] in {"A", "An", "The"}
    if not (
        (q.end == after or glued)
        and q.start >= sent.start + 2
        and cols.texts[q.start].isdigit()
        and int(cols.texts[q.start]) <= MAX_AGE
        and cols.texts[q.start - 1] == ","
    ):
        return False
    if cols.lowers[q.start - 2] in SINGULAR_PERSONS:
        return after >= sent.end or glued or doc[after].tag_ not in {"NN", "NNS"}
    # "Jamie Clayton, 24 was shot": a name, its age and a singular verb (a count takes "were");
    # "Reshowna Hawkins, 34, and Darrell Hawkins, 34 who were shot": the last of a list of
    # names with their ages
    named = doc[q.start - 2].ent_type_ == "PERSON" or doc[q.start - 2].tag_ == "NNP"
    return (
        named
        and after < sent.end
        and (
            cols.lowers[after] in {"was", "is", "has"}
            or (
                cols.lowers[after] in {"who", "were"}
                and _ages_listed_before(cols.texts, q.start - 2)
            )
        )
    )


def _ages_listed_before(texts: list[str], j: int) -> bool:
    """A name with its age set off by commas comes shortly before token j ("Anthony Hawkins,
    33, Reshowna Hawkins, 34, and ...")."""
    return any(_apposed_age_at(texts, k) for k in range(max(1, j - 8), j))


def _a_decade_of_age(doc: Doc, q: Quantity) -> bool:
    """'two men in their 20's, who were wounded': a decade of age, not a count."""
    cols = columns(doc)
    word = cols.lowers[q.start]
    if q.end != q.start + 1:
        return False
    if word.isdigit():
        return q.end < len(doc) and cols.lowers[q.end] in {"'s", "’s", "s"}
    return word.endswith("s") and word[:-1].isdigit()


GALLERY_WORDS = {"image", "photo", "slide", "picture", "photos", "images"}


def _a_gallerys_count(doc: Doc, q: Quantity) -> bool:
    """'Image 1 of 16 A man died ...', 'Image 1 of / 16', '1 / 17', 'Photo: 21 Pro Video': a
    photo gallery's counter or credit kept in a scraped page."""
    cols = columns(doc)
    i = q.start
    if i >= 2 and cols.texts[i - 1] == ":" and cols.lowers[i - 2] in GALLERY_WORDS:
        return True
    if i >= 1 and cols.texts[i - 1] == "/":
        i -= 1  # "of / 16"
    if q.end + 1 < len(doc) and cols.texts[q.end] == "/" and doc[q.end + 1].like_num:
        return True  # "1 / 17 Back to Gallery"
    if q.start >= 2 and cols.texts[q.start - 1] == "/" and doc[q.start - 2].like_num:
        return True  # its "17"
    return (
        i >= 3
        and cols.lowers[i - 1] == "of"
        and doc[i - 2].like_num
        and cols.lowers[i - 3] in GALLERY_WORDS
    )


def _apposed_age_at(texts: list[str], j: int) -> bool:
    """', 13,' after a name: a number between commas, as local news gives ages."""
    return (
        0 < j < len(texts) - 1
        and texts[j].isdigit()
        and int(texts[j]) <= MAX_AGE
        and texts[j - 1] == ","
        and texts[j + 1] == ","
    )


MAX_AGE = 110


# Adjectives that make one person a victim: "a deceased male", "an injured woman".
HURT_ADJECTIVES = {"killed": {"deceased", "dead"}, "injured": {"injured", "wounded"}}


def _victim_by_adjective(
    doc: Doc, sent: Span, i: int, adjectives: set[str]
) -> tuple[int, bool, bool] | None:
    """'Officers found one deceased male', 'a dead man was found', 'an injured woman was found
    outside': the death or injury word as the adjective of one person, right after its
    determiner."""
    cols = columns(doc)
    after = i + 1
    if after >= sent.end or i == sent.start or cols.lowers[after] not in SINGULAR_PERSONS:
        return None
    if cols.lowers[i] not in adjectives or cols.lowers[i - 1] not in SINGLE_DETERMINERS:
        return None
    return (
        i - 1,
        cols.lowers[after] in SINGULAR_PERPETRATORS,
        cols.lowers[i - 1] in DEFINITE_DETERMINERS,
    )


def _only_a_name(doc: Doc, start: int, end: int) -> bool:
    """Tokens start..end-1 are one to four capitalised words, then perhaps an auxiliary: a
    name."""
    cols = columns(doc)
    texts = cols.texts
    while end > start and cols.lowers[end - 1] in AUXILIARIES:
        end -= 1
    return 0 < end - start <= 4 and all(
        texts[k][:1].isupper() and doc[k].is_alpha for k in range(start, end)
    )


def _of_a_town(doc: Doc, start: int, end: int) -> bool:
    """'John Ruskin of Dover died': a name's town between it and the verb (tokens
    start..end-1: "of", capitalised words, then perhaps an auxiliary)."""
    cols = columns(doc)
    if start >= end or cols.lowers[start] != "of":
        return False
    k = start + 1
    while k < end and cols.texts[k][:1].isupper() and doc[k].is_alpha:
        k += 1
    if k == start + 1 or k - start > 4:
        return False
    return all(cols.lowers[m] in AUXILIARIES | {","} for m in range(k, end))


def _name_with_age(doc: Doc, j: int) -> bool:
    """'Ramesh Yadav (35) was killed', 'Shaquez Brunner, 13, died': a name with its age in
    brackets or between commas, whatever NER made of it."""
    texts = columns(doc).texts
    if doc[j].tag_ != "NNP" or j + 3 >= len(doc):
        return False
    bracketed = texts[j + 1] == "(" and texts[j + 2].isdigit() and texts[j + 3] == ")"
    return bracketed or _apposed_age_at(texts, j + 2)


def _thing_before(doc: Doc, j: int) -> bool:
    cols = columns(doc)
    return doc[j].tag_ in {"NN", "NNS"} and cols.lowers[j] not in SINGULAR_PERSONS


def _parsed_singular_subject(
    doc: Doc, sent: Span, i: int, covered: set[int]
) -> tuple[int, bool, bool] | None:
    """'A truck helper was killed', 'a schoolgirl was hacked to death': the parse's singular
    common-noun subject of the trigger, with its determiner, when no list names the noun."""
    if not parsed(doc):
        return None
    verb = doc[i]
    while (
        verb.dep_ in {"xcomp", "advcl", "prep", "pobj", "acomp", "conj", "oprd"}
        and verb.head.i != verb.i
    ):
        # "hacked to death", "beaten dead", "was attacked and killed": the subject hangs on
        # the first verb
        verb = verb.head
    for child in verb.children:
        if child.dep_ not in {"nsubjpass", "nsubj"} or child.i in covered:
            continue
        if child.tag_ != "NN" or child.lower_ in NOT_PERSON_NOUNS or child.ent_type_:
            return None
        determiner = next(
            (d for d in child.children if d.dep_ in {"det", "poss"}),
            None,
        )
        if determiner is None or determiner.lower_ not in SINGLE_DETERMINERS:
            return None
        if not sent.start <= determiner.i < i:
            return None
        perpetrator = child.lower_ in SINGULAR_PERPETRATORS
        return determiner.i, perpetrator, determiner.lower_ in DEFINITE_DETERMINERS
    return None


def _singular_object(doc: Doc, sent: Span, i: int) -> tuple[int, bool, bool] | None:
    """'killed a senior Hezbollah commander', 'shot his father', 'the fatal shooting of
    15-year-old Braxton Bourda': one person after an active verb or its noun."""
    cols = columns(doc)
    if i + 2 < sent.end and cols.lowers[i + 1] in {"dead", "down"}:
        i += 1  # "shot dead an activist", "gunned down a policeman"
    if cols.lowers[i] == "claimed" and cols.lowers[i + 1 : i + 4] == ["the", "life", "of"]:
        i += 3  # "claimed the life of 17-year-old Ana Ruiz": one person, as below
        named = i + 1 < sent.end and (doc[i + 1].ent_type_ == "PERSON" or doc[i + 1].tag_ == "NNP")
        if named or _age_then_name(doc, i + 1, sent) or _year_old_at(doc, i + 1, sent):
            return i + 1, False, False
    if i + 2 < sent.end and cols.lowers[i + 1] == "of" and cols.lowers[i] in EVENT_NOUNS:
        i += 1  # "the shooting death of a three-year-old child"
        named = doc[i + 1].ent_type_ == "PERSON" or doc[i + 1].tag_ == "NNP"
        if named or _age_then_name(doc, i + 1, sent):
            return i + 1, False, False
    if i + 1 < sent.end and _year_old_at(doc, i + 1, sent) and _names_someone(doc, i + 1, sent):
        return i + 1, False, False  # "killed 24-year-old Alex DoSouto"
    if i + 1 < sent.end and cols.lowers[i + 1] == "another" and _ends_phrase(doc, i + 2, sent):
        return i + 1, False, False  # "killed one person and seriously injured another"
    # "a bullet struck him in the groin": the person was hit by a round (see _trigger); a
    # pronoun points back at someone the story already named.
    pronoun = (
        i + 1 < sent.end
        and cols.lowers[i + 1] in OBJECT_PRONOUNS
        # "killed her fiance's dog": her, a determiner; but "grazed her face" hit her
        and (doc[i + 1].tag_ != "PRP$" or (i + 2 < sent.end and cols.lowers[i + 2] in BODY_PARTS))
    )
    if (cols.lowers[i] in ROUND_STRIKES or cols.lowers[i] in PERSON_OBJECT_VERBS) and pronoun:
        return i + 1, False, True
    if cols.lowers[i] in PERSON_OBJECT_VERBS and i + 1 < sent.end and _named(doc, i + 1):
        # "Trott shot Clinton Galentine": a named person after the verb; the name may come back
        return i + 1, False, True
    if i + 1 >= sent.end or cols.lowers[i + 1] not in SINGLE_DETERMINERS:
        return None
    if cols.texts[i + 1] in {"A", "An", "The"}:
        return None  # "fatal shooting A suspect is in custody": a headline run into its lead
    if doc[i + 1].tag_ == "WDT":
        return None  # "a shooting that left one person dead": a relative clause, no object
    words_seen = 0
    for j in range(i + 2, min(i + OBJECT_REACH + BRACKET_ALLOWANCE, sent.end)):
        # "a ward-level Awami League leader", "a Lashkar-e-Taiba (LeT) militant"
        if cols.texts[j] not in {"(", ")", "[", "]"}:
            words_seen += 1
            if words_seen > OBJECT_REACH:
                return None
        word = cols.lowers[j]
        if j + 1 < sent.end and cols.lowers[j + 1] == "'s":
            continue  # "shot his neighbor's dog": the owner, not the one shot
        if word == "'s":
            # What the owner's name runs on to: an animal or a thing, or someone of theirs
            # whatever the word ("his mother's fiance", "her neighbor's son").
            owned = j + 1
            if owned >= sent.end or not doc[owned].is_alpha:
                return None
            if cols.lowers[owned] in NOT_PERSON_NOUNS or cols.lowers[owned] in ANIMALS:
                return None
            return owned, False, cols.lowers[i + 1] in DEFINITE_DETERMINERS
        if word in SINGULAR_PERSONS or _year_old(doc, j):
            return j, word in SINGULAR_PERPETRATORS, cols.lowers[i + 1] in DEFINITE_DETERMINERS
        if word in ANIMALS or word.rstrip("s") in ANIMALS or word in {"that", "which", "who"}:
            return None  # "shot a cougar that was following her brother": the object ended
        if cols.texts[j] in {"(", ")", "[", "]"} or BRACKETS.sub("", cols.texts[j]).isalnum():
            continue  # "killed an NSCN (K) member": an outfit's name in the phrase
        if not (doc[j].is_alpha or doc[j].like_num or cols.texts[j] == "-"):
            return None
    return None


def _named(doc: Doc, j: int) -> bool:
    """A person's name starts at j (two words or more, so that no lone surname is guessed):
    NER's, or exactly two capitalised proper nouns it left untagged ("killed Ana Ruiz")."""
    if j + 1 >= len(doc):
        return False
    if doc[j].ent_type_ == "PERSON":
        return doc[j].ent_iob_ == "B" and doc[j + 1].ent_iob_ == "I"
    return all(
        not doc[k].ent_type_ and doc[k].tag_ == "NNP" and doc[k].text.istitle() for k in (j, j + 1)
    ) and (j + 2 >= len(doc) or doc[j + 2].tag_ != "NNP")


def _ends_phrase(doc: Doc, j: int, sent: Span) -> bool:
    """Nothing of a noun phrase follows: the end, punctuation, a conjunction or a preposition
    ("injured another on Friday"), not a noun ("another man": the noun's own rule counts it)."""
    cols = columns(doc)
    return (
        j >= sent.end
        or not doc[j].is_alpha
        or cols.lowers[j] in {"and", "or", "in", "on", "at", "near", "during", "after", "when"}
        or doc[j].tag_ in {"IN", "CC", "TO", "RB"}
    )


def _year_old_at(doc: Doc, start: int, sent: Span) -> bool:
    """'24-year-old' starts at token `start`."""
    return start + 4 < sent.end and _year_old(doc, start + 4) and doc[start].like_num


def _names_someone(doc: Doc, start: int, sent: Span) -> bool:
    """After an age: a name, or a person noun ('24-year-old Alex DoSouto', '3-year-old girl')."""
    cols = columns(doc)
    after = start + 5
    return after < sent.end and (
        doc[after].ent_type_ == "PERSON"
        or doc[after].tag_ == "NNP"
        or cols.lowers[after] in SINGULAR_PERSONS
    )


def _year_old(doc: Doc, j: int) -> bool:
    """'a 17-year-old was shot', 'a 9-month-old', '13 year old Shaquez died': the age stands
    for the person."""
    return age_start(doc, j) is not None


def _age_then_name(doc: Doc, j: int, sent: Span) -> bool:
    """'15-year-old Braxton Bourda': an age, then a name."""
    for k in range(j, min(j + 6, sent.end)):
        if _year_old(doc, k):
            return k + 1 < sent.end and doc[k + 1].ent_type_ == "PERSON"
    return False


def _headline_subject(doc: Doc, sent: Span, j: int) -> int | None:
    """Where a bare noun phrase ending at token j opens the sentence ("Teen", "17-year-old
    boy", "Police: Man"): a headline's subject, told without an article. None otherwise."""
    cols = columns(doc)
    start = sent.start
    for k in range(sent.start, j):
        if cols.texts[k] in {":", "—", "--"}:
            start = k + 1  # "Police: Man shot ...", "UPDATE — Woman dies ..."
    if j - start > 5 or not (cols.texts[start][:1].isupper() or doc[start].like_num):
        return None
    if cols.lowers[start] in ZERO_WORDS or cols.lowers[start] in {"neither", "nor"}:
        return None  # "No officer hurt", "Neither victim was injured"
    for k in range(start, j):
        if doc[k].tag_.startswith("VB") or not (
            doc[k].is_alpha or doc[k].like_num or cols.texts[k] == "-"
        ):
            return None
    return start


OBJECT_REACH = 7
BRACKET_ALLOWANCE = 4
BRACKETS = re.compile(r"[()\[\]]")  # "NDFB(S": a name with its bracket the tokenizer kept


def _determiner_before(doc: Doc, sent: Span, j: int) -> int | None:
    cols = columns(doc)
    for k in range(j - 1, max(sent.start, j - 7) - 1, -1):
        word = cols.lowers[k]
        if word in SINGLE_DETERMINERS:
            return k
        # "A hardcore NDFB(S) militant": an outfit's name with its brackets inside the phrase
        inside_name = (
            cols.texts[k] in {"(", ")", "[", "]"} or BRACKETS.sub("", cols.texts[k]).isalnum()
        )
        if not (doc[k].is_alpha or doc[k].like_num or cols.texts[k] == "-" or inside_name):
            return None
    return None


def _clause_start(doc: Doc, sent: Span, j: int) -> int:
    cols = columns(doc)
    k = j
    while k > sent.start and cols.lowers[k - 1] not in {",", "and", ";"}:
        k -= 1
        if j - k > 3:
            break
    return k if k == sent.start or cols.lowers[k - 1] in {",", "and", ";"} else j


def _supersede_injured_by_death(figures: list[Figure]) -> None:
    """'A man was shot on Main St. He later died': the injured one is the one who died. Each
    death takes back at most one earlier injury; the list is filtered once, after choosing (a
    removal while iterating would skip the figure after each one removed)."""
    superseded: set[int] = set()
    for index, figure in enumerate(figures):
        if not (figure.implicit and figure.kind == "killed" and figure.refers_back):
            continue
        for earlier_index, earlier in enumerate(figures[:index]):
            if (
                earlier_index not in superseded
                and earlier.implicit
                and earlier.kind == "injured"
                and figure.sentence - earlier.sentence <= 2
                and not ORDINAL.match(earlier.text)  # "a fourth person was injured"
            ):
                superseded.add(earlier_index)
                break
    figures[:] = [f for i, f in enumerate(figures) if i not in superseded]
