"""How local news tells one victim twice (shot, then dead) and how it words deaths that the
pronoun, the verb of finding, or "pronounced" carry (written here, in the style of US local
outlets). Run through the real model, as newsflow runs."""

from __future__ import annotations

import pytest

from pipeline.enrich.casualties.figures import _negated
from pipeline.enrich.enricher import Enricher
from pipeline.records import Article


@pytest.fixture(scope="module")
def enricher(model) -> Enricher:
    return Enricher(nlp=model)


def killed_with_attackers(enricher: Enricher, text: str) -> int:
    """The dead of the first event, victims and attackers, as conflict monitors count them."""
    record = enricher.enrich(Article(id="t", published="2015-06-09", text=text))
    event = record["events"][0]
    return sum((part["killed"] or {}).get("min") or 0 for part in (event, event["perpetrators"]))


def figures(
    enricher: Enricher, text: str, title: str | None = None
) -> tuple[int | None, int | None]:
    record = enricher.enrich(Article(id="t", published="2024-04-09", title=title, text=text))
    event = record["events"][0] if record["events"] else {}
    return tuple(  # type: ignore[return-value]
        None if event.get(kind) is None else event[kind]["min"] for kind in ("killed", "injured")
    )


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # The pronoun of a relative clause is the person of its main clause.
        (
            "Deputies came upon a 52-year-old man with a bullet wound in his back. "
            "The man was rushed to St. Luke's, where he later died.",
            1,
            None,
        ),
        (
            "Deputies found Carla Reyes, who had been shot in the chest. "
            "Reyes was driven to a hospital, where she died.",
            1,
            None,
        ),
        # "the boy" that no sentence told wounded before is the one who died
        (
            "A 15-year-old was killed in a shooting outside a school on Monday. "
            "Classmates said the boy who was shot had just finished practice.",
            1,
            None,
        ),
        # ... but a possessive may bring in a second person.
        (
            "A man was killed in a shooting on Elm Street on Monday. "
            "His son was wounded and taken to a hospital.",
            1,
            1,
        ),
        # Another person named in the sentence of the death stays another victim.
        ("A woman was killed and her brother was critically wounded on Friday.", 1, 1),
    ],
)
def test_one_victim_told_twice_is_one_death(enricher, text, killed, injured):
    assert figures(enricher, text) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("The gunman shot the cashier, killing her, police said.", 1, None),
        ("Police say Rowe shot his cousin twice, killing him.", 1, None),
        ("Both men were later pronounced dead at the scene.", 2, None),
        ("Officers found two men in the lot. Both were later pronounced deceased.", 2, None),
        ("Three people were later declared dead at a hospital.", 3, None),
        ("A man found shot to death in his car was identified on Friday.", 1, None),
        (
            "The coroner named the woman found shot to death in the alley as Dana Morse.",
            1,
            None,
        ),
        ("Deputies found a man shot in the leg behind a gas station.", None, 1),
        ("Police found Dana Harper and Lee Mills shot dead inside the home.", 2, None),
        # Finding a thing is no toll.
        ("Officers found the gun used in the shooting in a storm drain.", None, None),
    ],
)
def test_deaths_told_by_pronoun_finding_or_pronouncing(enricher, text, killed, injured):
    assert figures(enricher, text) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # Words between a count and its injuries: recovering, suffering, treated, sustained,
        # and a hyphenated modifier that counts as one word.
        (
            "Nurses at the county clinic said five patients had come in after "
            "suffering non-life-threatening injuries at a house party.",
            None,
            5,
        ),
        (
            "The two drivers traded shots. Both drivers sustained non-life-threatening wounds.",
            None,
            2,
        ),
        ("Four people are being treated for their injuries after a fight on Main Street.", None, 4),
        # ... but an age is a person, not a modifier: "8 AN 18-year-old" counts no one.
        ("Updated 8 An 18-year-old was killed on Route 5 on Friday.", 1, None),
        # A shooter firing, then striking someone: the strike is a round's.
        (
            "The robber aimed a pistol at the teller, firing once and striking her in the hip.",
            None,
            1,
        ),
        # "being shot" is a passive.
        ("Officers said the man was awake and talking after being shot twice in the arm.", None, 1),
        # "a juvenile shot": the tagger's noun is a participle after a person.
        ("Troopers found a juvenile shot near the county fairground late Sunday.", None, 1),
        ("The officer fired a warning shot into the air.", None, None),
        # "also" brings in someone besides the dead.
        (
            "The gunfire left 41-year-old Omar Lindqvist dead. A 70-year-old woman was also injured.",
            1,
            1,
        ),
    ],
)
def test_more_ways_local_news_counts_the_wounded(enricher, text, killed, injured):
    assert figures(enricher, text) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed", "attackers_killed"),
    [
        ("The bomber and eight worshippers were killed in the blast in Kabul.", 8, 1),
        ("Two civilians and the assailant were killed in the attack.", 2, 1),
        ("Two police officers and a gunman were killed in a shootout on Monday.", 2, 1),
        # A victim coordinated with the count is one more victim.
        ("Three soldiers and a civilian were killed in the ambush.", 4, None),
    ],
)
def test_an_attacker_counted_with_the_victims_is_counted_apart(
    enricher, text, killed, attackers_killed
):
    record = enricher.enrich(Article(id="t", published="2024-04-09", text=text))
    event = record["events"][0]
    assert event["killed"]["min"] == killed
    attackers = event["perpetrators"]["killed"]
    assert (attackers and attackers["min"]) == attackers_killed


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("Three police officers shot and injured a man on Tuesday night.", None, 1),
        ("Two deputies shot and killed a man who pointed a rifle at them.", 1, None),
        # With an auxiliary, the count is of the victims.
        ("Two people were shot and killed a block away from the school.", 2, None),
    ],
)
def test_a_count_before_two_verbs_and_an_object_is_of_the_shooters(enricher, text, killed, injured):
    assert figures(enricher, text) == (killed, injured)


@pytest.mark.parametrize(
    ("title", "killed", "injured"),
    [
        ("Man killed in shooting on Main Street", 1, None),
        ("Teen shot outside convenience store", None, 1),
        ("Six-year-old girl dies after gun goes off at home", 1, None),
        ("Police: Woman fatally shot by neighbor", 1, None),
        ("Two die in shooting outside bar", 2, None),
        ("Gunman shoots 3 guards before killing himself", None, 3),
        ("Neither officer hurt in standoff", None, None),
    ],
)
def test_a_headline_drops_its_articles(enricher, title, killed, injured):
    text = "Police are investigating. Anyone with information is asked to call detectives."
    record = enricher.enrich(Article(id="t", published="2024-04-09", title=title, text=text))
    event = record["events"][0] if record["events"] else {}
    got = tuple(None if event.get(k) is None else event[k]["min"] for k in ("killed", "injured"))
    assert got == (killed, injured)


