"""Builds the demo municipality in an empty database, in one transaction."""

from __future__ import annotations

import datetime as dt
import secrets
from decimal import Decimal
from typing import Any, cast

from django.contrib.auth import get_user_model
from django.db import transaction

from roedtraad.checks.models import SharedGoalProposal
from roedtraad.contracts import stop_doing
from roedtraad.contracts.models import Activity, Contract, Goal, GoalPartner, GoalSection, StopDoingItem
from roedtraad.core.sections import heading_for
from roedtraad.demo import goals as themes
from roedtraad.demo.measurements import months, sick_leave_series
from roedtraad.demo.organisation import (
    ADMIN_USERNAME,
    AREA_OWN_STAFF,
    AREAS,
    DEMO_PASSWORD,
    HOLDER_LEADERS,
    LOGINS,
    MUNICIPALITY,
    OWN_STAFF,
    PEOPLE,
)
from roedtraad.followup.models import (
    Aggregation,
    FollowUpEntry,
    Indicator,
    Measurement,
    PlannedFollowUp,
    Target,
)
from roedtraad.frameworks.cycle import ensure_milestones
from roedtraad.frameworks.models import BudgetChange, FocusArea, Framework, Policy, PolicyTrack, Requirement, Track
from roedtraad.org.models import OrgUnit, OrgUnitAlias, OrgUnitKind, Person, Responsibility, UserRole

YEAR = 2026
FIRST_MONTH = dt.date(YEAR - 2, 11, 1)

# (holder, partner, title, purpose, partner has the mirror goal)
SHARED_GOALS = [
    (
        "Hjemmeplejen Fjordby",
        "Sundhedscenter Fjordby",
        "Sammenhængende forløb efter udskrivning",
        "Borgere, der udskrives fra sygehuset, får en koordineret indsats fra første dag.",
        True,
    ),
    (
        "Fjordby Skole",
        "PPR og Familie",
        "Inkluderende læringsmiljøer",
        "Flere børn trives og lærer i almenundervisningen.",
        True,
    ),
    (
        "Dagtilbud Nord",
        "Fjordby Skole",
        "God overgang fra dagtilbud til skole",
        "Alle børn får en tryg overgang fra dagtilbud til skole.",
        True,
    ),
    (
        "Plejecenter Egelund",
        "Bofællesskabet Lærkehøj",
        "Fælles vikarkorps",
        "Faste vikarer, der kender begge steder, dækker fravær.",
        True,
    ),
    (
        "HR og Personale",
        "Økonomi og Digitalisering",
        "Bedre personaledata",
        "Ledere får ledelsesinformation om fravær og personaleomsætning.",
        True,
    ),
    (
        "Vej og Park",
        "Byggeri og Ejendomme",
        "Klimatilpasning af kommunale arealer",
        "Regnvand håndteres lokalt på kommunens egne arealer.",
        False,
    ),
    (
        "Ungecenter Fjordby",
        "Jobcenter Fjordby",
        "Unge i uddannelse eller job",
        "Flere unge kommer i uddannelse eller job.",
        False,
    ),
]
STATUS = {
    "Fjordby Skole": "submitted",
    "PPR og Familie": "submitted",
    "Bofællesskabet Lærkehøj": "submitted",  # so the head of area (Sundhed og Omsorg) has one waiting, late
    "Ungecenter Fjordby": "draft",
}
# When the submitted contracts were sent in (their history says so; the review lists count from it).
SUBMITTED_ON = dt.datetime(YEAR, 1, 9, 14, 0, tzinfo=dt.UTC)
NO_STOP_DOING = {"Plejecenter Egelund"}
SICK_LEAVE_WITHOUT_NUMBER = {"Byggeri og Ejendomme"}
STOP_DOING = [
    "Vi holder op med at skrive referat af faste driftsmøder; beslutninger noteres i opgavelisten.",
    "Vi holder op med at udfylde det årlige papirskema om kompetencer, som ingen bruger.",
    "Vi stopper dobbeltregistrering af fravær i eget regneark.",
]

# The goals each stop-doing item above gives room for, by goal number.
STOP_DOING_GOALS = [(1,), (2,), (1, 2)]
# The director's decisions on the proposals of the first entered contracts holding each item.
STOP_DOING_DECISIONS = [
    (
        STOP_DOING[0],
        "stoppet",
        "Referaterne læses ikke; beslutningerne står allerede i opgavelisten. Stoppes fra 1. april.",
        dt.date(YEAR, 3, 9),
    ),
    (
        STOP_DOING[1],
        "undersoeges",
        "HR undersøger, om skemaet kan erstattes af et punkt i MUS-samtalen.",
        dt.date(YEAR, 3, 9),
    ),
    (
        STOP_DOING[2],
        "afvist",
        "Regnearket er det eneste ugentlige overblik over korttidsfravær, til fraværsmodulet kan levere det.",
        dt.date(YEAR, 4, 20),
    ),
]


