import pytest

from pipeline.enrich.common.numbers import parse_count


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("21", 21),
        ("1,200", 1200),
        ("twenty-one", 21),
        ("twenty one", 21),
        ("a dozen", 12),
        ("two dozen", 24),
        ("three-dozen", 36),
        ("three hundred", 300),
        ("one hundred and five", 105),
        ("both", 2),
        ("zero", 0),
    ],
)
def test_counts_in_digits_and_words(words, value):
    assert parse_count(words) == value


@pytest.mark.parametrize("words", ["second", "21st", "10^400", "99999999999", "", "many", "1.5"])
def test_not_counts(words):
    assert parse_count(words) is None
