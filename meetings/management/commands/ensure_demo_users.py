"""Create the local demo accounts (admin, editor, analyst) if they are missing, and say how to log in."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

DEMO_PASSWORD = "dyad-demo"
DEMO_USERS = [("admin", None), ("editor", "editor"), ("analyst", "analyst")]


class Command(BaseCommand):
    help = "Create demo users for a local run (refuses to run with DEBUG off)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Demo users are for local runs only (DEBUG=1).")
        User = get_user_model()
        for username, group in DEMO_USERS:
            user, created = User.objects.get_or_create(username=username)
            if created:
                user.set_password(DEMO_PASSWORD)
                user.is_staff = user.is_superuser = group is None
                user.save()
            if group:
                user.groups.add(Group.objects.get(name=group))
        self.stdout.write(f"Log in at http://127.0.0.1:8000/ as admin, editor or analyst; password: {DEMO_PASSWORD}")
