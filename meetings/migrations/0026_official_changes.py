"""Which officials changed, by which transaction: a row in meetings_officialchange for each official or
spelling added, changed or removed, written by statement triggers on both tables (one INSERT per
statement, so a load of 200,000 officials writes its log in one go); a TRUNCATE of either writes official 0,
every official. The engine's index of known officials
is then brought up to date from the officials changed since a process last looked, not read whole again
(6 s at 200,000 officials)."""

import django.db.models.functions.datetime
from django.db import migrations, models

LOG = "INSERT INTO meetings_officialchange (official_id, xid) SELECT DISTINCT {column}, pg_current_xact_id()::text::bigint FROM ({rows}) AS changed"

FUNCTION = """
CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        {insert};
    ELSIF TG_OP = 'UPDATE' THEN
        {update};
    ELSE
        {delete};
    END IF;
    RETURN NULL;
END $$
"""


def function(name: str, column: str) -> str:
    return FUNCTION.format(
        name=name,
        insert=LOG.format(column=column, rows=f"SELECT {column} FROM new_rows"),
        update=LOG.format(column=column, rows=f"SELECT {column} FROM new_rows UNION SELECT {column} FROM old_rows"),
        delete=LOG.format(column=column, rows=f"SELECT {column} FROM old_rows"),
    )


EVERYONE = """
CREATE FUNCTION meetings_officials_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO meetings_officialchange (official_id, xid) VALUES (0, pg_current_xact_id()::text::bigint);
    RETURN NULL;
END $$
"""


def triggers(table: str, name: str) -> str:
    """Transition tables allow one event a trigger: three on the one function, and one for a TRUNCATE."""
    logged = [
        f"CREATE TRIGGER {name}_{event.lower()} AFTER {event} ON {table} REFERENCING {tables} "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {name}()"
        for event, tables in [
            ("INSERT", "NEW TABLE AS new_rows"),
            ("UPDATE", "OLD TABLE AS old_rows NEW TABLE AS new_rows"),
            ("DELETE", "OLD TABLE AS old_rows"),
        ]
    ]
    everyone = (
        f"CREATE TRIGGER {name}_truncate AFTER TRUNCATE ON {table} "
        "FOR EACH STATEMENT EXECUTE FUNCTION meetings_officials_truncated()"
    )
    return ";".join([*logged, everyone])


class Migration(migrations.Migration):
    dependencies = [("meetings", "0025_tally_folds_counted")]

    operations = [
        migrations.CreateModel(
            name="OfficialChange",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("official_id", models.IntegerField()),
                (
                    "xid",
                    models.BigIntegerField(
                        help_text="The writing transaction's id (pg_current_xact_id(), never wraps)"
                    ),
                ),
                ("at", models.DateTimeField(db_default=django.db.models.functions.datetime.Now())),
            ],
            options={
                "indexes": [
                    models.Index(fields=["xid"], name="official_change_xid"),
                    models.Index(fields=["at"], name="official_change_at"),
                ],
            },
        ),
        migrations.RunSQL(
            [
                EVERYONE,
                function("meetings_official_changed", "id"),
                triggers("meetings_official", "meetings_official_changed"),
                function("meetings_alias_changed", "official_id"),
                triggers("meetings_officialalias", "meetings_alias_changed"),
            ],
            [
                "DROP FUNCTION IF EXISTS meetings_official_changed() CASCADE",
                "DROP FUNCTION IF EXISTS meetings_alias_changed() CASCADE",
                "DROP FUNCTION IF EXISTS meetings_officials_truncated() CASCADE",
            ],
        ),
    ]
