from django import forms


class PasteForm(forms.Form):
    title = forms.CharField(max_length=500, required=False)
    publisher = forms.CharField(max_length=200, required=False)
    published = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}))
    source_url = forms.URLField(max_length=2000, required=False, assume_scheme="https")
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 14}))

    def clean_text(self):
        text = self.cleaned_data["text"]
        if not text.strip():
            raise forms.ValidationError("The article text is empty.")
        return text
