"""Forms of the importer: the upload, the corrections and the save."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django import forms
from django.utils.translation import gettext_lazy as _

from roedtraad.contracts.models import ContractKind
from roedtraad.core.sections import CANONICAL_KEYS, heading_for

if TYPE_CHECKING:
    from roedtraad.org.models import OrgUnit


def key_choices(current: str = "") -> list[tuple[str, str]]:
    choices = [(key, heading_for(key)) for key in CANONICAL_KEYS]
    if current and current not in CANONICAL_KEYS:
        choices.append((current, heading_for(current)))
    return choices


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class UploadForm(forms.Form):
    # A declared field named like `BaseForm.files`; the form's metaclass moves it to `base_fields`.
    files = forms.FileField(  # type: ignore[assignment]
        label=_("Dokumenter"),
        help_text=_("Tekst (.txt), PDF eller Word (.docx). Du kan vælge flere filer på én gang."),
        widget=MultipleFileInput(attrs={"accept": ".txt,.pdf,.docx", "class": "form-file-input"}),
        required=False,
    )


class SectionForm(forms.Form):
    expect = forms.CharField(required=False, widget=forms.HiddenInput)
    old_key = forms.CharField(required=False, widget=forms.HiddenInput)
    key = forms.CharField(max_length=60)
    text = forms.CharField(required=False)


class TitleForm(forms.Form):
    expect = forms.CharField(required=False, widget=forms.HiddenInput)
    title = forms.CharField(max_length=300)


class BoundaryForm(forms.Form):
    expect = forms.CharField(required=False, widget=forms.HiddenInput)
    at = forms.IntegerField(required=False, min_value=0)
    title_from_line = forms.BooleanField(required=False)


class FragmentForm(forms.Form):
    expect = forms.CharField(required=False, widget=forms.HiddenInput)
    goal = forms.IntegerField(required=False, min_value=0)
    key = forms.CharField(required=False, max_length=60)


class SaveForm(forms.Form):
    holder: forms.ModelChoiceField[OrgUnit] = forms.ModelChoiceField(
        queryset=None, label=_("Kontraktholder"), empty_label=_("Vælg kontraktholder")
    )
    year = forms.IntegerField(label=_("År"), min_value=2000, max_value=2100)
    kind = forms.ChoiceField(label=_("Type"), choices=ContractKind.choices)
    remove_goals = forms.BooleanField(
        required=False, label=_("Fjern de mål, som dokumentet ikke længere har (de kan gendannes bagefter)")
    )

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["holder"].queryset = units
        self.fields["remove_goals"].widget.attrs["class"] = "form-checkbox"
        for name in ("holder", "kind"):
            self.fields[name].widget.attrs["class"] = "form-select"
        self.fields["year"].widget.attrs["class"] = "form-input input-width-xs"
