"""The gazetteer: every ISO 3166 country and subdivision, plus curated names for the war's regions.

ISO 3166-1 and 3166-2 codes and their ISO names come from :mod:`pycountry` (used as a code
list only, never its fuzzy search). On top of them, ``data/regions.json`` gives Russia's and
Ukraine's subdivisions English names and variants, Russian and Ukrainian names, the sea areas
bulletins name (``sea:black``, ``sea:azov``, ``sea:caspian``, ``sea:baltic``), the areas of
Ukraine that Russia holds, and who administers and who claims disputed places;
``data/points.json`` a point for each subdivision of Russia and Ukraine and each sea; and
``data/places.json`` the towns, airfields, settlements and raions below them that datasets
name, whose names rank below the regions' (a bare "Kursk" stays the oblast).

Matching is exact after normalisation (see :mod:`conflict_events.reference._normalize`):
"Orel", "Oryol", "Орловской области" and "Орловською" all find ``RU-ORL``; "Orell" does not,
and the error says what is near.

>>> from conflict_events.reference import gazetteer
>>> gazetteer.lookup("Oryol Region").id, gazetteer.lookup("над Белгородской областью").id
('RU-ORL', 'RU-BEL')
>>> crimea = gazetteer.get("UA-43")
>>> crimea.administered_by, crimea.claimed_by
('RU', ('UA', 'RU'))
>>> gazetteer.lookup("Chauda, Crimea").parent, gazetteer.get("RU-KRS").point
('UA-43', Point(lat=51.6568, lon=36.4853))
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from conflict_events.errors import AmbiguousName, DirectionName, LookupFailed
from conflict_events.model.place import Point, Region, RegionKind, is_region_id
from conflict_events.reference._index import (
    CURATED,
    ISO,
    PLACE,
    USER,
    Lazy,
    NameIndex,
    OwnFirst,
    ambiguous,
    read_data,
    unknown,
)
from conflict_events.reference._normalize import key_tail, place_words, region_key, tokens

if TYPE_CHECKING:
    from conflict_events.model.report import Report

__all__ = ["CONFLICT_COUNTRIES", "Gazetteer", "GazetteerView", "gazetteer"]


class _Spec(NamedTuple):
    """What a :class:`Region` is built from, kept light until the region is asked for."""

    name: str
    kind: RegionKind
    country: str | None
    parent: str | None
    aliases: tuple[str, ...]
    administered_by: str | None
    claimed_by: tuple[str, ...]
    point: Point | None = None


def _spec_of(region: Region) -> _Spec:
    return _Spec(
        region.name,
        region.kind,
        region.country,
        region.parent,
        region.aliases,
        region.administered_by,
        region.claimed_by,
        region.point,
    )


def _unique(names: Iterable[str], but: str = "") -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for name in names:
        if name and name != but:
            seen.setdefault(name, None)
    return tuple(seen)


# -- alias generation from the curated data -------------------------------------------------


def _ru_oblast(adj: str) -> list[str]:
    stem = adj[:-2]  # Белгородская -> Белгородск
    return [
        f"{adj} область",
        adj,
        f"{stem}ой области",
        f"{stem}ую область",
        f"{stem}ой областью",
        f"{stem}ой",
    ]


def _uk_oblast(adj: str) -> list[str]:
    stem = adj[:-1]  # Бєлгородська -> Бєлгородськ
    return [
        f"{adj} область",
        adj,
        f"{stem}ої області",
        f"{stem}ій області",
        f"{stem}у область",
        f"{stem}ою областю",
        f"{stem}ою",
    ]


def _ru_krai(adj: str) -> list[str]:
    stem = adj[:-2]  # Краснодарский -> Краснодарск
    return [f"{adj} край", f"{stem}ого края", f"{stem}ом крае", f"{stem}им краем", adj]


def _uk_krai(adj: str) -> list[str]:
    stem = adj[:-2]  # Краснодарський -> Краснодарськ
    return [f"{adj} край", f"{stem}ого краю", f"{stem}ому краї", f"{stem}им краєм", adj]


def _generated(entry: dict[str, Any]) -> list[str]:
    """The names a curated entry's ``type``, ``en``, ``ru`` and ``uk`` fields stand for."""
    kind = entry.get("type", "")
    bare = entry.get("bare", True)
    out: list[str] = []
    for base in entry.get("en", []):
        if bare:
            out.append(base)
        if kind == "oblast":
            out += [f"{base} Oblast", f"{base} Region", f"{base} Province"]
        elif kind == "krai":
            out += [f"{base} Krai", f"{base} Kray", f"{base} Territory", f"{base} Region"]
        elif kind == "republic":
            out += [f"Republic of {base}", f"{base} Republic"]
        elif kind == "autonomous_okrug":
            out += [f"{base} Autonomous Okrug", f"{base} Autonomous District", f"{base} Okrug"]
    for name in entry.get("ru", []):
        if kind == "oblast":
            out += _ru_oblast(name)
        elif kind == "krai":
            out += _ru_krai(name)
        elif kind == "autonomous_okrug":
            out += [f"{name} автономный округ", name]
        else:
            out.append(name)
            if kind == "republic" and "республик" not in name.casefold():
                out.append(f"Республика {name}")
    for name in entry.get("uk", []):
        if kind == "oblast":
            out += _uk_oblast(name)
        elif kind == "krai":
            out += _uk_krai(name)
        elif kind == "autonomous_okrug":
            out += [f"{name} автономний округ", name]
        else:
            out.append(name)
            if kind == "republic" and "республік" not in name.casefold():
                out.append(f"Республіка {name}")
    return out


