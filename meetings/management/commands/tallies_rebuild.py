"""Count every tally again from the records: a repair, should a tally ever disagree with the records, and
after upgrading to the tallies kept per engagement (--if-asked: only when a rebuild is waiting)."""

import time

from django.core.management.base import BaseCommand
from django.db import connection

from meetings.aggregates import KEPT, TALLIES, aggregates_rebuild, tallies_state


class Command(BaseCommand):
    help = "Rebuild the charts' tallies from the records (pages keep reading the previous ones meanwhile)."

    def add_arguments(self, parser):
        parser.add_argument("--if-asked", action="store_true", help="only if a rebuild is waiting")

    def handle(self, *args, if_asked: bool, **options):
        if if_asked and not tallies_state().rebuild:
            return
        started = time.monotonic()
        aggregates_rebuild()
        if not connection.in_atomic_block:  # VACUUM cannot run inside a caller's transaction
            with connection.cursor() as cursor:
                # Every row is new: without a visibility map the pages' index-only scans would read them all.
                cursor.execute(f"VACUUM (ANALYZE) {', '.join([*TALLIES, *KEPT])}")
        self.stdout.write(f"Tallies rebuilt in {time.monotonic() - started:.1f}s.")
