"""Word lists for casualty reporting: who (victim groups), what happened (triggers), how many
(qualifiers, vague amounts). Plain data, shared by the casualty and incident extractors."""

from __future__ import annotations

# Person nouns → the group a figure is filed under.
GROUPS: dict[str, str] = {}
for group, words in {
    "people": "people persons person individuals others other adults adult residents resident "
    "villagers passengers passenger pedestrians pedestrian motorists drivers driver "
    "bystanders bystander commuters shoppers worshippers worshipers pilgrims "
    "protesters protestors demonstrators tourists guests fans spectators victims "
    "victim inmates prisoners miners workers worker employees staff crew relatives "
    "family members member men man women woman guards guard players player hikers "
    "hiker climbers tenants customers customer shopper teachers teacher protester "
    "protestor demonstrator worshipper pilgrim tourist villager officials official "
    "activists activist supporters supporter leaders followers devotees farmers "
    "farmer traders trader labourers labourer laborers laborer fishermen fisherman "
    "herders nomads tribesmen locals cadres cadre jawans jawan volunteers volunteer "
    "parishioners congregants students' neighbours neighbors bandits robbers bloggers "
    "visitors visitor clerks clerk cashiers cashier partiers "
    "vendors tribals tribal muslims hindus christians sikhs buddhists shias sunnis "
    "dalits mourners voters brothers sisters sons daughters thieves thief smugglers "
    "dacoits youngsters companions friends friend classmates patrons partygoers party-goers "
    "siblings cousins coworkers co-workers roommates occupants grandchildren grandsons "
    "granddaughters nephews nieces stepchildren stepsons stepdaughters parents twins",
    "civilians": "civilians civilian noncombatants",
    "children": "children child kids kid boys boy girls girl minors minor infants infant babies "
    "baby toddlers toddler teenagers teenager teens teen pupils schoolchildren juveniles juvenile "
    "students student youths youth",
    "soldiers": "soldiers soldier troops servicemen serviceman marines sailors airmen "
    "peacekeepers personnel commandos commando paramilitaries rangers troopers trooper",
    "police": "police policemen policeman officers officer constables gendarmes deputies deputy",
    "militants": "militants militant fighters fighter insurgents insurgent rebels rebel "
    "jihadists jihadist combatants separatists separatist guerrillas guerrilla maoists maoist "
    "naxals naxal naxalites naxalite",
    "journalists": "journalists journalist reporters reporter",
    "medics": "medics paramedics doctors nurses firefighters rescuers",
    "migrants": "migrants migrant refugees refugee",
    "perpetrators": "gunmen gunman attackers attacker assailants assailant bombers bomber "
    "terrorists terrorist suspects suspect shooter shooters perpetrators "
    "perpetrator hijackers hijacker kidnappers",
}.items():
    for word in words.split():
        GROUPS[word] = group
