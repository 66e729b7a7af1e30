"""Adding goals and changing the rows of a draft contract: activities and partners of a goal,
and the contract's stop-doing items.

Every change is one transaction that first locks the contract row, refuses a locked
(entered or closed) contract with `Locked` and a user without the right to edit with
`NotAllowed`, checks the values, and records the user and a reason in the history.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import cast

from django.db import transaction
from django.db.models import F, Max, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from roedtraad.contracts.editing import Locked, locked_message
from roedtraad.contracts.models import (
    LOCKED_STATUSES,
    Activity,
    ActivityStatus,
    Contract,
    ContractLocked,
    Goal,
    GoalLayout,
    GoalPartner,
    GoalSection,
    StopDoingItem,
)
from roedtraad.contracts.workflow import WorkflowError, record, require, require_readable
from roedtraad.core.sections import SECTION_LAYOUT, WORKPLAN_LAYOUT
from roedtraad.org.models import OrgUnit, OrgUnitKind, Person

# An activity, a partner's role, a stop-doing item: a few sentences (stated in the forms).
TEXT_MAX = 2000
TITLE_MAX = cast(int, Goal._meta.get_field("title").max_length)
PARTNER_KINDS = (OrgUnitKind.AREA, OrgUnitKind.HOLDER, OrgUnitKind.CENTRE, OrgUnitKind.DEPARTMENT)


# Choices shared by the forms and the checks here ------------------------------------------


def owner_choices(contract: Contract) -> QuerySet[Person]:
    """People who may own an activity: those in the holder's unit and the units under it."""
    holder = contract.holder_id
    under = Q(unit_id=holder) | Q(unit__parent_id=holder) | Q(unit__parent__parent_id=holder)
    return Person.objects.filter(under, erased_at__isnull=True).order_by("name")


def partner_choices(goal: Goal) -> QuerySet[OrgUnit]:
    """Units that may become a partner: not the holder or its own units, not a partner already."""
    taken = goal.partners.exclude(unit__isnull=True).values("unit_id")
    return (
        OrgUnit.objects.filter(kind__in=PARTNER_KINDS)
        .exclude(pk=goal.contract.holder_id)
        .exclude(parent_id=goal.contract.holder_id)
        .exclude(pk__in=taken)
        .select_related("parent")
        .order_by("name")
    )


def stop_doing_items(contract: Contract) -> QuerySet[StopDoingItem]:
    """The contract's stop-doing items with their live linked goals (two queries in all)."""
    live = Goal.objects.filter(deleted_at__isnull=True).order_by("number")
    return contract.stop_doing_items.prefetch_related(Prefetch("goals", queryset=live))


# Guards ----------------------------------------------------------------------------------


def _editable_contract(contract_pk: int, user) -> Contract:
    contract = Contract.objects.select_for_update().filter(pk=contract_pk).first()
    if contract is None:
        raise WorkflowError(_("Kontrakten findes ikke."))
    require_readable(user, contract)
    if contract.status in LOCKED_STATUSES:
        raise Locked(locked_message(contract))
    require(user, "edit", contract, _("Kun kontraktholderen kan ændre kontrakten, mens den er en kladde."))
    return contract


def _editable_goal(goal_pk: int, user) -> Goal:
    contract_pk = Goal.objects.filter(pk=goal_pk).values_list("contract_id", flat=True).first()
    if contract_pk is None:
        raise WorkflowError(_("Målet findes ikke."))
    contract = _editable_contract(contract_pk, user)
    goal = Goal.objects.get(pk=goal_pk)
    if goal.deleted_at is not None:
        raise WorkflowError(_("Målet er slettet. Fortryd sletningen for at ændre det."))
    goal.contract = contract
    return goal


def _locked_as_workflow(step):
    """An entered contract found at save time (`ContractLocked` from the model) becomes `Locked`."""

    def wrapped(*args, **kwargs):
        try:
            with transaction.atomic():
                return step(*args, **kwargs)
        except ContractLocked as exc:
            raise Locked(exc.messages[0]) from exc

    wrapped.__name__ = step.__name__
    wrapped.__doc__ = step.__doc__
    return wrapped


class RowConflict(WorkflowError):
    """Someone changed the row since this person opened it: nothing is saved; the stored and the
    attempted value of each field that differs are shown, and the form carries the stored
    version, so saving again is a deliberate choice."""

    def __init__(self, what: str, stored_version: int, fields: list[tuple[str, object, object]]):
        self.stored_version = stored_version
        self.fields = fields  # (label, stored, attempted)
        problems = [
            _("%(label)s – gemt: »%(stored)s«; din udgave: »%(attempted)s«.")
            % {"label": label, "stored": stored or "–", "attempted": attempted or "–"}
            for label, stored, attempted in fields
        ]
        message = _(
            "%(what)s er blevet ændret, siden du åbnede den. Din ændring er ikke gemt: sammenlign og gem igen."
        ) % {"what": what}
        super().__init__(message, problems)


