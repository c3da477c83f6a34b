"""CE6xx: retellings compared with their originals, and a source against itself."""

from __future__ import annotations

from _make import MOD, codes, drones, msk, only, region, report, statement

from conflict_events import Claim, ClaimKind, Counted, Distribution, Quantity, Source
from conflict_events.validation import validate
from conflict_events.validation.rules.statements import retelling_differences

EACH, TOTAL, UNKNOWN = Distribution.EACH, Distribution.TOTAL, Distribution.UNKNOWN
NIGHT = msk((2025, 10, 30, 23), (2025, 10, 31, 8))
NAMES = tuple(
    region(id, name)
    for id, name in (
        ("RU-KRS", "Kursk"),
        ("RU-BRY", "Bryansk"),
        ("RU-ORL", "Oryol"),
        ("RU-TAM", "Tambov"),
        ("RU-TUL", "Tula"),
        ("RU-VOR", "Voronezh"),
        ("RU-MOS", "Moscow Region"),
        ("RU-MOW", "Moscow"),
    )
)


def bulletin(
    id: str,
    count: int | Quantity | None,
    *parts: Claim,
    regions: tuple[str, ...] = (),
    **more: object,
) -> Claim:
    """A total claim for the night, broken down completely into ``parts``."""
    window = more.pop("window", NIGHT)
    return drones(
        f"c:{id}", count, *regions, parts=parts, window=window, coverage="complete", **more
    )


def pair(original: Claim, retold: Claim, **retelling: object):
    """A report holding the original bulletin and a retelling of it."""
    return report(
        statement("st:orig", original),
        statement("st:retold", retold, retells="st:orig", **retelling),
        regions=NAMES,
    )


def orig() -> Claim:
    return bulletin(
        "orig",
        50,
        drones("o-krs", 31, "RU-KRS"),
        drones("o-bry", 10, "RU-BRY"),
        drones("o-orl", 3, "RU-ORL"),
        drones("o-tam", 3, "RU-TAM"),
        drones("o-tul", 3, "RU-TUL"),
    )


def messages(result) -> list[str]:
    return [f"{f.code} {f.message}" for f in result]


def test_a_faithful_retelling_has_no_findings_even_when_regrouped():
    retold = bulletin(
        "retold",
        50,
        drones("r-krs", 31, "RU-KRS"),
        drones("r-bry", 10, "RU-BRY"),
        drones("r-grp", 3, "RU-ORL", "RU-TAM", "RU-TUL", distribution=EACH),
    )
    assert codes(validate(pair(orig(), retold), select="CE6")) == []


def test_the_seed_retelling_drops_bryansk_and_the_each():
    retold = bulletin(
        "retold",
        50,
        drones("r-krs", 31, "RU-KRS"),
        drones(
            "r-grp",
            3,
            "RU-ORL",
            "RU-TAM",
            "RU-TUL",
            distribution=UNKNOWN,
            quote="three over Orel, Tambov, and Tula",
        ),
        window=None,
    )
    result = validate(pair(orig(), retold), select="CE6")
    assert messages(result) == [
        "CE602 retelling gives no window where the original gives 2025-10-30 23:00 +03:00 to "
        "2025-10-31 08:00 +03:00.",
        "CE605 retelling drops 'each': 'three over Orel, Tambov, and Tula' where the original "
        "gives 3 for each of Oryol, Tambov and Tula.",
        "CE606 retelling omits Bryansk (10) given in the original.",
    ]
    omitted = result.by_code()["CE606"][0]
    assert omitted.path == "statements[1].claims[0]"
    assert omitted.ids == ("st:retold", "st:orig", "o-bry", "RU-BRY")


def test_ce601_total_and_ce602_window_differences():
    retold = bulletin(
        "retold",
        40,
        *orig().parts,
        window=msk((2025, 10, 31, 20), (2025, 10, 31, 23)),
    )
    result = validate(pair(orig(), retold), select=["CE601", "CE602"])
    assert messages(result) == [
        "CE601 retelling gives a total of 40 where the original gives 50.",
        "CE602 retelling's window (2025-10-31 20:00 +03:00 to 2025-10-31 23:00 +03:00) differs "
        "from the original's (2025-10-30 23:00 +03:00 to 2025-10-31 08:00 +03:00).",
    ]