# "men"/"women" as victims are people, but keep women separately: coders count them.
GROUPS.update({"women": "women", "woman": "women"})
SINGULAR_PERSONS = {
    "man",
    "woman",
    "boy",
    "girl",
    "child",
    "baby",
    "infant",
    "teenager",
    "teen",
    "person",
    "officer",
    "policeman",
    "soldier",
    "driver",
    "student",
    "resident",
    "victim",
    "pedestrian",
    "cyclist",
    "motorcyclist",
    "worker",
    "guard",
    "journalist",
    "reporter",
    "bystander",
    "passenger",
    "father",
    "mother",
    "son",
    "daughter",
    "husband",
    "wife",
    "toddler",
    "youth",
    "shopkeeper",
    "farmer",
    "teacher",
    "nurse",
    "doctor",
    "gunman",
    "attacker",
    "suspect",
    "shooter",
    "bomber",
    "assailant",
    "civilian",
    "motorist",
    "customer",
    "employee",
    "clerk",
    "security guard",
    "firefighter",
    "trooper",
    "deputy",
    "inmate",
    "prisoner",
    "tourist",
    "protester",
    "commander",
    "leader",
    "official",
    "politician",
    "priest",
    "imam",
    "pastor",
    "activist",
    "hiker",
    "sister",
    "brother",
    "grandmother",
    "grandfather",
    "neighbor",
    "neighbour",
    "mayor",
    "judge",
    "lawyer",
    "businessman",
    "pilot",
    "fighter",
    "militant",
    "police officer",
    "sergeant",
    "captain",
    "colonel",
    "general",
    "chief",
    "juvenile",
    "teenage",
    "homeowner",
    "cashier",
    "boyfriend",
    "girlfriend",
    "stepfather",
    "uncle",
    "nephew",
    "cousin",
    "roommate",
    "friend",
    "acquaintance",
    "male",
    "female",
    "individual",
    "hunter",
    "kid",
    "youngster",
    "grader",
    "fourth-grader",
    "senior",
    "freshman",
    "sophomore",
    "junior",
    "veteran",
    "agent",
    "owner",
    "manager",
    "landlord",
    "tenant",
    "stranger",
    "blogger",
    "trader",
    "headmaster",
    "councilor",
    "councillor",
    "bandit",
    "robber",
    "vendor",
    "labourer",
    "laborer",
    "fisherman",
    "villager",
}
# Kin and partners, as domestic shootings name their victims ("shot his fiancee", "killed her
# stepson").
SINGULAR_PERSONS |= {
    *("fiancee", "fiancée", "fiance", "fiancé", "partner", "spouse", "ex-wife", "ex-husband"),
    *("stepson", "stepdaughter", "stepmother", "stepbrother", "stepsister", "niece", "aunt"),
    *("grandson", "granddaughter", "grandchild", "mom", "dad", "parent", "sibling"),
    *("coworker", "co-worker", "classmate", "twin"),
}
# Ranks and roles a victim is named by ("An Assistant Sub-Inspector of Border Security Force was
# killed", "a detective", "a hostage").
SINGULAR_PERSONS |= {
    *("inspector", "sub-inspector", "lieutenant", "detective", "marshal", "sheriff", "ranger"),
    *("engineer", "cleric", "monk", "candidate", "secretary", "minister", "informer", "hostage"),
    *("headmaster", "principal", "physician", "paramedic", "firefighter", "clerk", "cashier"),
}
# Person nouns of conflict notes ("an NDFB cadre", "a BSF jawan", "a village headman").
SINGULAR_PERSONS |= {
    *("cadre", "jawan", "commando", "insurgent", "jihadist", "guerrilla", "rebel", "separatist"),
    *("terrorist", "maoist", "naxal", "naxalite", "migrant", "refugee", "pilgrim", "supporter"),
    *("demonstrator", "protestor", "hijacker", "thief", "tribal", "volunteer", "serviceman"),
    *("worshipper", "headman", "sarpanch", "chairman", "councilman", "constable", "member"),
    "personnel",
}
SINGULAR_PERPETRATORS = {
    *("gunman", "attacker", "suspect", "shooter", "bomber", "assailant", "burglar", "robber"),
    *("intruder", "offender", "thief", "carjacker", "gunmen", "perpetrator", "kidnapper"),
}
# Determiners that make "X man" one person ("his son", "a 52-year-old man").
SINGLE_DETERMINERS = {
    *("a", "an", "one", "another", "the", "this", "that", "his", "her", "their", "its"),
}
DEFINITE_DETERMINERS = {"the", "this", "that", "his", "her", "their", "its"}
# Of those, the ones that point back at someone told of before ("his son" may be new).
BACK_DETERMINERS = {"the", "this", "that"}
SUBJECT_PRONOUNS = {"he", "she"}
# Words that open a verb's object: "shot the homeowner", "stabbed him".
OBJECT_STARTS = {"a", "an", "the", "his", "her", "their", "him", "them", "its", "another"}
# Where a round hits someone: "grazed her face" is her, hit (see figures._singular_object).
BODY_PARTS = {
    *("face", "head", "neck", "chest", "back", "arm", "arms", "leg", "legs", "hand", "hands"),
    *("foot", "feet", "shoulder", "stomach", "abdomen", "torso", "hip", "side", "thigh", "knee"),
    *("ankle", "wrist", "buttocks", "groin", "jaw", "eye", "cheek"),
}
# Singular nouns that can be shot or hit but are no victims: the parse-based reading of "a truck
# helper was killed" (a person noun no list holds) must not count "a dog was shot".
NOT_PERSON_NOUNS = {
    *("dog", "cat", "horse", "cow", "goat", "deer", "bear", "animal", "pet", "puppy", "bull"),
    *("car", "vehicle", "truck", "bus", "house", "home", "window", "door", "building", "tire"),
    *("wall", "bullet", "round", "shot", "gun", "weapon", "plane", "drone", "helicopter"),
    *("boat", "ship", "tank", "target", "camera", "transformer", "sign", "body", "corpse"),
    # "A search warrant was executed", "his voice was drowned out": things that are executed,
    # killed or drowned in other senses
    *("warrant", "order", "plan", "search", "contract", "deal", "will", "bill", "motion"),
    *("voice", "sound", "noise", "engine", "power", "idea", "proposal", "measure", "project"),
}

