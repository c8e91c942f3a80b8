"""The analyst's pages, as a logged-in analyst sees them."""

import datetime
import re

import pytest
from django.db import connection
from django.urls import reverse

from meetings import selectors
from meetings.models import Country, Engagement, Participation
from meetings.tasks import refresh_tallies
from tests import factories

pytestmark = pytest.mark.django_db
TIMELINE = reverse("meetings:timeline")


@pytest.fixture
def jordan_qatar():
    """The seed meeting's shape: Jordan's Maaytah meets Qatar's Al Kaabi in Doha."""
    meeting = factories.seed_meeting()
    people = {p.country_id: p.official for p in meeting.participations.select_related("official")}
    return meeting, people["JO"], people["QA"]


def text(response) -> str:
    return response.content.decode()


def row_ids(response) -> list[int]:
    """The engagements a timeline's rows show, in order."""
    row = r'<li class="engagement">\s*<div class="row-head">\s*<a [^>]*href="/engagements/(\d+)/"'
    return [int(pk) for pk in re.findall(row, text(response))]


def test_timeline_row_shows_type_date_place_countries_officials_topics_and_sources(browse, jordan_qatar):
    page = text(browse.get(TIMELINE))
    assert "Meeting" in page and "22 Dec 2023" in page and "Doha" in page
    assert "JO</a>" in page and "QA</a>" in page
    assert "Obaid Al Maaytah" in page and "Abdullah Al Kaabi" in page
    assert "Border security" in page and "Cybersecurity" in page
    assert "1 source" in page
    assert "December 2023" in page  # month heading


def test_timeline_groups_newest_first_by_month(browse):
    factories.engagement(date=datetime.date(2022, 3, 5))
    factories.engagement(date=datetime.date(2024, 7, 9))
    page = text(browse.get(TIMELINE))
    assert page.index("<h3>July 2024</h3>") < page.index("<h3>March 2022</h3>")


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ("country=US", "US–GB talks", "JO–QA talks"),
        ("country=JO&partner=QA", "JO–QA talks", "JO–US talks"),
        ("topic=cybersecurity", "US–GB talks", "JO–QA talks"),
        ("kind=call", "JO–US talks", "US–GB talks"),
        ("since=2024-01-01&until=2024-12-31", "JO–QA talks", "JO–US talks"),
        ("q=submarine", "US–GB talks", "JO–US talks"),
        ("official=Maaitah", "JO–QA talks", "US–GB talks"),
    ],
)
def test_timeline_filters(browse, query, shown, hidden):
    maaytah = factories.official(name="Obaid Al Maaytah", country="JO")
    for codes, kind, day, topics, summary, people in [
        (("JO", "QA"), "meeting", datetime.date(2024, 2, 1), ("border-security",), "JO–QA talks", [maaytah]),
        (("JO", "US"), "call", datetime.date(2023, 2, 1), ("training",), "JO–US talks", []),
        (("US", "GB"), "meeting", datetime.date(2022, 2, 1), ("cybersecurity",), "US–GB talks on submarine cables", []),
    ]:
        record = factories.engagement(countries=codes, kind=kind, date=day, topics=topics, officials=people)
        Engagement.objects.filter(pk=record.pk).update(summary=summary)
    page = text(browse.get(f"{TIMELINE}?{query}"))
    assert shown in page
    assert hidden not in page


def test_timeline_reports_a_reversed_date_range(browse):
    factories.engagement()
    page = text(browse.get(f"{TIMELINE}?since=2024-05-01&until=2024-01-01"))
    assert "The end of the range comes before its start." in page


def test_timeline_htmx_filter_returns_the_results_fragment(browse, jordan_qatar):
    response = browse.get(f"{TIMELINE}?country=JO", headers={"HX-Request": "true"})
    page = text(response)
    assert page.lstrip().startswith('<div id="results">')
    assert "<html" not in page and "Obaid Al Maaytah" in page


