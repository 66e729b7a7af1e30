"""Writing follow-up entries (opfølgning): added by those who follow the contract up, changed
only by their author, with optimistic locking like every editable row."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from roedtraad.contracts.models import Goal
from roedtraad.contracts.rows import RowConflict
from roedtraad.contracts.workflow import NotAllowed, WorkflowError, record, require
from roedtraad.followup.indicator_status import status_of, with_series
from roedtraad.followup.models import FollowUpEntry, Indicator, RagStatus
from roedtraad.org.models import Person
from roedtraad.rights import can_change_follow_up

TEXT_MAX = 5000


def _checked(forum: str, status: str, text: str) -> tuple[str, str]:
    forum, text = " ".join((forum or "").split()), (text or "").strip()
    problems = []
    if not forum:
        problems.append(_("Skriv, hvor I fulgte op (fx LMU eller kontraktdialog)."))
    if status not in RagStatus.values:
        problems.append(_("Vælg en status."))
    if not text:
        problems.append(_("Skriv status og næste skridt."))
    if len(text) > TEXT_MAX:
        problems.append(
            _("Teksten må højst have %(max)s tegn (den har %(length)s).") % {"max": TEXT_MAX, "length": len(text)}
        )
    if problems:
        raise WorkflowError(_("Opfølgningen kan ikke gemmes:"), problems)
    return forum, text


def indicator_snapshot(goal: Goal) -> list[dict]:
    """What the goal's indicators say now, kept with the entry written beside them."""
    indicators = with_series(Indicator.objects.filter(goal=goal).order_by("name", "pk"))
    return [{"id": i.pk, "name": i.name, "unit": i.org_unit.name, "status": status_of(i).status} for i in indicators]


@transaction.atomic
def add_entry(goal: Goal, user, *, date: dt.date, forum: str, status: str, text: str) -> FollowUpEntry:
    require(user, "follow_up", goal.contract, _("Du kan læse kontrakten, men ikke følge op på den."))
    forum, text = _checked(forum, status, text)
    author = Person.objects.filter(user=user).first()
    entry = FollowUpEntry(goal=goal, date=date, forum=forum[:200], status=status, text=text, author=author)
    entry.indicator_status = indicator_snapshot(goal)
    record(entry, user, _("Opfølgning tilføjet"))
    entry.save()
    return entry


@transaction.atomic
def change_entry(
    entry_pk: int, user, *, expected_version: int | None, date: dt.date, forum: str, status: str, text: str
) -> FollowUpEntry:
    entry = FollowUpEntry.objects.select_related("author", "goal__contract").filter(pk=entry_pk).first()
    if entry is None:
        raise WorkflowError(_("Opfølgningen findes ikke."))
    if not can_change_follow_up(user, entry):
        raise NotAllowed(_("Kun den, der har skrevet opfølgningen, kan ændre den, mens kontrakten følges op."))
    forum, text = _checked(forum, status, text)
    claimed = FollowUpEntry.objects.filter(pk=entry.pk)
    if expected_version is not None:
        claimed = claimed.filter(version=expected_version)
    if not claimed.update(version=F("version") + 1):
        stored = FollowUpEntry.objects.get(pk=entry.pk)
        fields: list[tuple[str, object, object]] = [
            (label, getattr(stored, name), value)
            for name, label, value in (("forum", _("Forum"), forum), ("text", _("Tekst"), text))
            if str(getattr(stored, name)) != str(value)
        ]
        raise RowConflict(_("Opfølgningen"), stored.version, fields)
    entry.refresh_from_db()
    entry.date, entry.forum, entry.status, entry.text = date, forum[:200], status, text
    entry.indicator_status = indicator_snapshot(entry.goal)
    record(entry, user, _("Opfølgning ændret"))
    entry.save()
    return entry
