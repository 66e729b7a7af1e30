"""Who is told what when a contract moves on, or when a proposal of a shared goal waits for an answer.

Each step of `contracts.workflow` (submit, request_changes, recommend, enter) and
`checks.proposals.propose` calls one function here, inside the step's transaction. The
notifications are stored in that transaction, so a step that fails or is rolled back leaves none,
and they are mailed by `transaction.on_commit`: nothing is mailed for a step that did not happen.

Recipients are whom `roedtraad.rights` gives the next move, and never the user who took the step:

- submitted: the users who may review it or enter it (the head(s) of area of its area, the director);
- sent back: the holder(s) of the contract;
- recommended: the users who may enter it (the director);
- entered: the holder(s) and the head(s) of area;
- a proposal of a shared goal: the holder(s) of each of the two goals, about their own goal.

Every notification is kept in the outbox (`Notification`). One of a kind the recipient has turned
off is kept as "not sent: turned off" and not mailed; one to a recipient without an e-mail address
is kept as "not sent: no address". The mails are in Danish and link to the page (ROEDTRAAD_BASE_URL).
"""

from __future__ import annotations

import functools
import logging
import operator
from collections.abc import Callable, Iterable

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from roedtraad.notifications.models import Delivery, Kind, Notification, NotificationPreference
from roedtraad.org.models import OrgUnit, Role
from roedtraad.rights import can, rights_for

logger = logging.getLogger(__name__)


# Recipients ------------------------------------------------------------------------------


def _units_above(unit_id: int) -> set[int]:
    """The unit and every unit above it: a role on any of them may cover the unit."""
    parents: dict[int, int | None] = dict(OrgUnit.objects.values_list("id", "parent_id"))
    chain: set[int] = set()
    unit: int | None = unit_id
    while unit is not None and unit not in chain:
        chain.add(unit)
        unit = parents.get(unit)
    return chain


def _candidates(holder_id: int, roles: Iterable[str]) -> list:
    """Active users with one of `roles` that could cover the holder (a director anywhere, a head
    of area or holder on the holder's unit or above); `roedtraad.rights` decides among them."""
    chain = _units_above(holder_id)
    wanted = []
    for role in roles:
        if role == Role.DIRECTOR:
            wanted += [Q(roles__role=Role.DIRECTOR), Q(is_superuser=True)]
        else:
            wanted.append(Q(roles__role=role, roles__unit_id__in=chain))
    users = get_user_model().objects.filter(functools.reduce(operator.or_, wanted), is_active=True)
    return list(users.distinct().select_related("person").order_by("pk"))


def _who(contract, roles: Iterable[str], rule: Callable) -> list:
    return [user for user in _candidates(contract.holder_id, roles) if rule(user)]


def reviewers(contract) -> list:
    """Who may review or enter the (submitted) contract: the heads of area and the director."""
    return _who(
        contract,
        (Role.DIRECTOR, Role.HEAD_OF_AREA),
        lambda user: can(user, "review", contract) or can(user, "enter", contract),
    )


def directors(contract) -> list:
    """Who may enter the (submitted) contract."""
    return _who(contract, (Role.DIRECTOR,), lambda user: can(user, "enter", contract))


def holders(contract) -> list:
    """The holders of the contract (whose own contract it is)."""
    return _who(contract, (Role.HOLDER,), lambda user: contract.holder_id in rights_for(user).holders)


def heads_of_area(contract) -> list:
    """The heads of area over the contract's holder."""
    return _who(contract, (Role.HEAD_OF_AREA,), lambda user: contract.holder_id in rights_for(user).areas)


# Texts -----------------------------------------------------------------------------------


def display_name(user) -> str:
    person = getattr(user, "person", None) if user is not None else None
    if person is not None and not person.is_erased:
        return person.name
    if user is None:
        return _("En bruger")
    return user.get_full_name() or user.get_username()


def address_of(user) -> str:
    """The user's e-mail address: the login's, else the person's; empty when there is none."""
    person = getattr(user, "person", None)
    return (user.email or (person.email if person is not None else "")).strip()


def _contract_name(contract) -> str:
    suffix = f" (rev. {contract.revision})" if contract.revision > 1 else ""
    return f"{contract.holder} {contract.year}{suffix}"


def _absolute(name: str, *args) -> str:
    return settings.ROEDTRAAD_BASE_URL + reverse(name, args=args)


def _body(paragraphs: list[str], link: str) -> str:
    footer = _(
        "Du får denne e-mail fra %(site)s. Du kan vælge, hvilke e-mails du vil have, under Notifikationer: %(settings)s"
    ) % {"site": settings.ROEDTRAAD_SITE_NAME, "settings": _absolute("notifications:settings")}
    return "\n\n".join([*paragraphs, link, "-- ", footer]) + "\n"


# Storing and sending ---------------------------------------------------------------------


def turned_off(users: Iterable, kind: str) -> set[int]:
    """The ids of the users among `users` who have turned the kind off."""
    rows = NotificationPreference.objects.filter(user__in=list(users), kind=kind, enabled=False)
    return set(rows.values_list("user_id", flat=True))


def _notify(kind: str, recipients: Iterable, actor, subject: str, paragraphs: list[str], link: str) -> list:
    """Store one notification per recipient (not the actor) and mail them when the step commits."""
    actor_id = getattr(actor, "pk", None)
    users = [user for user in dict.fromkeys(recipients) if user.pk != actor_id]
    if not users:
        return []
    off = turned_off(users, kind)
    body = _body(paragraphs, link)
    rows = []
    for user in users:
        if user.pk in off:
            status = Delivery.TURNED_OFF
        elif not address_of(user):
            status = Delivery.NO_ADDRESS
        else:
            status = Delivery.PENDING
        rows.append(Notification(recipient=user, kind=kind, subject=subject[:200], body=body, link=link, status=status))
    stored = Notification.objects.bulk_create(rows)
    pending = [row.pk for row in stored if row.status == Delivery.PENDING]
    if pending:
        transaction.on_commit(functools.partial(send, pending), robust=True)
    return stored