def test_timeline_infinite_scroll_by_cursor(browse, monkeypatch):
    monkeypatch.setattr(selectors, "PAGE_SIZE", 2)
    for day in (1, 2, 3):
        record = factories.engagement(date=datetime.date(2024, 5, day))
        Engagement.objects.filter(pk=record.pk).update(summary=f"Talks of May {day}")
    first = text(browse.get(TIMELINE))
    assert "Talks of May 3" in first and "Talks of May 2" in first and "Talks of May 1" not in first
    assert 'hx-trigger="revealed"' in first
    next_url = first.split('class="more" hx-get="')[1].split('"')[0].replace("&amp;", "&")
    assert "cursor=" in next_url
    rest = text(browse.get(next_url, headers={"HX-Request": "true"}))
    assert "Talks of May 1" in rest and "Talks of May 2" not in rest
    assert "<h3>May 2024</h3>" not in rest  # the heading is not repeated on the next page
    assert "revealed" not in rest  # the end of the timeline


def test_timeline_histogram_follows_filters(browse):
    factories.engagement(countries=("JO", "QA"), date=datetime.date(2024, 1, 10))
    factories.engagement(countries=("JO", "QA"), date=datetime.date(2024, 3, 10))
    factories.engagement(countries=("US", "GB"), date=datetime.date(2024, 2, 10))
    refresh_tallies()  # what the worker does after writes
    assert 'aria-label="3 dated engagements per month, January 2024 to March 2024"' in text(browse.get(TIMELINE))
    filtered = text(browse.get(f"{TIMELINE}?country=QA"))
    assert 'aria-label="2 dated engagements per month, January 2024 to March 2024"' in filtered
    assert "<title>January 2024: 1 engagement</title>" in filtered


def test_histogram_bar_links_to_its_month_keeping_the_other_filters(browse):
    factories.engagement(countries=("JO", "QA"), date=datetime.date(2024, 1, 10))
    factories.engagement(countries=("JO", "QA"), date=datetime.date(2024, 2, 10))
    refresh_tallies()
    page = text(browse.get(f"{TIMELINE}?since=2023-06-01&country=QA&until=2025-01-01&kind=meeting"))
    # The bar's own month replaces the dates asked for, which come last; the other filters keep their order.
    assert '<a href="?country=QA&amp;kind=meeting&amp;since=2024-02-01&amp;until=2024-02-29">' in page
    assert '<a href="?since=2024-01-01&amp;until=2024-01-31">' in text(browse.get(TIMELINE))


def test_empty_timeline_says_what_to_do(browse):
    assert "seed_demo" in text(browse.get(TIMELINE))
    factories.engagement(countries=("JO", "QA"))
    assert "clear them all" in text(browse.get(f"{TIMELINE}?country=FR"))


def test_rejected_engagements_are_not_shown(browse):
    record = factories.engagement()
    Engagement.objects.filter(pk=record.pk).update(summary="A false report", status="rejected")
    assert "A false report" not in text(browse.get(TIMELINE))


def test_country_page_ranks_partners_topics_and_officials(browse, jordan_qatar):
    _, maaytah, _ = jordan_qatar
    factories.engagement(countries=("JO", "QA"), kind="agreement", officials=[maaytah])
    factories.engagement(countries=("JO", "US"), topics=("training",))
    refresh_tallies()
    page = text(browse.get(reverse("meetings:country", args=["JO"])))
    assert "3 engagements" in page
    assert page.index("Qatar") < page.index("United States")
    assert '<td class="num">2</td>' in page  # Qatar's count
    assert 'class="sparkline"' in page
    assert "Border security" in page and "Training" in page
    assert 'Obaid Al Maaytah</a>, <span dir="auto">Director of Public Security</span> <span class="muted">· 2' in page
    assert reverse("meetings:relationship", args=["JO-QA"]) in page


def test_country_page_redirects_lowercase_and_404s_unknown(browse):
    assert browse.get("/countries/jo/").url == "/countries/JO/"
    assert browse.get("/countries/XX/").status_code == 404


def test_country_without_engagements_says_so(browse):
    page = text(browse.get(reverse("meetings:country", args=["FR"])))
    assert "No engagements involving France are recorded yet" in page


def test_relationship_redirects_to_canonical_order(browse):
    response = browse.get("/relations/QA-JO/")
    assert response.status_code == 301 and response.url == "/relations/JO-QA/"
    assert browse.get("/relations/qa-jo/").url == "/relations/JO-QA/"
    assert browse.get("/relations/JO-JO/").status_code == 404


