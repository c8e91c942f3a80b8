"""The timeline's filters, shared by the timeline, its exports and the JSON API."""

import datetime
import html
import re

from django import forms
from django.forms.utils import flatatt
from django.http import QueryDict
from django.utils.choices import BaseChoiceIterator
from django.utils.html import format_html
from django.utils.safestring import SafeData, SafeString, mark_safe

from meetings.models import Country, Engagement, Official, Topic, Watch

# Ids and counts are ASCII digits within PostgreSQL's bigint: "²" or "١" passes str.isdigit() and is no id.
ASCII_NUMBER = re.compile(r"[0-9]{1,18}")
COUNTRY_CODE = re.compile(r"[A-Za-z]{2}")


def parse_id(value: str | None) -> int | None:
    """A positive record id or count from a parameter; None for anything else."""
    if value is None or not ASCII_NUMBER.fullmatch(value):
        return None
    return int(value) or None


class Pairs(BaseChoiceIterator):
    """Choices read as (value, label) pairs, the form Django brings choices to: handed to a field and its widget as
    they are. A plain list is normalised pair by pair for the field and again for its widget on every form
    (1.3 ms of CPU for the 249 states, on every timeline page and API call)."""

    def __init__(self, pairs: list[tuple[str, str]]) -> None:
        self.pairs = pairs

    def __iter__(self):
        return iter(self.pairs)


def rows_html(template: str, rows) -> SafeString:
    """format_html_join("", template, rows), each value escaped as format_html does (unless already safe), without
    its per-value wrappers: a third of the cost for the 249 states, drawn twice on every timeline page."""
    return mark_safe(
        "".join(
            template.format(*(value if isinstance(value, SafeData) else html.escape(str(value)) for value in row))
            for row in rows
        )
    )


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self):
        super().__init__(format="%Y-%m-%d")


class QuickSelect(forms.Select):
    """A select drawn in one pass: Django's per-option templates cost ~40 ms for the 249 states."""

    def render(self, name, value, attrs=None, renderer=None):
        chosen = {str(v) for v in (value if isinstance(value, list | tuple) else [value]) if v not in (None, "")}
        final = self.build_attrs(self.attrs, attrs)
        options = rows_html(
            '<option value="{}"{}>{}</option>',
            ((key, mark_safe(" selected") if str(key) in chosen else "", label) for key, label in self.choices),
        )
        return format_html(
            '<select name="{}"{}{}>{}</select>',
            name,
            mark_safe(" multiple") if self.allow_multiple_selected else "",
            flatatt(final),
            options,
        )


class QuickSelectMultiple(QuickSelect):
    allow_multiple_selected = True

    def value_from_datadict(self, data, files, name):
        return data.getlist(name) if hasattr(data, "getlist") else data.get(name)

    def value_omitted_from_data(self, data, files, name):
        return False


class SearchableCheckboxes(QuickSelectMultiple):
    """A long multiple choice as a list of checkboxes, those chosen first, under a box that narrows the list as
    one types (static/js/filters.js shows the box; without script the list scrolls and works as it is)."""

    def id_for_label(self, id_):
        return f"{id_}_filter" if id_ else id_

    def render(self, name, value, attrs=None, renderer=None):
        chosen = {str(v) for v in (value if isinstance(value, list | tuple) else [value]) if v not in (None, "")}
        final = self.build_attrs(self.attrs, attrs)
        list_id = final.get("id", f"id_{name}")
        ordered = sorted(self.choices, key=lambda choice: str(choice[0]) not in chosen)  # stable: chosen first
        boxes = rows_html(
            '<li><label><input type="checkbox" name="{}" value="{}"{}> {}</label></li>',
            ((name, key, mark_safe(" checked") if str(key) in chosen else "", label) for key, label in ordered),
        )
        return format_html(
            '<div class="choice-list" data-choice-filter>'
            '<input type="search" id="{}_filter" class="choice-filter" placeholder="Type to narrow the list" '
            'aria-controls="{}" autocomplete="off" hidden>'
            '<ul id="{}" class="choices" aria-label="{}">{}</ul>'
            '<p class="choice-count muted" aria-live="polite">{}</p></div>',
            list_id,
            list_id,
            list_id,
            final.get("aria-label", name),
            boxes,
            f"{len(chosen)} chosen" if chosen else "",
        )