# -- the loaded data ------------------------------------------------------------------------


class _Data:
    """Everything the gazetteer knows, built once on first use."""

    def __init__(self) -> None:
        self.specs: dict[str, _Spec] = {}
        self.built: dict[str, Region] = {}
        self.index = NameIndex(region_key)
        self.notes: dict[str, str] = {}
        self.enclosed_by: dict[str, set[str]] = {}
        self.capital_keys: frozenset[str] = frozenset()
        self.capital_by_country: dict[str, str] = {}
        self.capital_default: str | None = None
        self.curated: set[str] = set()
        self.bare: dict[str, bool] = {}
        """Whether a curated entry's bare name (no "Oblast") names it."""
        self.types: dict[str, str] = {}
        """A curated entry's administrative type (oblast, krai, republic, city, sea, ...)."""
        self.directions: dict[str, str] = {}
        """Direction keys to their canonical English names."""
        self.direction_lead: frozenset[str] = frozenset()
        self.direction_tail: frozenset[str] = frozenset()
        self.upper_ids: dict[str, str] | None = None

    def put(self, id_: str, spec: _Spec, tier: int) -> None:
        self.specs[id_] = spec
        self.built.pop(id_, None)
        self.index.remove(id_)
        self.index.add(id_, (spec.name, *spec.aliases), tier)


def _load_iso(data: _Data) -> None:
    # imported on first use, so that importing the package stays fast
    import pycountry

    for c in pycountry.countries:
        names = [getattr(c, a, None) for a in ("common_name", "name", "official_name")]
        present = [n for n in names if n]
        name = present[0]
        data.put(
            c.alpha_2,
            _Spec(name, RegionKind.COUNTRY, c.alpha_2, None, _unique(present, name), None, ()),
            ISO,
        )
    for s in pycountry.subdivisions:
        parent = s.parent_code or s.country_code
        kind = RegionKind.CITY if "city" in s.type.casefold() else RegionKind.SUBDIVISION
        data.put(s.code, _Spec(s.name, kind, s.country_code, parent, (), None, ()), ISO)