def test_relationship_page_gathers_the_pair(browse, jordan_qatar):
    meeting, maaytah, kaabi = jordan_qatar
    factories.engagement(countries=("JO", "QA"), kind="agreement", date=datetime.date(2021, 6, 1))
    factories.engagement(countries=("JO", "QA"), kind="call", date=datetime.date(2020, 6, 1))
    factories.engagement(countries=("JO", "US"), date=datetime.date(2019, 1, 1))
    refresh_tallies()
    page = text(browse.get("/relations/JO-QA/"))
    assert "1 Jun 2020" in page and "22 Dec 2023" in page  # first and latest contact
    assert "934 days, 1 Jun 2021 to 22 Dec 2023" in page  # the longest silence
    assert "Officials of Jordan" in page and "Obaid Al Maaytah" in page and "Abdullah Al Kaabi" in page
    assert 'class="chart stacked"' in page and "2021 agreement: 1 engagement" in page
    assert "Border security" in page
    assert "1 Jun 2019" not in page  # another pair's engagement


def test_relationship_tallies_follow_new_engagements_once_refreshed_and_say_when_they_lag(browse, jordan_qatar):
    refresh_tallies()
    assert "<dd>1 ·" in text(browse.get("/relations/JO-QA/"))
    factories.engagement(countries=("JO", "QA"), date=datetime.date(2024, 2, 2))
    waiting = text(browse.get("/relations/JO-QA/"))
    assert "<dd>1 ·" in waiting and "as of" not in waiting  # written less than a minute ago
    with connection.cursor() as cursor:
        cursor.execute("UPDATE meetings_aggregate_state SET refreshed = now() - interval '5 minutes'")
    assert "as of" not in text(browse.get("/relations/JO-QA/"))  # counted long ago; the write waits briefly
    with connection.cursor() as cursor:
        cursor.execute("UPDATE meetings_tally_queue SET queued = now() - interval '2 minutes'")
    assert "Charts and counts as of" in text(browse.get("/relations/JO-QA/"))
    refresh_tallies()
    page = text(browse.get("/relations/JO-QA/"))
    assert "<dd>2 ·" in page and "as of" not in page


def test_relationship_without_contact_says_so(browse):
    assert "No engagement between France and Japan" in text(browse.get("/relations/FR-JP/"))


def test_official_page_shows_spellings_titles_and_counterparts(browse, jordan_qatar):
    _, maaytah, kaabi = jordan_qatar
    later = factories.engagement(countries=("JO", "QA"), date=datetime.date(2024, 6, 3), officials=[kaabi])
    Participation.objects.create(engagement=later, official=maaytah, country_id="JO", title="Minister of Interior")
    page = text(browse.get(maaytah.get_absolute_url()))
    assert "Al-Maaytah" in page
    assert "Director of Public Security</td><td>22 Dec 2023</td><td>22 Dec 2023</td>" in page
    assert "Minister of Interior</td><td>3 Jun 2024</td>" in page
    assert 'Abdullah Al Kaabi</a> <span class="muted">(QA)</span> <span class="muted">· 2' in page


def test_engagement_page_highlights_evidence_in_context(browse, jordan_qatar):
    meeting, _, _ = jordan_qatar
    source = factories.article(
        text="Doha, Qatar – Officials met this week. The meeting was held on 22 December. It ended <b>late</b>."
    )
    start = source.text.index("The meeting")
    end = source.text.index("December.") + len("December.")
    meeting.evidence.create(article=source, sentence=source.text[start:end], start=start, end=end)
    page = text(browse.get(meeting.get_absolute_url()))
    assert "Officials met this week. <mark>The meeting was held on 22 December.</mark> It ended &lt;b&gt;late" in page
    assert "Director of Public Security" in page and "Doha" in page
    assert "/relations/JO-QA/" in page  # breadcrumb to the pair


LONG_REPORT = (
    "Doha, Qatar – Officials of the two states met this week.\n"
    "Talks on the border\n"
    "The meeting was held on 22 December at the Ministry of Interior. "
    + "Both sides reviewed the work of their committees. " * 12
    + "The agenda covered border security and the exchange of intelligence. "
    + "Observers said such contacts had become frequent. " * 12
    + "A joint committee will follow up."
)


