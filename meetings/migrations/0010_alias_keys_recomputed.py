"""Alias keys recomputed with the one name fold (meetings.names): the fuller honorific list and the
letters without a decomposition (ı, ø, ß, đ)."""

from django.db import migrations

from meetings.alias_keys import recompute_alias_keys


def recompute(apps, schema_editor):
    recompute_alias_keys(apps.get_model("meetings", "OfficialAlias"))


class Migration(migrations.Migration):
    dependencies = [("meetings", "0009_watches")]

    operations = [migrations.RunPython(recompute, migrations.RunPython.noop)]