def _load_curated(data: _Data, raw: dict[str, Any]) -> None:
    for entry in raw["countries"]:
        old = data.specs[entry["id"]]
        aliases = _unique((*old.aliases, *entry["aliases"]), old.name)
        data.put(entry["id"], old._replace(aliases=aliases), CURATED)
        data.curated.add(entry["id"])
    for entry in raw["regions"]:
        id_ = entry["id"]
        iso = data.specs.get(id_)
        name = entry["name"]
        names = [*_generated(entry), *entry.get("aliases", [])]
        if iso is not None:
            names.append(iso.name)
        country = entry.get("country")
        if country is None and iso is not None:
            country = iso.country
        parent = entry.get("parent", iso.parent if iso is not None else None)
        if country is None and parent is not None:
            country = parent.split("-")[0]
        spec = _Spec(
            name,
            RegionKind(entry["kind"]) if "kind" in entry else RegionKind.SUBDIVISION,
            country,
            parent,
            _unique(names, name),
            entry.get("administered_by"),
            tuple(entry.get("claimed_by", ())),
        )
        data.put(id_, spec, CURATED)
        data.curated.add(id_)
        data.bare[id_] = entry.get("bare", True)
        data.types[id_] = entry.get("type", "")
        if "note" in entry:
            data.notes[id_] = entry["note"]
        for inner in entry.get("encloses", ()):
            data.enclosed_by.setdefault(inner, set()).add(id_)
    capital = raw["capital"]
    data.capital_keys = frozenset(region_key(a) for a in capital["aliases"])
    data.capital_by_country = dict(capital["by_country"])
    data.capital_default = capital["default"]


_EXONYM_LANGUAGES = ("de", "fr", "es", "it", "pl", "bg", "hi", "zh_CN")


def _pl_adjective(adj: str) -> list[str]:
    """A Polish region adjective in the cases retellings use: obwód kurski, obwodu kurskiego."""
    if not adj.endswith("i"):
        return []
    return [f"obwodu {adj[:-1]}iego", f"obwodzie {adj}m", f"obwodem {adj}m"]


def _exonyms(
    entry: dict[str, list[str]], forms: dict[str, Any], kind: str, bare: bool
) -> list[str]:
    """The names of one entry of ``exonyms.json``, with the forms its type takes."""
    out: list[str] = []
    for column, names in entry.items():
        templates = forms.get(column, {}).get(kind, [])
        for name in names:
            if bare and not column.endswith("_adj"):
                out.append(name)
            out += [t.format(name) for t in templates]
            if column == "pl_adj" and kind == "oblast":
                out += _pl_adjective(name)
            if column == "bg_adj" and bare:
                out.append(name)
    return out


def _load_exonyms(data: _Data) -> None:
    """Names in other languages: the curated table, then pycountry's ISO 3166-2 translations."""
    raw = read_data("exonyms.json")
    forms: dict[str, Any] = raw["forms"]
    for id_, entry in raw["names"].items():
        kind = data.types.get(id_, "")
        bare = data.bare.get(id_, True) or kind in ("city", "sea")
        data.index.add(id_, _exonyms(entry, forms, kind, bare), CURATED)
    import gettext

    import pycountry

    excluded: dict[str, list[str]] = raw["pycountry_exclude"]
    ids = [id_ for id_ in raw["names"] if id_ in data.specs and not id_.startswith("sea:")]
    iso_names = {s.code: s.name for s in pycountry.subdivisions if s.code in set(ids)}
    for language in _EXONYM_LANGUAGES:
        try:
            translation = gettext.translation(
                "iso3166-2", pycountry.LOCALES_DIR, languages=[language]
            )
        except OSError:  # pragma: no cover - pycountry ships these catalogues
            continue
        skip = set(excluded.get(language.split("_")[0], ()))
        for id_, iso_name in iso_names.items():
            translated = translation.gettext(iso_name)
            if translated != iso_name and id_ not in skip:
                names = [translated, translated.split(",")[0]]
                data.index.add(id_, names, CURATED)


def _load_directions(data: _Data) -> None:
    raw = read_data("directions.json")
    data.direction_lead = frozenset(w for lead in raw["lead"] for w in tokens(lead))
    data.direction_tail = frozenset(w for tail in raw["tail"] for w in tokens(tail))
    for direction, forms in raw["directions"].items():
        for form in (direction, *forms):
            data.directions[_direction_key(data, form)] = direction


