"""Run articles through the extraction engine again (after an engine upgrade); idempotent."""

from django.core.management.base import BaseCommand, CommandError

from ingest import services
from ingest.management.commands.ingest import Progress
from ingest.models import Article


class Command(BaseCommand):
    help = "Re-extract articles: given ids, --outdated (not written by the current engine) or --all."

    def add_arguments(self, parser):
        parser.add_argument("ids", nargs="*", type=int)
        parser.add_argument("--outdated", action="store_true", help="articles the current engine has not read")
        parser.add_argument("--all", action="store_true", help="every finished or failed article")
        parser.add_argument("--sync", action="store_true", help="process here, without a worker")
        parser.add_argument("--batch-size", type=int, default=16)
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args, ids, outdated, all, sync, batch_size, no_progress, **options):
        if all:
            selection = Article.objects.filter(status__in=[Article.Status.DONE, Article.Status.FAILED])
        elif outdated:
            selection = services.articles_outdated()
        elif ids:
            selection = Article.objects.filter(pk__in=ids)
        else:
            raise CommandError("Name article ids, or use --outdated or --all.")
        reset = [
            pk for pk in selection.order_by("pk").values_list("pk", flat=True) if services.article_reset(article_id=pk)
        ]
        if sync:
            progress = Progress("extracting", len(reset), enabled=not no_progress)
            for at in range(0, len(reset), batch_size):
                services.articles_process(article_ids=reset[at : at + batch_size])
                progress.advance(len(reset[at : at + batch_size]))
        else:
            services.articles_enqueue(article_ids=reset, batch_size=batch_size)
        verb = "re-extracted" if sync else "queued for re-extraction"
        self.stdout.write(f"{len(reset)} article(s) {verb} (engine {services.engine_version()}).")
