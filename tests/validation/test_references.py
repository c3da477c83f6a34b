"""CE1xx: references that point nowhere, and ids used twice."""

from __future__ import annotations

import pytest
from _make import MOD, codes, drones, needs_weapons, only, region, report, statement

from conflict_events import Actor, Claim, ClaimKind, Source, WeaponCategory, WeaponSystem
from conflict_events.validation import validate


def test_ce101_fires_for_ids_nothing_knows():
    claim = drones("c", 3, "RU-XYZ", "area:nowhere", "RU-BEL")
    result = only(claim, "CE101")
    assert [f.message for f in result] == [
        "RU-XYZ is shaped like an ISO 3166 code but is not one, and the report does not define it.",
        "the region area:nowhere is not in the gazetteer, and the report does not define it.",
    ]
    assert result.findings[0].ids == ("c", "RU-XYZ")


def test_ce101_does_not_fire_for_catalogue_or_own_regions():
    own = region("area:front", "the front line", kind="area")
    r = report(
        statement("st:a", drones("c", 3, "RU-BEL", "UA-43", "RU", "area:front")), regions=(own,)
    )
    assert codes(only(r, "CE101")) == []
    assert codes(only(drones("c", 3), "CE101")) == []


@needs_weapons
def test_ce102_fires_for_unknown_weapons_and_not_for_known_ones():
    claim = drones("c", 3, weapons=("no-such-drone", "shahed-136"))
    [finding] = only(claim, "CE102")
    assert finding.ids == ("c", "no-such-drone")
    own = WeaponSystem(id="home-made", name="Home-made drone", category=WeaponCategory.UAV)
    r = report(statement("st:a", drones("c", 3, weapons=("home-made",))), weapons=(own,))
    assert codes(only(r, "CE102")) == []
    assert codes(only(drones("c", 3), "CE102")) == []


def test_ce103_fires_for_unlisted_sources_relays_and_publisher():
    r = report(statement("st:a", source="src:nobody", via=("src:tass",)), publisher="src:ksfo")
    result = only(r, "CE103")
    assert [f.path for f in result] == ["publisher", "statements[0].source", "statements[0].via[0]"]
    assert result.findings[1].message == "the source src:nobody is not among the report's sources."


def test_ce103_does_not_fire_when_every_source_is_listed():
    tass = Source(id="src:tass", name="TASS", kind="news_agency")
    r = report(statement("st:a", via=("src:tass",)), publisher="src:tass", sources=(MOD, tass))
    assert codes(only(r, "CE103")) == []


def test_ce103_and_ce104_skip_a_lone_statement():
    st = statement("st:a", drones("c", 3, actor="act:x"), source="src:nobody")
    assert codes(validate(st, select=["CE103", "CE104"])) == []


def test_ce104_fires_for_unlisted_actors_only():
    ad = Actor(id="act:ru-ad", name="Russian air defence", kind="air_defence")
    r = report(
        statement("st:a", drones("c", 3, actor="act:ru-ad"), drones("d", 3, actor="act:x")),
        actors=(ad,),
    )
    [finding] = only(r, "CE104")
    assert finding.path == "statements[0].claims[1]"
    assert finding.message == "the actor act:x is not among the report's actors."


def test_ce105_fires_for_links_to_nowhere():
    st = statement("st:a", retells="st:gone", responds_to="st:also-gone")
    result = only(report(st), "CE105")
    assert [f.path for f in result] == ["statements[0].retells", "statements[0].responds_to"]
    assert "retells st:gone, which is in none of the reports" in result.findings[0].message


def test_ce105_resolves_across_reports_and_skips_lone_statements():
    original = report(statement("st:orig"), id="rep:1")
    retold = report(statement("st:copy", retells="st:orig", responds_to="st:copy"), id="rep:2")
    assert codes(only([original, retold], "CE105")) == []
    assert codes(only(statement("st:copy", retells="st:orig"), "CE105")) == []
    assert codes(only(report(statement("st:a")), "CE105")) == []


def test_ce106_fires_for_each_repeat_pointing_at_the_first():
    c = drones("c:total", 3, parts=(drones("c:total", 1),))
    r = report(statement("st:a", c), statement("st:a", drones("c:other", 1)), sources=(MOD, MOD))
    result = only(r, "CE106")
    assert [f.message for f in result] == [
        "the source id src:ru-mod is used already at sources[0].",
        "the statement id st:a is used already at statements[0].",
        "the claim id c:total is used already at statements[0].claims[0].",
    ]
    assert result.findings[2].path == "statements[0].claims[0].parts[0]"


def test_ce106_does_not_fire_for_unique_ids_even_if_kinds_share_one():
    r = report(statement("st:a", drones("st:a", 3)))
    assert codes(only(r, "CE106")) == []


def test_ce107_fires_for_ids_repeated_across_reports():
    one = report(statement("st:a"), id="rep:1")
    two = report(statement("st:a"), id="rep:1")
    result = only([one, two], "CE107")
    assert [f.path for f in result] == ["id", "statements[0]"]
    assert result.findings[0].message == "the report id rep:1 is used already by report 1 of 2."
    assert result.findings[1].message == "the statement id st:a is used already in report rep:1."


def test_ce107_does_not_fire_for_distinct_ids_or_repeats_within_one_report():
    one = report(statement("st:a"), id="rep:1")
    two = report(statement("st:b"), statement("st:b"), id="rep:2")
    assert codes(only([one, two], "CE107")) == []


@needs_weapons
def test_ce108_fires_for_about_ids_nothing_defines():
    st = statement("st:a", about=("st:nowhere", "oreshnik", "RU-BEL", "src:ru-mod", "c:x"))
    r = report(st, statement("st:b", Claim(id="c:x", kind=ClaimKind.OTHER)))
    [finding] = only(r, "CE108")
    assert finding.path == "statements[0].about[0]"
    assert (
        finding.message
        == "the statement is about st:nowhere, which nothing in the reports defines."
    )


def test_ce108_does_not_fire_for_known_ids_or_lone_statements():
    ad = Actor(id="act:ru-ad", name="Russian air defence", kind="air_defence")
    r = report(statement("st:a", about=("act:ru-ad", "st:a")), actors=(ad,))
    assert codes(only(r, "CE108")) == []
    assert codes(only(statement("st:a", about=("st:nowhere",)), "CE108")) == []


@pytest.mark.parametrize("ids", [10, 1000, 40000])
def test_duplicate_detection_reports_every_repeat_of_many_ids(ids: int):
    """Every repeat once; 40,000 ids stay fast because a set is used, not every pair."""
    claims = tuple(Claim(id=f"c:{i % (ids // 2)}", kind=ClaimKind.OTHER) for i in range(ids))
    result = only(report(statement("st:a", *claims)), "CE106")
    assert len(result) == ids - ids // 2