def _direction_key(data: _Data, name: str | tuple[str, ...]) -> str:
    """A direction's key: its words without leading and trailing particles, run together."""
    words = list(place_words(name) if isinstance(name, str) else name)
    while words and words[0] in data.direction_lead:
        words.pop(0)
    while words and words[-1] in data.direction_tail:
        words.pop()
    return "".join(words)


_PLACE_FORMS: dict[str, dict[str, tuple[str, ...]]] = {
    "city": {
        "en": ("{} city", "city of {}"),
        "ru": ("город {}", "г. {}"),
        "uk": ("місто {}", "м. {}"),
    },
    "town": {
        "en": ("{} town", "town of {}"),
        "ru": ("город {}", "г. {}"),
        "uk": ("місто {}", "м. {}"),
    },
    "settlement": {
        "en": ("village of {}",),
        "ru": ("село {}", "посёлок {}", "поселок {}"),
        "uk": ("село {}", "селище {}"),
    },
    "airfield": {
        "en": ("{} airfield", "{} air base", "{} airbase", "{} aerodrome"),
        "ru": ("аэродром {}", "авиабаза {}"),
        "uk": ("аеродром {}", "авіабаза {}"),
    },
}
"""The qualified names a place's ``en``, ``ru`` and ``uk`` names take by its kind."""


def _place_names(entry: dict[str, Any]) -> list[str]:
    """A place's own names, its names with their kind ("Kursk city"), and its aliases."""
    forms = _PLACE_FORMS.get(entry["kind"], {})
    out: list[str] = []
    for column in ("en", "ru", "uk"):
        for name in entry[column]:
            out += [name, *(t.format(name) for t in forms.get(column, ()))]
    return [*out, *entry.get("aliases", ())]


def _load_places(data: _Data) -> None:
    """The places below the subdivisions (``places.json``), at the tier below the regions."""
    for entry in read_data("places.json")["places"]:
        parent = data.specs[entry["parent"]]
        point = entry.get("point")
        spec = _Spec(
            entry["name"],
            RegionKind(entry["kind"]),
            parent.country,
            entry["parent"],
            _unique(_place_names(entry), entry["name"]),
            parent.administered_by,
            parent.claimed_by,
            None if point is None else Point(lat=point[0], lon=point[1]),
        )
        data.put(entry["id"], spec, PLACE)
        data.types[entry["id"]] = entry["kind"]


def _load_points(data: _Data) -> None:
    """The points of the subdivisions and seas (``points.json``)."""
    for id_, (lat, lon) in read_data("points.json")["points"].items():
        data.specs[id_] = data.specs[id_]._replace(point=Point(lat=lat, lon=lon))


def _load() -> _Data:
    data = _Data()
    _load_iso(data)
    _load_curated(data, read_data("regions.json"))
    _load_points(data)
    _load_places(data)
    _load_exonyms(data)
    _load_directions(data)
    return data


# -- lookups --------------------------------------------------------------------------------


def _keep(
    spec_of: Callable[[str], _Spec | None], country: str | None, kind: RegionKind | None
) -> Callable[[str], bool] | None:
    """The filter for ``country=`` and ``kind=``: ``None`` when there is nothing to filter."""
    if country is None and kind is None:
        return None

    def keep(id_: str) -> bool:
        spec = spec_of(id_)
        if spec is None:
            return False
        if kind is not None and spec.kind is not kind:
            return False
        if country is None:
            return True
        return (
            spec.country is None
            or spec.country == country
            or spec.administered_by == country
            or country in spec.claimed_by
        )

    return keep


def _as_kind(kind: RegionKind | str | None) -> RegionKind | None:
    return None if kind is None else RegionKind(kind)


def _ambiguous(name: str, ids: Sequence[str]) -> AmbiguousName:
    return ambiguous("regions", name, ids, "pass country= or kind=, or use an id")


def _unknown(name: str, near: Callable[[], Sequence[tuple[str, str]]]) -> LookupFailed:
    return unknown("region", name, near)


CONFLICT_COUNTRIES = frozenset({"RU", "UA", "BY", "MD"})
"""The war's countries and their neighbours: a bare name is looked for here first."""