class DemoRefused(Exception):
    pass


def database_is_empty() -> bool:
    return not (OrgUnit.objects.exists() or Contract.objects.exists() or get_user_model().objects.exists())


@transaction.atomic
def build() -> str:
    """Load the demo municipality; returns the admin's generated password (printed once)."""
    if not database_is_empty():
        raise DemoRefused("the database already has data")
    units = _organisation()
    people = _people(units)
    framework = _framework()
    _policies()
    contracts = [
        _contract(holder, framework, people, index)
        for index, (_name, holder) in enumerate(sorted(units["holders"].items()))
    ]
    _mirror_shared_goals(framework)
    for contract in contracts:
        _set_status(contract, people)
    _indicators(units)
    admin_password = _logins(units, people)
    _shared_goal_proposal()
    _stop_doing_decisions()
    _dialogues()
    return admin_password


def _organisation() -> dict:
    top = OrgUnit.objects.create(name=MUNICIPALITY, kind=OrgUnitKind.MUNICIPALITY, short_name="FK")
    units: dict[str, Any] = {"top": top, "areas": {}, "holders": {}, "centres": {}}
    for area_name, (short, aliases, holders) in AREAS.items():
        area = OrgUnit.objects.create(name=area_name, kind=OrgUnitKind.AREA, parent=top, short_name=short)
        OrgUnitAlias.objects.bulk_create([OrgUnitAlias(unit=area, alias=a) for a in [short, *aliases]])
        units["areas"][area_name] = area
        for name, hshort, *_rest, centres in holders:
            holder = OrgUnit.objects.create(name=name, kind=OrgUnitKind.HOLDER, parent=area, short_name=hshort)
            OrgUnitAlias.objects.create(unit=holder, alias=hshort)
            units["holders"][name] = holder
            for centre in centres:
                units["centres"][centre] = OrgUnit.objects.create(name=centre, kind=OrgUnitKind.CENTRE, parent=holder)
    _headcounts(top)
    return units


def _headcounts(unit: OrgUnit) -> int:
    """Each unit's headcount: its own staff plus its sub-units' (for small-number suppression)."""
    own = OWN_STAFF.get(unit.name, AREA_OWN_STAFF)
    total = own + sum(_headcounts(child) for child in unit.children.all())
    OrgUnit.objects.filter(pk=unit.pk).update(headcount=total)
    return total


def _people(units) -> dict[str, Person]:
    by_name = {u.name: u for u in OrgUnit.objects.all()}
    people = {n: Person.objects.create(name=n, title=t, unit=by_name.get(u)) for n, t, u in PEOPLE}
    for holder, leader in HOLDER_LEADERS.items():
        people[leader] = Person.objects.create(name=leader, title="Leder", unit=units["holders"][holder])
    return people


def _framework() -> Framework:
    framework = Framework.objects.create(
        year=YEAR,
        title=f"DUS {YEAR}",
        issued_on=dt.date(YEAR - 1, 9, 15),
        introduction="Direktionens udviklingsspor for året: to spor og fire indsatsområder.",
    )
    red = Track.objects.create(
        framework=framework, number=1, title="Den røde tråd fra politik til virkning for borgeren"
    )
    good = Track.objects.create(framework=framework, number=2, title="God ledelse og en bæredygtig organisation")
    for title in ["Lavt sygefravær", "Fleksible arbejdsformer", "God modtagelse"]:
        FocusArea.objects.create(framework=framework, track=good, title=title)
    FocusArea.objects.create(framework=framework, track=red, title="Udvikling af opgaveløsningen")
    _requirements(framework)
    ensure_milestones(framework)  # the year's annual cycle from the DUS's defaults
    return framework


def _requirements(framework: Framework) -> None:
    try:  # the checks app owns the catalogue of requirements when it is installed
        from roedtraad.checks.services import ensure_requirements
    except ImportError:
        ensure_requirements = None  # type: ignore[assignment]
    if ensure_requirements is not None:
        ensure_requirements(framework)
        return
    from roedtraad.core.rules.catalogue import catalogue_name
    from roedtraad.demo.requirements import FALLBACK

    for order, (slug, text) in enumerate(FALLBACK):
        Requirement.objects.create(framework=framework, slug=slug, name=catalogue_name(slug), text=text, order=order)