# Animals that local news reports shot (with NOT_PERSON_NOUNS' few): no one's toll.
ANIMALS = {
    *("dogs", "cats", "horses", "cows", "goats", "bears", "pets", "puppies", "kitten"),
    *("bulldog", "mastiff", "bullmastiff", "rottweiler", "retriever", "terrier", "husky"),
    *("labrador", "chihuahua", "poodle", "beagle", "raccoon", "coyote", "alligator", "moose"),
    *("elk", "cougar", "wolf", "snake", "pig", "hog", "sheep"),
}

# Trigger words: (kind, may take its victims after it, e.g. "killing 5 people").
TRIGGERS: dict[str, tuple[str, bool]] = {}
for kind, active, words in [
    (
        "killed",
        False,
        "killed died dead deceased deaths death fatalities fatality slain murdered perished "
        "lives bodies massacred executed drowned succumbed lynched strangled gunned "
        "beheaded electrocuted passed "
        # headlines tell in the present: "Boy, 13, dies after accidental shooting", "2 die"
        "dies die "
        # "a militant lost his life" (see casualties.figures._trigger)
        "life",
    ),
    (
        "killed",
        True,
        "killing kill kills killed deaths toll massacring executing claimed death murder slaying "
        # "charged in the slayings of two women"
        "killings slayings "
        "murdered murdering gunned slew slays lynched lynching",
    ),
    # "shot dead 18 people", "stabbed to death two": fatal modifiers make these deaths.
    ("injured", True, "shot stabbed shooting hacked chopped beaten shoots stabs burnt burned"),
    (
        "injured",
        False,
        "injured wounded hurt injuries injury wounds wound hospitalized hospitalised "
        "hacked chopped beaten condition burnt burned "
        "shot stabbed hospital struck grazed whipped hit hospitals "
        # "were taken to area hospitals", "transported to San Francisco General with injuries"
        # (see casualties.figures._taken_for_care)
        "taken transported rushed airlifted flown treated",
    ),
    ("injured", True, "injuring wounding injured wounded injures wounds hospitalizing whipped"),
    # "a bullet struck him in the groin": only with a round as the subject (see casualties)
    ("injured", True, "struck grazed hit striking hitting"),
    ("missing", False, "missing unaccounted"),
    ("displaced", False, "displaced homeless evacuated"),
    ("displaced", True, "displacing displaced"),
    ("kidnapped", False, "kidnapped abducted hostages hostage seized"),
    ("kidnapped", True, "kidnapping abducting kidnapped abducted"),
    ("arrested", False, "arrested detained arrests detentions"),
    ("arrested", True, "arresting detaining arrested detained"),
]:
    for word in words.split():
        if active:
            TRIGGERS[f">{word}"] = (kind, True)
        else:
            TRIGGERS[word] = (kind, False)
