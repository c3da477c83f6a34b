"""Points of subdivisions and seas, and places below the subdivisions: towns, airfields, raions."""

from __future__ import annotations

import math

import pycountry
import pytest

from conflict_events.errors import AmbiguousName, LookupFailed
from conflict_events.model import Point, RegionKind
from conflict_events.reference import Gazetteer, gazetteer
from conflict_events.reference._index import read_data


def _km(a: Point, b: Point) -> float:
    """Great-circle distance in kilometres (haversine)."""
    p1, p2 = math.radians(a.lat), math.radians(b.lat)
    dp, dl = p2 - p1, math.radians(b.lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


def test_every_russian_and_ukrainian_subdivision_and_every_sea_has_a_point():
    codes = [s.code for c in ("RU", "UA") for s in pycountry.subdivisions.get(country_code=c)]
    assert len(codes) == 83 + 27
    missing = [c for c in codes if gazetteer.get(c).point is None]
    assert missing == []
    seas = [i for i in gazetteer if i.startswith("sea:")]
    assert seas
    assert [i for i in seas if gazetteer.get(i).point is None] == []


@pytest.mark.parametrize(
    ("id_", "lat", "lon", "km"),
    [
        ("UA-30", 50.45, 30.52, 5),  # Kyiv: the city's centre
        ("RU-MOW", 55.75, 37.62, 25),  # Moscow: within the city
        ("UA-40", 44.60, 33.52, 15),  # Sevastopol
        ("RU-BEL", 50.60, 36.59, 100),  # Belgorod Oblast: its centroid, east of Belgorod
        ("RU-KRS", 51.73, 36.19, 100),  # Kursk Oblast, near Kursk
        ("UA-43", 45.3, 34.4, 80),  # Crimea
        ("RU-KGD", 54.71, 20.51, 100),  # Kaliningrad Oblast
    ],
)
def test_subdivision_points_lie_near_places_known_to_be_in_them(
    id_: str, lat: float, lon: float, km: float
):
    point = gazetteer.get(id_).point
    assert point is not None
    assert _km(point, Point(lat=lat, lon=lon)) < km


def test_every_place_with_a_point_lies_within_800_km_of_its_subdivisions_point():
    # a coarse check of each figure against a source independent of it (and of a typed sign)
    for entry in read_data("places.json")["places"]:
        place = gazetteer.get(entry["id"])
        parent = gazetteer.get(entry["parent"])
        assert parent.point is not None
        if place.point is not None:
            assert _km(place.point, parent.point) < 800, entry["id"]


def test_points_come_from_a_named_source_or_are_left_out():
    raw = read_data("places.json")
    for entry in raw["places"]:
        if "point" in entry:
            assert entry["source"].split(":")[0] in raw["sources"], entry["id"]
    assert read_data("points.json")["source"]["licence"].startswith("MIT")


def test_a_place_has_its_kind_parent_point_and_names_in_three_languages():
    millerovo = gazetteer.lookup("Millerovo")
    assert (millerovo.id, millerovo.kind, millerovo.parent, millerovo.country) == (
        "ru:millerovo",
        RegionKind.TOWN,
        "RU-ROS",
        "RU",
    )
    assert millerovo.point is not None
    assert _km(millerovo.point, Point(lat=48.92, lon=40.40)) < 5
    assert gazetteer.lookup("Миллерово").id == gazetteer.lookup("Міллерове").id == millerovo.id
    assert gazetteer.lookup("аэродром Шаталово").kind is RegionKind.AIRFIELD
    assert gazetteer.within("ru:millerovo", "RU")


def test_a_bare_oblast_name_stays_the_oblast_and_the_city_is_asked_for():
    assert gazetteer.lookup("Kursk").id == "RU-KRS"
    assert gazetteer.lookup("Kharkiv").id == "UA-63"
    assert gazetteer.candidates("Kursk") == ("RU-KRS",)
    assert gazetteer.lookup("Kursk city").id == "ru:kursk"
    assert gazetteer.lookup("city of Kharkiv").id == "ua:kharkiv"
    assert gazetteer.lookup("г. Курск").id == "ru:kursk"
    assert gazetteer.lookup("Kursk", kind="city").id == "ru:kursk"
    assert gazetteer.lookup("Kursk oblast").id == "RU-KRS"


def test_a_place_qualified_by_its_region_is_the_place():
    assert gazetteer.lookup("Chauda, Crimea").id == "ua:chauda"
    assert gazetteer.lookup("Zaporizhzhia oblast, Prymorsk").id == "ua:prymorsk"
    assert gazetteer.lookup("Sevastopol, Crimea").id == "UA-40"
    assert gazetteer.lookup("Kursk, Kursk oblast").id == "ru:kursk"
    assert gazetteer.candidates("Balaklava, Crimea") == ("ua:balaklava",)


def test_two_places_side_by_side_are_not_one_place():
    with pytest.raises(LookupFailed):
        gazetteer.lookup("Caspian Sea, Engels-2")  # the caller splits these
    with pytest.raises(LookupFailed):
        gazetteer.lookup("Millerovo, Crimea")  # not within it
    with pytest.raises(LookupFailed):
        gazetteer.lookup("Chauda, Crimea, Ukraine")


def test_a_registered_place_of_a_shared_name_is_ambiguous_only_at_its_own_tier():
    from conflict_events.model import Region

    g = Gazetteer()
    g.register(Region(id="ru:millerovo-2", name="Millerovo", kind="airfield", parent="RU-ROS"))
    assert g.lookup("Millerovo").id == "ru:millerovo-2"  # the user's entry wins
    g.register(Region(id="area:x", name="Millerovo", kind="area", parent="RU-ROS"))
    with pytest.raises(AmbiguousName):
        g.lookup("Millerovo")


def test_places_do_not_change_what_the_regions_names_mean():
    for entry in read_data("regions.json")["regions"]:
        for name in entry["en"]:
            found = gazetteer.candidates(name)
            assert not any(":" in i and not i.startswith(("sea:", "area:")) for i in found), name
