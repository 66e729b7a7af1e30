"""Filter forms for the contract overview and the search (GET, bookmarkable)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from roedtraad.contracts.models import ContractStatus
from roedtraad.frameworks.models import Track
from roedtraad.org.models import OrgUnit, OrgUnitKind


class ContractFilter(forms.Form):
    year = forms.TypedChoiceField(label=_("År"), coerce=int, required=False)
    area = forms.ModelChoiceField(
        label=_("Område"), queryset=OrgUnit.objects.none(), required=False, empty_label=_("Alle områder")
    )
    holder = forms.ModelChoiceField(
        label=_("Kontraktholder"),
        queryset=OrgUnit.objects.none(),
        required=False,
        empty_label=_("Alle kontraktholdere"),
    )
    status = forms.ChoiceField(label=_("Status"), required=False)

    def __init__(self, data, contracts, **kwargs):
        super().__init__(data, **kwargs)
        years = sorted(set(contracts.values_list("year", flat=True)), reverse=True)
        self.fields["year"].choices = [("", _("Alle år"))] + [(y, str(y)) for y in years]
        holder_ids = set(contracts.values_list("holder_id", flat=True))
        holders = OrgUnit.objects.filter(pk__in=holder_ids).order_by("name")
        self.fields["holder"].queryset = holders
        self.fields["area"].queryset = OrgUnit.objects.filter(kind=OrgUnitKind.AREA).order_by("name")
        self.fields["status"].choices = [("", _("Alle"))] + list(ContractStatus.choices)
        for field in self.fields.values():
            field.widget.attrs["class"] = "form-select"

    def apply(self, contracts):
        if not self.is_valid():
            return contracts
        data = self.cleaned_data
        if data.get("year"):
            contracts = contracts.filter(year=data["year"])
        if data.get("area"):
            contracts = contracts.filter(holder__in=_units_under(data["area"]))
        if data.get("holder"):
            contracts = contracts.filter(holder=data["holder"])
        if data.get("status"):
            contracts = contracts.filter(status=data["status"])
        return contracts


class SearchFilter(ContractFilter):
    q = forms.CharField(label=_("Søg efter"), required=False, max_length=200)
    track = forms.ModelChoiceField(
        label=_("Spor"), queryset=Track.objects.none(), required=False, empty_label=_("Alle spor")
    )
    field_order = ["q", "year", "area", "holder", "track", "status"]

    def __init__(self, data, contracts, **kwargs):
        super().__init__(data, contracts, **kwargs)
        self.fields["track"].queryset = Track.objects.select_related("framework").order_by("-framework__year", "number")
        self.fields["track"].label_from_instance = lambda t: f"{t.framework.year}: {t}"
        self.fields["q"].widget.attrs["class"] = "form-input"
        self.fields["q"].widget.input_type = "search"


def _units_under(unit: OrgUnit) -> set[int]:
    from roedtraad.org.models import subtree

    parents: dict[int, int | None] = dict(OrgUnit.objects.values_list("id", "parent_id"))
    return subtree({unit.pk}, parents)