# The trigger words themselves, passive or active: a sentence without one holds no figure.
TRIGGER_WORDS = frozenset(key.lstrip(">") for key in TRIGGERS)
# Words that turn an injury trigger into a death: "shot dead", "fatally stabbed", "to death".
FATAL_MODIFIERS = {"fatally", "mortally", "dead", "death", "deceased"}
ZERO_WORDS = {"no", "nobody", "none", "no-one"}
AUXILIARIES = {"were", "was", "are", "is", "have", "has", "had", "been", "being", "be"}
# Tokens a quantity and its trigger may have between them: "39 people were reportedly killed".
LINK_FILLERS = AUXILIARIES | {
    "reportedly",
    "also",
    "later",
    "all",
    "both",
    "of",
    "them",
    "whom",
    "those",
    "who",
    "more",
    "others",
    "other",
    "then",
    "since",
    "subsequently",
    "confirmed",
    "reported",
    "believed",
    "feared",
    "presumed",
    "pronounced",
    "declared",
    # "are recovering from gunshot wounds", "came in suffering injuries", "are being
    # treated for injuries"
    "recovering",
    "suffering",
    "suffered",
    "sustained",
    "sustaining",
    "treated",
    "from",
    "for",
    "with",
    "to",
    "in",
    "the",
    "attack",
    "blast",
    "explosion",
    "shooting",
    "strike",
    "bombing",
    "and",
    "left",
    "leaving",
    "found",
    "now",
    "already",
    "so",
    "far",
    "at",
    "least",
    "seriously",
    "critically",
    "severely",
    "slightly",
    "badly",
    "fatally",
    "mortally",
    "got",
    "as",
    "a",
    "result",
    "either",
    "or",
    "among",
    "people",
    "persons",
    "additional",
    "further",
}
QUALIFIERS: dict[str, str] = {
    "at least": "at_least",
    "no fewer than": "at_least",
    "not less than": "at_least",
    "a minimum of": "at_least",
    "more than": "more_than",
    "over": "more_than",
    "upwards of": "more_than",
    "in excess of": "more_than",
    "up to": "at_most",
    "as many as": "at_most",
    "at most": "at_most",
    "no more than": "at_most",
    "a maximum of": "at_most",
    "fewer than": "fewer_than",
    "less than": "fewer_than",
    "about": "about",
    "around": "about",
    "approximately": "about",
    "roughly": "about",
    "nearly": "about",
    "almost": "about",
    "some": "about",
    "an estimated": "about",
    "estimated": "about",
    "close to": "about",
    "roughly about": "about",
    "nearly all": "about",
}
# Vague amounts → their conventional low estimate, or None. Never a count: the figure stays
# "unspecified" and carries this as `estimate` (ACLED codes "several" as 3 and "dozens" as 12;
# "scores" is two score, "hundreds" one hundred).
VAGUE: dict[str, int | None] = {
    "dozens": 12,
    "scores": 40,
    "hundreds": 100,
    "thousands": 1000,
    "tens of thousands": 10000,
    "several": 3,
    "numerous": None,
    "many": None,
    "many more": None,
    "a number of": None,
    "multiple": None,
    "a few": 2,
    "few": None,
    "countless": None,
    "some": None,
    "several dozen": 12,
    "a handful": None,
    "more": None,
    "others": None,
    "other": None,
}
SUBSET_BEFORE = {"including", "includes", "include", "included", "among", "incl", "incl."}
SUBSET_AFTER = ("of them", "of whom", "of those", "among them", "among the")
# "two people were shot, one critically": how some of those counted are, with no verb after
SEVERITY_ADVERBS = {"critically", "seriously", "gravely", "severely"}
NON_CASUALTY_AFTER = {
    "block",
    "blocks",
    "rounds",
    "shots",
    "bullets",
    "caliber",
    "mm",
    "year",
    "years",
    "old",
    "percent",
    "%",
    "times",
    "hours",
    "days",
    "weeks",
    "months",
    "minutes",
    "km",
    "miles",
    "meters",
    "metres",
    "kilometres",
    "kilometers",
    "p.m.",
    "a.m.",
    "pm",
    "am",
    "o'clock",
}
# Street types: "killed at 1400 Oak Lane" is an address, not 1,400 people.
STREET_WORDS = {
    "street",
    "st",
    "st.",
    "avenue",
    "ave",
    "ave.",
    "road",
    "rd",
    "rd.",
    "lane",
    "ln",
    "drive",
    "dr",
    "dr.",
    "boulevard",
    "blvd",
    "blvd.",
    "court",
    "ct",
    "way",
    "place",
    "circle",
    "highway",
    "hwy",
    "parkway",
    "pkwy",
    "terrace",
    "trail",
    "pike",
    "square",
}
# Words that deny the casualty word after them: "was not injured", "weren't hurt".
NEGATIONS = {"not", "n't", "n’t", "never", "without"}  # typeset text writes "wasn’t"
# Wounds named as nouns, and the verbs that give them to someone: "suffering from a gunshot
# wound", "was taken to hospital with non-life-threatening injuries".
WOUND_NOUNS = {"wound", "wounds", "injuries", "injury"}
SUFFERED = {"suffering", "suffered", "suffers", "sustained", "sustaining", "with", "had", "has"}