def _holds(spec: _Spec, countries: frozenset[str]) -> bool:
    """Whether a place is in ``countries`` (coded, administered or claimed), or of none."""
    return (
        spec.country is None
        or spec.country in countries
        or spec.administered_by in countries
        or not countries.isdisjoint(spec.claimed_by)
    )


def _best(found: Mapping[str, int]) -> list[str]:
    """The ids of the best (lowest) tier, sorted."""
    best = min(found.values())
    return sorted(i for i, t in found.items() if t == best)


def _outside(name: str, region: Region) -> LookupFailed:
    """The error for a name that only a subdivision outside the conflict's countries has."""
    return LookupFailed(
        f"no place in Russia, Ukraine or their neighbours is named {name!r}; outside them "
        f"it names {region.name} ({region.id}): pass country={region.country!r} or "
        f"prefer=[{region.id!r}] to mean it",
        suggestions=[region.name],
    )


_MAX_DEPTH = 16
"""How many steps up a region hierarchy :meth:`within` looks before giving up."""


class _Places:
    """What the gazetteer and its views share: list look-ups and containment."""

    def lookup(
        self,
        name: str,
        *,
        country: str | None = None,
        kind: RegionKind | str | None = None,
        prefer: Iterable[str] = (),
    ) -> Region:
        raise NotImplementedError

    def _up(self, id_: str) -> Iterable[str]:
        """The ids that directly contain ``id_``: its parent and the curated enclosures."""
        raise NotImplementedError

    def within(self, inner: str, outer: str | Collection[str]) -> bool:
        """Whether region ``inner`` is ``outer`` (or one of several) or lies within it.

        Follows parents (a subdivision is within its country) and the curated enclosures
        (Moscow Oblast encloses the city of Moscow, Crimea encloses Sevastopol), at most
        16 steps up; an unknown id is within nothing but itself.

        >>> gazetteer.within("RU-MOW", "RU-MOS"), gazetteer.within("RU-BEL", "RU")
        (True, True)
        >>> gazetteer.within("RU-MOS", "RU-MOW"), gazetteer.within("UA-40", ["RU", "UA-43"])
        (False, True)
        """
        outers = {outer} if isinstance(outer, str) else set(outer)
        seen = {inner}
        level = [inner]
        for _ in range(_MAX_DEPTH + 1):
            if not level:
                break
            if outers.intersection(level):
                return True
            above = []
            for current in level:
                for up in self._up(current):
                    if up not in seen:
                        seen.add(up)
                        above.append(up)
            level = above
        return False

    def lookup_all(
        self, names: Iterable[str], *, country: str | None = None, prefer: Iterable[str] = ()
    ) -> tuple[Region, ...]:
        """Resolve the places of one written list, reading a closing plural across the list.

        In "Moscow, Tambov, Oryol and Bryansk regions" every item is a region, so "Moscow"
        there is the Moscow region (RU-MOS), while "Moscow" alone is the city.

        >>> [r.id for r in gazetteer.lookup_all(["Moscow", "Tambov", "Bryansk regions"])]
        ['RU-MOS', 'RU-TAM', 'RU-BRY']
        >>> [r.id for r in gazetteer.lookup_all(["Moscow"])]
        ['RU-MOW']
        """
        items = list(names)
        preferred = tuple(prefer)
        tail = key_tail(items)
        out: list[Region] = []
        for i, name in enumerate(items):
            if tail is not None and i < len(items) - 1:
                try:
                    out.append(self.lookup(f"{name} {tail}", country=country, prefer=preferred))
                    continue
                except LookupFailed:
                    pass
            out.append(self.lookup(name, country=country, prefer=preferred))
        return tuple(out)


