"""A contract's way through the year: draft → submitted → entered → closed.

The contract holder submits their own draft; the head of area (or the director) reviews it
and may send it back with a comment; the director enters it and closes it at the end of the
year. A change to an entered contract is a new revision, a draft that must be entered again.

Who may do what is decided by `roedtraad.web.access` (the same rules the pages use to show
buttons), so the services and the pages never disagree. Every transition is one transaction
and is recorded in the contract's history with the user and a reason.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from roedtraad.contracts.errors import WorkflowError
from roedtraad.contracts.models import Contract, ContractStatus, Goal
from roedtraad.notifications import services as notify
from roedtraad.rights import can, can_read, rights_for

REASON_LENGTH = 100  # django-simple-history's history_change_reason is a CharField(100)


class NotAllowed(WorkflowError, PermissionDenied):
    """The user has no right to take the step (a view that does not catch it answers 403)."""


def _reason(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= REASON_LENGTH else text[: REASON_LENGTH - 1] + "…"


def record(instance, user, reason: str) -> None:
    """Make the next history record of `instance` carry the user and a reason."""
    instance._history_user = user if getattr(user, "is_authenticated", False) else None
    instance._change_reason = _reason(reason)


def require_readable(user, contract: Contract) -> None:
    if not can_read(user, contract):
        raise NotAllowed(_("Du har ikke adgang til denne kontrakt."))


def require(user, action: str, contract: Contract, message: str) -> None:
    """Raise NotAllowed with `message` unless the user may do `action` on the contract."""
    require_readable(user, contract)
    if not can(user, action, contract):
        raise NotAllowed(message)


def _status_words() -> dict[str, str]:
    return {
        ContractStatus.DRAFT: _("en kladde"),
        ContractStatus.SUBMITTED: _("indsendt"),
        ContractStatus.ENTERED: _("indgået"),
        ContractStatus.CLOSED: _("afsluttet"),
    }


def _require_status(contract: Contract, wanted: str) -> None:
    if contract.status == wanted:
        return
    words = _status_words()
    raise WorkflowError(
        _("Kontrakten er %(current)s; det kan kun gøres, når den er %(wanted)s.")
        % {"current": words[contract.status], "wanted": words[wanted]}
    )


def _fresh(contract: Contract, user) -> Contract:
    """The stored contract, locked for the transaction (no two transitions at once)."""
    stored = Contract.objects.select_for_update().get(pk=contract.pk)
    require_readable(user, stored)
    return stored


def _sync(target: Contract, source: Contract) -> Contract:
    for field in ("status", "entered_on", "recommended_on", "recommended_by", "entry_justification", "entry_unmet"):
        setattr(target, field, getattr(source, field))
    return target


def problems_before_submit(contract: Contract) -> list[str]:
    """What must be put right before the contract can be submitted (empty when nothing)."""
    problems = []
    goals = list(contract.live_goals().order_by("number").prefetch_related("partners"))
    if not goals:
        problems.append(_("Kontrakten har ingen udviklingsmål."))
    for goal in goals:
        label = _("Mål %(number)s “%(title)s”") % {"number": goal.number or "?", "title": goal.title or "uden titel"}
        if not goal.number:
            problems.append(_("%(goal)s har intet nummer.") % {"goal": label})
        if not goal.title.strip():
            problems.append(_("%(goal)s har ingen titel.") % {"goal": label})
        if not goal.meets_partner_rule():
            problems.append(
                _("%(goal)s er et fælles mål, men ingen partner har fået beskrevet sit ansvar og sin rolle.")
                % {"goal": label}
            )
    return problems


@transaction.atomic
def submit(contract: Contract, user) -> Contract:
    """The holder sends their draft to the head of area for review."""
    stored = _fresh(contract, user)
    _require_status(stored, ContractStatus.DRAFT)
    require(user, "submit", stored, _("Kun kontraktholderen kan indsende sin egen kontrakt."))
    problems = problems_before_submit(stored)
    if problems:
        raise WorkflowError(_("Kontrakten kan ikke indsendes endnu:"), problems)
    stored.status = ContractStatus.SUBMITTED
    record(stored, user, _("Indsendt til godkendelse"))
    stored.save()
    notify.contract_submitted(stored, user)  # mailed when the step commits
    return _sync(contract, stored)


@transaction.atomic
def request_changes(contract: Contract, user, comment: str) -> Contract:
    """The head of area sends a submitted contract back to the holder, saying what to change."""
    stored = _fresh(contract, user)
    _require_status(stored, ContractStatus.SUBMITTED)
    require(user, "review", stored, _("Kun fagchefen for området eller direktøren kan sende kontrakten tilbage."))
    comment = comment.strip()
    if not comment:
        raise WorkflowError(_("Skriv, hvad der skal ændres, før kontrakten sendes tilbage."))
    stored.status = ContractStatus.DRAFT
    stored.recommended_on, stored.recommended_by = None, None
    record(stored, user, _("Ændringer ønsket: %(comment)s") % {"comment": comment})
    stored.save()
    from roedtraad.review.models import ChangeRequest

    ChangeRequest.objects.create(contract=stored, author=user, text=comment)
    notify.contract_sent_back(stored, user, comment)  # mailed when the step commits
    return _sync(contract, stored)


def problems_before_entry(contract: Contract) -> tuple[list[str], list[dict]]:
    """What stops the contract from being entered (no DUS for its year), and the requirements
    it does not meet, which the director may override only with a written justification."""
    from roedtraad.checks.services import unmet_requirements, year_framework  # checks builds on contracts

    if year_framework(contract) is None:
        return [
            _("Der er ingen DUS for %(year)s: opret årets DUS, før kontrakten indgås.") % {"year": contract.year}
        ], []
    return [], unmet_requirements(contract)


@transaction.atomic
def recommend(contract: Contract, user) -> Contract:
    """The head of area recommends a submitted contract for entry: the director sees it is ready."""
    stored = _fresh(contract, user)
    _require_status(stored, ContractStatus.SUBMITTED)
    require(user, "review", stored, _("Kun fagchefen for området eller direktøren kan anbefale kontrakten."))
    stored.recommended_on, stored.recommended_by = timezone.localdate(), user
    record(stored, user, _("Anbefalet til indgåelse"))
    stored.save()
    notify.contract_recommended(stored, user)  # mailed when the step commits
    return _sync(contract, stored)


@transaction.atomic
def enter(contract: Contract, user, on: dt.date | None = None, justification: str = "") -> Contract:
    """The director enters (indgår) a submitted contract; it is locked from now on. It needs the
    year's DUS, and a contract that does not meet every requirement needs the director's written
    justification, kept with the contract as the override it is."""
    stored = _fresh(contract, user)
    _require_status(stored, ContractStatus.SUBMITTED)
    require(user, "enter", stored, _("Kun direktøren kan indgå en kontrakt."))
    blocking, unmet = problems_before_entry(stored)
    if blocking:
        raise WorkflowError(_("Kontrakten kan ikke indgås endnu:"), blocking)
    justification = justification.strip()
    if unmet and not justification:
        raise WorkflowError(
            _("Kontrakten opfylder ikke alle krav. Skriv en begrundelse for at indgå den alligevel:"),
            [item["text"] for item in unmet],
        )
    stored.status = ContractStatus.ENTERED
    stored.entered_on = on or timezone.localdate()
    if unmet:
        stored.entry_justification = justification
        stored.entry_unmet = [
            {"slug": u["slug"], "name": u["name"], "text": u["text"], "status": u["status"]} for u in unmet
        ]
    # The justification and the requirements it overrode are fields of the contract, so its
    # history keeps them with the entry.
    record(stored, user, _("Indgået den %(date)s") % {"date": stored.entered_on.strftime("%d.%m.%Y")})
    stored.save()
    from roedtraad.contracts.lineage import carry_follow_up

    carry_follow_up(stored)  # a revision takes over the year's figures and follow-up
    notify.contract_entered(stored, user)  # mailed when the step commits
    return _sync(contract, stored)


@transaction.atomic
def close(contract: Contract, user) -> Contract:
    """The director closes an entered contract at the end of the year."""
    stored = _fresh(contract, user)
    _require_status(stored, ContractStatus.ENTERED)
    if not rights_for(user).director:
        raise NotAllowed(_("Kun direktøren kan afslutte en kontrakt."))
    stored.status = ContractStatus.CLOSED
    record(stored, user, _("Afsluttet"))
    stored.save()
    return _sync(contract, stored)


@transaction.atomic
def start_revision(contract: Contract, user) -> Contract:
    """A new draft revision of an entered contract; it must be submitted and entered again."""
    stored = _fresh(contract, user)
    _require_status(stored, ContractStatus.ENTERED)
    if hasattr(stored, "next_revision"):
        raise WorkflowError(
            _("Kontrakten har allerede en nyere revision (revision %(number)s).")
            % {"number": stored.next_revision.revision}
        )
    require(user, "new_revision", stored, _("Kun kontraktholderen eller direktøren kan ændre en indgået kontrakt."))
    revision = stored.new_revision()
    history_user = user if getattr(user, "is_authenticated", False) else None
    # The copy's records carry its reason already (contracts.revision); here they get the user.
    from roedtraad.contracts.models import Activity, GoalPartner, GoalSection, StopDoingItem

    goal_ids = list(revision.goals.values_list("pk", flat=True))
    revision.history.update(history_user=history_user)
    Goal.history.filter(id__in=goal_ids).update(history_user=history_user)
    for model in (GoalSection, GoalPartner, Activity):
        model.history.filter(goal_id__in=goal_ids).update(history_user=history_user)
    StopDoingItem.history.filter(contract_id=revision.pk).update(history_user=history_user)
    return revision