def test_a_bare_noun_in_the_body_is_no_victim(enricher):
    # Lists of other stories' headlines run inside scraped article bodies.
    text = "Police are investigating a robbery on Elm Street. Related: Man shot near school Sunday."
    assert figures(enricher, text) == (None, None)


def attackers_and_victims(enricher: Enricher, text: str) -> tuple:
    record = enricher.enrich(Article(id="t", published="2024-04-09", text=text))
    event = record["events"][0]

    def value(figure: dict | None) -> int | None:
        return None if figure is None else figure["min"]

    return (
        value(event["killed"]),
        value(event["injured"]),
        value(event["perpetrators"]["killed"]),
        value(event["perpetrators"]["injured"]),
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # (victims killed, victims injured, attackers killed, attackers injured)
        ("A man shot and killed his wife and then killed himself on Sunday.", (1, None, 1, None)),
        (
            "A man shot his neighbor before turning the gun on himself, police said.",
            (None, 1, 1, None),
        ),
        ("Police said the man killed his son, then himself.", (1, None, 1, None)),
        (
            "A teenager killed his 9-year-old sister and himself, the sheriff said.",
            (1, None, 1, None),
        ),
        ("A woman fatally shot her two children and then herself on Friday.", (2, None, 1, None)),
        # Alone, a child's shot at himself is an accident's wound, the child a victim.
        (
            "A 4-year-old boy shot himself with a handgun he found in a closet.",
            (None, 1, None, None),
        ),
        ("A teen was killed after accidentally shooting himself on Friday.", (1, None, None, None)),
        # A total that counts the shooter is not added to.
        (
            "A man shot and killed three relatives before killing himself on Sunday. "
            "Four people were dead when officers arrived.",
            (4, None, None, None),
        ),
        # so is the count of people named together
        (
            "A man and a woman were found dead in an apparent murder-suicide at a home in "
            "Aurora on Sunday morning, police said.",
            (2, None, None, None),
        ),
    ],
)
def test_murder_suicides_count_the_shooter_apart(enricher, text, expected):
    assert attackers_and_victims(enricher, text) == expected


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # Everyone shot minus the dead leaves none; the boy told apart is still wounded.
        (
            "Two men were shot on Elm Street on Sunday night and both died. "
            "A 3-year-old boy was wounded and taken to a hospital.",
            2,
            1,
        ),
        ("Three people were shot on Sunday, one fatally.", 1, 2),
    ],
)
def test_someone_wounded_besides_everyone_shot_stays_wounded(enricher, text, killed, injured):
    assert figures(enricher, text) == (killed, injured)