def _policies() -> None:
    for name, tracks in [
        ("Personalepolitik", ["Bæredygtig arbejdskultur", "God ledelse", "Fastholdelse og rekruttering"]),
        ("Udviklingspolitik", ["Balanceret vækst", "Alle er med", "Det gode liv i fællesskabet", "Grøn omstilling"]),
        ("Sundhedspolitik", ["Sundhed i hverdagen", "Sammenhængende forløb"]),
        ("Erhvervspolitik", ["Gode rammer for virksomhederne"]),  # no demo goal serves it: the red thread says so
    ]:
        policy = Policy.objects.create(name=name, adopted_year=YEAR - 3)
        for number, title in enumerate(tracks, start=1):
            PolicyTrack.objects.create(policy=policy, number=number, title=title)
    BudgetChange.objects.create(
        budget=f"Budget {YEAR}–{YEAR + 3}", kind="track", number=4, title="Fastholdelse og rekruttering"
    )
    BudgetChange.objects.create(
        budget=f"Budget {YEAR}–{YEAR + 3}", kind="change", number=12, title="Velfærdsteknologi i hjemmeplejen"
    )


def _holder_spec(name: str) -> tuple[str, str]:
    for _area, (_s, _a, holders) in AREAS.items():
        for hname, _short, kind, layout, _c in holders:
            if hname == name:
                return kind, layout
    raise KeyError(name)


def _baseline_target(index: int) -> tuple[float, float]:
    baseline = 5.2 + (index * 7 % 10) * 0.35
    return round(baseline, 1), round(baseline - 0.6 - (index % 3) * 0.2, 1)


# Two units of one area with the same goal, each on its own: a shared goal waiting to be proposed.
NUTRITION_HOLDERS = ("Hjemmeplejen Fjordby", "Plejecenter Egelund")


def _goal_specs(name: str, layout: str, index: int) -> list[themes.GoalSpec]:
    baseline, target = _baseline_target(index)
    specs = [
        themes.leadership(name, layout, YEAR),
        themes.sick_leave(name, layout, YEAR, baseline, target, with_number=name not in SICK_LEAVE_WITHOUT_NUMBER),
    ]
    if name != "Vej og Park":
        specs.append(themes.onboarding(name, layout, YEAR))
    specs.append(
        themes.flexible_work(name, layout, YEAR) if index % 2 else themes.welfare_technology(name, layout, YEAR)
    )
    if name in NUTRITION_HOLDERS:
        specs.append(themes.nutrition(name, layout, YEAR))
    for holder, partner, title, purpose, _mirror in SHARED_GOALS:
        if holder == name:
            specs.append(themes.shared(name, partner, layout, title, purpose, f"{name} har tovholderrollen."))
    return specs


def _contract(holder: OrgUnit, framework: Framework, people: dict, index: int) -> Contract:
    kind, layout = _holder_spec(holder.name)
    area = holder.parent
    assert area is not None  # every holder lies in an area (`_organisation`)
    contract = Contract.objects.create(
        holder=holder,
        year=YEAR,
        kind=kind,
        layout=layout,
        framework=framework,
        title=f"Udviklings{kind} {YEAR} for {holder.name}",
        introduction=f"Udviklingsmålene for {holder.name} i {YEAR} bygger på byrådets politikker og DUS {YEAR}.",
        holder_person=people[HOLDER_LEADERS[holder.name]],
        head_of_area=_person_for(people, "Fagchef", area.name) or people["Henrik Møller"],
        director=_director_for(people, area.name),
    )
    assert contract.holder_person is not None  # set just above
    Responsibility.objects.create(person=contract.holder_person, role="Kontraktholder", contract=contract)
    for spec in _goal_specs(holder.name, layout, index):
        _goal(contract, spec, framework)
    if holder.name not in NO_STOP_DOING:
        goals = {goal.number: goal for goal in contract.goals.all()}
        for order, text in enumerate(STOP_DOING[: 1 + index % 3]):
            item = StopDoingItem.objects.create(contract=contract, text=text, order=order)
            item.goals.set([goals[n] for n in STOP_DOING_GOALS[order] if n in goals])
    return contract


def _set_status(contract: Contract, people: dict) -> None:
    status = STATUS.get(contract.holder.name, "entered")
    if status == "entered":
        _follow_ups(contract, people[HOLDER_LEADERS[contract.holder.name]])
    contract.status = status
    contract.entered_on = dt.date(YEAR, 1, 28) if status == "entered" else None
    contract.save()
    if status == "submitted":
        Contract.history.filter(id=contract.pk, status=status).update(history_date=SUBMITTED_ON)