def test_engagement_page_shows_each_source_article_once_with_all_its_evidence_marked(browse, jordan_qatar):
    meeting, _, _ = jordan_qatar
    source = factories.article(text=LONG_REPORT, title="Qatar and Jordan discuss security")
    for sentence in (
        "Talks on the border",
        "The meeting was held on 22 December at the Ministry of Interior.",
        "The agenda covered border security and the exchange of intelligence.",
        "border security and the exchange",  # overlapping evidence of another fact: one mark
        "A joint committee will follow up.",
    ):
        start = LONG_REPORT.index(sentence)
        meeting.evidence.create(article=source, sentence=sentence, start=start, end=start + len(sentence))
    meeting.evidence.create(article=source, sentence="Not in the stored text.", start=5000, end=5020)
    page = text(browse.get(meeting.get_absolute_url()))
    assert page.count('<h3><a href="/ingest/articles/') == 2  # the factory's source and this one, each once
    assert page.count("Qatar and Jordan discuss security</a></h3>") == 1
    card = page[page.index("Qatar and Jordan discuss security</a></h3>") :]
    card = card[: card.index("</article>")]
    assert card.count('<blockquote dir="auto">') == 4  # the lead, the agenda, the close, the loose sentence
    assert "<mark>Talks on the border</mark>\n<mark>The meeting was held on 22 December at the Ministry" in card
    assert "<mark>The agenda covered border security and the exchange of intelligence.</mark>" in card
    assert card.count('<blockquote dir="auto">… ') == 2 and card.count(" …</blockquote>") == 2  # cut at whole words
    assert "<mark>A joint committee will follow up.</mark></blockquote>" in card
    assert '<blockquote dir="auto"><mark>Not in the stored text.</mark></blockquote>' in card


def test_network_links_edges_to_relationships(browse, jordan_qatar):
    factories.engagement(countries=("FR", "GB"), topics=("training",))
    refresh_tallies()
    page = text(browse.get(reverse("meetings:network")))
    assert 'href="/relations/JO-QA/"' in page and 'href="/relations/FR-GB/"' in page
    filtered = text(browse.get(reverse("meetings:network") + "?topic=training"))
    assert "/relations/FR-GB/" in filtered and "/relations/JO-QA/" not in filtered


def test_network_names_the_states_and_keeps_pairs_with_the_minimum_engagements(browse, jordan_qatar):
    for day in (1, 2, 3):
        factories.engagement(countries=("FR", "GB"), date=datetime.date(2024, 3, day))
    refresh_tallies()
    page = text(browse.get(reverse("meetings:network")))
    labels = re.findall(r"<text [^>]*>([^<]+)</text>", page)
    assert sorted(labels) == ["France", "Jordan", "Qatar", "United Kingdom"]
    assert 'name="least"' in page and "Minimum engagements per pair" in page
    busy = text(browse.get(reverse("meetings:network") + "?least=2"))
    assert "/relations/FR-GB/" in busy and "/relations/JO-QA/" not in busy
    assert "No engagements between states" in text(browse.get(reverse("meetings:network") + "?least=4"))
    refused = text(browse.get(reverse("meetings:network") + "?least=0"))
    assert "Ensure this value is greater than or equal to 1." in refused


def test_a_filter_form_sent_without_script_lands_on_the_url_of_the_filters_in_use(browse, jordan_qatar):
    every_field = "?country=&country=QA&partner=&kind=&topic=&official=&since=&until=&q=border"
    response = browse.get(TIMELINE + every_field)
    assert response.status_code == 302 and response.url == TIMELINE + "?country=QA&q=border"
    assert browse.get(TIMELINE + "?country=&partner=&q=").url == TIMELINE
    network = reverse("meetings:network")
    assert browse.get(network + "?topic=&since=2020&until=&least=").url == network + "?since=2020"
    page = text(browse.get(TIMELINE + "?country=QA&q=border"))  # nothing to drop: the page itself
    assert "Qatar and Jordan discussed border security" in page
    assert f'href="{reverse("meetings:export", args=["csv"])}?country=QA&amp;q=border"' in page