def test_a_list_of_ages_after_the_victims_is_no_count(enricher):
    killed, _ = figures(enricher, "Sheriff: man kills daughters, 6 and 9, then himself")
    assert killed != 10 and killed != 12
    assert figures(enricher, "The blast killed 10 and wounded 12.") == (10, 12)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("A mother shot her daughters, 6 and 9, on Sunday.", None, 2),
        ("Police said the victims, 17 and 19, were shot near a park.", None, 2),
        ("The brothers, 8, 11 and 14, were wounded by gunfire on Main Street.", None, 3),
    ],
)
def test_a_list_of_ages_counts_the_people_it_follows(enricher, text, killed, injured):
    assert figures(enricher, text) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("A rebel commander lost his life in an exchange of fire with troops near the border.", 1),
        ("Soldiers gunned down two smugglers near the river crossing on Saturday.", 2),
        ("Masked men gunned down 3 guards at the depot.", 3),
        ("A crowd attacked and murdered a man over a land dispute.", 1),
        ("Gunmen shot dead an activist outside his shop on Friday.", 1),
        # A life sentence, a life saved: no death.
        ("The court gave the gunman a life sentence on Monday.", None),
        ("A neighbor saved her life by calling 911 after she was shot.", None),
    ],
)
def test_deaths_as_conflict_notes_word_them(enricher, text, killed):
    assert figures(enricher, text)[0] == killed


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # (victims killed, victims injured, attackers killed, attackers injured)
        (
            "The shelling killed 4 farmers near the market and injured several more.",
            (4, None, None, None),
        ),
        ("Three guards were seized and killed by bandits overnight.", (3, None, None, None)),
        (
            "A suicide bomber blew himself up at a checkpoint on Monday, killing six soldiers.",
            (6, None, 1, None),
        ),
    ],
)
def test_conflict_notes_tolls_and_their_attackers(enricher, text, expected):
    assert attackers_and_victims(enricher, text) == expected


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("Raiders killed a man, his mother and their neighbor at a farmhouse.", 3, None),
        ("He shot his wife, his son and a neighbor before fleeing in a truck.", None, 3),
        ("Gunmen killed a teacher in the town and fled.", 1, None),
    ],
)
def test_each_person_listed_after_the_verb_is_one_victim(enricher, text, killed, injured):
    assert figures(enricher, text) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # "shot at" someone: whom the shots were aimed at, not who was hit.
        ("A driver shot at two teenagers outside a gas station on Friday but missed.", None, None),
        (
            "Someone shot at him as he drove off, but the car was not hit, deputies said.",
            None,
            None,
        ),
        ("Police said a man fired at three officers before fleeing on foot.", None, None),
        # "at least", and "at" a place or a distance, still count.
        ("A gunman shot at least two people outside a bar early Sunday.", None, 2),
        ("Two men were shot at a party on Elm Street early Sunday.", None, 2),
        ("A woman was shot at close range outside her home and is in stable condition.", None, 1),
    ],
)
def test_shots_aimed_at_people_are_no_victims(enricher, text, killed, injured):
    assert figures(enricher, text) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # An animal shot is no one's toll, nor does its shooter become a victim.
        ("A probation officer shot and killed a dog that lunged at her on Tuesday.", None, None),
        ("Deputies say a man shot his neighbor's retriever after it got loose.", None, None),
        ("An officer shot and killed a pit bull that attacked a mail carrier.", None, None),
        # "her" before a noun is a determiner: the fiance's dog was killed, not her...
        ("Police say a woman shot and killed her fiance's dog during an argument.", None, None),
        # ... unless the noun is where she was hit.
        ("A woman said a stray bullet grazed her face while she slept.", None, 1),
        # People as objects still count.
        ("An officer shot and killed a man who attacked a mail carrier.", 1, None),
        ("A man shot and killed his neighbor during an argument on Sunday.", 1, None),
        ("Police say he shot his neighbor's son in the leg on Friday.", None, 1),
    ],
)
def test_animals_shot_are_no_victims(enricher, text, killed, injured):
    assert figures(enricher, text) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # A name with its age between commas is one person, whatever NER made of the name.
        ("Tavion Merriweather, 13, died after he was shot in a stairwell on Tuesday.", 1, None),
        ("Lorna Beckett, 34, was shot in the leg outside a laundromat.", None, 1),
        # Ages listed after a count are ages: three people, not twenty-six.
        ("Police said three people, 21, 23 and 30, were shot outside a bar.", None, 3),
        ("The victims, 19, 20, 21 and 25, were all shot on the porch.", None, 4),
        # A hedged age is an age: no toll of 19, or of 30.
        (
            "A girl was shot dead at home. Her boyfriend, believed to be 19, who lives there, "
            "was questioned.",
            1,
            None,
        ),
        # A surname alone, after the article gave the whole name, is that person.
        ("Deputies found Darnell Quist lying in a driveway. Quist died at the scene.", 1, None),
        (
            "A neighbor found Rosa Delgado in her kitchen on Sunday. Delgado died at a hospital.",
            1,
            None,
        ),
        ("Officers found Mark Tillman near the creek. Tillman later died.", 1, None),
        # More people a count may name.
        ("Two gunmen opened fire on a market, killing one visitor and wounding 9 others.", 1, 9),
    ],
)
def test_names_with_ages_and_counts_with_ages(enricher, text, killed, injured):
    assert figures(enricher, text) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # "to death" after a hyphenated age still ends the clause's verb in a death.
        ("A man shot his 8-year-old son to death on Sunday, deputies said.", 1, None),
        ("Police said she stabbed her 70-year-old neighbor to death.", 1, None),
        # "wounded" with an object of its own is a verb, not the adjective of the one before.
        (
            "A 15-year-old boy shot his 8-year-old sister to death, wounded an older brother "
            "and then fled, deputies said.",
            1,
            1,
        ),
        ("The gunman killed his wife and wounded her mother before he drove off.", 1, 1),
        # One fighting for life is alive and hurt.
        ("Three people are dead and another is fighting for his life after the shooting.", 3, 1),
        ("A boy was clinging to life after a shooting near his school on Sunday.", None, 1),
        # An injured or wounded person found, one still in a hospital, one bleeding.
        ("Officers found an injured woman outside the house when they arrived.", None, 1),
        ("A 9-year-old boy remains in the hospital after an accidental shooting.", None, 1),
        ("Relatives found the boy bleeding from a gunshot wound in the kitchen.", None, 1),
    ],
)
def test_more_ways_one_victim_is_told(enricher, text, killed, injured):
    assert figures(enricher, text) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # An age written without hyphens stands for the person as well.
        (
            "13 year old Dashawn Pryor died after police said Tyreek Moss, 16, shot him inside "
            "his apartment.",
            1,
            None,
        ),
        (
            "The sheriff's office confirmed that the two year old who accidentally shot himself "
            "Monday morning has died.",
            1,
            None,
        ),
        ("Police said the 4 year old was shot in the chest and died at a hospital.", 1, None),
        # A part named without commas is stepped over to the count's verb.
        ("The rampage left four soldiers including the gunman dead and 12 others hurt.", 4, 12),
        # A pronoun after a verb of saying opens the clause it reports.
        (
            "A man was shot in the head on Wednesday. Police said he was pronounced dead at "
            "10:10 p.m.",
            1,
            None,
        ),
    ],
)
def test_ages_asides_and_reported_pronouns(enricher, text, killed, injured):
    assert figures(enricher, text) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # One person coordinated before a count is one more.
        ("A man and two women were wounded in the shooting on Friday.", None, 3),
        ("A woman and her two sons were shot at their home on Friday night.", None, 3),
        ("A woman is in a hospital after she and three others were shot outside a club.", None, 4),
        ("A soldier and two villagers were killed when gunmen fired on the market.", 3, None),
        # An attacker so coordinated is counted apart.
        ("The gunman and two customers were killed in the exchange of fire.", 2, None),
    ],
)
def test_one_person_coordinated_before_a_count(enricher, text, killed, injured):
    assert figures(enricher, text) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # A link to another story kept in a scraped page counts nothing of this one's.
        (
            "A man was shot in the leg on Main Street on Friday, police said. More: Two charged "
            "with murder in death of 15-month-old child More: Former officer dies after crash",
            None,
            1,
        ),
        (
            "RELATED: Three killed in weekend shootings. A man was shot in the leg on Main "
            "Street on Friday, police said.",
            None,
            1,
        ),
        # The link ends at a paragraph's end: what follows is the story's again.
        (
            "RELATED: Two men shot dead in Eastside  A teen was shot near the school on Friday, "
            "police said.",
            None,
            1,
        ),
    ],
)
def test_links_to_other_stories_count_nothing(enricher, text, killed, injured):
    assert figures(enricher, text) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # A number after a person and a comma is the person's age, headline or not.
        (
            "15-year-old shoots, kills man, 18 A teen shot and killed a young man early "
            "Thursday, police said.",
            1,
            None,
        ),
        ("Prosecutors charged a man Tuesday in the death of a boy, 3, who found a gun.", 1, None),
        # A photo gallery's counter or credit kept in a scraped page is no count.
        (
            "Photo: 21 Pro Video Image 1 of 16 A man died Thursday morning after being shot "
            "inside a home.",
            1,
            None,
        ),
    ],
)
def test_ages_and_gallery_counters_are_no_counts(enricher, text, killed, injured):
    assert figures(enricher, text) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # A name, its age and a singular verb: an age, even without its closing comma.
        (
            "Michael Strickland, 25, was found dead at the motel. Jamie Clayton, 24 was shot in "
            "the leg.",
            1,
            1,
        ),
        # A decade of age is no count: the two men taken to a hospital are.
        (
            "A man was found dead. Police said two other men in their 20's, who were wounded, "
            "were taken to a hospital.",
            1,
            2,
        ),
        # A possessive after a count is no decade: "three People's Liberation Army militants".
        ("Soldiers ambushed and killed three People's Liberation Army militants.", 3, None),
    ],
)
def test_ages_without_their_commas_and_decades(enricher, text, killed, injured):
    assert figures(enricher, text) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # A death on a later day of someone told of before belongs to the incident.
        ("Five people were shot on Sunday. One of them died at a hospital on Monday.", 1, 4),
        (
            "Kwame Ellis, 42, was one of five people shot Sunday night in a park. He died "
            "Thursday night at a hospital.",
            1,
            4,
        ),
    ],
)
def test_a_later_death_of_someone_told_of_joins_the_incident(enricher, text, killed, injured):
    assert figures(enricher, text) == (killed, injured)


