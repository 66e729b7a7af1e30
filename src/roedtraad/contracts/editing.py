"""Editing a goal with optimistic locking: a save based on an older version is refused.

A page shows a goal at `version` N and posts it back with `expected_version=N`. The save
first moves the stored version from N to N+1 with one `UPDATE … WHERE version = N`: of two
concurrent saves only one can match, the other gets `EditConflict` with the stored and the
attempted value of each field, so the page can show both and let the person choose. Nothing
is ever silently overwritten. Entered contracts are locked (`Locked`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, cast

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from roedtraad.contracts.models import LOCKED_STATUSES, Contract, ContractLocked, Goal, GoalScope, GoalSection
from roedtraad.contracts.workflow import WorkflowError, record, require, require_readable
from roedtraad.core.sections import CANONICAL_KEYS, heading_for, section_order

TITLE_MAX = cast(int, Goal._meta.get_field("title").max_length)  # a CharField: always set
# A section is a few paragraphs; the longest in the corpus has about 4,000 characters.
SECTION_MAX = 20_000


# The one error of a locked contract (`contracts.errors`), by the name the services use.
Locked = ContractLocked


@dataclass(frozen=True)
class FieldConflict:
    """One field of a conflicting save: what is stored now and what the person tried to save."""

    field: str  # "title", "scope", "multi_year" or "section:<key>"
    label: str
    stored: Any
    attempted: Any

    @property
    def differs(self) -> bool:
        return self.stored != self.attempted


@dataclass(eq=False)
class EditConflict(WorkflowError):
    """Someone saved the goal since this person opened it."""

    goal_pk: int
    expected_version: int
    stored_version: int
    fields: list[FieldConflict] = field(default_factory=list)
    changed_by: str = ""

    def __post_init__(self) -> None:
        message = _(
            "Målet er blevet ændret, siden du åbnede det (du redigerede version %(expected)s, "
            "den gemte er version %(stored)s). Dine ændringer er ikke gemt: sammenlign de to udgaver og gem igen."
        ) % {"expected": self.expected_version, "stored": self.stored_version}
        WorkflowError.__init__(self, message)

    @property
    def conflicts(self) -> list[FieldConflict]:
        """Only the fields whose stored value differs from the attempted one."""
        return [f for f in self.fields if f.differs]


def locked_message(contract: Contract) -> str:
    return ContractLocked(contract).message


def editable_goal(goal_pk: int, user) -> Goal:
    goal = Goal.objects.select_related("contract", "contract__holder").filter(pk=goal_pk).first()
    if goal is None:
        raise WorkflowError(_("Målet findes ikke."))
    require_readable(user, goal.contract)
    if goal.contract.status in LOCKED_STATUSES:
        raise Locked(locked_message(goal.contract))
    require(user, "edit", goal.contract, _("Kun kontraktholderen kan ændre kontrakten, mens den er en kladde."))
    return goal


def _attempted(title, scope, multi_year, sections) -> dict[str, tuple[str, Any]]:
    """The fields the person tried to save: name → (label, value)."""
    fields: dict[str, tuple[str, Any]] = {}
    if title is not None:
        fields["title"] = (_("Titel"), title)
    if scope is not None:
        fields["scope"] = (_("Type"), scope)
    if multi_year is not None:
        fields["multi_year"] = (_("Flerårigt"), multi_year)
    for key, text in (sections or {}).items():
        fields[f"section:{key}"] = (heading_for(key), text)
    return fields


def _stored_values(goal: Goal) -> dict[str, Any]:
    values = {"title": goal.title, "scope": goal.scope, "multi_year": goal.multi_year}
    values.update({f"section:{s.key}": s.text for s in goal.sections.all()})
    return values


def _conflict(goal_pk: int, expected: int, attempted: dict[str, tuple[str, Any]]) -> EditConflict:
    stored = Goal.objects.get(pk=goal_pk)
    values = _stored_values(stored)
    latest = stored.history.order_by("-history_date").select_related("history_user").first()
    author = latest.history_user if latest else None
    who = (author.get_full_name() or author.get_username()) if author else ""
    fields = [FieldConflict(name, label, values.get(name, ""), value) for name, (label, value) in attempted.items()]
    return EditConflict(goal_pk, expected, stored.version, fields, changed_by=who)


def _validate(goal: Goal, title, scope, sections) -> None:
    problems = []
    if title is not None and not title.strip():
        problems.append(_("Målet skal have en titel."))
    if title is not None and len(title) > TITLE_MAX:
        problems.append(_("Titlen må højst have %(max)s tegn.") % {"max": TITLE_MAX})
    if scope is not None and scope not in GoalScope.values:
        problems.append(_("Ukendt type af mål: %(scope)s.") % {"scope": scope})
    known = set(CANONICAL_KEYS) | {s.key for s in goal.sections.all()}
    for key, text in (sections or {}).items():
        if key not in known:
            problems.append(_("Ukendt afsnit: %(key)s.") % {"key": key})
        elif len(text) > SECTION_MAX:
            problems.append(section_too_long(key, len(text)))
    if problems:
        raise WorkflowError(_("Målet kan ikke gemmes:"), problems)


def section_too_long(key: str, length: int) -> str:
    return _("Afsnittet »%(heading)s« må højst have %(max)s tegn (det har %(length)s).") % {
        "heading": heading_for(key),
        "max": f"{SECTION_MAX:,}".replace(",", "."),
        "length": f"{length:,}".replace(",", "."),
    }


def _bump(goal_pk: int, expected_version: int) -> bool:
    """Move the stored version on by one if it is still `expected_version` (race-free)."""
    return bool(Goal.objects.filter(pk=goal_pk, version=expected_version).update(version=F("version") + 1))


def _save_sections(goal: Goal, user, sections: dict[str, str], reason: str) -> None:
    existing = {s.key: s for s in goal.sections.all()}
    layout = goal.contract.layout  # a work plan's "Opfølgning" is not the section layout's heading
    for key, text in sections.items():
        section = existing.get(key) or GoalSection(
            goal=goal, key=key[:60], heading=heading_for(key, layout)[:300], order=section_order(key)
        )
        if section.pk and section.text == text:
            continue
        section.text = text
        record(section, user, reason)
        section.save()


def save_goal(
    goal_pk: int,
    user,
    *,
    expected_version: int,
    title: str | None = None,
    sections: dict[str, str] | None = None,
    scope: str | None = None,
    multi_year: bool | None = None,
    links: dict[str, list[int]] | None = None,
    reason: str = "",
) -> Goal:
    """Save the given fields of a goal (None: unchanged) if nobody saved it since `expected_version`.
    `links`: the ids the goal links to, per kind (`LINK_KINDS`); a kind left out is unchanged."""
    try:
        with transaction.atomic():
            goal = editable_goal(goal_pk, user)
            _validate(goal, title, scope, sections)
            _validate_links(goal, links or {})
            attempted = _attempted(title, scope, multi_year, sections)
            if goal.deleted_at is not None:
                raise WorkflowError(_("Målet er slettet. Fortryd sletningen for at ændre det."))
            if not _bump(goal_pk, expected_version):
                raise _conflict(goal_pk, expected_version, attempted)
            goal.refresh_from_db()
            changes = {"title": title, "scope": scope, "multi_year": multi_year}
            goal = write_goal(goal, user, changes, sections or {}, reason or _("Målet er redigeret"))
            write_links(goal, links or {})
            return goal
    except ContractLocked as exc:  # entered by the director while this save was under way
        raise Locked(exc.messages[0]) from exc


def write_goal(goal: Goal, user, changes: dict[str, Any], sections: dict[str, str], reason: str) -> Goal:
    """The one write of a goal's fields and sections, each change with its history reason.
    Callers have checked the right and moved the version on (`save_goal`, the importer's
    merge); a field whose value is None, and a section whose text is unchanged, is left alone."""
    for name, value in changes.items():
        if value is not None:
            setattr(goal, name, value.strip() if name == "title" else value)
    record(goal, user, reason)
    goal.save()
    _save_sections(goal, user, sections, reason)
    return goal


# What a goal links to by hand (the red thread): kind → the model, and whether it must be of the
# contract's own DUS (a track or focus area of another year's DUS is not this year's thread).
LINK_KINDS = {
    "policies": ("frameworks.Policy", False),
    "tracks": ("frameworks.Track", True),
    "focus_areas": ("frameworks.FocusArea", True),
    "budget_changes": ("frameworks.BudgetChange", False),
}


def link_choices(goal: Goal, kind: str):
    """The records the goal may link to of one kind (`LINK_KINDS`)."""
    from django.apps import apps

    label, of_framework = LINK_KINDS[kind]
    records = apps.get_model(label).objects.all()
    return records.filter(framework_id=goal.contract.framework_id) if of_framework else records


def _validate_links(goal: Goal, links: dict[str, list[int]]) -> None:
    problems = []
    for kind, ids in links.items():
        if kind not in LINK_KINDS:
            problems.append(_("Ukendt slags henvisning: %(kind)s.") % {"kind": kind})
            continue
        found = set(link_choices(goal, kind).filter(pk__in=ids).values_list("pk", flat=True))
        if set(ids) - found:
            problems.append(_("Målet kan ikke henvise til det valgte (det findes ikke eller hører til et andet år)."))
    if problems:
        raise WorkflowError(_("Målet kan ikke gemmes:"), problems)


def write_links(goal: Goal, links: dict[str, list[int]]) -> None:
    """Set what the goal links to, per kind given (the caller has validated them)."""
    for kind, ids in links.items():
        getattr(goal, kind).set(ids)


def _set_deleted(goal_pk: int, user, deleted: bool) -> Goal:
    try:
        with transaction.atomic():
            goal = editable_goal(goal_pk, user)
            if (goal.deleted_at is not None) == deleted:
                raise WorkflowError(_("Målet er allerede slettet.") if deleted else _("Målet er ikke slettet."))
            Goal.objects.filter(pk=goal_pk).update(version=F("version") + 1)
            goal.refresh_from_db()
            record(goal, user, _("Målet er slettet") if deleted else _("Sletningen af målet er fortrudt"))
            goal.deleted_at = timezone.now() if deleted else None
            goal.save()
            return goal
    except ContractLocked as exc:
        raise Locked(exc.messages[0]) from exc


def soft_delete_goal(goal_pk: int, user) -> Goal:
    """Delete a goal so that it can be brought back (`undo_delete_goal`); its history stays."""
    return _set_deleted(goal_pk, user, True)


def undo_delete_goal(goal_pk: int, user) -> Goal:
    return _set_deleted(goal_pk, user, False)