def test_ce601_and_ce602_when_only_one_side_says():
    no_total = bulletin("retold", None, *orig().parts)
    assert messages(only(pair(orig(), no_total), "CE601")) == [
        "CE601 retelling gives no total where the original gives 50."
    ]
    extra = pair(bulletin("orig", None, window=None), bulletin("retold", 50))
    assert messages(validate(extra, select=["CE601", "CE602"])) == [
        "CE601 retelling gives a total of 50 where the original gives none.",
        "CE602 retelling gives a window (2025-10-30 23:00 +03:00 to 2025-10-31 08:00 +03:00) "
        "the original does not.",
    ]
    neither = pair(bulletin("orig", None, window=None), bulletin("retold", None, window=None))
    assert codes(validate(neither, select="CE6")) == []
    about = pair(bulletin("orig", 50), bulletin("retold", Quantity.about(50)))
    assert codes(validate(about, select="CE6")) == []


def test_ce603_regions_and_region_count():
    original = bulletin("orig", 3, regions=("RU-ORL", "RU-TAM", "RU-TUL"), region_count=3)
    retold = bulletin("retold", 3, regions=("RU-ORL", "RU-TAM"), region_count=2)
    assert messages(only(pair(original, retold), "CE603")) == [
        "CE603 retelling names Oryol and Tambov where the original names Oryol, Tambov and Tula.",
        "CE603 retelling says 2 regions where the original says 3.",
    ]
    same = bulletin("retold", 3, regions=("RU-TUL", "RU-ORL", "RU-TAM"))
    assert codes(only(pair(original, same), "CE603")) == []


def test_ce604_per_region_and_per_group_counts():
    retold = bulletin(
        "retold",
        50,
        drones("r-krs", 21, "RU-KRS"),
        drones("r-bry", 10, "RU-BRY"),
        drones("r-grp", 4, "RU-ORL", "RU-TAM", "RU-TUL", distribution=EACH),
    )
    result = only(pair(orig(), retold), "CE604")
    assert messages(result)[0] == "CE604 retelling gives 21 over Kursk where the original gives 31."
    assert len(result) == 4
    assert result.findings[0].path == "statements[1].claims[0].parts[0]"


def test_ce604_and_ce605_for_groups_over_the_same_regions():
    original = bulletin("orig", 9, drones("o", 9, "RU-ORL", "RU-TAM", distribution=TOTAL))
    recount = bulletin("retold", 8, drones("r", 8, "RU-ORL", "RU-TAM", distribution=TOTAL))
    assert messages(only(pair(original, recount), "CE604")) == [
        "CE604 retelling gives 8 in all over Oryol and Tambov where the original gives 9 in all."
    ]
    each = bulletin("retold", 18, drones("r", 9, "RU-ORL", "RU-TAM", distribution=EACH))
    assert messages(only(pair(original, each), "CE605")) == [
        "CE605 retelling gives 9 over Oryol and Tambov for each region where the original gives "
        "9 in all."
    ]


def test_ce605_when_the_retelling_merges_or_reads_an_unclear_group():
    split = bulletin("orig", 4, drones("o-orl", 2, "RU-ORL"), drones("o-tam", 2, "RU-TAM"))
    merged = bulletin("retold", 4, drones("r", 4, "RU-ORL", "RU-TAM", distribution=TOTAL))
    assert messages(only(pair(split, merged), "CE605")) == [
        "CE605 retelling gives 4 over Oryol and Tambov in all where the original gives 2 and 2 "
        "over Oryol and Tambov."
    ]
    unclear = bulletin("orig", 4, drones("o", 2, "RU-ORL", "RU-TAM", distribution=UNKNOWN))
    read_each = bulletin("retold", 4, drones("r-orl", 2, "RU-ORL"), drones("r-tam", 2, "RU-TAM"))
    assert messages(only(pair(unclear, read_each), "CE605")) == [
        "CE605 retelling gives 2 and 2 over Oryol and Tambov where the original leaves open "
        "whether 2 over Oryol and Tambov is for each region."
    ]
    read_total = bulletin("retold", 2, drones("r-orl", 1, "RU-ORL"), drones("r-tam", 1, "RU-TAM"))
    assert messages(only(pair(unclear, read_total), "CE605")) == [
        "CE605 retelling gives 1 and 1 over Oryol and Tambov where the original gives 2 over "
        "Oryol and Tambov without saying whether for each region or in all."
    ]