class Gazetteer(_Places):
    """Regions by id and by name; loaded on first use, extendable with :meth:`register`.

    >>> g = Gazetteer()
    >>> "RU-BEL" in g, "XX-YY" in g
    (True, False)
    """

    def __init__(self) -> None:
        self._data = Lazy(_load)

    @property
    def _d(self) -> _Data:
        return self._data.get()

    def _spec(self, id_: str) -> _Spec | None:
        return self._d.specs.get(id_)

    # -- by id ----------------------------------------------------------------------------

    def get(self, id: str) -> Region:
        """The region with this id; :class:`~conflict_events.errors.LookupFailed` if unknown.

        >>> gazetteer.get("RU-MOS").name
        'Moscow Oblast'
        """
        d = self._d
        region = d.built.get(id)
        if region is not None:
            return region
        spec = d.specs.get(id) if isinstance(id, str) else None
        if spec is None:
            near = [i for i in d.specs if isinstance(id, str) and i.upper() == id.strip().upper()]
            hint = f"; did you mean {near[0]!r}?" if near else ""
            raise LookupFailed(f"no region has the id {id!r}{hint}", suggestions=near)
        region = Region(
            id=id,
            name=spec.name,
            kind=spec.kind,
            country=spec.country,
            parent=spec.parent,
            aliases=spec.aliases,
            administered_by=spec.administered_by,
            claimed_by=spec.claimed_by,
            point=spec.point,
        )
        d.built[id] = region
        return region

    def __contains__(self, id: object) -> bool:
        return isinstance(id, str) and id in self._d.specs

    def __len__(self) -> int:
        return len(self._d.specs)

    def __iter__(self) -> Iterator[str]:
        """The ids, in no promised order."""
        return iter(list(self._d.specs))

    def note(self, id: str) -> str | None:
        """The curated note on a region (conventions, disputed status), if any.

        >>> "encloses" in (gazetteer.note("RU-MOS") or "")
        True
        """
        return self._d.notes.get(id)

    def _up(self, id_: str) -> Iterable[str]:
        d = self._d
        spec = d.specs.get(id_)
        if spec is not None and spec.parent is not None:
            yield spec.parent
        yield from d.enclosed_by.get(id_, ())

    # -- by name --------------------------------------------------------------------------

    def direction(self, name: str) -> str | None:
        """The compass direction ``name`` is, in canonical English, or ``None``.

        >>> gazetteer.direction("from the south-east"), gazetteer.direction("с юга")
        ('south-east', 'south')
        >>> gazetteer.direction("Kursk") is None
        True
        """
        d = self._d
        return d.directions.get(_direction_key(d, name))

    def _ranked(
        self, name: str, country: str | None, kind: RegionKind | None, prefer: Iterable[str]
    ) -> tuple[list[str], bool]:
        """The ids ``name`` means in the first scope that has any, and whether that scope
        is outside the conflict's countries (see :meth:`lookup`)."""
        d = self._d
        keep = _keep(self._spec, country, kind)
        key = region_key(name)
        tiers = d.index.tiers(key)
        found = tiers if keep is None else {i: t for i, t in tiers.items() if keep(i)}
        if not found:
            if key in d.capital_keys:
                target = d.capital_by_country.get(country) if country else d.capital_default
                if target is not None and (keep is None or keep(target)):
                    return [target], False
            return self._qualified(name, country, kind, prefer), False
        if country is not None:
            return _best(found), False
        for countries in (self._countries(prefer), CONFLICT_COUNTRIES):
            inside = {i: t for i, t in found.items() if _holds(d.specs[i], countries)}
            if inside:
                return _best(inside), False
        return _best(found), True

    def _qualified(
        self, name: str, country: str | None, kind: RegionKind | None, prefer: Iterable[str]
    ) -> list[str]:
        """The place of "Chauda, Crimea" or "Zaporizhzhia oblast, Prymorsk": of two parts
        split at the one comma, the place one part names that lies within the other."""
        parts = [part.strip() for part in name.split(",")]
        if len(parts) != 2 or not all(parts):
            return []
        keep = _keep(self._spec, country, kind)
        preferred = tuple(prefer)
        for inner, outer in (parts, parts[::-1]):
            outers = self._ranked(outer, country, None, preferred)[0]
            if len(outers) != 1:
                continue
            found = {
                i: t
                for i, t in self._d.index.tiers(region_key(inner)).items()
                if i != outers[0] and (keep is None or keep(i)) and self.within(i, outers[0])
            }
            if found:
                return _best(found)
        return []

    def _countries(self, prefer: Iterable[str]) -> frozenset[str]:
        """The countries of ``prefer``: country codes, or the countries of region ids."""
        out: set[str] = set()
        for item in prefer:
            spec = self._d.specs.get(item)
            if spec is not None and spec.country is not None:
                out.add(spec.country)
                if spec.administered_by is not None:
                    out.add(spec.administered_by)
        return frozenset(out)

    def candidates(
        self,
        name: str,
        *,
        country: str | None = None,
        kind: RegionKind | str | None = None,
        prefer: Iterable[str] = (),
    ) -> tuple[str, ...]:
        """The ids ``name`` could mean (empty when none, and for a direction), without raising.

        They come from the first scope that has any, in the order :meth:`lookup` gives.

        >>> gazetteer.candidates("Altai"), gazetteer.candidates("south")
        (('RU-AL', 'RU-ALT'), ())
        """
        if self.direction(name) is not None:
            return ()
        return tuple(self._ranked(name, country, _as_kind(kind), prefer)[0])

    def lookup(
        self,
        name: str,
        *,
        country: str | None = None,
        kind: RegionKind | str | None = None,
        prefer: Iterable[str] = (),
    ) -> Region:
        """The one region ``name`` means.

        An id is accepted as its own name. A compass direction ("south", "с юго-востока",
        "from the north") raises :class:`~conflict_events.errors.DirectionName`, unless
        ``country`` has a place of that name ("South", ``country="CM"``). Otherwise the name
        is looked for in this order, and the first scope with a match answers:

        1. with ``country``, only the places that country holds, claims or is coded under,
           and places of no country (seas): with ``country="RU"`` Crimea is still found;
        2. the countries of ``prefer`` (country codes, or region ids such as a report's
           own regions) and the places they hold;
        3. the conflict's countries and neighbours: Russia, Ukraine, Belarus, Moldova, and
           places of no country (the seas);
        4. anywhere else. A name found only there is a country's name ("Iran"), or it is
           refused: one foreign subdivision ("South" in Cameroon) is not taken silently.

        In each scope a region's name (a country's, a subdivision's, a sea's) wins over a
        town's, an airfield's or a raion's of the same name: "Kursk" is the oblast, "Kursk
        city" or ``kind="city"`` the city. A name of two parts at one comma, one a place
        within the region the other names ("Chauda, Crimea"), is that place.

        Raises :class:`~conflict_events.errors.AmbiguousName` (listing the candidate ids)
        or :class:`~conflict_events.errors.LookupFailed` (with the nearest names in
        ``suggestions``, searched for only when they are read).

        >>> gazetteer.lookup("Московским регионом").id, gazetteer.lookup("на столицу").id
        ('RU-MOS', 'RU-MOW')
        >>> gazetteer.lookup("the capital", country="UA").id
        'UA-30'
        >>> gazetteer.lookup("Gebiet Moskau").id, gazetteer.lookup("库尔斯克州").id
        ('RU-MOS', 'RU-KRS')
        """
        if not isinstance(name, str):
            raise TypeError(f"a region name is a string, got {type(name).__name__}")
        stripped = name.strip()
        if is_region_id(stripped) and stripped in self:
            return self.get(stripped)
        direction = self.direction(name)
        wanted = _as_kind(kind)
        ids: list[str] = []
        outside = False
        if direction is None or country is not None:
            ids, outside = self._ranked(name, country, wanted, prefer)
        if direction is not None and not ids:
            raise DirectionName(
                f"{name!r} is a direction ({direction}), not a place", direction=direction
            )
        if len(ids) > 1:
            raise _ambiguous(name, ids)
        if ids and (not outside or self._d.specs[ids[0]].kind is RegionKind.COUNTRY):
            return self.get(ids[0])
        if ids:
            raise _outside(name, self.get(ids[0]))
        keep = _keep(self._spec, country, wanted)
        index, key = self._d.index, region_key(name)
        raise _unknown(name, lambda: index.suggest(key, keep))

    # -- extending ------------------------------------------------------------------------

    def register(self, region: Region) -> None:
        """Add a region, or replace the one with its id; its name and aliases win lookups.

        >>> g = Gazetteer()
        >>> g.register(Region(id="area:kupiansk", name="Kupiansk district", kind="area",
        ...                   country="UA", parent="UA-63", aliases=("Kupiansk area",)))
        >>> g.lookup("Kupiansk area").id
        'area:kupiansk'
        """
        if not isinstance(region, Region):
            raise TypeError(f"register() takes a Region, got {type(region).__name__}")
        d = self._d
        d.put(region.id, _spec_of(region), USER)
        d.built[region.id] = region

    def with_regions(self, regions: Iterable[Region]) -> GazetteerView:
        """A view that looks in ``regions`` (a report's own table) before the gazetteer.

        >>> own = Region(id="area:front", name="the front line", kind="area")
        >>> view = gazetteer.with_regions([own])
        >>> view.lookup("The Front Line").id, view.get("RU-BEL").name
        ('area:front', 'Belgorod Oblast')
        """
        return GazetteerView(self, regions)

    def resolve(self, id: str, report: Report | None = None) -> Region:
        """The region ``id`` refers to: the report's own entry first, then the gazetteer.

        >>> gazetteer.resolve("sea:azov").name
        'Sea of Azov'
        """
        if report is None:
            return self.get(id)
        return self.with_regions(report.regions).get(id)

    def stats(self) -> dict[str, int]:
        """Counts for the curious: regions, curated regions, indexed names.

        >>> gazetteer.stats()["curated"] > 100
        True
        """
        d = self._d
        return {
            "regions": len(d.specs),
            "curated": len(d.curated),
            "names": d.index.names(),
        }


