"""A readable history of a contract or a goal, and restoring an earlier version of a goal or section.

django-simple-history keeps a record of every save. Here those records become a list of
changes (who, when, what, before, after), newest first, each text change with a word-level
diff as data (`Chunk`s of "equal", "delete" and "insert") that a template can show without
any logic of its own. `restore` brings an earlier version back as a new change.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from roedtraad.contracts.editing import Locked, editable_goal
from roedtraad.contracts.models import Activity, Contract, ContractLocked, Goal, GoalPartner, GoalSection, StopDoingItem
from roedtraad.contracts.workflow import WorkflowError, record
from roedtraad.core.compare.textdiff import Chunk, word_diff
from roedtraad.core.sections import heading_for

SHOWN_FIELDS = {
    Contract: ("status", "title", "introduction", "kind", "entered_on", "revision"),
    Goal: ("number", "title", "scope", "multi_year", "deleted_at"),
    GoalSection: ("heading", "text"),
    GoalPartner: ("unit", "name", "role"),
    Activity: ("text", "due_date", "status"),  # not the owner: a name is personal data
    StopDoingItem: ("text",),
}
KINDS = {"+": "created", "~": "changed", "-": "deleted"}


@dataclass(frozen=True)
class FieldChange:
    field: str
    label: str
    before: str
    after: str
    chunks: list[Chunk]


@dataclass
class Change:
    when: dt.datetime
    who: str
    kind: str  # "created", "changed" or "deleted"
    subject: str
    reason: str
    fields: list[FieldChange] = field(default_factory=list)
    record: Any = None  # the historical record, for `restore`
    restorable: bool = False


def _user_name(user) -> str:
    if user is None:
        return ""
    person = getattr(user, "person", None)  # no Person: the reverse accessor raises, getattr gives None
    if person is not None and not person.is_erased:
        return person.name
    return user.get_full_name() or user.get_username()


def _display(model, name: str, value: Any) -> str:
    if value is None or value == "":
        return ""
    model_field = model._meta.get_field(name)
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("Ja") if value else _("Nej")
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).strftime("%d.%m.%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d.%m.%Y")
    if model_field.is_relation and not isinstance(value, model_field.related_model):
        target = model_field.related_model.objects.filter(pk=value).first()
        return str(target) if target is not None else f"#{value}"
    return str(value)


def _shown(model, rec, name: str) -> Any:
    """The value to show: the related object itself when it was fetched along (no query per change)."""
    model_field = model._meta.get_field(name)
    value = getattr(rec, model_field.attname)
    if model_field.is_relation and value is not None:
        return getattr(rec, name, None) or value
    return value


def _field_change(model, name: str, before: Any, after: Any) -> FieldChange:
    old, new = _display(model, name, before), _display(model, name, after)
    label = str(model._meta.get_field(name).verbose_name).capitalize()
    return FieldChange(name, label, old, new, word_diff(old, new))


def _field_changes(model, current, previous) -> list[FieldChange]:
    changes = []
    for name in SHOWN_FIELDS[model]:
        attname = model._meta.get_field(name).attname
        after = getattr(current, attname)
        before = getattr(previous, attname) if previous is not None else None
        if current.history_type == "-":
            before, after = after, None
        if before != after and not (before in (None, "") and after in (None, "")):
            shown = [_shown(model, r, name) if r is not None else None for r in (previous, current)]
            if current.history_type == "-":
                shown = [shown[1], None]
            changes.append(_field_change(model, name, *shown))
    return changes


def _subject(model, rec) -> str:
    if model is Contract:
        return _("Kontrakten")
    if model is Goal:
        return _("Mål %(number)s") % {"number": rec.number}
    if model is GoalSection:
        return _("Afsnittet “%(heading)s”") % {"heading": rec.heading or heading_for(rec.key)}
    if model is Activity:
        return _("Aktivitet “%(text)s”") % {"text": _short(rec.text)}
    if model is StopDoingItem:
        return _("Hold op med “%(text)s”") % {"text": _short(rec.text)}
    return _("Partner “%(name)s”") % {"name": rec.name or _display(GoalPartner, "unit", rec.unit_id)}


def _short(text: str, length: int = 60) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def copy_reason_of(contract: Contract) -> str | None:
    """The reason the copied rows of a revision carry (None for a first revision)."""
    if contract.previous_revision_id is None:
        return None
    first = Contract.history.filter(id=contract.pk, history_type="+").values_list("history_change_reason", flat=True)
    return first.first() or None


def _changes(model, records, restorable: bool, copied: str | None = None, show_copies: bool = False) -> list[Change]:
    """Changes of one model's records (any number of objects), oldest record of each object first.

    `copied` is the reason of a revision's copy: those records are where the revision starts, so
    they are compared against but not listed (with `show_copies`, listed as one line without fields).
    """
    changes: list[Change] = []
    previous: dict[int, Any] = {}  # the last historical record of each object
    related = [n for n in SHOWN_FIELDS[model] if model._meta.get_field(n).is_relation]
    records = records.select_related("history_user", "history_user__person", *related)
    for rec in records.order_by("history_date", "history_id"):
        before = previous.get(rec.id)
        previous[rec.id] = rec
        fields = _field_changes(model, rec, before)
        kind = KINDS[rec.history_type]
        if kind == "changed" and not fields:
            continue
        if copied and kind == "created" and rec.history_change_reason == copied:
            if not show_copies:
                continue
            fields = []
        changes.append(
            Change(
                when=rec.history_date,
                who=_user_name(rec.history_user),
                kind=kind,
                subject=_subject(model, rec),
                reason=rec.history_change_reason or "",
                fields=fields,
                record=rec,
                restorable=restorable and kind != "deleted",
            )
        )
    return changes


def _newest_first(changes: list[Change]) -> list[Change]:
    return sorted(changes, key=lambda c: (c.when, c.record.history_id), reverse=True)


def goal_history(goal: Goal) -> list[Change]:
    """Changes of the goal, its sections, partners and activities, newest first."""
    copied = copy_reason_of(goal.contract)
    changes = _changes(Goal, Goal.history.filter(id=goal.pk), restorable=True, copied=copied, show_copies=True)
    changes += _changes(GoalSection, GoalSection.history.filter(goal_id=goal.pk), restorable=True, copied=copied)
    changes += _changes(GoalPartner, GoalPartner.history.filter(goal_id=goal.pk), restorable=False, copied=copied)
    changes += _changes(Activity, Activity.history.filter(goal_id=goal.pk), restorable=False, copied=copied)
    return _newest_first(changes)


def contract_history(contract: Contract) -> list[Change]:
    """Changes of the contract, all its goals (deleted ones too) and its stop-doing items, newest first;
    a revision's copy of the entered contract is one line, the contract's creation."""
    copied = copy_reason_of(contract)
    goal_ids = list(Goal.history.filter(contract_id=contract.pk).values_list("id", flat=True).distinct())
    changes = _changes(
        Contract, Contract.history.filter(id=contract.pk), restorable=False, copied=copied, show_copies=True
    )
    by_goal = {"goal_id__in": goal_ids}
    changes += _changes(Goal, Goal.history.filter(id__in=goal_ids), restorable=True, copied=copied)
    changes += _changes(GoalSection, GoalSection.history.filter(**by_goal), restorable=True, copied=copied)
    changes += _changes(GoalPartner, GoalPartner.history.filter(**by_goal), restorable=False, copied=copied)
    changes += _changes(Activity, Activity.history.filter(**by_goal), restorable=False, copied=copied)
    stop_doing = StopDoingItem.history.filter(contract_id=contract.pk)
    changes += _changes(StopDoingItem, stop_doing, restorable=False, copied=copied)
    return _newest_first(changes)


class GoalDeleted(WorkflowError):
    """The goal is soft-deleted: its versions and sections come back only after the deletion is undone."""


def _refuse_deleted(goal: Goal, model) -> None:
    """Restoring must not bring a deleted goal back (or edit it) behind the delete/undo pair."""
    if goal.deleted_at is None:
        return
    if model is GoalSection:
        raise GoalDeleted(
            _("Afsnittet hører til et slettet mål. Fortryd sletningen af målet, før du gendanner afsnittet.")
        )
    raise GoalDeleted(_("Målet er slettet. Fortryd sletningen af målet, før du gendanner en tidligere version."))


def _restore_reason(rec) -> str:
    return _("Gendannet til versionen fra %(when)s") % {
        "when": timezone.localtime(rec.history_date).strftime("%d.%m.%Y %H:%M")
    }


def _restore_goal(rec, user) -> Goal:
    goal = editable_goal(rec.id, user)
    Goal.objects.filter(pk=goal.pk).update(version=F("version") + 1)  # locks the row until commit
    goal.refresh_from_db()
    _refuse_deleted(goal, Goal)
    # Not `deleted_at`: deleting and undoing are their own steps, a restore never deletes a goal.
    for name in ("title", "scope", "multi_year", "carried_over_from_id"):
        setattr(goal, name, getattr(rec, name))
    record(goal, user, _restore_reason(rec))
    goal.save()
    return goal


def _restore_section(rec, user) -> GoalSection:
    goal = editable_goal(rec.goal_id, user)
    Goal.objects.filter(pk=goal.pk).update(version=F("version") + 1)  # locks the row until commit
    goal.refresh_from_db(fields=["deleted_at"])
    _refuse_deleted(goal, GoalSection)
    section = GoalSection.objects.filter(goal=goal, key=rec.key).first() or GoalSection(goal=goal, key=rec.key)
    section.heading, section.text, section.order = rec.heading, rec.text, rec.order
    record(section, user, _restore_reason(rec))
    section.save()
    return section


def restore(historical_record, user) -> Goal | GoalSection:
    """Bring back an earlier version of a goal or a section as a new change.

    Refused when the contract is locked (`Locked`) and while the goal is deleted (`GoalDeleted`).
    """
    model = historical_record.instance_type
    if model not in (Goal, GoalSection):
        raise WorkflowError(_("Kun udviklingsmål og deres afsnit kan gendannes."))
    if model is Goal and not Goal.objects.filter(pk=historical_record.id).exists():
        raise WorkflowError(_("Målet findes ikke længere og kan ikke gendannes."))
    try:
        with transaction.atomic():
            if model is Goal:
                return _restore_goal(historical_record, user)
            return _restore_section(historical_record, user)
    except ContractLocked as exc:
        raise Locked(exc.messages[0]) from exc
