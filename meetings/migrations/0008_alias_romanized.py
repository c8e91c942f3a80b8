"""A romanised key on every alias, so trigram candidates find a name in either script."""

import django.contrib.postgres.indexes
from django.db import migrations, models

from meetings.names import romanized_key


def fill(apps, schema_editor):
    OfficialAlias = apps.get_model("meetings", "OfficialAlias")
    batch = []
    for alias in OfficialAlias.objects.only("id", "name").iterator(chunk_size=2000):
        alias.romanized = romanized_key(alias.name)
        batch.append(alias)
        if len(batch) >= 2000:
            OfficialAlias.objects.bulk_update(batch, ["romanized"])
            batch = []
    OfficialAlias.objects.bulk_update(batch, ["romanized"])


class Migration(migrations.Migration):
    dependencies = [("meetings", "0007_month_facet_tally")]

    operations = [
        migrations.AddField(
            model_name="officialalias",
            name="romanized",
            field=models.CharField(
                default="",
                editable=False,
                help_text="Consonant skeleton of the romanised name, any script",
                max_length=200,
            ),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="officialalias",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["romanized"], name="alias_romanized_trgm", opclasses=["gin_trgm_ops"]
            ),
        ),
    ]