class GazetteerView(OwnFirst[Region], _Places):
    """The gazetteer seen through a report's own regions, which take precedence.

    This is the one resolver for ids met in a report: its own table first, then the
    gazetteer (validation looks regions up through it).

    >>> own = Region(id="area:front", name="the front line", kind="area", parent="UA-14")
    >>> view = gazetteer.with_regions([own])
    >>> view.within("area:front", "UA"), view.get("UA-14").name
    (True, 'Donetsk Oblast')
    """

    def __init__(self, base: Gazetteer, regions: Iterable[Region]) -> None:
        super().__init__(base, regions, Region, "with_regions()", region_key)
        self._catalogue = base

    def _up(self, id_: str) -> Iterable[str]:
        own = self._own.get(id_)
        if own is None:
            return self._catalogue._up(id_)
        return () if own.parent is None else (own.parent,)

    def lookup(
        self,
        name: str,
        *,
        country: str | None = None,
        kind: RegionKind | str | None = None,
        prefer: Iterable[str] = (),
    ) -> Region:
        """The report's region of this name, else :meth:`Gazetteer.lookup`.

        The gazetteer then prefers the countries of the report's own regions, after those of
        ``prefer``.
        """
        if not isinstance(name, str):
            raise TypeError(f"a region name is a string, got {type(name).__name__}")
        own = self._own.get

        def spec(id_: str) -> _Spec | None:
            region = own(id_)
            return None if region is None else _spec_of(region)

        stripped = name.strip()
        if stripped in self._own:
            return self._own[stripped]
        ids = self._index.find(region_key(name), _keep(spec, country, _as_kind(kind)))
        if len(ids) == 1:
            return self._own[ids[0]]
        if ids:
            raise _ambiguous(name, ids)
        preferred = (*prefer, *self._own_countries())
        return self._catalogue.lookup(name, country=country, kind=kind, prefer=preferred)

    def _own_countries(self) -> tuple[str, ...]:
        """The countries of the report's own regions, as region ids the gazetteer knows."""
        found: dict[str, None] = {}
        for region in self._own.values():
            for code in (region.country, region.administered_by, region.parent):
                if code is not None:
                    found.setdefault(code, None)
        return tuple(found)


gazetteer = Gazetteer()
"""The shared gazetteer; data loads on first use."""
