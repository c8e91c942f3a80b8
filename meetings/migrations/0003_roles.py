"""Roles: analysts browse; editors also upload articles. Staff use the admin."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ANALYST_MODELS = ["country", "topic", "organization", "official", "officialalias", "engagement",
                  "participation", "evidence", "article"]  # fmt: skip


def create_groups(apps, schema_editor):
    for app_config in apps.get_app_configs():  # permissions are normally made after migrate
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    view = Permission.objects.filter(codename__in=[f"view_{m}" for m in ANALYST_MODELS])
    analyst, _ = Group.objects.get_or_create(name="analyst")
    analyst.permissions.set(view)
    editor, _ = Group.objects.get_or_create(name="editor")
    editor.permissions.set(list(view) + list(Permission.objects.filter(codename__in=["add_article", "change_article"])))


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0002_reference_data"),
        ("ingest", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