def test_ce604_when_a_group_and_a_split_cannot_agree():
    split = bulletin("orig", 5, drones("o-orl", 2, "RU-ORL"), drones("o-tam", 3, "RU-TAM"))
    grouped = bulletin("retold", 4, drones("r", 4, "RU-ORL", "RU-TAM", distribution=TOTAL))
    assert messages(only(pair(split, grouped), "CE604")) == [
        "CE604 retelling gives 4 over Oryol and Tambov where the original gives 2 and 3 over "
        "Oryol and Tambov (5 in all)."
    ]
    assert messages(only(pair(grouped, split), "CE604")) == [
        "CE604 retelling gives 2 and 3 over Oryol and Tambov (5 in all) where the original gives "
        "4 over Oryol and Tambov."
    ]


def test_ce605_when_groups_cross():
    original = bulletin(
        "orig",
        9,
        drones("o1", 4, "RU-ORL", "RU-TAM", distribution=TOTAL),
        drones("o2", 5, "RU-TUL", "RU-KRS", distribution=TOTAL),
    )
    retold = bulletin(
        "retold",
        9,
        drones("r1", 4, "RU-ORL", "RU-TUL", distribution=TOTAL),
        drones("r2", 5, "RU-TAM", "RU-KRS", distribution=TOTAL),
    )
    [finding] = only(pair(original, retold), "CE605")
    assert finding.message.startswith(
        "retelling groups Oryol, Tambov, Tula and Kursk differently from the original ("
    )


def test_ce606_and_ce607_for_regions_parts_and_claims():
    original = bulletin(
        "orig",
        20,
        drones("o-grp", 4, "RU-ORL", "RU-TAM", distribution=TOTAL),
        drones("o-each", 3, "RU-TUL", "RU-KRS", distribution=EACH),
        drones("o-rest", 10),
    )
    retold = bulletin(
        "retold",
        20,
        drones("r-grp", 4, "RU-ORL", "RU-BRY", distribution=TOTAL),
        drones("r-tul", 3, "RU-TUL"),
        drones("r-vor", 2, "RU-VOR"),
    )
    extra_claim = Claim(id="c:extra", kind=ClaimKind.STRIKE, quantity=Quantity.exact(1))
    lost_claim = Claim(id="c:lost", kind=ClaimKind.LAUNCH, quantity=Quantity.exact(5))
    r = report(
        statement("st:orig", original, lost_claim),
        statement("st:retold", retold, extra_claim, retells="st:orig"),
        regions=NAMES,
    )
    result = validate(r, select=["CE606", "CE607"])
    assert messages(result) == [
        "CE606 retelling omits a part of 10 naming no region, given in the original.",
        "CE606 retelling omits Tambov (part of 4 over Oryol and Tambov) given in the original.",
        "CE606 retelling omits Kursk (3) given in the original.",
        "CE606 retelling omits the claim launch 5 given in the original.",
        "CE607 retelling adds Bryansk as part of 4 over Oryol and Bryansk, which the original "
        "does not give.",
        "CE607 retelling adds Voronezh (2), which the original does not give.",
        "CE607 retelling adds a claim (strike 1) the original does not make.",
    ]


def test_parts_without_regions_are_matched_in_order():
    original = bulletin("orig", 10, drones("o1", 6), drones("o2", 4))
    retold = bulletin("retold", 10, drones("r1", 5), drones("r2", 4), drones("r3", 1))
    assert messages(validate(pair(original, retold), select=["CE604", "CE607"])) == [
        "CE604 retelling gives 5 for a part naming no region where the original gives 6.",
        "CE607 retelling adds a part of 1 naming no region, which the original does not give.",
    ]
    assert messages(validate(pair(retold, original), select=["CE606"])) == [
        "CE606 retelling omits a part of 1 naming no region, given in the original."
    ]