class TimelineFilterForm(forms.Form):
    country = forms.MultipleChoiceField(
        required=False,
        label="Countries",
        help_text="Engagements involving any of these",
        widget=SearchableCheckboxes(attrs={"aria-label": "Countries"}),
    )
    partner = forms.ChoiceField(required=False, help_text="…with this state on the other side", widget=QuickSelect())
    kind = forms.ChoiceField(required=False, label="Type", choices=[("", "Any type"), *Engagement.Kind.choices])
    topic = forms.ChoiceField(required=False)
    official = forms.CharField(
        required=False, max_length=200, help_text="A name in any spelling, or an official's number"
    )
    since = forms.DateField(required=False, label="From", widget=DateInput())
    until = forms.DateField(required=False, label="To", widget=DateInput())
    q = forms.CharField(required=False, max_length=200, label="Text", help_text="Words in the summary")
    review = forms.ChoiceField(
        required=False,
        label="Review",
        choices=[("", "Any review state"), ("confirmed", "Confirmed only"), ("unreviewed", "Needs review")],
    )

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        countries = list(Country.objects.values_list("code", "short_name"))
        self.fields["country"].choices = Pairs(countries)
        self.fields["partner"].choices = Pairs([("", "Any partner"), *countries])
        self.fields["topic"].choices = Pairs([("", "Any topic"), *Topic.objects.values_list("slug", "label")])

    def clean_official(self) -> str | int:
        """An official's number (the page of one official links here with it), else a name in any spelling."""
        value = self.cleaned_data["official"].strip()
        if value.isdigit():
            if (pk := parse_id(value)) is None:
                raise forms.ValidationError("An official's number is written in the digits 0-9.")
            return pk
        return value

    def clean(self):
        cleaned = super().clean()
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and since > until:
            self.add_error("until", "The end of the range comes before its start.")
        return cleaned

    def filters(self) -> dict:
        """Keyword arguments for selectors.engagement_filter from the fields that are valid: the page applies
        those and shows the errors of the others (exports and the API refuse an invalid form instead)."""
        if not self.is_bound:
            return {}
        self.is_valid()
        data = self.cleaned_data
        official = data.get("official", "")
        return {
            "countries": data.get("country", []),
            "partner": data.get("partner") or None,
            "kind": data.get("kind") or None,
            "topic": data.get("topic") or None,
            "official": None if official == "" else official,
            "since": data.get("since"),
            "until": data.get("until"),
            "text": (data.get("q") or "").strip() or None,
            "review": data.get("review") or None,
        }

    def saved_query(self) -> str:
        """The filters as a query string in the form's field order, empty values and paging left out: the one
        spelling under which a filter is saved (a watch), so the same filter is never saved twice."""
        if not self.is_valid():
            return ""
        params = QueryDict(mutable=True)
        for name in self.fields:
            values = [v.strip() for v in self.data.getlist(name) if v.strip()] if hasattr(self.data, "getlist") else []
            if values:
                params.setlist(name, sorted(values) if name == "country" else values)
        return params.urlencode()

    def describe(self) -> str:
        """The filters in words, for a saved filter's name ("Jordan, Qatar · Meeting · from 1 Jan 2024")."""
        if not self.is_valid():
            return ""
        data = self.cleaned_data
        names = dict(self.fields["country"].choices)
        parts = []
        if data["country"]:
            parts.append(", ".join(names.get(code, code) for code in sorted(data["country"])))
        if data["partner"]:
            parts.append(f"with {names.get(data['partner'], data['partner'])}")
        if data["kind"]:
            parts.append(Engagement.Kind(data["kind"]).label)
        if data["topic"]:
            parts.append(dict(self.fields["topic"].choices).get(data["topic"], data["topic"]))
        if data["official"] != "":
            official = data["official"]
            parts.append(f"official no. {official}" if isinstance(official, int) else f"official {official}")
        if data["since"]:
            parts.append(f"from {data['since']:%-d %b %Y}")
        if data["until"]:
            parts.append(f"to {data['until']:%-d %b %Y}")
        if data["q"].strip():
            parts.append(f"“{data['q'].strip()}”")
        return " · ".join(parts)


