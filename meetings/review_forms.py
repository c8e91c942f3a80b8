"""The editor's forms on the engagement page and in the review queue. Each carries the version the editor
saw, so a save over someone else's change is refused (meetings.review.EngagementChanged)."""

from __future__ import annotations

import re

from django import forms

from meetings.forms import DateInput, QuickSelect, QuickSelectMultiple
from meetings.models import Country, Engagement, Evidence, Official, Topic

# "Obaid Al Maaytah #12": a name picked from the autocomplete ends with the official's number.
PICKED_OFFICIAL = re.compile(r"#([0-9]{1,18})\s*$")


class VersionField(forms.IntegerField):
    widget = forms.HiddenInput

    default_error_messages = {
        "required": "This form lacks the version it was loaded at: reload the page and try again.",
        "invalid": "This form lacks the version it was loaded at: reload the page and try again.",
    }

    def __init__(self, **kwargs):
        super().__init__(min_value=1, **kwargs)


class CountryChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj: Country) -> str:
        return obj.short_name


class EngagementForm(forms.ModelForm):
    """Type, date and its precision, place, states, topics and summary. Being a ModelForm, it checks the
    model's constraints (a month-precision date on the first, ...) as form errors before anything is saved."""

    version = VersionField()
    countries = forms.ModelMultipleChoiceField(
        queryset=Country.objects.all(),
        label="States",
        help_text="Ctrl- or ⌘-click to choose several",
        widget=QuickSelectMultiple(attrs={"size": 5}),
    )
    location_country = CountryChoice(
        queryset=Country.objects.all(), required=False, label="Host state", widget=QuickSelect()
    )
    topics = forms.ModelMultipleChoiceField(
        queryset=Topic.objects.all(), required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Engagement
        fields = ["kind", "date", "date_precision", "city", "location_country", "countries", "topics", "summary"]
        widgets = {"date": DateInput(), "summary": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        countries = [(c.pk, c.short_name) for c in Country.objects.all()]
        self.fields["countries"].choices = countries
        self.fields["location_country"].choices = [("", "Not reported"), *countries]
        if not self.is_bound:
            self.initial["version"] = self.instance.version

    def clean_countries(self):
        countries = self.cleaned_data["countries"]
        if len(countries) < 2:
            raise forms.ValidationError("An engagement is between at least two states.")
        return countries

    def clean(self):
        cleaned = super().clean()
        date, precision = cleaned.get("date"), cleaned.get("date_precision")
        if precision == Engagement.Precision.MONTH and date:
            cleaned["date"] = date.replace(day=1)  # a month is kept as its first day
        elif precision == Engagement.Precision.UNKNOWN and date:
            self.add_error("date_precision", "A date is given: choose day or month, or clear the date.")
        elif precision in (Engagement.Precision.DAY, Engagement.Precision.MONTH) and not date:
            self.add_error("date", "Give the date, or choose “Unknown” as its precision.")
        return cleaned

    def correction(self) -> dict:
        """Keyword arguments for meetings.review.engagement_correct."""
        data = self.cleaned_data
        return {
            "version": data["version"],
            "kind": data["kind"],
            "date": data["date"],
            "date_precision": data["date_precision"],
            "city": data["city"].strip(),
            "location_country": data["location_country"],
            "countries": list(data["countries"]),
            "topics": list(data["topics"]),
            "summary": data["summary"].strip(),
        }


class ParticipantForm(forms.Form):
    """One participant: an official picked from the autocomplete ("Name #12") or a name to record,
    the state they represent, and the title as reported."""

    version = VersionField()
    official = forms.CharField(
        max_length=200,
        label="Official",
        help_text="Type a name and pick a known official, or give a new name",
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    country = forms.ChoiceField(required=False, label="Represents")
    title = forms.CharField(max_length=300, required=False, label="Title as reported")

    def __init__(self, *args, engagement: Engagement, **kwargs):
        super().__init__(*args, **kwargs)
        self.sides = {c.code: c for c in engagement.countries.all()}  # prefetched once for the page's forms
        self.fields["country"].choices = [("", "Not known"), *((c.code, c.short_name) for c in self.sides.values())]
        self.engagement = engagement

    def clean_country(self) -> Country | None:
        return self.sides.get(self.cleaned_data["country"])

    def clean_official(self) -> Official | str:
        """The picked official, or the name of one to record."""
        value = self.cleaned_data["official"].strip()
        picked = PICKED_OFFICIAL.search(value)
        if picked is None:
            if not value:
                raise forms.ValidationError("Give the official's name.")
            return value
        official = Official.objects.filter(pk=int(picked.group(1))).first()
        if official is None:
            raise forms.ValidationError(f"There is no official number {picked.group(1)}; pick a name from the list.")
        return official

    def participant(self) -> dict:
        data = self.cleaned_data
        official = data["official"]
        return {
            "version": data["version"],
            "official": official if isinstance(official, Official) else None,
            "name": official if isinstance(official, str) else official.name,
            "country": data["country"],
            "title": data["title"].strip(),
        }


def official_label(official: Official) -> str:
    """How a known official reads in the participant field and its autocomplete."""
    return f"{official.name} #{official.pk}"


class VersionForm(forms.Form):
    """A button's form: only the version the editor saw (remove a participant)."""

    version = VersionField()


class ReviewForm(VersionForm):
    status = forms.ChoiceField(choices=Engagement.Status.choices)


class SplitForm(forms.Form):
    version = VersionField()
    evidence = forms.ModelMultipleChoiceField(
        queryset=Evidence.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        label="Sources that report another engagement",
    )

    def __init__(self, *args, engagement: Engagement, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["evidence"]
        field.queryset = Evidence.objects.filter(engagement=engagement).select_related("article").order_by("id")
        field.label_from_instance = lambda e: f"{e.article.title or 'Article'} #{e.article_id}: “{e.sentence[:90]}”"

    def clean_evidence(self):
        chosen = self.cleaned_data["evidence"]
        if len(chosen) == self.fields["evidence"].queryset.count():
            raise forms.ValidationError("Leave at least one source with this engagement.")
        return chosen


class MergeForm(forms.Form):
    version = VersionField()
    other = forms.IntegerField(min_value=1, max_value=2**63 - 1, label="Engagement number to merge into this one")

    def __init__(self, *args, engagement: Engagement, **kwargs):
        super().__init__(*args, **kwargs)
        self.engagement = engagement

    def clean_other(self):
        pk = self.cleaned_data["other"]
        if pk == self.engagement.pk:
            raise forms.ValidationError("That is this engagement.")
        other = Engagement.objects.filter(pk=pk).first()
        if other is None:
            raise forms.ValidationError(f"There is no engagement number {pk}.")
        return other


def editing_forms(engagement: Engagement, **bound) -> dict:
    """The engagement page's forms for an editor, fresh unless one is given bound (with the editor's input
    and its errors): ``correct_form``, ``participant_form``, ``participant_forms`` ({participation id: form}),
    ``split_form``, ``merge_form``."""
    seen = {"version": engagement.version}
    given = bound.get("participant_forms", {})
    return {
        "correct_form": bound.get("correct_form") or EngagementForm(instance=engagement),
        "participant_form": bound.get("participant_form") or ParticipantForm(engagement=engagement, initial=seen),
        "participant_forms": [
            (
                p,
                given.get(p.pk)
                or ParticipantForm(
                    engagement=engagement,
                    prefix=f"p{p.pk}",
                    initial=seen | {"official": official_label(p.official), "country": p.country_id, "title": p.title},
                ),
            )
            for p in engagement.participations.all()
        ],
        "split_form": bound.get("split_form") or SplitForm(engagement=engagement, initial=seen),
        "merge_form": bound.get("merge_form") or MergeForm(engagement=engagement, initial=seen),
    }
