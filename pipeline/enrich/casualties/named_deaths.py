"""One death told by its noun, without a verb or a count: "charged in Sunday's shooting death",
"police identify homicide victim". Follow-ups of a killing (an arrest, a charge, a plea) tell it
so more often than with "was killed". (Someone's death, "in his wife's death", is left out: as
often the attacker's or another story's; it scored no better on the tuning and kept-aside parts
together.)"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span

from pipeline.enrich.common.tokens import columns

# "a shooting death", "the stabbing death": the noun before "death" says how
HOW = {"shooting", "stabbing", "beating", "strangulation", "gunshot"}
# "homicide victim", "the murder victim": one victim of a killing
KILLINGS = {"homicide", "murder", "slaying", "killing"}
# a death noun that is no killing ("a shooting death toll")
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
            if words[i - 1] in HOW:
                found.append(NamedDeath(i - 1, i + 1))
        elif word == "victim" and words[i - 1] in KILLINGS:
            found.append(NamedDeath(i - 1, i + 1))
    return found