def _claim(model, pk: int, expected_version: int | None, what: str, attempted: dict[str, tuple[str, object]]):
    """Move the row's version on if it is still `expected_version` (one race-free UPDATE);
    else `RowConflict`. `None` (no version sent: the command line, the admin) always claims."""
    if expected_version is None:
        model.objects.filter(pk=pk).update(version=F("version") + 1)
        return
    if model.objects.filter(pk=pk, version=expected_version).update(version=F("version") + 1):
        return
    stored = model.objects.get(pk=pk)
    differs = []
    for name, (label, value) in attempted.items():
        now = getattr(stored, name)
        if str(now or "") != str(value or ""):
            differs.append((label, now, value))
    raise RowConflict(what, stored.version, differs)


def _required_text(text: str, message: str, limit: int = TEXT_MAX) -> str:
    text = (text or "").strip()
    if not text:
        raise WorkflowError(message)
    if len(text) > limit:
        raise WorkflowError(too_long(limit, len(text)))
    return text


def too_long(limit: int, length: int) -> str:
    """The refusal of a text over its limit, with both figures."""
    return _("Teksten må højst have %(max)s tegn (den har %(length)s).") % {
        "max": f"{limit:,}".replace(",", "."),
        "length": f"{length:,}".replace(",", "."),
    }


# Goals -----------------------------------------------------------------------------------


def layout_sections(contract: Contract) -> dict[str, str]:
    return WORKPLAN_LAYOUT if contract.layout == GoalLayout.WORKPLAN else SECTION_LAYOUT


@_locked_as_workflow
def add_goal(contract_pk: int, user, title: str) -> Goal:
    """A new local goal with the next free number and the layout's sections, empty, in order."""
    contract = _editable_contract(contract_pk, user)
    title = _required_text(title, _("Skriv en titel til det nye mål."))
    if len(title) > TITLE_MAX:
        raise WorkflowError(_("Titlen må højst have %(max)s tegn.") % {"max": TITLE_MAX})
    goal = Goal(contract=contract, number=contract.next_goal_number(), title=title)
    record(goal, user, _("Nyt mål oprettet"))
    goal.save()
    for order, key in enumerate(layout_sections(contract)):
        section = GoalSection(goal=goal, key=key, order=order)
        record(section, user, _("Nyt mål oprettet"))
        section.save()
    return goal


# Activities ------------------------------------------------------------------------------


def _check_activity(contract: Contract, text: str, owner: Person | None, status: str) -> str:
    text = _required_text(text, _("Skriv, hvad aktiviteten går ud på."))
    if status not in ActivityStatus.values:
        raise WorkflowError(_("Ukendt status for aktiviteten: %(status)s.") % {"status": status})
    if owner is not None and not owner_choices(contract).filter(pk=owner.pk).exists():
        raise WorkflowError(_("Den ansvarlige skal høre til kontraktholderens enhed."))
    return text


@_locked_as_workflow
def add_activity(
    goal_pk: int, user, *, text: str, owner: Person | None = None, due_date: dt.date | None = None, status: str = ""
) -> Activity:
    goal = _editable_goal(goal_pk, user)
    status = status or ActivityStatus.PLANNED
    text = _check_activity(goal.contract, text, owner, status)
    order = (goal.activities.aggregate(Max("order"))["order__max"] or 0) + 1
    activity = Activity(goal=goal, text=text, owner=owner, due_date=due_date, status=status, order=order)
    record(activity, user, _("Aktivitet tilføjet"))
    activity.save()
    return activity


@_locked_as_workflow
def change_activity(
    activity_pk: int,
    user,
    *,
    text: str,
    owner: Person | None,
    due_date: dt.date | None,
    status: str,
    expected_version: int | None = None,
) -> Activity:
    activity = _activity(activity_pk)
    goal = _editable_goal(activity.goal_id, user)
    attempted: dict[str, tuple[str, object]] = {
        "text": (_("Tekst"), text),
        "owner": (_("Ansvarlig"), owner),
        "due_date": (_("Frist"), due_date),
        "status": (_("Status"), status),
    }
    _claim(Activity, activity.pk, expected_version, _("Aktiviteten"), attempted)
    activity.refresh_from_db()
    activity.text = _check_activity(goal.contract, text, owner, status)
    activity.owner, activity.due_date, activity.status = owner, due_date, status
    record(activity, user, _("Aktivitet ændret"))
    activity.save()
    return activity


@_locked_as_workflow
def delete_activity(activity_pk: int, user, expected_version: int | None = None) -> Goal:
    activity = _activity(activity_pk)
    goal = _editable_goal(activity.goal_id, user)
    _claim(Activity, activity.pk, expected_version, _("Aktiviteten"), {"text": (_("Tekst"), activity.text)})
    record(activity, user, _("Aktivitet slettet"))
    activity.delete()
    return goal


def _activity(activity_pk: int) -> Activity:
    activity = Activity.objects.filter(pk=activity_pk).first()
    if activity is None:
        raise WorkflowError(_("Aktiviteten findes ikke."))
    return activity


# Partners of a goal ------------------------------------------------------------------------