def test_one_of_those_counted_who_died_is_of_the_count(enricher):
    # The four counted everyone hit, the one who died too.
    text = "One of four women wounded in a late night shooting has died, the coroner said."
    assert figures(enricher, text) == (1, 3)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # A roundup's total pools several incidents: the incident is the one told with its
        # own count (the biggest), not the sum.
        (
            "Nine people were wounded in three separate shootings across the city overnight. "
            "In the first, five people were shot outside a bar on Elm Street early Sunday. "
            "Hours later, a teenager was shot in the arm in a park. "
            "Three men were shot in a car on Oak Avenue.",
            None,
            5,
        ),
        (
            "Gunmen shot seven people, one of them fatally, at a backyard party early Saturday. "
            "Twelve other people were wounded in shootings across the city since Friday night.",
            1,
            6,
        ),
        (
            "Police are investigating two unrelated shootings that left four people hurt on "
            "Monday. Three men were shot while standing on a porch, police said.",
            None,
            3,
        ),
        (
            "Teen killed, 6 wounded in Baltimore shootings. A 17-year-old was shot dead on a "
            "corner early Sunday. Two men were wounded on Greenmount Avenue an hour later.",
            1,
            2,
        ),
        (
            "A boy was shot and killed on July 4. He was one of three people killed and 27 "
            "wounded over an eight-hour stretch that night.",
            1,
            None,
        ),
        (
            "A 2-year-old was shot in a home on Monday. Twelve people were shot in the city "
            "in about ten hours.",
            None,
            1,
        ),
        # One incident's hours are no pool: "a 20-hour standoff", "an hour later".
        (
            "A standoff ended after 20 hours. Just over an hour later, two women were shot "
            "seven blocks away.",
            None,
            2,
        ),
        # Alone, the pooled count is all the story gives.
        ("Six people were injured in two separate shootings on Friday night.", None, 6),
    ],
)
def test_a_roundups_total_is_no_incidents_toll(enricher, text, killed, injured):
    assert figures(enricher, text) == (killed, injured)


