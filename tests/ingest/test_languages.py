"""An Arabic report uploaded through the form ends linked to the officials already known in Latin script."""

import datetime

import pytest
from django.urls import reverse

from ingest import services
from ingest.extraction import Article as EngineArticle
from ingest.extraction import extract
from ingest.models import Article
from ingest.tasks import WARM_UP_REPORTS
from meetings.models import Engagement, Official, OfficialAlias
from tests import factories

pytestmark = pytest.mark.django_db

REPORT = (
    "استقبل مدير الأمن العام الأردني اللواء خالد ناصر الحمود، يوم الثلاثاء، في عمّان مساعد وزير الداخلية "
    "القطري العميد عبد الرحمن بن سعد الكواري والوفد المرافق له.\n"
    "وبحث الجانبان سبل تعزيز التعاون الأمني في مكافحة المخدرات وتبادل الخبرات في مجال التدريب."
)


def test_an_arabic_upload_joins_the_latin_script_records(client, editor, django_capture_on_commit_callbacks):
    jordanian = factories.official(name="Khaled Nasser Al Hmoud", country="JO", title="Director of Public Security")
    qatari = factories.official(name="Abdulrahman bin Saad Al Kuwari", country="QA", title="Assistant Undersecretary")
    client.force_login(editor)
    with django_capture_on_commit_callbacks() as queued:
        client.post(
            reverse("ingest:upload"), {"text": REPORT, "title": "لقاء أمني أردني قطري", "published": "2024-03-14"}
        )
    article = Article.objects.get()
    assert len(queued) == 1
    # What the queued task runs: the real engine and records code, without a broker in the test.
    article = services.article_process(article_id=article.pk)
    assert (article.status, article.language) == (Article.Status.DONE, "ar")
    engagement = Engagement.objects.get()
    assert engagement.kind == "meeting" and sorted(engagement.countries.values_list("code", flat=True)) == ["JO", "QA"]
    assert engagement.date == datetime.date(2024, 3, 12)
    assert set(engagement.participations.values_list("official_id", flat=True)) == {jordanian.pk, qatari.pk}
    assert Official.objects.count() == 2  # no Arabic-script duplicate
    assert OfficialAlias.objects.filter(official=qatari, name="عبد الرحمن بن سعد الكواري").exists()
    titles = set(engagement.participations.values_list("title", flat=True))
    assert "مساعد وزير الداخلية القطري" in titles  # the title as this article printed it
    page = client.get(engagement.get_absolute_url()).content.decode()
    assert "Khaled Nasser Al Hmoud" in page and '<blockquote dir="auto">' in page
    assert "مساعد وزير الداخلية القطري" in page  # evidence and title in the article's script


@pytest.mark.parametrize("lang", sorted(WARM_UP_REPORTS))
def test_the_workers_warm_up_report_in_each_language_runs_every_stage(lang):
    """A warm-up text triage turned away would leave that language's later stages cold until the first
    real report: each one gives its engagement."""
    result = extract(EngineArticle(id=f"warm-{lang}", title="", text=WARM_UP_REPORTS[lang], language=lang))
    assert result.language == lang and result.relevant
    assert [sorted(e.countries) for e in result.events] == [["JO", "QA"]]
