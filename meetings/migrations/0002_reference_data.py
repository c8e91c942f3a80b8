"""Reference data: every ISO 3166-1 state (pycountry) and the 16 topics (seeds/topics.json)."""

import json
from pathlib import Path

from django.db import migrations

TOPICS_FILE = Path(__file__).resolve().parents[2] / "seeds" / "topics.json"


def load_countries(apps, schema_editor):
    import pycountry

    Country = apps.get_model("meetings", "Country")
    for entry in pycountry.countries:
        short = getattr(entry, "common_name", None) or entry.name
        Country.objects.update_or_create(
            code=entry.alpha_2, defaults={"alpha3": entry.alpha_3, "name": entry.name, "short_name": short}
        )


def load_topics(apps, schema_editor):
    Topic = apps.get_model("meetings", "Topic")
    for topic in json.loads(TOPICS_FILE.read_text()):
        Topic.objects.update_or_create(
            slug=topic["slug"], defaults={"label": topic["label"], "description": topic["description"]}
        )


class Migration(migrations.Migration):
    dependencies = [("meetings", "0001_initial")]

    operations = [
        migrations.RunPython(load_countries, migrations.RunPython.noop),
        migrations.RunPython(load_topics, migrations.RunPython.noop),
    ]
