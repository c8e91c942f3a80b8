import pytest
from django.contrib.auth.models import Group

from config import embedded


def pytest_configure(config):
    """The test session starts the embedded servers it uses (settings only say where they listen)."""
    if not any(embedded.wanted().values()):
        return
    embedded.start()
    from django.conf import settings

    # A long var/ path makes PostgreSQL choose another socket directory, known only once it runs.
    if embedded.wanted()["postgres"]:
        import dj_database_url

        settings.DATABASES["default"]["OPTIONS"] = dj_database_url.parse(embedded.database_url())["OPTIONS"]


@pytest.fixture
def make_user(django_user_model):
    def make(username: str, *, group: str | None = None, staff: bool = False):
        user = django_user_model.objects.create_user(username=username, password="pw-for-tests-1")
        if group:
            user.groups.add(Group.objects.get(name=group))
        if staff:
            user.is_staff = user.is_superuser = True
            user.save()
        return user

    return make


@pytest.fixture
def analyst(make_user):
    return make_user("ana", group="analyst")


@pytest.fixture
def editor(make_user):
    return make_user("eddie", group="editor")


@pytest.fixture
def staff(make_user):
    return make_user("root", staff=True)


@pytest.fixture(autouse=True)
def _page_caches_empty():
    """Each test starts with the pages' in-process caches empty (meetings/page_cache.py), as a new server does:
    what a page reads does not depend on which tests ran before in the same process."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()