def test_a_tally_since_a_month_is_background(enricher):
    text = (
        "Two men were shot and wounded on Tuesday night in the 1200 block of Main Street. "
        "More than 500 people have been shot in the city since January, police said."
    )
    assert figures(enricher, text) == (None, 2)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # Kin and partners are people, and the names and ages set off after them do not end
        # the list of those shot.
        ("A man fatally shot his fiancee on Sunday before turning the gun on himself.", 1, None),
        ("Deputies said she shot her stepson in the leg during an argument.", None, 1),
        (
            "Police said the man fatally shot his wife, Dana Miller, 41, and their 6-year-old "
            "daughter, Ava, at their home.",
            2,
            None,
        ),
        ("The father shot and killed his sons, ages 5 and 7, on Friday night.", 2, None),
        # An apposition sets one person off twice: "the victim, a 16-year-old boy".
        (
            "Detectives said Ruiz accidentally shot the victim, a 16-year-old boy, at a home on "
            "Pine Street.",
            None,
            1,
        ),
        ("Gunmen killed a farmer, his brother, and their cousin on Friday.", 3, None),
        # A relative's animal is still an animal.
        ("Officers said a man shot and killed his brother's dog in the yard.", None, None),
    ],
)
def test_domestic_shootings_name_their_victims_by_kin(enricher, text, killed, injured):
    assert figures(enricher, text) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # The one who shot is no victim when a name follows the verb.
        ("The gunman shot and killed Rosa Diaz outside her apartment on Friday.", 1, None),
        ("Police said the suspect fatally shot Tom Baker during an argument.", 1, None),
        ("The shooter wounded Kevin Long before fleeing in a car.", None, 1),
        # Names listed after the verb are one person each, ages set off or not.
        ("A man opened fire, wounding Mark Evans and Lisa Grant, police said.", None, 2),
        (
            "Deputies said he fired several rounds, killing Carla Diaz at the scene and "
            "injuring Ben Ortiz.",
            1,
            1,
        ),
        ("Two men shot and killed Ana Ruiz, 17, and Luis Ruiz, 19, outside the store.", 2, None),
    ],
)
def test_victims_named_after_the_verb(enricher, text, killed, injured):
    assert figures(enricher, text) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # A list of victims goes on through bare kin nouns, counts and names after ages.
        ("Deputies said the man shot and killed his wife and daughter on Sunday.", 2, None),
        (
            "Police said the grandmother killed her 30-year-old daughter and two young "
            "grandchildren at the house.",
            3,
            None,
        ),
        (
            "Investigators said Dale Moss killed Erin Moss and 4-year-old Lily Moss and "
            "8-year-old Owen Moss.",
            3,
            None,
        ),
        # "and son of an officer" is the same person again.
        (
            "Police are seeking the killer of a 15-year-old boy, and son of a deputy, who was "
            "found dead in a car.",
            1,
            None,
        ),
        # Those shot before the shooter's suicide are the dead the story counts, not people
        # hurt; "wounded" says they lived.
        (
            "Two people were found dead in the house. Police said the man shot his mother "
            "before turning the gun on himself.",
            2,
            None,
        ),
        (
            "The boy shot his brother to death, wounded his sister in the leg and killed himself.",
            1,
            1,
        ),
    ],
)
def test_lists_of_victims_and_murder_suicides(enricher, text, killed, injured):
    assert figures(enricher, text) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # "that" opens a relative clause, not the object of "shooting".
        ("Police are investigating a shooting that left one man dead on Tuesday.", 1, None),
        # A gallery's "1 / 12" counter and a teaser for another story count nobody.
        (
            "Boy, 6, dies in accidental shooting 1 / 12 Back to Gallery A 6-year-old boy died "
            "after he was shot at a home on Friday, police said.",
            1,
            None,
        ),
        (
            "A man was shot and killed outside a bar early Sunday, police said. PLANT FIRE: "
            "Nearly 30 workers hospitalized after a chemical leak Now Playing",
            1,
            None,
        ),
        # The story's own update is no teaser.
        ("UPDATE: Two people were wounded in the shooting on Elm Street, police said.", None, 2),
    ],
)
def test_relative_clauses_counters_and_teasers(enricher, text, killed, injured):
    assert figures(enricher, text) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        # The last age of a list of names is no count, with or without its comma.
        (
            "He is the brother of Ana Cruz, 33, Rosa Cruz, 35, and Luis Cruz, 31 who were shot "
            "in the house.",
            31,
        ),
        # A count of those who fired back is no victims' count.
        ("As many as seven officers returned fire and Wilkes was shot and killed.", 7),
        # A month's tally is background to the incident of the day.
        (
            "A man was shot and killed on Elm Street on Sunday. It was the second homicide of "
            "August after 38 people were killed in July.",
            38,
        ),
        (
            "A man was shot and killed on Elm Street. In the last seven months, 52 people have "
            "been killed in the county's crashes and shootings.",
            52,
        ),
    ],
)
def test_ages_tallies_and_the_shooters_counts(enricher, text, number):
    record = enricher.enrich(Article(id="t", published="2024-08-05", text=text))
    counted = {
        value
        for event in record["events"]
        for kind in ("killed", "injured")
        if event[kind] is not None
        for value in (event[kind]["min"], event[kind]["max"])
    }
    assert number not in counted


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # Carried to care, as the hurt are, whatever the hospital's name.
        ("Five people were taken to Mercy General with injuries, police said.", None, 5),
        ("Two men were transported to area hospitals with non-life-threatening wounds.", None, 2),
        # Not so: to custody, with no injuries, or to die there.
        ("The driver was taken into custody after the chase.", None, None),
        ("He was taken to the county jail with no apparent injuries.", None, 0),
        # Ages, not counts: "both 22", "range in age from 19 to 34".
        ("Two women, both 22, were taken to Stroger Hospital.", None, 2),
        (
            "Three men were shot on the porch. The victims, who range in age from 19 to 34, "
            "were rushed to nearby hospitals.",
            None,
            3,
        ),
    ],
)
def test_taken_for_care(enricher, text, killed, injured):
    assert figures(enricher, text) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # Two people coordinated as the subject of "found dead", "found shot to death".
        ("A man and his toddler son were found dead on Sunday, deputies said.", 2, None),
        ("A woman and her daughter were found shot to death in their home.", 2, None),
        # Fighting for their lives: alive.
        ("A man and a teenager are fighting for their lives after the shooting.", None, 2),
        # Taken to a hospital where he died: one death, no one hurt besides.
        ("The victim was taken to a hospital, where he was pronounced dead.", 1, None),
    ],
)
def test_two_found_dead_and_lives_fought_for(enricher, text, killed, injured):
    assert figures(enricher, text) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # "one critically" tells how one of those counted is; "two others critically
        # wounded" counts two more.
        ("Two people were shot, one critically, on Sunday night.", None, 2),
        ("Two people were killed and two others critically wounded in a shooting.", 2, 2),
        # Hit by a round, however far the round is named.
        ("A woman was hit in the arm by a stray bullet while sitting on her porch.", None, 1),
        ("Three people were hit by gunfire outside the club.", None, 3),
        # Everyone sent to hospitals, the one who died there among them.
        (
            "A shooting sent five people to area hospitals early Sunday. A 20-year-old woman "
            "later died at the hospital.",
            1,
            4,
        ),
    ],
)
def test_severities_rounds_and_those_sent_to_hospitals(enricher, text, killed, injured):
    assert figures(enricher, text) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("A second victim was treated and released at a local hospital.", None, 1),
        ("A man was treated for a gunshot wound to the hand, police said.", None, 1),
        ("The shelter said the dog was treated well by its new owners.", None, None),
    ],
)
def test_treated_and_released(enricher, text, killed, injured):
    assert figures(enricher, text) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # A day of the month is no count, even before the victim's verb.
        ("A party worker on 14 March 2015 lost his life after being beaten by a mob.", 1),
        ("Gunmen slew a village-level Workers Party leader near the market on Monday.", 1),
        ("A crowd lynched two men accused of stealing cattle on Sunday.", 2),
        # A unit's number is no count.
        ("One soldier of 21 Assam Rifles died in an ambush on Friday evening.", 1),
        ("Two officers of the 9 Punjab Regiment were killed in the attack.", 2),
    ],
)
def test_conflict_notes_days_units_and_verbs(enricher, text, killed):
    assert figures(enricher, text)[0] == killed


@pytest.mark.parametrize(
    "text",
    [
        # The sick are carried to medical centers and treated too.
        "He was taken to University Medical Center, where he is being treated for cirrhosis.",
        "A man fired a handgun while he was being treated for a medical issue at a hospital.",
    ],
)
def test_care_for_the_sick_is_no_injury(enricher, text):
    assert figures(enricher, text) == (None, None)


@pytest.mark.parametrize(
    "text",
    [
        "The man took his own life after he shot a deputy, authorities say.",
        "Police said he shot his girlfriend and then took his own life.",
    ],
)
def test_a_shooter_who_took_his_own_life_is_an_attacker_killed(enricher, text):
    record = enricher.enrich(Article(id="t", published="2024-04-09", text=text))
    perpetrators = record["events"][0]["perpetrators"]
    assert perpetrators["killed"] is not None and perpetrators["killed"]["min"] == 1
    assert record["events"][0]["injured"]["min"] == 1


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # The crime's name counts the victims when no sentence counts them itself.
        (
            "Detectives are investigating a double homicide on the East Side. "
            "Officers found the bodies inside a home on Oak Street on Saturday.",
            2,
            None,
        ),
        # A shooting's count takes in the dead: one died, so two were hurt.
        (
            "Police investigate a triple shooting in Midtown. "
            "One man died at the scene on Saturday, police said.",
            1,
            2,
        ),
        (
            "Deputies said the incident on Friday was a double murder-suicide at a farmhouse "
            "near the county line.",
            2,
            None,
        ),
    ],
)
def test_the_crimes_name_counts_the_victims(enricher, text, killed, injured):
    assert figures(enricher, text) == (killed, injured)


