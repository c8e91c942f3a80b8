import django.contrib.postgres.indexes
from django.db import migrations

# The index is changed in place (its entries are the same), not rebuilt: instant at any size. The entries
# still pending are merged into it first.
FORWARD = "ALTER INDEX article_sketch SET (fastupdate = off); SELECT gin_clean_pending_list('article_sketch')"
BACKWARD = "ALTER INDEX article_sketch SET (fastupdate = on)"


class Migration(migrations.Migration):
    dependencies = [("ingest", "0004_article_newest")]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.RunSQL(FORWARD, BACKWARD)],
            state_operations=[
                migrations.RemoveIndex(model_name="article", name="article_sketch"),
                migrations.AddIndex(
                    model_name="article",
                    index=django.contrib.postgres.indexes.GinIndex(
                        fastupdate=False, fields=["sketch"], name="article_sketch"
                    ),
                ),
            ],
        )
    ]
