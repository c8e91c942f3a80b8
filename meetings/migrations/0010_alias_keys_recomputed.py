"""Alias keys recomputed with the one name fold (meetings.names): the fuller honorific list and the
letters without a decomposition (ı, ø, ß, đ). Two spellings of one official that now share a key are
the same spelling to matching and search; the older alias is kept, as adding the newer would have done."""

from django.db import migrations, models
from django.db.models.functions import Cast, Concat

from meetings.names import alias_key, romanized_key


def recompute(apps, schema_editor):
    OfficialAlias = apps.get_model("meetings", "OfficialAlias")
    kept: dict[tuple[int, str], int] = {}
    changed, repeated = [], []
    for alias in (
        OfficialAlias.objects.only("id", "official_id", "name", "key", "romanized")
        .order_by("id")
        .iterator(chunk_size=2000)
    ):
        key, romanized = alias_key(alias.name), romanized_key(alias.name)
        if (alias.official_id, key) in kept:
            repeated.append(alias.pk)
            continue
        kept[(alias.official_id, key)] = alias.pk
        if (key, romanized) != (alias.key, alias.romanized):
            alias.key, alias.romanized = key, romanized
            changed.append(alias)
    # The repeats go first, so no update meets the (official, key) constraint halfway.
    OfficialAlias.objects.filter(pk__in=repeated).delete()
    # A new key may be another changed alias's old one: park the changed keys on their ids first.
    parked = Concat(models.Value("#"), Cast("id", models.CharField()))
    OfficialAlias.objects.filter(pk__in=[a.pk for a in changed]).update(key=parked)
    for at in range(0, len(changed), 2000):
        OfficialAlias.objects.bulk_update(changed[at : at + 2000], ["key", "romanized"])


class Migration(migrations.Migration):
    dependencies = [("meetings", "0009_watches")]

    operations = [migrations.RunPython(recompute, migrations.RunPython.noop)]