@pytest.mark.parametrize(
    "text",
    [
        # The count is the subject of another verb; the trigger has a subject of its own.
        "An investigation revealed the two men argued early Saturday and that Reyes shot Ortiz.",
        "Witnesses said three women quarreled outside the bar before a man shot Dana Price.",
        # The count is the agent of a verb whose object is a name.
        "Police said two men shot Maria Lopez outside her home on Sunday.",
    ],
)
def test_a_count_before_another_subject_is_not_the_shot(enricher, text):
    killed, injured = figures(enricher, text)
    assert injured in {None, 1} and killed is None


def test_a_count_pointed_back_to_is_still_the_shot(enricher):
    text = "Once on scene, officers found two men, ages 20 and 21, both were shot in the leg."
    assert figures(enricher, text) == (None, 2)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # Those counted with the one named before them are everyone hit, the dead among them.
        (
            "A 13-year-old boy and six other people were shot on the West Side on Friday. "
            "The boy died at the scene, police said.",
            1,
            6,
        ),
        # "wounded -- two mortally": the wounded count took in the dead.
        (
            "A fight outside a club on Saturday ended with five people wounded -- two mortally, "
            "police said.",
            2,
            3,
        ),
    ],
)
def test_counts_that_take_in_the_dead(enricher, text, killed, injured):
    assert figures(enricher, text) == (killed, injured)


def headline_figures(enricher: Enricher, title: str) -> tuple:
    body = "Police are investigating, a spokesman said."
    record = enricher.enrich(Article(id="t", published="2024-04-09", title=title, text=body))
    event = record["events"][0] if record["events"] else {}
    attackers = event.get("perpetrators") or {}
    return tuple(
        None if part.get(kind) is None else part[kind]["min"]
        for part in (event, attackers)
        for kind in ("killed", "injured")
    )


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # A headline's commas list the victims ("and" in prose).
        ("Grandmother, toddler killed in house fire shooting in Dayton", (2, None, None, None)),
        ("Two Adults, One Child Dead After Shooting at Motel", (3, None, None, None)),
        ("Teen, man, woman shot at Sacramento bus stop", (None, 3, None, None)),
        ("Woman, 9-year-old and 4-year-old girls killed in Tulsa", (3, None, None, None)),
        # The list after the verb, the attacker last.
        ("Police: Man kills wife, her mother, then himself in Akron", (2, None, 1, None)),
        ("Gunman kills 2 coworkers, self at Fresno warehouse", (2, None, 1, None)),
        # An attacker listed among the hurt is no victim.
        ("Deputy, suspect wounded in shootout near Reno", (None, 1, None, 1)),
        # A second clause is no list item.
        ("Gunman kills clerk, customer, wounds guard in Dallas", (2, None, None, None)),
    ],
)
def test_victims_a_headline_lists_with_commas(enricher, title, expected):
    assert headline_figures(enricher, title) == expected


@pytest.mark.parametrize(
    ("text", "injured"),
    [
        # At the hospital's door, no patient.
        ("About two dozen relatives gathered outside the hospital on Sunday night.", None),
        # On the way in or inside: the hurt.
        ("Two men remain in the hospital after the shooting on Sunday.", 2),
        ("Officers sent three people to area hospitals after the crash on Sunday.", 3),
    ],
)
def test_a_hospital_counts_only_its_patients(enricher, text, injured):
    assert figures(enricher, text)[1] == injured


def test_gunshot_wounds_of_the_dead_are_no_injuries(enricher):
    text = (
        "Deputies found four people dead inside a farmhouse near Alvin on Sunday. "
        "The sheriff said all four had gunshot wounds to the head."
    )
    killed, injured = figures(enricher, text)
    assert killed == 4 and not injured


def test_a_wound_told_twice_in_a_run_on_lead_is_no_attack(enricher):
    # A scraped page runs its headline into the lead: one boy, one wound, no attacker.
    record = enricher.enrich(
        Article(
            id="t",
            published="2024-04-09",
            text="Boy, 12, shot himself in the foot in Mesa A 12-year-old boy shot himself "
            "in the foot while cleaning a rifle on Sunday, police said.",
        )
    )
    event = record["events"][0]
    assert event["injured"]["min"] == 1
    assert event["perpetrators"]["injured"] is None


@pytest.mark.parametrize(
    "text",
    [
        "Two men were wounded on Sunday. After the shooting, the three suspects fled in a van.",
        "A woman was hurt in the shooting on Friday. Following the shooting, two gunmen ran off.",
    ],
)
def test_a_count_after_a_comma_is_not_the_shootings_object(enricher, text):
    record = enricher.enrich(Article(id="t", published="2024-04-09", text=text))
    assert record["events"][0]["perpetrators"]["injured"] is None


@pytest.mark.parametrize(
    ("text", "killed", "attackers_killed"),
    [
        # The total counts the attacker: he is not added again.
        (
            "Five people are dead, including the gunman, after a shooting in Dallas on Sunday. "
            "Police said the man shot his neighbors and then turned the gun on himself.",
            5,
            None,
        ),
        (
            "Police said the man shot his wife and son to death before turning the gun on "
            "himself on Friday, leaving officers to find the three dead inside the home.",
            3,
            None,
        ),
        # Without a total, the attacker's own death is his.
        (
            "Police said the man shot his wife to death and then turned the gun on himself "
            "on Friday.",
            1,
            1,
        ),
    ],
)
def test_a_total_that_counts_the_attacker(enricher, text, killed, attackers_killed):
    record = enricher.enrich(Article(id="t", published="2024-04-09", text=text))
    event = record["events"][0]
    attackers = event["perpetrators"]["killed"]
    assert event["killed"]["min"] == killed
    assert (attackers and attackers["min"]) == attackers_killed


@pytest.mark.parametrize(
    "text",
    [
        # "self-inflicted" is no reflexive of an attacker.
        "Police said the shooting of the man on Sunday was accidental and self-inflicted.",
        # A headline run into the lead: the child shot in it is the one who shot himself.
        "3-year-old boy shot and killed in Dayton DAYTON, Ohio - Police say a 3-year-old boy "
        "shot himself while playing with a handgun on Sunday.",
        # ... and "A suspect" opens a sentence the page ran on.
        "Man in custody in Tuesday fatal shooting A suspect is now in custody, police said.",
    ],
)
def test_no_attacker_where_none_harmed_another(enricher, text):
    record = enricher.enrich(Article(id="t", published="2024-04-09", text=text))
    for event in record["events"]:
        assert event["perpetrators"] == {"killed": None, "injured": None}