def _person_for(people, title, unit_name):
    return next((p for p in people.values() if p.title == title and p.unit and p.unit.name == unit_name), None)


def _director_for(people, area_name):
    for person in people.values():
        if person.title.startswith("Direktør") and area_name in person.title:
            return person
    return people["Ole Brink"]


def _goal(contract: Contract, spec: themes.GoalSpec, framework: Framework) -> Goal:
    goal = Goal.objects.create(
        contract=contract,
        number=contract.next_goal_number(),
        title=spec.title,
        scope="local",
        multi_year=spec.multi_year,
    )
    GoalSection.objects.bulk_create(
        GoalSection(goal=goal, key=key, heading=heading_for(key, contract.layout), text=text, order=order)
        for order, (key, text) in enumerate(spec.sections.items())
    )
    for partner_name, role in spec.partners:
        unit = OrgUnit.objects.filter(name=partner_name).first()
        GoalPartner.objects.create(goal=goal, unit=unit, name=partner_name, role=role)
    if spec.partners:
        goal.scope = spec.scope
        goal.save()
    Activity.objects.bulk_create(
        Activity(
            goal=goal,
            text=text,
            order=order,
            due_date=dt.date(YEAR, 3 + 3 * order, 1),
            status=["done", "in_progress", "planned"][order % 3],
        )
        for order, text in enumerate(spec.activities)
    )
    goal.tracks.set(framework.tracks.filter(number=spec.track))
    if spec.focus_area:
        goal.focus_areas.set(framework.focus_areas.filter(title=spec.focus_area))
    goal.policies.set(Policy.objects.filter(name__in=spec.policies))
    for kind, number in spec.budget_changes:
        goal.budget_changes.add(*BudgetChange.objects.filter(kind=kind, number=number))
    return goal


def _mirror_shared_goals(framework: Framework) -> None:
    """The partner side of each reciprocated shared goal, naming the holder back."""
    for holder, partner, title, purpose, mirrored in SHARED_GOALS:
        if mirrored:
            contract = Contract.objects.get(holder__name=partner, year=YEAR)
            role = f"{partner} bidrager med viden og ressourcer."
            _goal(contract, themes.shared(partner, holder, contract.layout, title, purpose, role), framework)


# The year's planned follow-up of each contract: (date, kind, forum, description, held).
PLANNED_FOLLOW_UPS = [
    (dt.date(YEAR, 3, 2), "meeting", "Områdeledermøde", "Status på udviklingsmålene med fagchefen", True),
    (dt.date(YEAR, 6, 15), "indicators", "LMU", "Halvårets tal for sygefravær og modtagelse", True),
    (dt.date(YEAR, 9, 7), "dialogue", "Direktionsmøde", "Kontraktdialog med fagchef og direktør", True),
    (dt.date(YEAR, 12, 7), "dialogue", "Områdeledermøde", "Årets sidste kontraktdialog og næste års mål", False),
]


def _follow_ups(contract: Contract, author: Person) -> None:
    statuses = ["green", "amber", "green", "red"]
    for i, goal in enumerate(contract.goals.all()):
        for j, (day, forum) in enumerate(
            [
                (dt.date(YEAR, 3, 16), "LMU"),
                (dt.date(YEAR, 6, 10), "Kontraktdialog"),
                (dt.date(YEAR, 9, 22), "Ledergruppen"),
            ]
        ):
            FollowUpEntry.objects.create(
                goal=goal,
                date=day,
                forum=forum,
                status=statuses[(i + j) % 4],
                author=author,
                text=f"Status på «{goal.title}»: aktiviteterne følger planen; næste skridt aftalt i {forum}.",
            )
    for day, kind, forum, description, done in PLANNED_FOLLOW_UPS:
        PlannedFollowUp.objects.create(
            contract=contract, date=day, kind=kind, forum=forum, description=description, done=done
        )


def _indicators(units) -> None:
    periods = months(FIRST_MONTH, 24)
    _sick_leave(units["top"], 6.3, 5.9, (6.0, 5.6), periods, seed="top")
    for index, (name, holder) in enumerate(sorted(units["holders"].items())):
        baseline, target = _baseline_target(index)
        goal = Goal.objects.filter(contract__holder=holder, title="Lavt sygefravær").first()
        indicator = _sick_leave(holder, baseline + 0.3, target + 0.2, (baseline, target), periods, seed=name)
        if goal is not None:
            Indicator.objects.filter(pk=indicator.pk).update(goal=goal)
        for centre in holder.children.all():
            _sick_leave(centre, baseline + 0.6, target + 0.1, (baseline + 0.2, target + 0.2), periods, seed=centre.name)


