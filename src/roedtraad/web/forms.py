"""Forms for the rows of a contract: a new goal, activities, partners, stop-doing items.

Each error names its field in Danish; the choices come from `contracts.rows`, which checks
them again when saving.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from roedtraad.contracts.models import ActivityStatus, Contract, Goal
from roedtraad.contracts.rows import TEXT_MAX, TITLE_MAX, owner_choices, partner_choices, too_long

if TYPE_CHECKING:
    from roedtraad.org.models import OrgUnit, Person

DATE_FORMATS = ["%Y-%m-%d", "%d.%m.%Y", "%d-%m-%Y", "%d/%m/%Y"]


def _limit(limit: int):
    def check(value: str) -> None:
        if value and len(value) > limit:
            raise forms.ValidationError(too_long(limit, len(value)))

    return check


def _styled(form: forms.Form) -> None:
    """DKFDS classes on every widget, the hint tied to its input, and a text's limit stated in
    its hint and checked by the form — never by the browser's `maxlength`, which cuts a pasted
    text short without a word."""
    classes = {"select": "form-select", "checkbox": "form-checkbox", "checkboxselectmultiple": "form-checkbox"}
    for name, field in form.fields.items():
        if isinstance(field, forms.CharField) and isinstance(field.widget, forms.Textarea):
            field.max_length = field.max_length or TEXT_MAX
            field.validators.append(_limit(field.max_length))
            field.widget.attrs.pop("maxlength", None)
            limit = _("Højst %(max)s tegn.") % {"max": f"{field.max_length:,}".replace(",", ".")}
            field.help_text = f"{field.help_text} {limit}".strip()
        field.widget.attrs.setdefault("class", classes.get(form[name].widget_type, "form-input"))
        if field.help_text:
            field.widget.attrs["aria-describedby"] = f"{form[name].auto_id}-hint"


def version_field() -> forms.IntegerField:
    """The row's version as the form was opened (optimistic locking, `contracts.rows`)."""
    return forms.IntegerField(required=False, widget=forms.HiddenInput)


def partner_role_field() -> forms.CharField:
    """A partner's responsibility and role in a shared goal: the same field when a partner is
    added and when its role is changed."""
    return forms.CharField(
        label=_("Ansvar og rolle"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Hvad står partneren for i målet? Fx »Stiller en sygeplejerske til rådighed en dag om ugen«."),
        error_messages={"required": _("Skriv partnerens ansvar og rolle i målet.")},
    )


class NewGoalForm(forms.Form):
    title = forms.CharField(
        label=_("Titel på det nye mål"),
        max_length=TITLE_MAX,
        error_messages={
            "required": _("Skriv en titel til det nye mål."),
            "max_length": _("Titlen må højst have %(limit_value)d tegn (den har %(show_value)d)."),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, prefix="goal", **kwargs)
        _styled(self)


class ActivityForm(forms.Form):
    version = version_field()
    text = forms.CharField(
        label=_("Aktivitet"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Hvad gør I konkret? Fx »Alle medarbejdere får en fraværssamtale efter tredje sygedag«."),
        error_messages={"required": _("Skriv, hvad aktiviteten går ud på.")},
    )
    owner: forms.ModelChoiceField[Person] = forms.ModelChoiceField(
        label=_("Ansvarlig"),
        queryset=None,
        required=False,
        empty_label=_("Ingen valgt"),
        error_messages={"invalid_choice": _("Vælg en ansvarlig fra listen.")},
    )
    due_date = forms.DateField(
        label=_("Frist"),
        required=False,
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Fristen skal være en dato, fx 31.12.2026.")},
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=ActivityStatus.choices,
        initial=ActivityStatus.PLANNED,
        error_messages={
            "required": _("Vælg aktivitetens status."),
            "invalid_choice": _("Vælg en status fra listen."),
        },
    )

    def __init__(self, *args, contract: Contract, **kwargs):
        super().__init__(*args, prefix="activity", **kwargs)  # type: ignore[misc]  # mypy maps *args onto prefix
        cast("forms.ModelChoiceField[Person]", self.fields["owner"]).queryset = owner_choices(contract)
        _styled(self)


class PartnerRoleForm(forms.Form):
    version = version_field()
    role = partner_role_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, prefix="partner_role", **kwargs)
        _styled(self)


class PartnerForm(forms.Form):
    unit: forms.ModelChoiceField[OrgUnit] = forms.ModelChoiceField(
        label=_("Partner"),
        queryset=None,
        empty_label=_("Vælg en enhed"),
        help_text=_("Den enhed, I deler målet med."),
        error_messages={
            "required": _("Vælg den enhed, der skal være partner."),
            "invalid_choice": _("Vælg en partner fra listen."),
        },
    )
    role = partner_role_field()

    def __init__(self, *args, goal: Goal, **kwargs):
        super().__init__(*args, prefix="partner", **kwargs)  # type: ignore[misc]  # mypy maps *args onto prefix
        unit_field = cast("forms.ModelChoiceField[OrgUnit]", self.fields["unit"])
        unit_field.queryset = partner_choices(goal)
        unit_field.label_from_instance = lambda unit: (  # type: ignore[method-assign,assignment]
            f"{unit} ({unit.parent})" if unit.parent_id else str(unit)
        )
        _styled(self)


class StopDoingForm(forms.Form):
    version = version_field()
    text = forms.CharField(
        label=_("Det holder vi op med"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Noget, der ikke virker eller ikke giver værdi for borgeren. Fx »Ugentlige statusmøder«."),
        error_messages={"required": _("Skriv, hvad I vil holde op med.")},
    )
    goals: forms.ModelMultipleChoiceField[Goal] = forms.ModelMultipleChoiceField(
        label=_("Hænger sammen med målene"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Vælg de udviklingsmål, punktet giver plads til. Du kan lade være at vælge nogen."),
        error_messages={"invalid_choice": _("Vælg kun mål fra denne kontrakt.")},
    )

    def __init__(self, *args, contract: Contract, **kwargs):
        super().__init__(*args, prefix="stop_doing", **kwargs)  # type: ignore[misc]  # mypy maps *args onto prefix
        goals_field = cast("forms.ModelMultipleChoiceField[Goal]", self.fields["goals"])
        goals_field.queryset = contract.goals.filter(deleted_at__isnull=True).order_by("number")
        _styled(self)