def test_an_attacker_who_harmed_others_first_is_still_one(enricher):
    text = "Father kills two children, then fatally shoots self in Dayton standoff on Sunday."
    record = enricher.enrich(Article(id="t", published="2024-04-09", text=text))
    assert record["events"][0]["perpetrators"]["killed"]["min"] == 1


@pytest.mark.parametrize(
    "text",
    [
        "A 12-year-old girl shot a coyote that was chasing her brother on Sunday, deputies said.",
        "The farmer shot a bear which had attacked his neighbor's sheep on Sunday.",
    ],
)
def test_the_object_ends_at_an_animal(enricher, text):
    assert figures(enricher, text) == (None, None)


@pytest.mark.parametrize(
    "text",
    [
        "A man fired at a neighbor on Sunday. Deputies said there are no reports that either "
        "person was hurt.",
        "A man fired one shot at a woman on Sunday. It does not appear that she was injured.",
        "Shots were fired on Elm Street on Sunday. It is unclear whether anyone was injured.",
        "Shots hit a house on Sunday. It's possible a person was shot and fled, police said.",
        "The trooper was so close to the rounds on Sunday that he thought he had been shot.",
        # Nearly is not at all; a charge's name is the law's word, not a harm told.
        "A stray bullet nearly hit a woman in Atlanta on New Year's Eve.",
        "A woman was nearly killed by a stray bullet on Sunday.",
        "Smith, 24, was charged with assault causing injury after the fight on Sunday.",
        "The couple pleaded not guilty on Sunday to misdemeanor injury to a child.",
    ],
)
def test_a_harm_in_doubt_or_denied_counts_no_one(enricher, text):
    assert figures(enricher, text) == (None, None)


@pytest.mark.parametrize(
    ("text", "injured"),
    [
        # The doubt is about something else: the harm told stands.
        ("Prosecutors will decide whether to charge a father who shot his son on Sunday.", 1),
        ("He thought the boy had tripped on Sunday and then realized he was shot.", 1),
        ("Unknown gunmen shot a shopkeeper in Sopore on Sunday, police said.", 1),
    ],
)
def test_a_doubt_about_something_else_leaves_the_harm(enricher, text, injured):
    assert figures(enricher, text)[1] == injured


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # An outfit's name with its brackets inside the phrase of the one killed.
        ("A hardcore KLO(T) militant was killed in an encounter near Dhubri on Tuesday.", 1),
        ("Troops killed an ULFA (I) member near the border on 3 May.", 1),
        ("Police killed a Hizbul-ul-Mujahideen (HM) commander in Shopian on Friday.", 1),
        # Ranks and roles are people.
        ("An Assistant Sub-Inspector of the Railway Police was killed in Bhagalpur on Monday.", 1),
        ("A detective was killed in a shootout in Karachi on Monday.", 1),
    ],
)
def test_conflict_notes_outfits_in_brackets_and_ranks(enricher, text, killed):
    total = killed_with_attackers(enricher, text)
    assert total == killed


@pytest.mark.parametrize(
    "text",
    [
        "PPP activist was gunned down in Lyari on Monday. No group claimed the attack.",
        "Sub-inspector of the Sukkur police was shot dead by unknown men on 4 May.",
    ],
)
def test_a_notes_first_sentence_may_drop_its_article(enricher, text):
    assert figures(enricher, text)[0] == 1


def test_a_teaser_further_down_is_not_read_as_a_headline(enricher):
    text = (
        "A 15-year-old boy was wounded in a shooting in Wilmington on Sunday, police said. "
        "He was taken to a hospital in stable condition. "
        "Police: Man, 20, dies after fall from roof near campus "
        "Officers are still looking for the shooter."
    )
    assert figures(enricher, text) == (None, 1)


def test_the_dead_of_both_sides_of_a_clash_add_up(enricher):
    text = (
        "Militants attacked a checkpost near Chaman on Monday, killing 4 soldiers. Troops "
        "returned fire and killed 3 militants."
    )
    assert figures(enricher, text)[0] == 7


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        (
            "A local LeJ commander was killed along with five other militants in Quetta on Monday.",
            6,
        ),
        (
            "A senior TTP leader, as well as three other militants, were killed in Bajaur on Monday.",
            4,
        ),
        ("A village headman was shot dead together with two guards in Kunar on Monday.", 3),
    ],
)
def test_others_killed_alongside_the_one_named(enricher, text, killed):
    total = killed_with_attackers(enricher, text)
    assert total == killed


def test_a_later_death_told_of_someone_already_named_is_the_incidents_toll(enricher):
    text = (
        "A 6-year-old girl was shot in the head inside a home on Monday, police said. "
        "She was taken to a hospital in critical condition. "
        "Police on Tuesday said the girl had died."
    )
    record = enricher.enrich(Article(id="t", published="2024-04-10", text=text))
    assert len(record["events"]) == 1
    assert record["events"][0]["killed"]["min"] == 1


def test_an_attack_told_first_takes_the_toll_and_day_told_next(enricher):
    text = (
        "Gunfire erupted outside a nightclub in Fort Myers, police said Monday. "
        "At least 15 people were shot and two were killed late Sunday night."
    )
    record = enricher.enrich(Article(id="t", published="2024-04-08", text=text))
    event = record["events"][0]
    assert event["killed"]["min"] == 2
    assert event["date"] == "2024-04-07"


def test_a_person_hurt_after_an_ordinal_is_someone_besides_the_dead(enricher):
    text = (
        "Three people were found shot to death and a fourth person was injured inside a car "
        "on Long Island on Sunday. Her 14-year-old niece had been killed on the same block "
        "a few years ago."
    )
    assert figures(enricher, text) == (3, 1)


@pytest.mark.parametrize(
    "text",
    [
        "An army jawan and a militant died in an encounter in Poonch on Wednesday.",
        "A teacher and a student died after the shooting at the school on Wednesday.",
    ],
)
def test_two_people_conjoined_before_an_intransitive_death(enricher, text):
    total = killed_with_attackers(enricher, text)
    assert total == 2


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("Two people were burnt alive after a petrol bomb hit their bus on Monday.", 2, None),
        ("Three passengers were burned when a petrol bomb hit the bus on Monday.", None, 3),
        ("Protesters burned 12 vehicles on the highway on Monday.", None, None),
    ],
)
def test_burnt_alive_and_burned(enricher, text, killed, injured):
    assert figures(enricher, text) == (killed, injured)