# Between a person and a participle that happened to them: "a girl shot and killed".
PARTICIPLE_LEAD = {"shot", "and", "fatally", "accidentally", "mortally", "allegedly", "reportedly"}

# Between a name and its casualty word: "Roupe, 17, was shot", "Smith was killed".
NAME_LINKS = {",", "was", "is", "has", "had", "later", "("}  # "Prahlad Singh (40) was killed"

# Nouns whose "of" names the victim: "the shooting death of", "the killing of".
EVENT_NOUNS = {"death", "killing", "murder", "shooting", "stabbing", "slaying"}

INTRANSITIVE_TRIGGERS = {"died", "dies", "perished", "drowned", "succumbed", "passed"}

# Verbs whose object is the person it happened to: "shot him", "killed John Smith".
PERSON_OBJECT_VERBS = {
    *("shot", "stabbed", "killed", "wounded", "injured", "killing", "wounding", "injuring"),
    *("murdered", "murdering"),
}

# Verbs that make an injury only when a round does it, and the rounds.
ROUND_STRIKES = {"struck", "grazed", "hit", "striking", "hitting"}

ROUNDS = {"bullet", "bullets", "round", "rounds", "gunfire", "shot", "shots", "pellet", "pellets"}
# A gun used as a club: "struck the clerk in the head with the handgun", "pistol-whipped".
STRUCK_WITH = {"gun", "handgun", "pistol", "rifle", "shotgun", "firearm", "weapon"}

OBJECT_PRONOUNS = {"him", "her"}


# Hospital conditions that make "condition" a word of injury.
CONDITIONS = {
    "critical",
    "serious",
    "stable",
    "fair",
    "grave",
    "guarded",
    "good",
    "life-threatening",
}

TOLL_VERBS = {
    "to",
    "at",
    "reached",
    "hit",
    "of",
    "is",
    "was",
    "stands",
    "stood",
    "rose",
    "climbed",
    "jumped",
    "increased",
    "passed",
    "topped",
    "exceeded",
}

CLAUSE_BREAKS = {";", ":", "but", "while", "whereas", "although", "though", "—", "(", ")"}

# A count right after one of these opens a clause of its own: "were killed when two militants
# attacked" (the two are the attackers, not more dead).
SUBORDINATORS = {"when", "after", "because", "before", "until", "where", "whereupon"}
# Verbs that report a clause whose subject a pronoun may open: "Police said he died".
REPORTING_VERBS = {"said", "says", "say", "told", "added", "confirmed", "reported", "that"}

# "No casualties" is zero of both kinds ("no injuries", "no deaths" are read as negated
# triggers like any other figure).
ZERO_NOUNS = {"casualties": ("killed", "injured")}

