"""manage.py ingest and reextract, run in-process (--sync)."""

import json
import shlex
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client

from ingest import selectors
from ingest.models import Article
from meetings.models import Engagement, Evidence
from tests.ingest.documents import REPORT, docx_bytes, html_page, pdf_bytes

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]


def run(*args) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command(*args, "--no-progress", stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_bulk_ingest_of_a_directory_and_a_corpus_file(tmp_path, seed_text, corpus):
    folder = tmp_path / "reports"
    (folder / "nested").mkdir(parents=True)
    (folder / "seed.txt").write_text(seed_text, encoding="utf-8")
    (folder / "nested" / "amman.html").write_text(html_page(title="Amman talks", paragraphs=REPORT))
    (folder / "report.pdf").write_bytes(pdf_bytes(["A short note on a training course for police officers."]))
    (folder / "copy.docx").write_bytes(docx_bytes(seed_text.splitlines()))  # the seed again, as Word
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4\nnot really")
    (folder / "notes.md").write_text("ignored: not a supported suffix")
    rows = [corpus["d003"], corpus["d018"], {"id": "bad", "text": ""}]
    (tmp_path / "corpus.jsonl").write_text("\n".join(json.dumps(row) for row in rows) + "\nnot json\n")

    out, err = run("ingest", str(folder), str(tmp_path / "corpus.jsonl"), "--sync")

    assert "new: 5  duplicate: 1  failed: 3" in out
    assert "broken.pdf: The PDF is damaged" in err and "corpus.jsonl:3: empty text" in err
    assert "corpus.jsonl:4: not a corpus record" in err and "already ingested as article" in err
    counts = selectors.ingest_counts()
    assert f"done: {counts.by_status['done']}" in out and counts.by_status["done"] == 5
    d003 = Article.objects.get(title=corpus["d003"]["title"])
    assert d003.source_url == corpus["d003"]["source_url"] and str(d003.published) == corpus["d003"]["published"]
    assert Engagement.objects.filter(evidence__article=d003).distinct().count() == 1


def test_bulk_ingest_without_sync_queues_and_leaves_articles_pending(tmp_path, seed_text):
    (tmp_path / "seed.txt").write_text(seed_text)
    out, _ = run("ingest", str(tmp_path))
    assert "new: 1  duplicate: 0  failed: 0  still queued: 1" in out
    assert Article.objects.get().status == "pending"


def test_reextract_twice_changes_nothing(tmp_path, seed_text):
    (tmp_path / "seed.txt").write_text(seed_text)
    run("ingest", str(tmp_path), "--sync")
    before = sorted(Evidence.objects.values_list("engagement_id", "article_id", "start", "end"))
    for _ in range(2):
        out, _ = run("reextract", "--all", "--sync")
        assert "1 article(s) re-extracted" in out
        assert sorted(Evidence.objects.values_list("engagement_id", "article_id", "start", "end")) == before
    assert run("reextract", "--outdated", "--sync")[0].startswith("0 article(s)")


def test_seed_ingested_by_the_pipeline_then_the_curated_fixture_adds_no_duplicate():
    """make setup: the pipeline ingests the seed article, then load_seeds finds it and its engagement."""
    run("ingest", "seeds/seed_article.txt", "--sync")
    call_command("load_seeds", stdout=StringIO())
    run("reextract", "--outdated", "--sync")
    article = Article.objects.get()
    assert article.engine and article.status == "done"
    assert article.title == "Qatar and Jordan discuss enhanced security cooperation in Doha"  # from the fixture
    assert Engagement.objects.count() == 1


def test_curated_seed_loaded_first_is_then_read_by_the_pipeline_into_the_same_engagement():
    """An older database where load_seeds came first: reextract --outdated runs the pipeline over it."""
    call_command("load_seeds", stdout=StringIO())
    assert Article.objects.get().engine == ""
    run("reextract", "--outdated", "--sync")
    article = Article.objects.get()
    assert article.engine and article.status == "done"
    assert Engagement.objects.count() == 1 and Engagement.objects.get().summary  # the curated record, kept


def setup_commands() -> list[list[str]]:
    """The manage.py commands of `make setup`, in the Makefile's order (migrations are the test database's)."""
    recipe = (ROOT / "Makefile").read_text().split("\nsetup:", 1)[1].split("\n\n", 1)[0]
    commands = [shlex.split(line.split("manage.py", 1)[1]) for line in recipe.splitlines() if "manage.py" in line]
    return [command for command in commands if command[0] != "migrate"]


def test_make_setup_leaves_the_curated_seed_engagement_complete(settings):
    """The pipeline reads the seed article first; the fixture then adds what only an editor knows."""
    settings.DEBUG = True  # make setup runs with DEBUG=1 (demo accounts)
    fixture = json.loads((ROOT / "seeds" / "seed_engagement.json").read_text())["engagements"][0]
    for command in setup_commands():
        call_command(*command, stdout=StringIO(), stderr=StringIO())
    engagement = Engagement.objects.get()
    assert engagement.summary == fixture["summary"]
    titles = dict(engagement.participations.values_list("official__name", "title"))
    for person in fixture["officials"]:
        assert titles[person["name"]] == person["title"], titles
    page = Client()
    page.force_login(User.objects.get(username="analyst"))
    html = page.get(engagement.get_absolute_url()).content.decode()
    assert "Director of Public Security" in html and "title not reported" not in html
