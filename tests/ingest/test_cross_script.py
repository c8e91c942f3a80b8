"""One official whatever the script: Arabic and Latin spellings resolve to one record and search finds either."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from ingest.records import official_resolve
from meetings.models import Official, OfficialAlias
from meetings.names import romanized_key
from tests import factories

pytestmark = pytest.mark.django_db


def test_an_alias_keeps_the_same_romanised_key_in_both_scripts():
    record = factories.official(name="Khaled Nasser Al Hmoud", country="JO", aliases=["خالد ناصر الحمود"])
    keys = set(record.aliases.values_list("romanized", flat=True))
    assert keys == {romanized_key("Khaled Nasser Al Hmoud")} and keys != {""}


def test_an_arabic_mention_resolves_to_the_latin_record_and_becomes_its_alias():
    known = factories.official(name="Abdulrahman bin Saad Al Kuwari", country="QA", title="Assistant Undersecretary")
    factories.official(name="Abdulaziz Al Kuwari", country="QA")  # same family, another man
    found = official_resolve(name="عبد الرحمن بن سعد الكواري", country=known.country, title="مساعد وزير الداخلية")
    assert found == known
    assert OfficialAlias.objects.filter(official=known, name="عبد الرحمن بن سعد الكواري").exists()
    assert Official.objects.count() == 2


def test_a_latin_mention_finds_an_official_known_only_in_arabic():
    known = factories.official(name="سالم بن راشد الحارثي", country="OM", title="وزير الداخلية")
    assert official_resolve(name="Salem bin Rashid Al-Harthy", country=known.country) == known
    assert official_resolve(name="Salem Al-Harthy", country=known.country) == known


def test_the_same_name_in_another_state_is_another_official():
    factories.official(name="Khaled Nasser Al Hmoud", country="JO")
    other = official_resolve(name="خالد ناصر الحمود", country=factories.Country.objects.get(code="KW"))
    assert other is not None and other.country_id == "KW"


def test_search_finds_an_official_by_either_script(client, analyst):
    client.force_login(analyst)
    factories.official(name="Khaled Nasser Al Hmoud", country="JO", title="Director of Public Security")
    factories.official(name="سالم بن راشد الحارثي", country="OM", title="وزير الداخلية")
    search = reverse("ingest:search")
    by_arabic = client.get(search, {"q": "خالد الحمود"}).content.decode()
    assert "Khaled Nasser Al Hmoud" in by_arabic
    by_latin = client.get(search, {"q": "Salem Al Harthy"}).content.decode()
    assert "سالم بن راشد الحارثي" in by_latin and 'dir="auto"' in by_latin
    assert "Khaled Nasser Al Hmoud" not in by_latin


def test_demo_officials_carry_the_romanised_key_too():
    call_command("seed_demo", "--engagements", "20", stdout=StringIO())
    aliases = list(OfficialAlias.objects.values_list("name", "romanized"))
    assert aliases and all(romanized == romanized_key(name) for name, romanized in aliases)
