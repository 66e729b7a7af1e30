"""A small municipality for the web tests, with one login per role.

Area "Omsorg" holds "Solsikken" (the holder's own contract, a draft) and "Hjemmeplejen"
(another holder, entered); area "Skole" holds "Nordskolen" (submitted). The head of area
covers Omsorg only.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model

from roedtraad.contracts.models import Activity, Contract, Goal, GoalPartner, GoalSection
from roedtraad.followup.models import FollowUpEntry, Indicator, Measurement, PlannedFollowUp, Target
from roedtraad.frameworks.models import Framework, Track
from roedtraad.org.models import OrgUnit, OrgUnitKind, Person, UserRole

ROLES = ("director", "head_of_area", "holder", "other_holder", "reader", "stranger")
YEAR = 2026


class World(dict):
    """Units, contracts, goals and users by short name; `world.client_for(role)` logs in."""

    def add_goals(self, contract: Contract, count: int) -> list[Goal]:
        return [add_goal(contract, contract.next_goal_number(), self["track"]) for _ in range(count)]


def add_goal(contract: Contract, number: int, track: Track, title: str = "") -> Goal:
    goal = Goal.objects.create(contract=contract, number=number, title=title or f"Mål nummer {number}")
    goal.tracks.add(track)
    for order, (key, text) in enumerate(
        [
            ("udviklingsmaal", "Sygefraværet blandt medarbejderne skal nedbringes."),
            ("baggrund_formaal", "Medarbejdere med lavt fravær giver borgerne kontinuitet."),
        ]
    ):
        GoalSection.objects.create(goal=goal, key=key, text=text, order=order)
    Activity.objects.create(goal=goal, text="Fraværssamtaler efter fast model", order=0)
    GoalPartner.objects.create(goal=goal, name="Sundhedscentret", role="Bidrager med viden")
    unit = OrgUnit.objects.create(name=f"Afdeling {contract.pk}-{number}", kind="department", parent=contract.holder)
    indicator = Indicator.objects.create(
        key="sygefravaer", name="Sygefravær", org_unit=unit, goal=goal, valid_from=dt.date(YEAR, 1, 1)
    )
    Target.objects.create(
        indicator=indicator, period_start=dt.date(YEAR, 1, 1), period_end=dt.date(YEAR, 12, 31), value=Decimal("5")
    )
    for month in (1, 2, 3):
        Measurement.objects.create(indicator=indicator, period=dt.date(YEAR, month, 1), value=Decimal(5 + month))
    FollowUpEntry.objects.create(
        goal=goal, date=dt.date(YEAR, 3, 1), forum="LMU", status="amber", text="Følger planen."
    )
    return goal


def _user(username: str, role: str | None, unit: OrgUnit | None, person_unit: OrgUnit | None = None):
    user = get_user_model().objects.create_user(username, "", "pw-roedtraad-test")
    if role:
        UserRole.objects.create(user=user, role=role, unit=unit)
    Person.objects.create(name=f"Person {username}", unit=person_unit or unit, user=user)
    return user


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def world(db) -> World:
    top = OrgUnit.objects.create(name="Testby Kommune", kind=OrgUnitKind.MUNICIPALITY)
    care = OrgUnit.objects.create(name="Omsorg", kind=OrgUnitKind.AREA, parent=top)
    school = OrgUnit.objects.create(name="Skole", kind=OrgUnitKind.AREA, parent=top)
    own = OrgUnit.objects.create(name="Solsikken", kind=OrgUnitKind.HOLDER, parent=care)
    other = OrgUnit.objects.create(name="Hjemmeplejen", kind=OrgUnitKind.HOLDER, parent=care)
    far = OrgUnit.objects.create(name="Nordskolen", kind=OrgUnitKind.HOLDER, parent=school)
    framework = Framework.objects.create(year=YEAR, title=f"DUS {YEAR}")
    track = Track.objects.create(framework=framework, number=1, title="Den røde tråd")
    w = World(top=top, care=care, school=school, own=own, other=other, far=far, track=track)
    for key, unit in (("draft", own), ("entered", other), ("submitted", far)):
        contract = Contract.objects.create(holder=unit, year=YEAR, framework=framework, title=f"Kontrakt {unit}")
        w[key] = contract
        w[f"{key}_goal"] = add_goal(contract, 1, track, title=f"Lavt sygefravær i {unit}")
        PlannedFollowUp.objects.create(contract=contract, date=dt.date(YEAR, 12, 7), kind="dialogue")
    for key, status in (("entered", "entered"), ("submitted", "submitted")):
        Contract.objects.filter(pk=w[key].pk).update(status=status)
        w[key].refresh_from_db()
    w["users"] = {
        "director": _user("direktoer", "director", None, top),
        "head_of_area": _user("fagchef", "head_of_area", care),
        "holder": _user("holder", "holder", own),
        "other_holder": _user("holder2", "holder", other),
        "reader": _user("laeser", "reader", None, top),
        "stranger": _user("fremmed", None, None, top),
    }
    return w


@pytest.fixture
def login(client, world):
    """`login(role)` returns the test client logged in as that role's user."""

    def _login(role: str):
        client.force_login(world["users"][role])
        return client

    return _login


def add_night_cover_goals(world: World) -> dict[str, Goal]:
    """A goal on a topic the DUS does not ask of everybody (a shared pool of night-shift cover)
    in each of the three contracts, so that the overlap list shows them as pairs."""
    goals = {}
    for key in ("draft", "entered", "submitted"):
        contract = Contract.objects.filter(pk=world[key].pk)
        status = world[key].status
        contract.update(status="draft")  # locked contracts: the goals were written before entry
        goal = Goal.objects.create(
            contract=world[key], number=2, title=f"Vikarkorps til nattevagter i {world[key].holder}"
        )
        GoalSection.objects.create(
            goal=goal,
            key="udviklingsmaal",
            text="Et vikarkorps dækker nattevagterne, så nattevagter ikke står alene ved akutte vikarbehov.",
        )
        contract.update(status=status)
        goals[key] = goal
    return goals