def test_the_country_filter_is_a_list_of_checkboxes_with_the_chosen_first(browse):
    page = text(browse.get(TIMELINE + "?country=QA&country=JO"))
    field = page[page.index('<div class="choice-list"') :]
    field = field[: field.index("</div>")]
    assert "<select" not in field and "data-choice-filter" in field
    assert '<input type="search" id="id_country_filter" class="choice-filter"' in field and " hidden>" in field
    boxes = re.findall(r'<input type="checkbox" name="country" value="([A-Z]{2})"( checked)?>', field)
    assert len(boxes) == Country.objects.count() > 200
    assert boxes[:2] == [("JO", " checked"), ("QA", " checked")] and not any(mark for _, mark in boxes[2:])
    assert "2 chosen" in field
    assert '<label for="id_country_filter">Countries</label>' in page
    assert '<form method="get" action="/" hx-get="/"' in page and "data-drop-empty" in page
    assert '<script src="/static/js/filters.js" defer></script>' in page


def test_search_finds_spellings_summaries_and_articles(browse, jordan_qatar):
    factories.article(text="A report on maritime patrols in the Gulf of Aqaba.", title="Patrols near Aqaba")
    page = text(browse.get(reverse("ingest:search") + "?q=Maaitah"))
    assert "Obaid Al Maaytah" in page
    assert "Patrols near Aqaba" in text(browse.get(reverse("ingest:search") + "?q=aqaba patrols"))
    assert "Qatar and Jordan discussed" in text(browse.get(reverse("ingest:search") + "?q=discussing"))
    assert "Nothing found for" in text(browse.get(reverse("ingest:search") + "?q=zzzqqq"))


def test_articles_list_with_status(browse):
    factories.article(title="Pending report")
    done = factories.article(title="Processed report")
    done.status = "done"
    done.save()
    page = text(browse.get(reverse("ingest:articles")))
    assert "Pending report" in page and "Processed report" in page and "status-done" in page
    only_done = text(browse.get(reverse("ingest:articles") + "?status=done"))
    assert "Processed report" in only_done and "Pending report" not in only_done


def test_csv_export_follows_filters_and_defuses_formulas(browse):
    record = factories.engagement(countries=("JO", "QA"))
    Engagement.objects.filter(pk=record.pk).update(summary='=HYPERLINK("http://evil.example","x")')
    other = factories.engagement(countries=("US", "GB"))
    Engagement.objects.filter(pk=other.pk).update(summary="Not in the export")
    response = browse.get(reverse("meetings:export", args=["csv"]) + "?country=QA")
    body = b"".join(response.streaming_content).decode()
    assert response["Content-Type"].startswith("text/csv")
    assert "'=HYPERLINK" in body and "Not in the export" not in body
    assert body.splitlines()[0].startswith("id,type,date")


def test_json_export(browse, jordan_qatar):
    response = browse.get(reverse("meetings:export", args=["json"]) + "?topic=cybersecurity")
    import json

    data = json.loads(b"".join(response.streaming_content))
    assert [e["countries"] for e in data["engagements"]] == [["JO", "QA"]]
    assert data["engagements"][0]["officials"][0]["name"] in {"Obaid Al Maaytah", "Abdullah Al Kaabi"}


def test_pages_send_a_content_security_policy(browse):
    assert "script-src 'self'" in browse.get(TIMELINE)["Content-Security-Policy"]


def test_unknown_records_are_404(browse):
    assert browse.get(reverse("meetings:official", args=[999999])).status_code == 404
    assert browse.get(reverse("meetings:engagement", args=[999999])).status_code == 404


@pytest.fixture
def namesakes(jordan_qatar):
    """Officials whose names share words with Obaid Al Maaytah's, one of them busier than he is."""
    meeting, maaytah, kaabi = jordan_qatar
    factories.engagement(countries=("JO", "QA"), date=datetime.date(2024, 2, 1), officials=[maaytah, kaabi])
    thani = factories.official(name="Obaid Al Thani", country="QA")
    zoubi = factories.official(name="Obaid Abdullah Al Zoubi", country="JO")
    maaitah = factories.official(name="Mohammed Al Maaitah", country="JO")
    for day in range(1, 6):
        factories.engagement(countries=("JO", "QA"), date=datetime.date(2023, 5, day), officials=[thani, zoubi])
    factories.engagement(countries=("JO", "EG"), date=datetime.date(2023, 6, 1), officials=[maaitah])
    return maaytah, thani, zoubi, maaitah


