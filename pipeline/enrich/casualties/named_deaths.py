"""One death told by its noun, without a verb or a count: "charged in Sunday's shooting death",
"a man was arrested in his wife's death", "police identify homicide victim". Follow-ups of a
killing (an arrest, a charge, a plea) tell it so more often than with "was killed"."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span

from pipeline.enrich.casualties.words import SINGULAR_PERPETRATORS, SINGULAR_PERSONS
from pipeline.enrich.common.tokens import columns

# "a shooting death", "the stabbing death": the noun before "death" says how
HOW = {"shooting", "stabbing", "beating", "strangulation", "gunshot"}
# "homicide victim", "the murder victim": one victim of a killing
KILLINGS = {"homicide", "murder", "slaying", "killing"}
POSSESSIVES = {"'s", "’s"}
# the death of someone's own that is no killing ("his death sentence", "the death penalty")
NOT_A_DEATH = {"penalty", "sentence", "row", "threat", "threats", "certificate", "toll"}


@dataclass(frozen=True, slots=True)
class NamedDeath:
    start: int  # tokens
    end: int


def find_named_deaths(sent: Span) -> list[NamedDeath]:
    words = columns(sent.doc).lowers
    found = []
    for i in range(sent.start + 1, sent.end):
        word = words[i]
        after = words[i + 1] if i + 1 < sent.end else ""
        if word == "death" and after not in NOT_A_DEATH and after != "of":
            # "the shooting death of a teen" names its victim: read with the count words
            before = words[i - 1]
            if before in HOW:
                found.append(NamedDeath(i - 1, i + 1))
            elif before in POSSESSIVES and i >= sent.start + 2 and _a_person(sent, i - 2):
                found.append(NamedDeath(i - 2, i + 1))
        elif word == "victim" and words[i - 1] in KILLINGS:
            found.append(NamedDeath(i - 1, i + 1))
    return found


def _a_person(sent: Span, i: int) -> bool:
    """'his wife's death', 'Smith's death': a person, not "the year's" or "the city's"; not
    the attacker ("the suspect's death" is told with the attackers' figures)."""
    word = columns(sent.doc).lowers[i]
    if word in SINGULAR_PERPETRATORS:
        return False
    return word in SINGULAR_PERSONS or sent.doc[i].ent_type_ == "PERSON"