def send(ids: list[int]) -> None:
    """Mail the pending notifications `ids`, over one connection; each is marked sent or failed."""
    rows = list(
        Notification.objects.filter(pk__in=ids, status=Delivery.PENDING)
        .select_related("recipient__person")
        .order_by("pk")
    )
    if not rows:
        return
    try:
        connection = mail.get_connection()
        connection.open()
    except Exception as exc:  # an unreachable or refusing mail server: every mail fails, none is lost
        for row in rows:
            _failed(row, exc)
        return
    try:
        for row in rows:
            message = mail.EmailMessage(
                row.subject, row.body, settings.DEFAULT_FROM_EMAIL, [address_of(row.recipient)], connection=connection
            )
            try:
                message.send()
            except Exception as exc:  # one refused address does not stop the others
                _failed(row, exc)
            else:
                Notification.objects.filter(pk=row.pk).update(status=Delivery.SENT, sent_at=timezone.now(), error="")
    finally:
        connection.close()


def _failed(row: Notification, exc: Exception) -> None:
    logger.warning("notification %s to user %s could not be mailed: %s", row.pk, row.recipient_id, exc)
    Notification.objects.filter(pk=row.pk).update(status=Delivery.FAILED, error=str(exc)[:500])


def _in_danish(function: Callable) -> Callable:
    """The mails are written in Danish and link to the Danish pages, whatever the request's language."""

    @functools.wraps(function)
    def wrapped(*args, **kwargs):
        with translation.override(settings.LANGUAGE_CODE):
            return function(*args, **kwargs)

    return wrapped


# The events ------------------------------------------------------------------------------


@_in_danish
def contract_submitted(contract, actor) -> list:
    names = {"actor": display_name(actor), "contract": _contract_name(contract)}
    return _notify(
        Kind.SUBMITTED,
        reviewers(contract),
        actor,
        _("Til gennemsyn: kontrakten for %(contract)s") % names,
        [
            _("%(actor)s har indsendt kontrakten for %(contract)s til gennemsyn.") % names,
            _("Fagchefen gennemser den og anbefaler den eller sender den tilbage; direktøren indgår den."),
        ],
        _absolute("contract_detail", contract.pk),
    )


@_in_danish
def contract_sent_back(contract, actor, comment: str) -> list:
    names = {"actor": display_name(actor), "contract": _contract_name(contract)}
    return _notify(
        Kind.SENT_BACK,
        holders(contract),
        actor,
        _("Sendt tilbage: kontrakten for %(contract)s") % names,
        [
            _("%(actor)s har sendt kontrakten for %(contract)s tilbage med ønsker om ændringer:") % names,
            comment,
            _("Ret kontrakten, og indsend den igen."),
        ],
        _absolute("contract_detail", contract.pk),
    )


@_in_danish
def contract_recommended(contract, actor) -> list:
    names = {"actor": display_name(actor), "contract": _contract_name(contract)}
    return _notify(
        Kind.RECOMMENDED,
        directors(contract),
        actor,
        _("Anbefalet til indgåelse: kontrakten for %(contract)s") % names,
        [
            _("%(actor)s har anbefalet kontrakten for %(contract)s til indgåelse.") % names,
            _("Kontrakten venter på, at direktøren indgår den."),
        ],
        _absolute("contract_detail", contract.pk),
    )


@_in_danish
def contract_entered(contract, actor) -> list:
    names = {
        "actor": display_name(actor),
        "contract": _contract_name(contract),
        "date": date_format(contract.entered_on, "j. F Y") if contract.entered_on else "",
    }
    return _notify(
        Kind.ENTERED,
        [*holders(contract), *heads_of_area(contract)],
        actor,
        _("Indgået: kontrakten for %(contract)s") % names,
        [
            _("%(actor)s har indgået kontrakten for %(contract)s den %(date)s.") % names,
            _("Kontrakten er nu låst. Årets opfølgning skrives på målene; en ændring kræver en ny revision."),
        ],
        _absolute("contract_detail", contract.pk),
    )


@_in_danish
def proposal_waiting(proposal, actor) -> list:
    """Each holder is told about their own goal, where they answer the proposal."""
    stored = []
    for goal in (proposal.goal_a, proposal.goal_b):
        other = proposal.other_goal(goal.pk)
        names = {
            "actor": display_name(actor),
            "goal": f"{goal.number}. {goal.title}",
            "other": f"{other.number}. {other.title}",
            "unit": other.contract.holder,
        }
        paragraphs = [
            _("%(actor)s foreslår, at jeres mål »%(goal)s« og målet »%(other)s« hos %(unit)s bliver ét fælles mål.")
            % names
        ]
        if proposal.note:
            paragraphs.append(_("Bemærkning: %(note)s") % {"note": proposal.note})
        paragraphs.append(_("Svar på forslaget – acceptér eller afvis – på målets side."))
        stored += _notify(
            Kind.PROPOSAL,
            holders(goal.contract),
            actor,
            _("Forslag om fælles mål venter på dit svar: %(goal)s") % names,
            paragraphs,
            _absolute("goal_detail", goal.pk),
        )
    return stored
