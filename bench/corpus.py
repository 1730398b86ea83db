"""A reproducible corpus of varied news articles (300-800 words) with casualty sentences, plus
the bundled seeds. The same seed gives the same articles on every machine."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from pipeline.records import Article
from pipeline.sources import read_paths

REPO = Path(__file__).resolve().parents[1]
CITIES = [
    "Kandahar",
    "Mogadishu",
    "Kharkiv",
    "Maiduguri",
    "Baltimore",
    "Peshawar",
    "Aleppo",
    "Lagos",
    "Memphis",
    "Khartoum",
    "Odesa",
    "Kabul",
    "Houston",
    "Leeds",
    "Mosul",
    "Goma",
]
EVENTS = [
    "a bomb exploded at a market",
    "gunmen opened fire on a bus",
    "a missile struck a residential building",
    "a car bomb went off near a checkpoint",
    "clashes broke out between rival groups",
    "a fire tore through an apartment block",
    "a drone hit a fuel depot",
    "a truck crashed into a crowd",
]
DAYS = [
    "on Monday",
    "on Tuesday",
    "on Wednesday night",
    "on Thursday",
    "early Friday",
    "on Saturday",
    "late Sunday",
    "yesterday",
    "last week",
    "on New Year's Eve",
]
COUNTS = [
    "at least {n} people",
    "{n} civilians",
    "more than {n} people",
    "{w} people",
    "nearly {n} people",
    "between {n} and {m} villagers",
    "dozens of people",
    "{n} soldiers",
]
WORDS = ["three", "five", "seven", "twelve", "twenty-one", "forty"]
CASUALTY = [
    "{count} were killed and {count2} wounded",
    "{count} died",
    "{count} were injured",
    "killing {count} and injuring {count2}",
    "leaving {count} dead",
    "a 34-year-old man was shot and later died in hospital",
    "no one was hurt",
]
FILLER = [
    "Officials said an investigation had been opened and that more details would be released.",
    "Residents described scenes of chaos as emergency services arrived at the site.",
    "The government condemned the violence and promised to bring those responsible to justice.",
    "Local media broadcast footage showing damaged buildings and burnt-out cars in the area.",
    "Aid agencies warned that hospitals in the region were struggling to cope with the wounded.",
    "Analysts said the incident underlined the fragile security situation in the province.",
    "The city council will meet next week to discuss the reconstruction of the market.",
    "Witnesses told reporters they heard several explosions before the building collapsed.",
    "Police urged anyone with information to come forward and set up a hotline for relatives.",
    "The United Nations called for restraint and an independent inquiry into the events.",
]


def _casualty_sentence(rng: random.Random) -> str:
    def count() -> str:
        n = rng.randint(2, 120)
        return rng.choice(COUNTS).format(n=n, m=n + rng.randint(1, 9), w=rng.choice(WORDS))

    template = rng.choice(CASUALTY)
    body = template.format(count=count(), count2=count())
    lead = f"{rng.choice(EVENTS).capitalize()} in {rng.choice(CITIES)} {rng.choice(DAYS)}"
    return f"{lead}, {body}, {rng.choice(['police said', 'officials said', 'witnesses said'])}."


def generated(
    count: int, *, seed: int = 20240101, min_words: int = 300, max_words: int = 800
) -> list[Article]:
    rng = random.Random(seed)
    articles = []
    start = dt.date(2023, 1, 1)
    for index in range(count):
        words_wanted = rng.randint(min_words, max_words)
        sentences = [_casualty_sentence(rng)]
        length = len(sentences[0].split())
        while length < words_wanted:
            sentence = _casualty_sentence(rng) if rng.random() < 0.2 else rng.choice(FILLER)
            sentences.append(sentence)
            length += len(sentence.split())
        paragraphs = [" ".join(sentences[i : i + 4]) for i in range(0, len(sentences), 4)]
        published = start + dt.timedelta(days=rng.randint(0, 700))
        articles.append(
            Article(
                id=f"bench-{seed}-{index:06d}",
                published=published.isoformat(),
                text="\n\n".join(paragraphs),
                title=None,
                url=None,
                source="bench",
            )
        )
    return articles


def seeds() -> list[Article]:
    return [item for item in read_paths([str(REPO / "seeds")]) if isinstance(item, Article)]


def corpus(count: int, *, seed: int = 20240101) -> list[Article]:
    return seeds() + generated(count, seed=seed)
