"""One lookup of a unit by a name as written: the importer, the preview and the checker agree."""

from __future__ import annotations

import pytest

from roedtraad.checks.services import units_with_aliases
from roedtraad.contracts.importing import UnitIndex
from roedtraad.imports.rights import unit_named
from roedtraad.org.models import OrgUnit, OrgUnitAlias, OrgUnitKind
from roedtraad.org.names import UnitNames

pytestmark = pytest.mark.django_db


def test_a_name_with_other_punctuation_case_and_spaces_is_the_same_unit(units):
    assert UnitNames().find("plejehjemmet,  SOLSIKKEN") == units["holder"]


def test_an_alias_finds_its_unit_in_the_importer_the_preview_and_the_checker_alike(units):
    OrgUnitAlias.objects.create(unit=units["other"], alias="HPØ")
    assert UnitIndex().find("hpø") == unit_named("HPØ") == units["other"]
    assert "HPØ" in units_with_aliases()["Hjemmeplejen Øst"]


def test_a_holder_wins_over_a_centre_of_the_same_name_and_a_name_over_an_alias(units):
    OrgUnit.objects.create(name="Solsikken", kind=OrgUnitKind.CENTRE, parent=units["other"])
    holder = OrgUnit.objects.create(name="Solsikken", kind=OrgUnitKind.HOLDER, parent=units["area"])
    OrgUnitAlias.objects.create(unit=units["other"], alias="Afsnit A")
    names = UnitNames()
    assert names.find("Solsikken") == holder
    assert names.find("Afsnit A") == units["centre"]
