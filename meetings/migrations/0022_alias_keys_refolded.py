"""Alias keys recomputed with the name fold as it now is: "His Majesty" a leading honorific, and the
letters of Azerbaijani, Polish, Nordic and Icelandic names without a decomposition (ə, ł, æ, œ, ð, þ, ħ)
spelled in Latin letters, so a spelling stored before matches the same spelling printed now."""

from django.db import migrations

from meetings.alias_keys import recompute_alias_keys


def recompute(apps, schema_editor):
    recompute_alias_keys(apps.get_model("meetings", "OfficialAlias"))


class Migration(migrations.Migration):
    dependencies = [("meetings", "0021_tallies_kept_incrementally")]

    operations = [migrations.RunPython(recompute, migrations.RunPython.noop)]
