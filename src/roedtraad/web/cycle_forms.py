"""The form of a year's milestone (the director's milestone page); each error names its field in Danish."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

from roedtraad.frameworks.models import Milestone, MilestoneKind
from roedtraad.web.forms import DATE_FORMATS, _styled

TITLE_MAX = Milestone._meta.get_field("title").max_length or 200


class MilestoneForm(forms.Form):
    title = forms.CharField(
        label=_("Titel"),
        max_length=TITLE_MAX,
        help_text=_("Fx »Frist for indsendelse« eller »Kontraktholderseminar (uge 43)«."),
        error_messages={
            "required": _("Skriv milepælens titel."),
            "max_length": _("Titlen må højst have %(limit_value)d tegn (den har %(show_value)d)."),
        },
    )
    date = forms.DateField(
        label=_("Dato"),
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Vælg milepælens dato."),
            "invalid": _("Datoen skal være en dato, fx 31.01.2026."),
        },
    )
    kind = forms.ChoiceField(
        label=_("Type"),
        choices=MilestoneKind.choices,
        initial=MilestoneKind.OTHER,
        help_text=_(
            "Fristerne for indsendelse og indgåelse afgør, hvem forsidens lister over forsinkede kontrakter viser."
        ),
        error_messages={"required": _("Vælg milepælens type."), "invalid_choice": _("Vælg en type fra listen.")},
    )
    description = forms.CharField(
        label=_("Beskrivelse"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Hvad sker der, og hvem deltager?"),
    )

    def __init__(self, *args, year: int, **kwargs):
        super().__init__(*args, prefix="milestone", **kwargs)  # type: ignore[misc]  # mypy maps *args onto prefix
        self.year = year
        _styled(self)

    def clean_title(self) -> str:
        title = self.cleaned_data["title"].strip()
        if not title:
            raise forms.ValidationError(_("Skriv milepælens titel."))
        return title

    def clean_date(self) -> dt.date:
        """A contract year's cycle runs from the autumn before it to the evaluation after it."""
        day = self.cleaned_data["date"]
        first, last = self.year - 1, self.year + 1
        if not first <= day.year <= last:
            raise forms.ValidationError(
                _("Datoen skal ligge mellem 1.1.%(first)s og 31.12.%(last)s (året før kontraktåret til året efter).")
                % {"first": first, "last": last}
            )
        return day

    @classmethod
    def initial_from(cls, milestone: Milestone) -> dict:
        return {
            "title": milestone.title,
            "date": milestone.date,
            "kind": milestone.kind,
            "description": milestone.description,
        }