@_locked_as_workflow
def add_partner(goal_pk: int, user, *, unit: OrgUnit, role: str) -> GoalPartner:
    goal = _editable_goal(goal_pk, user)
    role = _required_text(role, _("Skriv partnerens ansvar og rolle i målet."))
    if not partner_choices(goal).filter(pk=unit.pk).exists():
        raise WorkflowError(_("%(unit)s kan ikke vælges som partner i dette mål.") % {"unit": unit})
    partner = GoalPartner(goal=goal, unit=unit, role=role)
    record(partner, user, _("Partner tilføjet"))
    partner.save()
    return partner


@_locked_as_workflow
def change_partner_role(partner_pk: int, user, *, role: str, expected_version: int | None = None) -> GoalPartner:
    """A partner's responsibility and role in the shared goal, as agreed between the holders."""
    partner = GoalPartner.objects.filter(pk=partner_pk).first()
    if partner is None:
        raise WorkflowError(_("Partneren findes ikke."))
    _editable_goal(partner.goal_id, user)
    role = _required_text(role, _("Skriv partnerens ansvar og rolle i målet."))
    _claim(GoalPartner, partner.pk, expected_version, _("Partnerens rolle"), {"role": (_("Ansvar og rolle"), role)})
    partner.refresh_from_db()
    partner.role = role
    record(partner, user, _("Partnerens rolle ændret"))
    partner.save()
    return partner


@_locked_as_workflow
def remove_partner(partner_pk: int, user, expected_version: int | None = None) -> Goal:
    """Remove a partner; the last one of a shared goal stays until the goal's type is changed."""
    partner = GoalPartner.objects.filter(pk=partner_pk).first()
    if partner is None:
        raise WorkflowError(_("Partneren findes ikke."))
    goal = _editable_goal(partner.goal_id, user)
    _claim(GoalPartner, partner.pk, expected_version, _("Partneren"), {"role": (_("Ansvar og rolle"), partner.role)})
    Goal.objects.filter(pk=goal.pk).update(version=F("version"))  # holds the goal row: no scope change meanwhile
    goal.refresh_from_db(fields=["scope"])
    if not goal.meets_partner_rule(list(goal.partners.exclude(pk=partner.pk))):
        raise WorkflowError(
            _(
                "%(partner)s er den sidste partner i det fælles mål og kan ikke fjernes: et fælles mål skal "
                "have mindst én partner. Skift målets type i editoren først, eller tilføj en anden partner."
            )
            % {"partner": partner}
        )
    record(partner, user, _("Partner fjernet"))
    partner.delete()
    return goal


# Stop-doing items --------------------------------------------------------------------------


def _check_stop_doing(contract: Contract, text: str, goals: Iterable[Goal]) -> tuple[str, list[Goal]]:
    text = _required_text(text, _("Skriv, hvad I vil holde op med."))
    goals = list(goals)
    live = set(contract.goals.filter(deleted_at__isnull=True).values_list("pk", flat=True))
    if any(g.pk not in live for g in goals):
        raise WorkflowError(_("Et punkt kan kun kobles til denne kontrakts udviklingsmål."))
    return text, goals


def _goal_numbers(goals: list[Goal]) -> str:
    return ", ".join(str(g.number) for g in sorted(goals, key=lambda g: g.number)) or "–"


@_locked_as_workflow
def add_stop_doing(contract_pk: int, user, *, text: str, goals: Iterable[Goal] = ()) -> StopDoingItem:
    contract = _editable_contract(contract_pk, user)
    text, goals = _check_stop_doing(contract, text, goals)
    order = (contract.stop_doing_items.aggregate(Max("order"))["order__max"] or 0) + 1
    item = StopDoingItem(contract=contract, text=text, order=order)
    record(item, user, _("Hold op med: punkt tilføjet (mål %(goals)s)") % {"goals": _goal_numbers(goals)})
    item.save()
    item.goals.set(goals)
    return item


@_locked_as_workflow
def change_stop_doing(
    item_pk: int, user, *, text: str, goals: Iterable[Goal] = (), expected_version: int | None = None
) -> StopDoingItem:
    item = _stop_doing(item_pk)
    contract = _editable_contract(item.contract_id, user)
    text, goals = _check_stop_doing(contract, text, goals)
    _claim(StopDoingItem, item.pk, expected_version, _("Punktet"), {"text": (_("Tekst"), text)})
    item.refresh_from_db()
    item.text = text
    # The linked goals are not in the history table: the reason names them, so every change is recorded.
    record(item, user, _("Hold op med: punkt ændret (mål %(goals)s)") % {"goals": _goal_numbers(goals)})
    item.save()
    item.goals.set(goals)
    return item


@_locked_as_workflow
def delete_stop_doing(item_pk: int, user, expected_version: int | None = None) -> Contract:
    item = _stop_doing(item_pk)
    contract = _editable_contract(item.contract_id, user)
    _claim(StopDoingItem, item.pk, expected_version, _("Punktet"), {"text": (_("Tekst"), item.text)})
    record(item, user, _("Hold op med: punkt slettet"))
    item.delete()
    return contract


def _stop_doing(item_pk: int) -> StopDoingItem:
    item = StopDoingItem.objects.filter(pk=item_pk).first()
    if item is None:
        raise WorkflowError(_("Punktet findes ikke."))
    return item
