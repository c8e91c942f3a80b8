"""The one home of name keys (meetings.names): the domain's alias keys and the engine's matcher read it."""

import importlib

import pytest
from django.apps import apps
from django.urls import reverse

from ingest.extraction.matching import name_similarity
from meetings.models import OfficialAlias
from meetings.names import alias_key, fold, fold_words, romanized_key, strip_honorifics
from tests import factories


def test_fold_removes_accents_and_spells_letters_without_a_decomposition():
    assert fold("Çavuşoğlu") == "cavusoglu"
    assert fold("Mevlüt Çavuşoğlu Yıldız") == "mevlut cavusoglu yildiz"
    assert fold("Støre Weiß Đorđević") == "store weiss dordevic"
    assert fold("O'Brien") == "o'brien"  # punctuation is the words' business
    assert fold_words("Al-Maaytah, O'Brien") == ["al", "maaytah", "o", "brien"]


@pytest.mark.parametrize(
    ("printed", "key"),
    [
        ("HE Maj. Gen. Obaid Al-Maaytah", "obaid al maaytah"),
        ("H.E. Dr. Ayman Safadi", "ayman safadi"),
        ("Sheikh Khalid bin Hamad", "khalid bin hamad"),  # the engine's honorifics, one list
        ("Lt.-Gen. Yusuf Al-Huneiti", "yusuf al huneiti"),
        ("President", "president"),  # a name is never folded away
        ("Çavuşoğlu", "cavusoglu"),
    ],
)
def test_alias_key(printed, key):
    assert alias_key(printed) == key


def test_the_alias_key_and_the_engine_strip_the_same_honorifics():
    printed = "Sheikh Prince Dr. Turki Al-Faisal"
    assert alias_key(printed) == alias_key(strip_honorifics(printed)) == "turki al faisal"


def test_the_romanized_key_is_the_same_in_both_scripts_and_the_engine_matches_them():
    assert romanized_key("عبيد الله المعايطة") == romanized_key("Obeidallah Al Maaytah") == "vbdl mt"
    assert name_similarity("عبيد الله المعايطة", "Obeidallah Al Maaytah") >= 0.9


def _recompute(migration: str = "0010_alias_keys_recomputed"):
    return importlib.import_module(f"meetings.migrations.{migration}").recompute


@pytest.mark.django_db
def test_the_data_migration_recomputes_keys_and_keeps_one_alias_per_key():
    official = factories.official(name="Tamim bin Hamad", country="QA")
    other = factories.official(name="Binali Yıldırım", country="TR")
    # Keys as the earlier fold wrote them (bulk_create skips save): honorific kept, dotless i kept.
    OfficialAlias.objects.bulk_create(
        [
            OfficialAlias(official=official, name="Sheikh Tamim bin Hamad", key="sheikh tamim bin hamad"),
            OfficialAlias(official=other, name="عبيد الله المعايطة", key="عبيد الله المعايطة"),
        ]
    )
    OfficialAlias.objects.filter(official=other, name="Binali Yıldırım").update(key="binali yıldırım", romanized="")
    _recompute()(apps, None)
    assert list(official.aliases.values_list("name", "key")) == [("Tamim bin Hamad", "tamim bin hamad")]
    assert sorted(other.aliases.values_list("key", "romanized")) == sorted(
        (alias_key(n), romanized_key(n)) for n in ("Binali Yıldırım", "عبيد الله المعايطة")
    )


@pytest.mark.django_db
def test_the_later_data_migration_refolds_keys_stored_before_the_fold_spelled_schwa_and_l_stroke():
    official = factories.official(name="Zakir Həsənov", country="AZ")
    polish = factories.official(name="Władysław Kosiniak", country="PL")
    # Keys as the fold before wrote them: "ə" and "ł" kept as printed, "His Majesty" not an honorific.
    official.aliases.update(key="zakir həsənov")
    polish.aliases.update(key="władysław kosiniak")
    king = factories.official(name="Abdullah II", country="JO")
    OfficialAlias.objects.bulk_create(
        [OfficialAlias(official=king, name="His Majesty Abdullah II", key="his majesty abdullah ii")]
    )
    _recompute("0022_alias_keys_refolded")(apps, None)
    assert list(official.aliases.values_list("key", flat=True)) == ["zakir hasanov"]
    assert list(polish.aliases.values_list("key", flat=True)) == ["wladyslaw kosiniak"]
    # The king's two spellings are one key now: the older alias stays.
    assert list(king.aliases.values_list("name", "key")) == [("Abdullah II", "abdullah ii")]


@pytest.mark.django_db
def test_search_finds_an_official_by_a_spelling_with_an_honorific_or_in_the_other_script(client, analyst):
    client.force_login(analyst)
    factories.official(name="Obeidallah Al Maaytah", country="JO")
    for query in ("Sheikh Obeidallah Al Maaytah", "عبيد الله المعايطة"):
        page = client.get(reverse("ingest:search"), {"q": query}).content.decode()
        assert "Obeidallah Al Maaytah" in page, query