def test_nested_parts_are_compared_too():
    def moscow(inner: int, cid: str) -> Claim:
        return drones(
            cid, 11, "RU-MOS", coverage="partial", parts=(drones(f"{cid}.1", inner, "RU-MOW"),)
        )

    original = bulletin("orig", 11, moscow(6, "o"))
    retold = bulletin("retold", 11, moscow(5, "r"))
    [finding] = only(pair(original, retold), "CE604")
    assert finding.path == "statements[1].claims[0].parts[0].parts[0]"
    assert finding.message == "retelling gives 5 over Moscow where the original gives 6."
    grouped = bulletin(
        "orig",
        11,
        drones(
            "o", 11, "RU-MOS", "RU-KRS", distribution=UNKNOWN, parts=(drones("o.1", 6, "RU-MOW"),)
        ),
    )
    regrouped = bulletin(
        "retold",
        11,
        drones(
            "r", 11, "RU-MOS", "RU-KRS", distribution=UNKNOWN, parts=(drones("r.1", 5, "RU-MOW"),)
        ),
    )
    assert codes(only(pair(grouped, regrouped), "CE604")) == ["CE604"]


def test_claims_are_matched_by_kind_then_counted_object():
    drones_claim = bulletin("orig", 50)
    missiles = drones("c:m", 3, counted=Counted.CRUISE_MISSILE)
    missiles_retold = drones("c:m2", 2, counted=Counted.MISSILE)
    r = report(
        statement("st:orig", missiles, drones_claim),
        statement("st:retold", bulletin("retold", 50), missiles_retold, retells="st:orig"),
    )
    assert messages(only(r, "CE601")) == [
        "CE601 retelling gives a total of 2 where the original gives 3."
    ]


def test_retellings_resolve_across_reports_and_are_computed_once():
    original = report(statement("st:orig", orig()), id="rep:1", regions=NAMES)
    retold_statement = statement(
        "st:retold", bulletin("retold", 40, *orig().parts), retells="st:orig"
    )
    retold = report(retold_statement, id="rep:2", regions=NAMES)
    result = validate([original, retold], select="CE6")
    assert [(f.code, f.report) for f in result] == [("CE601", "rep:2")]
    assert "in rep:2 at statements[0].claims[0]" not in str(result)  # one report: no prefix


def test_retelling_differences_is_empty_without_an_original():
    st = statement("st:x", orig(), retells="st:x")
    assert codes(validate(report(st), select="CE6")) == []
    assert codes(validate(st, select="CE6")) == []
    from conflict_events.validation import Context

    assert retelling_differences(statement("st:y", orig()), "", Context()) == []


# -- CE608 -------------------------------------------------------------------------------


def two(first: Claim, second: Claim, **second_statement: object):
    return report(
        statement("st:1", first), statement("st:2", second, **second_statement), regions=NAMES
    )


def test_ce608_fires_for_a_source_contradicting_itself():
    """A part of the night over one of its regions cannot be more than the night's total."""
    night = drones("a", 50, "RU-KRS", "RU-BRY", window=NIGHT)
    later = drones("b", 60, "RU-KRS", window=msk((2025, 10, 31, 1), (2025, 10, 31, 7)))
    [finding] = only(two(night, later), "CE608")
    assert finding.path == "statements[1].claims[0]"
    assert finding.message == (
        "src:ru-mod claims 60 here, more than the 50 it claims in st:1 for a window and regions "
        "that include these."
    )
    assert finding.ids == ("b", "a", "st:2", "st:1")
    assert finding.report == "rep:test"


