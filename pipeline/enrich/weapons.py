"""Weapons named in the text, filed under one canonical name each ('missile strikes' → missiles)."""

from __future__ import annotations

import re
from dataclasses import dataclass

# canonical name → spellings; longer spellings win where two overlap ("car bomb" over "bomb").
WEAPONS: dict[str, tuple[str, ...]] = {
    "cluster munitions": ("cluster munitions?", "cluster bombs?", "cluster shells?"),
    "ballistic missiles": ("ballistic missiles?",),
    "cruise missiles": ("cruise missiles?",),
    "missiles": ("missiles?", "missile strikes?"),
    "rockets": ("rockets?", "rocket fire", "katyushas?", "grads?"),
    "drones": ("drones?", "uavs?", "unmanned aerial vehicles?", "kamikaze drones?", "shaheds?"),
    "artillery": ("artillery", "shelling", "shells", "mortars?", "mortar rounds?", "howitzers?"),
    "airstrikes": ("air ?strikes?", "airstrikes?", "air raids?", "bombing raids?", "warplanes?"),
    "car bomb": (
        "car bombs?",
        "vehicle-borne (?:ied|improvised explosive devices?)s?",
        "truck bombs?",
        "vbieds?",
    ),
    "suicide bombing": ("suicide bomb(?:ing|er|ers|s)?", "suicide vests?", "suicide attacks?"),
    "improvised explosive devices": ("ieds?", "improvised explosive devices?", "roadside bombs?"),
    "landmines": ("landmines?", "land mines?"),
    "grenades": ("grenades?", "rpgs?", "rocket-propelled grenades?"),
    "explosives": ("bombs?", "explosives?", "explosive devices?", "dynamite"),
    "firearms": (
        "guns?",
        "gunfire",
        "firearms?",
        "rifles?",
        "pistols?",
        "handguns?",
        "shotguns?",
        "ak-47s?",
        "machine ?guns?",
        "opened fire",
        "shot dead",
        "shooting",
        "gunshots?",
    ),
    "knives": ("knife", "knives", "machetes?", "stabbed", "stabbing", "blades?", "axes?"),
    "vehicle ramming": (
        "rammed",
        "ramming",
        "drove (?:a|his|her|their) (?:car|truck|van|vehicle) into",
    ),
    "incendiary": (
        "arson",
        "set (?:on )?fire",
        "set ablaze",
        "molotov cocktails?",
        "petrol bombs?",
        "firebombs?",
    ),
    "chemical weapons": (
        "chemical weapons?",
        "chemical attacks?",
        "sarin",
        "chlorine gas",
        "nerve agents?",
    ),
}
_ALTERNATIVES = sorted(
    ((spelling, name) for name, spellings in WEAPONS.items() for spelling in spellings),
    key=lambda pair: -len(pair[0]),
)
_PATTERN = re.compile(
    r"\b(?:" + "|".join(f"(?P<w{i}>{s})" for i, (s, _) in enumerate(_ALTERNATIVES)) + r")\b",
    re.IGNORECASE,
)
_NAMES = [name for _, name in _ALTERNATIVES]
# "air-defense missiles", "anti-tank missiles" are what defends, not what struck.
_DEFENSIVE = re.compile(
    r"(?:air[- ]defen[cs]e|anti-aircraft|interceptor|anti-missile)\s+$", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class WeaponMention:
    name: str
    start: int
    end: int


def extract_weapons(text: str) -> list[WeaponMention]:
    found = []
    for match in _PATTERN.finditer(text):
        if _DEFENSIVE.search(text[max(0, match.start() - 20) : match.start()]):
            continue
        index = int(match.lastgroup[1:]) if match.lastgroup else -1
        found.append(WeaponMention(_NAMES[index], match.start(), match.end()))
    return found