def _sick_leave(unit, start, end, targets, periods, seed) -> Indicator:
    indicator = Indicator.objects.create(
        key="sygefravaer",
        name="Sygefravær",
        unit="%",
        direction="down",
        aggregation=Aggregation.ROLLING_12_MONTHS,
        org_unit=unit,
        baseline_value=Decimal(str(round(start, 2))),
        baseline_period=f"{periods[0]:%Y-%m}",
        valid_from=periods[0],
        source="KMD fraværsmodul via Targit",
        # The staff units count sick leave as FLIS key figure 569; the others as Statistics Denmark does.
        definition="flis_569" if unit.parent_id and unit.parent.name == "Staben" else "dst_absence_pct",
    )
    for year, value in zip((YEAR - 1, YEAR), targets, strict=True):
        Target.objects.create(
            indicator=indicator,
            period_start=dt.date(year, 1, 1),
            period_end=dt.date(year, 12, 31),
            value=Decimal(str(value)),
            text=f"Sygefravær højst {value} % i {year}".replace(".", ","),
        )
    Measurement.objects.bulk_create(
        Measurement(indicator=indicator, period=p, value=Decimal(str(v)), source="Targit-eksport (demo)")
        for p, v in zip(periods, sick_leave_series(seed, start, end, len(periods)), strict=True)
    )
    return indicator


def _logins(units, people) -> str:
    User = get_user_model()
    admin_password = secrets.token_urlsafe(12)
    User.objects.create_superuser(ADMIN_USERNAME, "", admin_password)
    by_name: dict[str | None, OrgUnit] = {u.name: u for u in OrgUnit.objects.all()}
    for username, (role, unit_name, person_name) in LOGINS.items():
        user = User.objects.create_user(username, "", DEMO_PASSWORD)
        UserRole.objects.create(user=user, role=role, unit=by_name.get(unit_name))
        if person_name:
            Person.objects.filter(pk=people[person_name].pk).update(user=user)
    return admin_password


def _shared_goal_proposal() -> None:
    """An open proposal on the start pages: the head of area sees two sick-leave goals alike."""
    goals = [
        Goal.objects.filter(contract__holder__name=name, title="Lavt sygefravær", deleted_at__isnull=True)
        .order_by("-contract__revision")
        .first()
        for name in ("Hjemmeplejen Fjordby", "Plejecenter Egelund")
    ]
    if None in goals:
        return
    first, second = sorted(cast(list[Goal], goals), key=lambda g: g.pk)
    SharedGoalProposal.objects.create(
        goal_a=first,
        goal_b=second,
        proposed_by=get_user_model().objects.get(username="fagchef"),
        note="I arbejder begge med fraværssamtaler og vikardækning. "
        "Et fælles mål kunne give én model for tidlig opfølgning på tværs af jeres vagtlag.",
    )


def _dialogues() -> None:
    """Hjemmeplejen Fjordby's contract dialogues: June's held, with minutes and what was agreed,
    and November's planned (its agenda is made from the contract)."""
    from roedtraad.followup.dialogues import Agreed, plan_dialogue, record_minutes

    director = get_user_model().objects.get(username="direktoer")
    contract = Contract.objects.get(holder__name="Hjemmeplejen Fjordby", year=YEAR, status="entered")
    held = plan_dialogue(director, contract, dt.date(YEAR, 6, 15), "Rådhuset, mødelokale 2", forum="Dialogmøde")
    goal = contract.goals.order_by("number").first()
    assert goal is not None
    record_minutes(
        director,
        held,
        held_on=dt.date(YEAR, 6, 15),
        minutes="Sygefraværet falder, men langsommere end planlagt. Fraværssamtalerne fortsætter.",
        agreed=[
            Agreed(
                goal,
                status="amber",
                text="Status på fraværssamtalerne i LMU i september.",
                activity="Temamøde om arbejdsmiljø i LMU",
                due=dt.date(YEAR, 9, 30),
            )
        ],
    )
    plan_dialogue(director, contract, dt.date(YEAR, 11, 16), "Rådhuset, mødelokale 2", forum="Dialogmøde")


def _stop_doing_decisions() -> None:
    """A few of the director's decisions, so the stop-doing register shows each kind; the rest of
    the proposals are still proposed."""
    director = get_user_model().objects.get(username="direktoer")
    for text, decision, reason, on in STOP_DOING_DECISIONS:
        items = StopDoingItem.objects.filter(contract__status="entered", text=text).order_by("contract__holder__name")
        for item in items[:2]:
            stop_doing.decide(director, item, decision, reason, on)