def test_ce608_across_reports_with_regions_from_parts():
    one = report(
        statement("st:1", drones("a", 50, window=NIGHT, parts=(drones("p", 50, "RU-KRS"),))),
        id="rep:1",
    )
    other = report(statement("st:2", drones("b", 40, "RU-KRS", window=NIGHT)), id="rep:2")
    [finding] = only([one, other], "CE608")
    assert finding.report == "rep:2"


def test_ce608_does_not_fire_when_the_claims_can_agree_or_do_not_overlap():
    night = drones("a", 50, "RU-KRS", window=NIGHT)
    cases = [
        two(night, drones("b", Quantity.between(40, 60), "RU-KRS", window=NIGHT)),
        two(night, drones("b", 45, "RU-KRS", window=msk((2025, 10, 31, 8), (2025, 10, 31, 9)))),
        two(night, drones("b", 45, "RU-VOR", window=NIGHT)),
        two(night, drones("b", 45, "RU-KRS", window=NIGHT), source="src:other"),
        two(night, drones("b", 45, "RU-KRS", window=NIGHT, counted=Counted.MISSILE)),
        two(night, drones("b", 45, "RU-KRS", window=NIGHT), retells="st:1"),
        two(night, drones("b", 45, "RU-KRS", window=NIGHT, modality="denied")),
        two(night, drones("b", 45, window=NIGHT)),
        two(night, drones("b", None, "RU-KRS", window=NIGHT)),
        two(night, drones("b", 45, "RU-KRS")),
        two(night, drones("b", 45, "RU-KRS", window=msk((2025, 10, 31, 1), (2025, 10, 31, 1)))),
        report(statement("st:1", night, drones("b", 45, "RU-KRS", window=NIGHT))),
    ]
    other = Source(id="src:other", name="Other", kind="outlet")
    for r in cases:
        r = r.__class__(
            **{
                **{f: getattr(r, f) for f in ("id", "statements", "regions")},
                "sources": (MOD, other),
            }
        )
        assert codes(only(r, "CE608")) == [], r.statements[1] if len(r.statements) > 1 else r


def test_unclear_groups_and_open_counts_in_retellings():
    original = bulletin("orig", 9, drones("o", 9, "RU-ORL", "RU-TAM", distribution=UNKNOWN))
    retold = bulletin("retold", 8, drones("r", 8, "RU-ORL", "RU-TAM", distribution=UNKNOWN))
    assert messages(only(pair(original, retold), "CE604")) == [
        "CE604 retelling gives 8 over Oryol and Tambov where the original gives 9."
    ]
    split = bulletin(
        "orig", 5, drones("o-orl", Quantity.at_least(2), "RU-ORL"), drones("o-tam", 3, "RU-TAM")
    )
    grouped = bulletin("retold", 4, drones("r", 4, "RU-ORL", "RU-TAM", distribution=TOTAL))
    assert messages(only(pair(split, grouped), "CE604")) == [
        "CE604 retelling gives 4 over Oryol and Tambov where the original gives at least 2 and 3 "
        "over Oryol and Tambov (at least 5 in all)."
    ]


def test_claims_of_the_same_kind_fall_back_to_order_when_counting_differently():
    first = drones("c:a", 3, counted=Counted.CRUISE_MISSILE)
    second = drones("c:b", 4, counted=Counted.BALLISTIC_MISSILE)
    other_kind = Claim(id="c:x", kind=ClaimKind.STRIKE, quantity=Quantity.exact(1))
    retold = drones("c:r", 3, counted=Counted.MISSILE)
    r = report(
        statement("st:orig", other_kind, first, second),
        statement("st:retold", retold, retells="st:orig"),
    )
    assert [f.ids[-1] for f in only(r, "CE606")] == ["c:x", "c:b"]


def test_a_whole_each_group_omitted_keeps_its_each():
    original = bulletin(
        "orig",
        7,
        drones("o-krs", 1, "RU-KRS"),
        drones("o-grp", 3, "RU-ORL", "RU-TUL", distribution=EACH),
    )
    retold = bulletin("retold", 1, drones("r-krs", 1, "RU-KRS"))
    assert messages(only(pair(original, retold), "CE606")) == [
        "CE606 retelling omits Oryol and Tula (3 each) given in the original."
    ]
