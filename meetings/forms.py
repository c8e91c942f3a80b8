"""The timeline's filters, shared by the timeline, its exports and the JSON API."""

import datetime
import re

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from meetings.models import Country, Engagement, Topic

# Ids and counts are ASCII digits within PostgreSQL's bigint: "²" or "١" passes str.isdigit() and is no id.
ASCII_NUMBER = re.compile(r"[0-9]{1,18}")
COUNTRY_CODE = re.compile(r"[A-Za-z]{2}")


def parse_id(value: str | None) -> int | None:
    """A positive record id or count from a parameter; None for anything else."""
    if value is None or not ASCII_NUMBER.fullmatch(value):
        return None
    return int(value) or None


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self):
        super().__init__(format="%Y-%m-%d")


class QuickSelect(forms.Select):
    """A select drawn in one pass: Django's per-option templates cost ~40 ms for the 249 states."""

    def render(self, name, value, attrs=None, renderer=None):
        chosen = {str(v) for v in (value if isinstance(value, list | tuple) else [value]) if v not in (None, "")}
        final = self.build_attrs(self.attrs, attrs)
        options = format_html_join(
            "",
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


class TimelineFilterForm(forms.Form):
    country = forms.MultipleChoiceField(
        required=False,
        label="Countries",
        help_text="Engagements involving any of these",
        widget=QuickSelectMultiple(attrs={"size": 4}),
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
        self.fields["country"].choices = countries
        self.fields["partner"].choices = [("", "Any partner"), *countries]
        self.fields["topic"].choices = [("", "Any topic"), *Topic.objects.values_list("slug", "label")]

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
        """Keyword arguments for selectors.engagement_filter; empty when the form is invalid."""
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "countries": data["country"],
            "partner": data["partner"] or None,
            "kind": data["kind"] or None,
            "topic": data["topic"] or None,
            "official": None if data["official"] == "" else data["official"],
            "since": data["since"],
            "until": data["until"],
            "text": data["q"].strip() or None,
            "review": data["review"] or None,
        }


class NetworkFilterForm(forms.Form):
    topic = forms.ChoiceField(required=False)
    since = forms.IntegerField(required=False, label="From year", min_value=1900, max_value=2100)
    until = forms.IntegerField(required=False, label="To year", min_value=1900, max_value=2100)

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["topic"].choices = [("", "Any topic"), *Topic.objects.values_list("slug", "label")]
        this_year = datetime.date.today().year
        self.fields["since"].widget.attrs["placeholder"] = str(this_year - 15)
        self.fields["until"].widget.attrs["placeholder"] = str(this_year)


class SearchForm(forms.Form):
    q = forms.CharField(required=False, max_length=200, label="Search")

    def query(self) -> str:
        return self.cleaned_data["q"].strip() if self.is_valid() else ""