def test_official_name_filter_keeps_only_the_officials_it_names_and_says_which(browse, namesakes):
    maaytah, thani, zoubi, maaitah = namesakes
    response = browse.get(TIMELINE, {"official": "Obaid Al Maaitah"})
    assert row_ids(response) == [
        e.pk for e in Engagement.objects.filter(participations__official=maaytah).order_by("-date")
    ]  # his 2, none of the 5 of the other Obaids
    match = response.context["name_match"]
    assert match.ids == [maaytah.pk]
    assert [m.official for m in match.officials][0] == maaytah
    page = text(response)
    assert "matches one official" in page and "2 engagements" in page
    assert "Mohammed Al Maaitah" in page and "not included" in page  # a near miss, offered, not counted


def test_official_name_filter_ranks_exact_spellings_first_and_offers_each_to_pick(browse, namesakes):
    maaytah, _, _, maaitah = namesakes
    response = browse.get(TIMELINE, {"official": "Maaitah", "country": "JO"})
    match = response.context["name_match"]
    assert match.ids == [maaitah.pk, maaytah.pk]  # the spelling as typed first, then the closest
    page = text(response)
    assert "matches 2 officials" in page and "Pick one" in page
    assert f'href="?country=JO&amp;official={maaitah.pk}"' in page
    picked = browse.get(TIMELINE, {"country": "JO", "official": str(maaitah.pk)})
    assert row_ids(picked) == [e.pk for e in Engagement.objects.filter(participations__official=maaitah)]
    assert 'Official: <a href="/officials/' in text(picked) and "any official" in text(picked)


def test_official_exact_spelling_excludes_other_close_names(browse, namesakes):
    maaytah, *_ = namesakes
    factories.official(name="Obaid Al Maaytahi", country="SA")
    assert browse.get(TIMELINE, {"official": "obaid al-maaytah"}).context["name_match"].ids == [maaytah.pk]


def test_official_name_matching_nobody_shows_nothing_and_says_so(browse, namesakes):
    response = browse.get(TIMELINE, {"official": "Zzyzx Qwerty"})
    assert response.context["rows"] == [] and row_ids(response) == []
    assert "No official’s name matches “Zzyzx Qwerty”" in text(response)


def test_articles_load_more_by_cursor(browse, monkeypatch):
    for n in range(3):
        factories.article(title=f"Report {n}")
    monkeypatch.setattr("ingest.views.ARTICLES_PAGE", 2)
    page = text(browse.get(reverse("ingest:articles")))
    assert "Report 2" in page and "Report 1" in page and "Report 0" not in page
    after = page.split('hx-get="?after=')[1].split('"')[0]
    assert "Report 0" in text(browse.get(reverse("ingest:articles") + f"?after={after}"))
    assert browse.get(reverse("ingest:articles") + "?after=²").status_code == 200


def test_engagement_page_shows_the_words_each_value_was_read_from(browse, jordan_qatar):
    meeting, maaytah, _ = jordan_qatar
    text_ = (
        "Jordan's Director of Public Security Obaid Al Maaytah met Qatari officials on 22 December on border security."
    )
    source = factories.article(text=text_)

    def words(fact, value, phrase, official=None):
        at = text_.index(phrase)
        return {
            "fact": fact,
            "value": value,
            "official": official,
            "start": at,
            "end": at + len(phrase),
            "words": phrase,
        }

    meeting.evidence.create(
        article=source,
        sentence=text_,
        start=0,
        end=len(text_),
        facts=[
            words("date", "2023-12-22", "22 December"),
            words("topic", "border-security", "border"),
            words("title", "Director of Public Security", "Jordan's Director of Public Security", maaytah.pk),
            words("state", "JO", "Jordan", maaytah.pk),
        ],
    )
    page = text(browse.get(meeting.get_absolute_url()))
    assert '<dd class="said" title="Read from “22 December”">22 Dec 2023' in page
    assert 'title="Read from “border”">Border security</a>' in page
    assert 'title="Read from “Jordan&#x27;s Director of Public Security”">Director of Public Security</span>' in page
    assert 'class="muted said" title="Read from “Jordan”"' in page
    assert "Cybersecurity</a>" in page and 'title="Read from “cyber' not in page  # no words, no claim