# Words between the zero and its noun: "no immediate reports of casualties".
ZERO_FILLERS = {"immediate", "further", "other", "reported", "reports", "report", "of"}

# Words after which a number is a label, not a count: "aged 21", "Route 35", "Room 12".
NOT_COUNT_BEFORE = {
    "aged",
    "age",
    "ages",
    "route",
    "highway",
    "interstate",
    "i-",
    "us",
    "u.s.",
    "sr",
    "room",
    "apartment",
    "apt",
    "apt.",
    "unit",
    "suite",
    "channel",
    "number",
    "no",
    "case",
    "block",
    "exit",
    "district",
    "ward",
    "precinct",
    "grade",
    "flight",
    "bus",
    "squad",
    "lot",
}

RANGE_JOINERS = {"to", "-", "–", "or", "and"}

# Words that may follow a bare count without making it a count of things.
LINKS_OK = AUXILIARIES | {
    "death",
    "dead",
    "killed",
    "died",
    "injured",
    "wounded",
    "hurt",
    "missing",
    "of",
    "and",
    "people",
    "others",
    "more",
    "in",
    "on",
    "at",
    "after",
    "when",
    "during",
    "later",
    "reportedly",
    "lives",
    "deaths",
    "fatalities",
    "injuries",
    "casualties",
    "remain",
    "remained",
    "who",
    "including",
    "among",
    "with",
    "as",
    "by",
    "from",
    "bodies",
    "hostages",
    "arrested",
    "detained",
    "kidnapped",
    "abducted",
    "displaced",
    "shot",
    "stabbed",
    "slain",
    "also",
    "still",
    "now",
    "so",
    "far",
    "all",
    "either",
    "or",
    "to",
    "while",
    # where and when, after a bare count: "killing three and wounding 16 before he fled"
    "before",
    "near",
    "outside",
    "inside",
    "nearby",
    "there",
    "overnight",
    "since",
    "until",
    "within",
    "across",
    "around",
}

EMERGENCY_NUMBERS = {"911", "999", "112", "9-1-1"}
# Words that make an emergency number the number dialled ("called 911", "a 911 call"), not a
# count ("70 were killed and 112 were injured").
DIALLING_BEFORE = {"call", "called", "calling", "calls", "dial", "dialed", "dialled", "dialing"}
DIALLING_BEFORE |= {"to", "a", "the", "via", "through", "on", "of"}
DIALLING_AFTER = {"call", "calls", "caller", "callers", "dispatcher", "dispatchers", "operator"}
DIALLING_AFTER |= {"operators", "center", "centre", "centers", "system", "line", "emergency", "."}

# "a father of three", "mother of two": the count of a parent's children.
PARENT_NOUNS = {"father", "mother", "parent", "dad", "mom", "grandfather", "grandmother"}

# Between a count and its person noun: "three more", "two unarmed civilians", "four of the".
GROUP_MODIFIERS = {
    # "5 suspected TTP militants", "two alleged gang members"
    *("suspected", "alleged", "unidentified", "hardcore", "wanted", "top", "senior"),
    "more",
    "other",
    "additional",
    "further",
    "-",
    "unarmed",
    "innocent",
    "young",
    "elderly",
    "local",
    "foreign",
    "armed",
    "security",
    "border",
    "civilian",
    "police",
    "army",
    "government",
    "of",
    "the",
    "their",
    "its",
    "his",
    "her",
}

# "a double homicide", "a triple shooting", "a quadruple murder-suicide": the crime's own word
# counts its victims. Killings count the dead; a shooting or stabbing counts everyone hit.
MULTIPLES = {"double": 2, "triple": 3, "quadruple": 4, "quintuple": 5}
MULTIPLE_KILLINGS = {
    *("homicide", "homicides", "murder", "murders", "killing", "killings", "slaying", "slayings"),
}
MULTIPLE_HARMS = {"shooting", "shootings", "stabbing", "stabbings"}
