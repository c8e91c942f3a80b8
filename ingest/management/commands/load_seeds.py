"""Load the curated seed engagement and its article (seeds/seed_engagement.json); safe to run again."""

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from ingest.seeds import seed_fixture_load

SEED_FILE = Path(settings.BASE_DIR) / "seeds" / "seed_engagement.json"


class Command(BaseCommand):
    help = "Load the seed article and its curated engagement."

    def add_arguments(self, parser):
        parser.add_argument("--file", type=Path, default=SEED_FILE)

    def handle(self, *args, file: Path, **options):
        fixture = json.loads(file.read_text())
        article, engagements = seed_fixture_load(fixture=fixture, base_dir=file.parent)
        self.stdout.write(f"Seed article {article.pk} with {len(engagements)} engagement(s) loaded.")
