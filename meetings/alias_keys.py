"""Stored alias keys brought up to the current name fold (meetings.names), for migrations that change it.

Two spellings of one official that now share a key are the same spelling to matching and search; the
older alias is kept, as adding the newer would have done."""

from django.db import models
from django.db.models.functions import Cast, Concat

from meetings.names import alias_key, romanized_key


def recompute_alias_keys(alias_model: type[models.Model]) -> None:
    """`alias_model`: the migration's historical OfficialAlias."""
    manager = alias_model._default_manager
    kept: dict[tuple[int, str], int] = {}
    changed, repeated = [], []
    for alias in manager.only("id", "official_id", "name", "key", "romanized").order_by("id").iterator(chunk_size=2000):
        key, romanized = alias_key(alias.name), romanized_key(alias.name)
        if (alias.official_id, key) in kept:
            repeated.append(alias.pk)
            continue
        kept[(alias.official_id, key)] = alias.pk
        if (key, romanized) != (alias.key, alias.romanized):
            alias.key, alias.romanized = key, romanized
            changed.append(alias)
    # The repeats go first, so no update meets the (official, key) constraint halfway.
    manager.filter(pk__in=repeated).delete()
    # A new key may be another changed alias's old one: park the changed keys on their ids first.
    parked = Concat(models.Value("#"), Cast("id", models.CharField()))
    manager.filter(pk__in=[a.pk for a in changed]).update(key=parked)
    for at in range(0, len(changed), 2000):
        manager.bulk_update(changed[at : at + 2000], ["key", "romanized"])
