"""Forms of the checks pages: filters (GET), an override, a new org unit, a requirement."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from roedtraad.checks.models import CheckStatus
from roedtraad.core.sections import CANONICAL_KEYS
from roedtraad.frameworks.models import Requirement
from roedtraad.org.models import OrgUnit, OrgUnitAlias, OrgUnitKind

EVALUATORS = [
    ("terms", _("Ord i målenes tekst")),
    ("stop_doing", _("Listen over hvad vi holder op med")),
    ("shared_goal", _("Mindst ét fælles mål med ansvar og roller")),
]


def _style(form: forms.Form) -> None:
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.Select):
            widget.attrs.setdefault("class", "form-select")
        elif isinstance(widget, forms.CheckboxInput):
            widget.attrs.setdefault("class", "form-checkbox")
        else:
            widget.attrs.setdefault("class", "form-input")


class YearFilter(forms.Form):
    """Year and area; the year's choices are those with contracts or a framework."""

    year = forms.TypedChoiceField(label=_("År"), coerce=int, required=False)
    area = forms.ModelChoiceField(
        label=_("Område"), queryset=OrgUnit.objects.none(), required=False, empty_label=_("Alle områder")
    )

    def __init__(self, data, years, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["year"].choices = [(y, str(y)) for y in years]
        self.fields["area"].queryset = OrgUnit.objects.filter(kind=OrgUnitKind.AREA).order_by("name")
        _style(self)

    def value(self, name, default=None):
        return self.cleaned_data.get(name) or default if self.is_valid() else default


class OverlapFilter(YearFilter):
    holder = forms.ModelChoiceField(
        label=_("Kontraktholder"),
        queryset=OrgUnit.objects.none(),
        required=False,
        empty_label=_("Alle kontraktholdere"),
    )
    min_score = forms.DecimalField(
        label=_("Mindste lighed (0–1)"), required=False, min_value=0, max_value=1, decimal_places=2
    )
    hide_shared = forms.BooleanField(label=_("Skjul par, der allerede er fælles mål"), required=False)

    def __init__(self, data, years, holders, **kwargs):
        super().__init__(data, years, **kwargs)
        self.fields["holder"].queryset = holders
        self.fields["min_score"].widget.attrs.update({"step": "0.05", "inputmode": "decimal"})


class OverrideForm(forms.Form):
    requirement = forms.ChoiceField(label=_("Krav"))
    status = forms.ChoiceField(label=_("Ny vurdering"), choices=CheckStatus.choices)
    justification = forms.CharField(label=_("Begrundelse"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000)

    def __init__(self, *args, slugs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["requirement"].choices = [(s, s) for s in slugs]
        _style(self)

    def clean_justification(self):
        text = self.cleaned_data["justification"].strip()
        if not text:
            raise ValidationError(_("Skriv en begrundelse for den ændrede vurdering."))
        return text


class OrgUnitForm(forms.ModelForm):
    """A unit named as a partner that the system did not know; the written name as alias."""

    alias = forms.CharField(label=_("Alias (navnet som skrevet)"), required=False, max_length=200)

    class Meta:
        model = OrgUnit
        fields = ["name", "kind", "parent"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = OrgUnit.objects.exclude(kind=OrgUnitKind.DEPARTMENT).order_by("name")
        _style(self)

    def clean_alias(self):
        alias = self.cleaned_data["alias"].strip()
        if alias and alias == (self.data.get(self.add_prefix("name")) or "").strip():
            return ""  # the name itself needs no alias
        if alias and OrgUnitAlias.objects.filter(alias=alias).exists():
            raise ValidationError(_("Aliaset «%(alias)s» bruges allerede."), params={"alias": alias})
        return alias

    def save(self, commit=True):
        unit = super().save(commit)
        if commit and self.cleaned_data.get("alias"):
            OrgUnitAlias.objects.create(unit=unit, alias=self.cleaned_data["alias"])
        return unit


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.replace(",", "\n").splitlines() if line.strip()]


class SectionsField(forms.CharField):
    """Section keys, one per line or comma separated; unknown keys are refused by name."""

    def to_python(self, value):
        keys = _lines(super().to_python(value) or "")
        unknown = [k for k in keys if k not in CANONICAL_KEYS]
        if unknown:
            raise ValidationError(
                _("Ukendt afsnit: %(keys)s. Brug: %(known)s."),
                params={"keys": ", ".join(unknown), "known": ", ".join(CANONICAL_KEYS)},
            )
        return keys


class TermsField(forms.CharField):
    def to_python(self, value):
        return [line.strip() for line in (super().to_python(value) or "").splitlines() if line.strip()]


RULE_FIELDS = [
    "evaluator",
    "terms",
    "also_terms",
    "sections",
    "min_sentences",
    "needs_number",
    "number_sections",
    "needs_activities",
    "activity_sections",
    "responsibility_terms",
]
LIST_KEYS = {"terms", "also_terms", "sections", "number_sections", "activity_sections", "responsibility_terms"}


class RequirementForm(forms.ModelForm):
    """A requirement with its `judged_by` rule edited as one field per key."""

    evaluator = forms.ChoiceField(label=_("Bedømmes som"), choices=EVALUATORS)
    terms = TermsField(label=_("Ord (ét pr. linje)"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    also_terms = TermsField(
        label=_("For «opfyldt» skal målet også nævne (ét pr. linje)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    sections = SectionsField(
        label=_("Afsnit der søges i"), required=False, help_text=_("Korte navne adskilt af komma; tom betyder alle.")
    )
    min_sentences = forms.IntegerField(label=_("Mindste antal sætninger"), required=False, min_value=1, max_value=20)
    needs_number = forms.BooleanField(label=_("Kræver et måltal"), required=False)
    number_sections = SectionsField(
        label=_("Afsnit hvor måltallet må stå"), required=False, help_text=_("Fx «udviklingsmaal, aktiviteter».")
    )
    needs_activities = forms.BooleanField(label=_("Kræver aktiviteter"), required=False)
    activity_sections = SectionsField(label=_("Afsnit med aktiviteter"), required=False)
    responsibility_terms = TermsField(
        label=_("Ord for ansvar og roller (fælles mål)"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    class Meta:
        model = Requirement
        fields = ["name", "slug", "text", "help_text", "order"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3}), "help_text": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, framework, **kwargs):
        super().__init__(*args, **kwargs)
        self.framework = framework
        self.instance.framework = framework
        rule = self.instance.judged_by or {}
        for key in RULE_FIELDS:
            value = rule.get(key)
            if key in LIST_KEYS and value:
                value = "\n".join(value) if key.endswith("terms") else ", ".join(value)
            if value is not None:
                self.initial.setdefault(key, value)
        self.initial.setdefault("evaluator", "terms")
        _style(self)

    def fieldsets(self) -> list[tuple[str | Promise, list]]:
        first = ["name", "slug", "text", "help_text", "order"]
        return [(_("Kravet"), [self[n] for n in first]), (_("Sådan bedømmes kravet"), [self[n] for n in RULE_FIELDS])]

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        clash = Requirement.objects.filter(framework=self.framework, slug=slug).exclude(pk=self.instance.pk)
        if clash.exists():
            raise ValidationError(_("Der findes allerede et krav med det korte navn i årets DUS."))
        return slug

    def clean(self):
        data = super().clean()
        if data.get("evaluator") == "terms" and "terms" in data and not data["terms"]:
            self.add_error("terms", _("Skriv mindst ét ord, som kravet genkendes på."))
        return data

    def judged_by(self) -> dict:
        """The rule as data: keys with a value, other keys of the stored rule kept."""
        rule = {k: v for k, v in (self.instance.judged_by or {}).items() if k not in RULE_FIELDS}
        for key in RULE_FIELDS:
            value = self.cleaned_data.get(key)
            if value not in (None, "", [], False):
                rule[key] = value
        return rule

    def save(self, commit=True):
        self.instance.judged_by = self.judged_by()
        return super().save(commit)


class ProposalForm(forms.Form):
    """A head of area's short note to the two holders with a proposed shared goal."""

    note = forms.CharField(
        label=_("Bemærkning til kontraktholderne"),
        help_text=_("Kort: hvorfor målene kunne være ét fælles mål, og hvem der kunne tage initiativet."),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _style(self)
