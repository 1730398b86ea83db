"""Word lists of one article's incident assembly: what names an incident, the weapons and their
spellings, and the words that accuse someone of an attack. Plain data."""

from __future__ import annotations

# Nouns that name an incident ("the Jan. 5 home invasion", "a shooting about 10:30 p.m.
# Friday"): a date attached to one dates the incident. Singular; a plural adds "s".
INCIDENT_NOUNS = {
    *("shooting", "robbery", "homicide", "killing", "stabbing", "attack", "invasion"),
    *("carjacking", "incident", "slaying", "murder", "assault", "burglary", "standoff"),
    *("pistol-whipping", "bombing", "ambush", "raid", "clash", "crash", "gunfire", "fight"),
    *("altercation", "death"),
}


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


# The accused rules each need one of these words: an article without them accuses nobody.
CUE_WORDS = (
    "accus",
    "blam",
    "pinned",
    "carried",
    "perpetrated",
    "claimed",
    "orchestrated",
    "attributed",
    "responsibility",
    "behind",
)

NOT_ACCUSED = {"it", "them", "him", "her", "they", "the", "police", "officials", "authorities"}

# Words that may stand for any one victim already named: "he", "the victim".
ANY_ONE = {"he", "she", "victim", "old", "self"}
# Subjects that refer back to someone already named.
PRONOUNS = {"he", "she"}

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
