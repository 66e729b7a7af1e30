"""An import writes only to the holder's own units: another unit's figures are that unit's."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from tests.factories import contract_with_goal, enter

from roedtraad.contracts.importing import save_parsed_document
from roedtraad.core.ingest.model import ParsedDocument, ParsedGoal, ParsedIndicator
from roedtraad.followup.models import Indicator, Target
from roedtraad.org.models import OrgUnit, OrgUnitKind

pytestmark = pytest.mark.django_db


def _document(holder: str, scope: str) -> ParsedDocument:
    figure = ParsedIndicator(text=f"{scope} = 1,0 % i 2026", baseline=9.0, target=1.0, unit="%", scope=scope, year=2026)
    goal = ParsedGoal(number=1, title="Lavt sygefravær", sections={"udviklingsmaal": "Fraværet falder."})
    goal.indicators = [figure]
    return ParsedDocument(
        file="kontrakt.docx", kind="kontrakt", layout="sections", holder=holder, year=2026, goals=[goal]
    )


def test_a_holders_import_that_names_another_areas_centre_leaves_that_centres_indicator_alone(units):
    other_area = OrgUnit.objects.create(name="Kultur", kind=OrgUnitKind.AREA, parent=units["top"])
    other_holder = OrgUnit.objects.create(name="Biblioteket", kind=OrgUnitKind.HOLDER, parent=other_area)
    their_centre = OrgUnit.objects.create(name="Filial Nord", kind=OrgUnitKind.CENTRE, parent=other_holder)
    their_contract = enter(contract_with_goal(other_holder))
    theirs = Indicator.objects.create(
        key="sygefravaer",
        name="Sygefravær",
        org_unit=their_centre,
        goal=their_contract.goals.get(),
        baseline_value=4,
        valid_from=dt.date(2026, 1, 1),
    )
    Target.objects.create(indicator=theirs, period_start=dt.date(2026, 1, 1), period_end=dt.date(2026, 12, 31), value=3)

    contract = save_parsed_document(_document(units["holder"].name, "Filial Nord"))

    theirs.refresh_from_db()
    assert theirs.goal.contract_id == their_contract.pk
    assert theirs.baseline_value == Decimal(4)
    assert list(theirs.targets.values_list("value", flat=True)) == [Decimal(3)]
    assert contract.import_report["outside_holder"][0]["unit"] == "Filial Nord"


def test_a_figure_for_the_holders_own_centre_is_imported(units):
    save_parsed_document(_document(units["holder"].name, units["centre"].name))
    indicator = Indicator.objects.get(org_unit=units["centre"])
    assert indicator.goal.contract.holder == units["holder"]
