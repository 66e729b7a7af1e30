"""Small builders for tests: an org tree, a contract with goals. Named by domain role."""

from __future__ import annotations

import datetime as dt

from roedtraad.contracts.models import Contract, Goal, GoalPartner, GoalSection
from roedtraad.org.models import OrgUnit, OrgUnitKind


def org_tree() -> dict[str, OrgUnit]:
    top = OrgUnit.objects.create(name="Testby Kommune", kind=OrgUnitKind.MUNICIPALITY)
    area = OrgUnit.objects.create(name="Omsorg", kind=OrgUnitKind.AREA, parent=top)
    holder = OrgUnit.objects.create(name="Plejehjemmet Solsikken", kind=OrgUnitKind.HOLDER, parent=area)
    other = OrgUnit.objects.create(name="Hjemmeplejen Øst", kind=OrgUnitKind.HOLDER, parent=area)
    centre = OrgUnit.objects.create(name="Afsnit A", kind=OrgUnitKind.CENTRE, parent=holder)
    return {"top": top, "area": area, "holder": holder, "other": other, "centre": centre}


def contract_with_goal(holder: OrgUnit, year: int = 2026, title: str = "Lavt sygefravær") -> Contract:
    contract = Contract.objects.create(holder=holder, year=year)
    goal = Goal.objects.create(contract=contract, number=1, title=title)
    GoalSection.objects.create(goal=goal, key="udviklingsmaal", text="Sygefraværet nedbringes til 5 %.")
    return contract


def shared_goal(contract: Contract, partner: OrgUnit, number: int = 2) -> Goal:
    goal = Goal.objects.create(contract=contract, number=number, title="Fælles vikarkorps")
    GoalPartner.objects.create(goal=goal, unit=partner, role="Tovholder")
    goal.scope = "shared"
    goal.save()
    return goal


def enter(contract: Contract) -> Contract:
    contract.status = "entered"
    contract.entered_on = dt.date(contract.year, 1, 28)
    contract.save()
    return contract
