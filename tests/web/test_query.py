"""The incident list's filters: parsed from query parameters, applied to summaries."""

from __future__ import annotations

import pytest

from pipeline.errors import InputError
from pipeline.web.query import Summary, decode_cursor, encode_cursor, parse_filters


def summary(**changes) -> Summary:
    record = {
        "incident_id": "inc-0000000000000001",
        "date": "2024-03-05",
        "place": {
            "name": "Dover",
            "region": "Delaware",
            "country_code": "US",
            "lat": 39.16,
            "lon": -75.52,
        },
        "killed": {"min": 2, "max": 2, "qualifier": "exact"},
        "accused": ["Hamas"],
        "weapons": ["firearm"],
    }
    record.update(changes)
    return Summary.of(record, "2024-03-05T10:00:00+00:00")


def test_no_filter_matches_everything():
    assert parse_filters().match(summary())
    assert parse_filters().match(summary(place=None, killed=None))


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"since": "2024-03-05"}, True),
        ({"since": "2024-03-06"}, False),
        ({"until": "2024-03-05"}, True),
        ({"until": "2024-03-04"}, False),
        ({"country": "us"}, True),
        ({"country": "RU, US"}, True),
        ({"country": "RU"}, False),
        ({"min_killed": 2}, True),
        ({"min_killed": 3}, False),
        ({"bbox": "-80,35,-70,45"}, True),
        ({"bbox": "0,35,10,45"}, False),
        ({"q": "delaware"}, True),
        ({"q": "FIREARM"}, True),
        ({"q": "hamas"}, True),
        ({"q": "knife"}, False),
    ],
)
def test_each_filter(params, expected):
    assert parse_filters(**params).match(summary()) is expected


def test_bbox_across_the_antimeridian():
    fiji = summary(place={"name": "Suva", "country_code": "FJ", "lat": -18.1, "lon": 178.4})
    assert parse_filters(bbox="170,-25,-170,-10").match(fiji)
    assert not parse_filters(bbox="-170,-25,170,-10").match(fiji)


def test_bbox_leaves_out_incidents_without_coordinates():
    assert not parse_filters(bbox="-180,-90,180,90").match(summary(place=None))


@pytest.mark.parametrize(
    ("params", "says"),
    [
        ({"since": "2024-13-01"}, "since must be a date"),
        ({"until": "yesterday"}, "until must be a date"),
        ({"country": "USA"}, "alpha-2"),
        ({"bbox": "1,2,3"}, "west,south,east,north"),
        ({"bbox": "0,50,10,40"}, "south ≤ north"),
        ({"min_killed": -1}, "0 or more"),
    ],
)
def test_bad_filters_say_what_is_wrong(params, says):
    with pytest.raises(InputError, match=says):
        parse_filters(**params)


def test_cursor_round_trip_and_garbage():
    order = ("2024-03-05T10:00:00+00:00", "inc-00000000000000ff")
    assert decode_cursor(encode_cursor(order)) == order
    with pytest.raises(InputError, match="cursor"):
        decode_cursor("not-a-cursor")


def test_bbox_skips_a_place_with_half_its_coordinates():
    half = summary(place={"name": "X", "country_code": "US", "lat": 40.0, "lon": None})
    assert not parse_filters(bbox="-180,-90,180,90").match(half)
