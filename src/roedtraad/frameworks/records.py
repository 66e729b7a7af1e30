"""The records goals link to — the council's policies and their strategy tracks, budget changes,
and each year's DUS tracks and focus areas — kept by the director in the app. A record that goals
link to is not deleted (the red thread of entered contracts would silently lose a link); it is
renamed or its description changed instead."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from roedtraad import rights
from roedtraad.frameworks.models import Track


class RecordInUse(Exception):
    """The record is linked to by goals; the message (Danish) says how many."""


def require_maintainer(user) -> None:
    if not rights.can_maintain_red_thread(user):
        raise PermissionDenied(_("Kun direktøren vedligeholder politikker, spor og budgetforandringer."))


def save_record(user, form) -> models.Model:
    """Save a validated model form of one record (the caller has run `form.is_valid()`)."""
    require_maintainer(user)
    with transaction.atomic():
        return form.save()


def linking_goals(record: models.Model) -> int:
    """How many goals (live or deleted, of any year) link to the record; 0 for a record goals
    cannot link to (a policy's strategy track)."""
    goals = getattr(record, "goals", None)
    if goals is None:
        return 0
    if isinstance(record, Track):  # a goal on one of the track's focus areas serves the track too
        from roedtraad.contracts.models import Goal

        return Goal.objects.filter(Q(tracks=record) | Q(focus_areas__track=record)).distinct().count()
    return goals.count()


def delete_record(user, record: models.Model) -> None:
    require_maintainer(user)
    with transaction.atomic():
        used = linking_goals(record)
        if used:
            raise RecordInUse(
                _("«%(name)s» kan ikke slettes, for %(count)s udviklingsmål henviser til den. Ret den i stedet.")
                % {"name": record, "count": used}
            )
        record.delete()