def test_burnt_bodies_are_no_one_hurt(enricher):
    text = "Four bodies were found burned behind the home, the sheriff said on Monday."
    assert figures(enricher, text)[1] is None


def test_feared_dead_is_a_toll_not_a_doubt(enricher):
    text = "Dozens of migrants are feared dead after their boat sank off Senegal on Thursday."
    record = enricher.enrich(Article(id="t", published="2024-10-14", text=text))
    assert record["events"] and record["events"][0]["killed"]["estimate"] == 12


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # follow-ups tell the killing by its noun, or by plural nouns with their count
        ("Man charged in Sunday shooting death. Police arrested the man on Monday.", 1),
        ("A 19-year-old was arrested Friday in the stabbing death.", 1),
        ("Police identify homicide victim. The man was found on Sunday.", 1),
        ("A man was charged Monday in the slayings of two women at a motel.", 2),
        ("Detectives are investigating the killings of three men found in a car.", 3),
        # the death told twice is one
        ("A man was shot and killed Sunday. Police charged his neighbor in the man's death.", 1),
        ("A woman was shot Friday and died Saturday. Her husband was charged in her death.", 1),
    ],
)
def test_a_killing_told_by_its_noun(enricher, text, killed):
    assert figures(enricher, text)[0] == killed


@pytest.mark.parametrize(
    ("words", "doubted"),
    [
        ("neighbors were confused as to what happened and if anyone had been hurt", True),
        ("police did not say if the officer was hurt", True),
        # the doubt ends with its clause
        ("he asked if she was home and then shot her", False),
    ],
)
def test_a_harm_asked_about_is_no_harm(words, doubted):
    tokens = words.split()
    harm = max(i for i, w in enumerate(tokens) if w in {"hurt", "shot"})
    assert _negated(tokens, harm) is doubted


@pytest.mark.parametrize(
    "text",
    [
        # an assault tells no wound; the harm, when there is one, is told in its own words
        "The woman told officers she had been assaulted at a bar, but was not injured.",
        "A clerk was assaulted during the robbery Tuesday night, police said.",
    ],
)
def test_an_assault_is_no_wound_told(enricher, text):
    assert figures(enricher, text)[1] is None


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # two people an age and a noun each tell apart, in one sentence
        (
            "Police seek help in a shooting that left a 7-year-old girl dead and her 8-year-old "
            "friend injured.",
            1,
            1,
        ),
        ("A drive-by left a 19-year-old man dead and a 20-year-old woman wounded on Friday.", 1, 1),
        # across sentences an age may be anyone the story told of: one victim
        ("A 17-year-old boy was shot on Sunday. The teen died at a hospital on Monday.", 1, None),
    ],
)
def test_people_told_by_their_ages(enricher, text, killed, injured):
    assert figures(enricher, text) == (killed, injured)


@pytest.mark.parametrize(
    ("title", "killed", "injured"),
    [
        # a headline drops the object's article too
        ("Gunman kills Eastside man outside liquor store", 1, None),
        ("Stray bullet kills teen in Flatbush", 1, None),
        ("Two arrested for highway shoot-out that killed township man", 1, None),
        ("Gunfire wounds woman at Oak Park bus stop", None, 1),
        # a noun's modifier, an animal: no one harmed
        ("Police seek shooting suspect in Lakewood", None, None),
        ("Belgrade shooting victim identified", None, None),
        ("Deputy kills dog during drug raid", None, None),
    ],
)
def test_a_headlines_bare_object(enricher, title, killed, injured):
    assert figures(enricher, "Police are investigating.", title) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "title", "killed"),
    [
        # "a third" after two dead is one more
        ("Two policemen were killed. A third policeman later died of his wounds.", None, 3),
        ("Two men were shot dead on Sunday. A third man died in hospital.", None, 3),
        # "a second" after two dead is the second of them
        ("A second teen has died, police said on Sunday.", "Drive-by shooting kills 2", 2),
        # an ordinal that does not follow the count is no addition
        ("Two men were shot dead on Sunday. A fifth man was questioned.", None, 2),
    ],
)
def test_an_ordinal_victim_adds_only_the_next_one(enricher, text, title, killed):
    assert figures(enricher, text, title)[0] == killed


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # "killed and <people>" opens a new clause: its people are its own verb's
        ("A man was killed and his wife, son and a neighbor were wounded on Sunday.", 1, 3),
        ("Police said a man was shot and killed and his wife, son and a neighbor were hurt.", 1, 3),
        # a list right after an active verb is its objects
        ("Man kills wife, son, daughter in Dayton home", 3, None),
    ],
)
def test_a_list_after_killed_and_is_the_next_clauses(enricher, text, killed, injured):
    assert figures(enricher, text) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A gunman opened fire at a crowded mall on Saturday, killing eight people and "
            "wounding seven others before he was fatally shot by a police officer.",
            (8, 7, 1, None),
        ),
        (
            "A man opened fire at a party, wounding three people, before he was shot and killed "
            "by a deputy.",
            (None, 3, 1, None),
        ),
        # no harm told before him: "he" is the one hurt
        (
            "A deputy was injured in a shooting on Sunday when he was struck by shrapnel.",
            (None, 1, None, None),
        ),
        (
            "Deputy injured in shooting near Fosston. A deputy was wounded when he was struck by "
            "shrapnel.",
            (None, 1, None, None),
        ),
    ],
)
def test_the_shooter_stopped_by_police_is_an_attacker(enricher, text, expected):
    assert attackers_and_victims(enricher, text) == expected


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # the one who died later was one of the wounded
        (
            "A man was killed and two others were injured in a shooting at a nightclub early "
            "Sunday. Police said a second man later died at the hospital.",
            2,
            1,
        ),
        (
            "Two people were killed and three wounded on Friday. Another victim has since died.",
            3,
            2,
        ),
        # a death told with no wound before it is no one of the wounded
        ("A man was killed on Friday. Another man also died in the crash.", 2, None),
    ],
)
def test_a_later_death_comes_out_of_the_wounded(enricher, text, killed, injured):
    assert figures(enricher, text) == (killed, injured)