class WatchForm(forms.Form):
    """What a Watch button posts: the kind, and the pair, state, official or timeline filter it names."""

    kind = forms.ChoiceField(choices=Watch.Kind.choices)
    country = forms.CharField(required=False, max_length=2)
    partner = forms.CharField(required=False, max_length=2)
    official = forms.CharField(required=False, max_length=18)
    query = forms.CharField(required=False, max_length=2000)

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        if kind in (Watch.Kind.PAIR, Watch.Kind.COUNTRY):
            codes = [cleaned.get("country", ""), cleaned.get("partner", "")][: 2 if kind == Watch.Kind.PAIR else 1]
            if not all(COUNTRY_CODE.fullmatch(code) for code in codes):
                raise forms.ValidationError("Give the state's two-letter code (a pair: two states, as in JO and QA).")
            codes = [code.upper() for code in codes]
            if len(set(codes)) != len(codes):
                raise forms.ValidationError("A pair is two different states.")
            found = Country.objects.in_bulk(codes)
            if len(found) != len(codes):
                raise forms.ValidationError("No such state.")
            states = sorted(found.values(), key=lambda state: state.pk)
            cleaned["target"] = {"country": states[0], "partner": states[1] if len(states) == 2 else None}
        elif kind == Watch.Kind.OFFICIAL:
            pk = parse_id(cleaned.get("official"))
            official = Official.objects.filter(pk=pk).first() if pk else None
            if official is None:
                raise forms.ValidationError("No such official.")
            cleaned["target"] = {"official": official}
        elif kind == Watch.Kind.FILTER:
            timeline = TimelineFilterForm(QueryDict(cleaned.get("query", "")))
            if not timeline.is_valid():
                raise forms.ValidationError(
                    "The timeline's filters are not valid: "
                    + "; ".join(f"{name} ({' '.join(errors)})" for name, errors in timeline.errors.items())
                )
            if not timeline.saved_query():
                raise forms.ValidationError("Choose at least one filter on the timeline to watch.")
            cleaned["target"] = {"query": timeline.saved_query()}
            cleaned["name"] = timeline.describe()
        return cleaned

    def target(self) -> dict:
        """Keyword arguments naming what is watched, for services.watch_add and selectors.watch_find."""
        return {"kind": self.cleaned_data["kind"], **self.cleaned_data["target"]}


class OfficialListForm(forms.Form):
    """The API's list of officials: ``country`` a state's code, ``name`` any spelling, read as the timeline's
    official filter reads it (selectors.official_name_match)."""

    country = forms.RegexField(
        required=False,
        regex=rf"\A{COUNTRY_CODE.pattern}\Z",
        error_messages={"invalid": "A country is a two-letter code."},
    )
    name = forms.CharField(required=False, max_length=200)

    def clean_country(self) -> str:
        return self.cleaned_data["country"].upper()


class NetworkFilterForm(forms.Form):
    topic = forms.ChoiceField(required=False)
    since = forms.IntegerField(required=False, label="From year", min_value=1900, max_value=2100)
    until = forms.IntegerField(required=False, label="To year", min_value=1900, max_value=2100)
    least = forms.IntegerField(required=False, label="Minimum engagements per pair", min_value=1, max_value=1_000_000)

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["topic"].choices = [("", "Any topic"), *Topic.objects.values_list("slug", "label")]
        self.fields["least"].widget.attrs["placeholder"] = "1"
        this_year = datetime.date.today().year
        self.fields["since"].widget.attrs["placeholder"] = str(this_year - 15)
        self.fields["until"].widget.attrs["placeholder"] = str(this_year)


class SearchForm(forms.Form):
    q = forms.CharField(required=False, max_length=200, label="Search")

    def query(self) -> str:
        return self.cleaned_data["q"].strip() if self.is_valid() else ""
