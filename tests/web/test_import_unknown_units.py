"""A unit the document names and Rødtråd does not know is a question in the import preview:
map it to a unit under the holder, create it under one, or ignore it (its figures are then not
written). Nothing is created without an answer. Made-up documents only."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from roedtraad.contracts.models import Contract
from roedtraad.followup.models import Indicator
from roedtraad.imports.models import ImportDraft
from roedtraad.org.models import OrgUnit, OrgUnitAlias, OrgUnitKind

pytestmark = pytest.mark.django_db

DOC = """Udviklingskontrakt 2026 for Solsikken

Mål 1: Lavt sygefravær
Baggrund og formål
Sygefraværet de seneste 12 måneder er 6,0 % i Solsikken.

Udviklingsmål
• Måltal for sygefravær i Solsikken i 2026 = 5,0 %
• Lokale måltal:
o Køkkenet = 4,0 % i 2026
o Natholdet = 6,5 % i 2026

Opfølgning
Ledergruppen følger op hvert kvartal.
"""


def _draft(client, user) -> ImportDraft:
    client.post(reverse("imports:upload"), {"files": [SimpleUploadedFile("sol.txt", DOC.encode(), "text/plain")]})
    return ImportDraft.objects.get(owner=user)


def test_the_preview_asks_what_each_unknown_unit_is_and_the_answers_are_saved(world, login):
    kitchen_team = OrgUnit.objects.create(name="Køkken og Rengøring", kind=OrgUnitKind.CENTRE, parent=world["own"])
    client = login("holder")
    world["draft"].delete()
    draft = _draft(client, world["users"]["holder"])
    page = client.get(reverse("imports:preview", args=[draft.pk])).content.decode()
    assert "Enheder, som Rødtråd ikke kender" in page
    assert 'name="unitname-0" value="Køkkenet"' in page and 'name="unitname-1" value="Natholdet"' in page
    assert f'value="map:{kitchen_team.pk}"' in page and f'value="new:{world["own"].pk}"' in page
    assert f'value="map:{world["other"].pk}"' not in page, "only the holder and the units under it"
    units_before = OrgUnit.objects.count()
    data = {
        "holder": world["own"].pk,
        "year": 2026,
        "kind": "kontrakt",
        "unitname-0": "Køkkenet",
        "unit-0": f"map:{kitchen_team.pk}",
        "unitname-1": "Natholdet",
        "unit-1": f"new:{world['own'].pk}",
    }
    assert client.post(reverse("imports:save", args=[draft.pk]), data).status_code == 302
    assert OrgUnitAlias.objects.get(alias="Køkkenet").unit == kitchen_team
    night = OrgUnit.objects.get(name="Natholdet")
    assert (night.parent, night.kind, OrgUnit.objects.count()) == (world["own"], OrgUnitKind.CENTRE, units_before + 1)
    contract = Contract.objects.get(holder=world["own"], year=2026)
    written = {
        (i.org_unit.name, t.value) for i in Indicator.objects.filter(goal__contract=contract) for t in i.targets.all()
    }
    assert {("Køkken og Rengøring", 4), ("Natholdet", 6.5), ("Solsikken", 5)} <= {(u, float(v)) for u, v in written}


def test_without_an_answer_nothing_is_created_and_the_figures_are_not_written(world, login):
    client = login("holder")
    world["draft"].delete()
    draft = _draft(client, world["users"]["holder"])
    units_before = OrgUnit.objects.count()
    data = {"holder": world["own"].pk, "year": 2026, "kind": "kontrakt", "unitname-0": "Køkkenet", "unit-0": ""}
    assert client.post(reverse("imports:save", args=[draft.pk]), data).status_code == 302
    assert OrgUnit.objects.count() == units_before and not OrgUnitAlias.objects.exists()
    contract = Contract.objects.get(holder=world["own"], year=2026)
    assert {n["unit"] for n in contract.import_report["unknown_unit"]} == {"Køkkenet", "Natholdet"}


def test_a_unit_outside_the_holder_is_refused_and_the_save_leaves_nothing(world, login):
    client = login("holder")
    world["draft"].delete()
    draft = _draft(client, world["users"]["holder"])
    data = {
        "holder": world["own"].pk,
        "year": 2026,
        "kind": "kontrakt",
        "unitname-0": "Køkkenet",
        "unit-0": f"new:{world['own'].pk}",
        "unitname-1": "Natholdet",
        "unit-1": f"map:{world['other'].pk}",
    }
    response = client.post(reverse("imports:save", args=[draft.pk]), data)
    assert response.status_code == 409
    assert not OrgUnit.objects.filter(name="Køkkenet").exists() and not OrgUnitAlias.objects.exists()
    assert not Contract.objects.filter(holder=world["own"], year=2026).exists()
