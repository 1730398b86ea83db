"""One person told shot and then dead is one death (incidents.assemble._one_victim), on
figures built by hand, without the model."""

from __future__ import annotations

from pipeline.enrich.casualties.figures import Figure
from pipeline.enrich.incidents.assemble import _one_victim


def one(kind: str, text: str, sentence: int, subject: str, *, refers_back: bool = False) -> Figure:
    return Figure(
        kind,
        1,
        1,
        "exact",
        "people",
        sentence * 100,
        sentence * 100 + len(text),
        text,
        sentence,
        implicit=True,
        refers_back=refers_back,
        # as the extractor marks a subject opened by "the", "this" or "that"
        told_before=refers_back and text.split()[0].lower() in {"the", "this", "that"},
        subject=subject,
    )


def kinds(figures: list[Figure]) -> list[tuple[str, str | None]]:
    return [(f.kind, f.subject) for f in figures]


def test_a_pronoun_in_the_sentence_of_the_injury_is_the_injured_person():
    # "The man was taken to a hospital, where he died."
    injured = one("injured", "The man was taken to a hospital", 2, "man", refers_back=True)
    died = one("killed", "he died", 2, "he", refers_back=True)
    assert kinds(_one_victim([injured, died])) == [("killed", "he")]


def test_another_noun_in_the_sentence_of_the_death_is_another_person():
    # "A woman was killed and her brother was critically wounded."
    died = one("killed", "A woman was killed", 0, "woman")
    injured = one("injured", "her brother was critically wounded", 0, "brother", refers_back=True)
    assert kinds(_one_victim([died, injured])) == [("killed", "woman"), ("injured", "brother")]


def test_the_one_wounded_that_no_sentence_brought_in_is_the_one_dead():
    # "Gunfire killed a teenager ... Neighbours said the boy who was shot ..."
    died = one("killed", "killed a teenager", 0, "teenager")
    injured = one("injured", "the boy who was shot", 3, "boy", refers_back=True)
    assert kinds(_one_victim([died, injured])) == [("killed", "teenager")]


def test_a_possessive_may_bring_in_someone_new():
    # "A man was killed on Monday. His son was wounded."
    died = one("killed", "A man was killed", 0, "man")
    injured = one("injured", "His son was wounded", 1, "son", refers_back=True)
    assert len(_one_victim([died, injured])) == 2


def test_with_two_dead_a_definite_wounded_is_not_guessed_to_be_one_of_them():
    dead = [one("killed", "A man was killed", 0, "man"), one("killed", "a woman died", 1, "woman")]
    injured = one("injured", "the boy who was shot", 3, "boy", refers_back=True)
    assert len(_one_victim([*dead, injured])) == 3


def test_someone_told_wounded_before_stays_wounded():
    # "A girl was wounded ... A man was killed ... the girl is in stable condition"
    first = one("injured", "A girl was wounded", 0, "girl")
    died = one("killed", "A man was killed", 1, "man")
    again = one("injured", "the girl was shot", 2, "girl", refers_back=True)
    assert ("injured", "girl") in kinds(_one_victim([first, died, again]))
