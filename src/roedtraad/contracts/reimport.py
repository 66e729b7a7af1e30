"""Importing a document over an existing draft is editing it: a merge, never delete-and-recreate.

`plan_import` says what a save would change — goals added, changed and removed, and what people
added in Rødtråd that stays (activities, comments, follow-ups, proposals) — for the preview
and the CLI. `merge_into` does it: goals matched by title (else by number) get their title and
sections from the document through the goal editor's one write (`editing.write_goal`, with a
history reason naming the file); what the document does not mention stays; goals the document
no longer has are soft-deleted (restorable) with that reason, and only when the caller allows
it. Nothing people did is lost.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db.models import Count, F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from roedtraad.contracts.editing import write_goal
from roedtraad.contracts.models import Activity, Contract, ContractStatus, Goal, GoalPartner, GoalScope, StopDoingItem
from roedtraad.contracts.workflow import record
from roedtraad.core.danish import normalise_name
from roedtraad.core.ingest.model import (
    ParsedActivity,
    ParsedDocument,
    ParsedFollowUp,
    ParsedGoal,
    ParsedPartner,
    ParsedReference,
    ParsedResponsible,
)
from roedtraad.core.ingest.people import is_person_name
from roedtraad.core.ingest.scope import is_group
from roedtraad.core.ingest.stopdoing import goal_numbers_in
from roedtraad.core.sections import heading_for
from roedtraad.rights import can

# What people add to a goal in Rødtråd, and a document never holds: kept by a re-import.
KEPT = {
    "activities": "activities",
    "comments": "comments",
    "follow_ups": "follow_ups",
    "planned_follow_ups": "planned_follow_ups",
    "proposals_as_a": "proposals",
    "proposals_as_b": "proposals",
}


class ReplaceRefused(ValidationError):
    """The import may not be saved over the contract (not a draft, no right to edit it, or it
    would remove goals without leave); the message is Danish and says why."""


@dataclass
class GoalPlan:
    action: str  # "add" | "change" | "same" | "remove"
    number: int
    title: str
    goal_id: int | None = None
    parsed: ParsedGoal | None = None
    changed: list[str] = field(default_factory=list)  # "title" and the keys of changed sections
    kept: dict[str, int] = field(default_factory=dict)  # what people added, by kind

    @property
    def kept_phrases(self) -> list[str]:
        """What stays, in words: "2 aktiviteter", "1 kommentar"."""
        return kept_phrases(self.kept)

    @property
    def changed_labels(self) -> list[str]:
        return [_("titel") if key == "title" else heading_for(key) for key in self.changed]


@dataclass
class ImportPlan:
    contract: Contract | None
    goals: list[GoalPlan] = field(default_factory=list)
    stop_doing_added: list[str] = field(default_factory=list)

    def of(self, action: str) -> list[GoalPlan]:
        return [g for g in self.goals if g.action == action]

    @property
    def removes_goals(self) -> bool:
        return bool(self.of("remove"))

    def kept_totals(self) -> dict[str, int]:
        totals = {kind: 0 for kind in set(KEPT.values())}
        for goal in self.goals:
            for kind, count in goal.kept.items():
                totals[kind] += count
        return totals


def kept_phrases(kept: dict[str, int]) -> list[str]:
    words = {
        "activities": lambda n: ngettext("%(n)s aktivitet", "%(n)s aktiviteter", n),
        "comments": lambda n: ngettext("%(n)s kommentar", "%(n)s kommentarer", n),
        "follow_ups": lambda n: ngettext("%(n)s opfølgning", "%(n)s opfølgninger", n),
        "planned_follow_ups": lambda n: ngettext("%(n)s planlagt opfølgning", "%(n)s planlagte opfølgninger", n),
        "proposals": lambda n: ngettext("%(n)s forslag om fælles mål", "%(n)s forslag om fælles mål", n),
    }
    return [words[kind](n) % {"n": n} for kind, n in sorted(kept.items()) if n]


def _key(title: str) -> str:
    return normalise_name(title)


def match_goals(
    existing: list[Goal], parsed: list[tuple[int, ParsedGoal]]
) -> list[tuple[Goal | None, int, ParsedGoal]]:
    """Each document goal with the live goal it updates (same title, else same number) or None."""
    free = {goal.pk: goal for goal in existing}
    by_title: dict[str, Goal] = {}
    for goal in existing:
        by_title.setdefault(_key(goal.title), goal)
    matched: list[tuple[Goal | None, int, ParsedGoal]] = []
    for number, parsed_goal in parsed:
        found = by_title.get(_key(parsed_goal.title))
        if found is not None and found.pk in free:
            del free[found.pk]
            matched.append((found, number, parsed_goal))
        else:
            matched.append((None, number, parsed_goal))
    for index, (found, number, parsed_goal) in enumerate(matched):
        if found is None:
            same_number = next((g for g in free.values() if g.number == number), None)
            if same_number is not None:
                del free[same_number.pk]
                matched[index] = (same_number, number, parsed_goal)
    return matched


def _kept_counts(goals: list[Goal]) -> dict[int, dict[str, int]]:
    """What people added to each goal: one query for all goals."""
    annotations = {f"n_{name}": Count(name, distinct=True) for name in KEPT}
    counts: dict[int, dict[str, int]] = {}
    for row in Goal.objects.filter(pk__in=[g.pk for g in goals]).annotate(**annotations).values("pk", *annotations):
        kept: dict[str, int] = {}
        for name, kind in KEPT.items():
            kept[kind] = kept.get(kind, 0) + row[f"n_{name}"]
        counts[row["pk"]] = {kind: n for kind, n in kept.items() if n}
    return counts


def _changed(goal: Goal, parsed: ParsedGoal) -> list[str]:
    stored = {s.key: s.text.strip() for s in goal.sections.all()}
    changed = ["title"] if parsed.title.strip() and parsed.title.strip() != goal.title else []
    return changed + [key for key, text in parsed.sections.items() if stored.get(key) != text.strip()]


def plan_import(contract: Contract | None, doc: ParsedDocument, numbered: list[tuple[int, ParsedGoal]]) -> ImportPlan:
    """What saving the document over `contract` (None: a new contract) would change."""
    plan = ImportPlan(contract)
    if contract is None:
        plan.goals = [GoalPlan("add", n, g.title, parsed=g) for n, g in numbered]
        plan.stop_doing_added = list(doc.stop_doing)
        return plan
    existing = list(contract.live_goals().prefetch_related("sections"))
    kept = _kept_counts(existing)
    matched = match_goals(existing, numbered)
    for goal, number, parsed in matched:
        if goal is None:
            plan.goals.append(GoalPlan("add", number, parsed.title, parsed=parsed))
            continue
        changed = _changed(goal, parsed)
        action = "change" if changed or goal.number != number else "same"
        plan.goals.append(GoalPlan(action, number, parsed.title, goal.pk, parsed, changed, kept.get(goal.pk, {})))
    used = {goal.pk for goal, _n, _p in matched if goal is not None}
    for goal in existing:
        if goal.pk not in used:
            plan.goals.append(GoalPlan("remove", goal.number, goal.title, goal.pk, kept=kept.get(goal.pk, {})))
    have = {_key(item.text) for item in contract.stop_doing_items.all()}
    plan.stop_doing_added = [text for text in doc.stop_doing if _key(text) not in have]
    return plan


def require_replaceable(contract: Contract, user) -> None:
    """Saving an import over a contract needs the right to edit it, and it must be a draft.
    `user` None is the command line, run by whoever runs the server."""
    if contract.status != ContractStatus.DRAFT:
        raise ReplaceRefused(
            _("Kontrakten %(contract)s er indsendt og kan ikke erstattes af en import, før den er sendt tilbage.")
            % {"contract": contract},
            code="not_draft",
        )
    if user is not None and not can(user, "edit", contract):
        message = _("Du må ikke ændre kontrakten %(contract)s, og derfor heller ikke importere over den.")
        raise ReplaceRefused(message % {"contract": contract}, code="no_right")


def merge_into(contract: Contract, plan: ImportPlan, user, *, source: str, allow_remove: bool) -> dict[int, Goal]:
    """Apply the plan to the contract; returns the live goal of each document goal number."""
    if plan.removes_goals and not allow_remove:
        titles = ", ".join(f"{g.number}. {g.title}" for g in plan.of("remove"))
        message = _(
            "Dokumentet har ikke længere disse mål: %(titles)s. Bekræft, at de skal fjernes (de kan gendannes)."
        )
        raise ReplaceRefused(message % {"titles": titles}, code="would_remove")
    reason = _("Importeret fra %(file)s") % {"file": source}
    _renumber(contract, plan)
    goals: dict[int, Goal] = {}
    for item in plan.goals:
        if item.action == "remove":
            _remove(item.goal_id, user, _("Fjernet ved import af %(file)s") % {"file": source})
        elif item.action == "add":
            goals[item.number] = _add(contract, item, user, reason)
        else:
            goals[item.number] = _update(item, user, reason)
    return goals


def _renumber(contract: Contract, plan: ImportPlan) -> None:
    """Give matched goals the document's numbers; a goal in the way (removed, or deleted
    earlier) moves to a number above all others. Two steps, so the unique numbers never collide."""
    wanted = {item.goal_id: item.number for item in plan.goals if item.goal_id and item.action != "remove"}
    taken = set(wanted.values()) | {item.number for item in plan.goals if item.action == "add"}
    goals = list(contract.goals.all())
    moving = [
        g for g in goals if (g.pk in wanted and wanted[g.pk] != g.number) or (g.pk not in wanted and g.number in taken)
    ]
    top = max([*taken, *(g.number for g in goals), 0]) + 1
    for offset, goal in enumerate(moving):
        Goal.objects.filter(pk=goal.pk).update(number=top + offset)
    for goal in moving:
        if goal.pk in wanted:
            Goal.objects.filter(pk=goal.pk).update(number=wanted[goal.pk])


def _remove(goal_pk: int | None, user, reason: str) -> None:
    assert goal_pk is not None  # a "remove" plan always names its goal
    Goal.objects.filter(pk=goal_pk).update(version=F("version") + 1)
    goal = Goal.objects.get(pk=goal_pk)
    record(goal, user, reason)
    goal.deleted_at = timezone.now()
    goal.save()


def _add(contract: Contract, item: GoalPlan, user, reason: str) -> Goal:
    parsed = item.parsed
    assert parsed is not None
    goal = Goal(contract=contract, number=item.number, title=(parsed.title or f"Udviklingsmål {item.number}")[:300])
    goal.scope = parsed.scope if parsed.scope in GoalScope.values else GoalScope.LOCAL
    if any(not is_group(name) for name in parsed.shared_with):
        goal.scope = GoalScope.SHARED
    goal.multi_year = parsed.multi_year
    record(goal, user, reason)
    goal.save()
    write_goal(goal, user, {}, parsed.sections, reason)
    return goal


def _update(item: GoalPlan, user, reason: str) -> Goal:
    parsed = item.parsed
    assert parsed is not None and item.goal_id is not None
    Goal.objects.filter(pk=item.goal_id).update(version=F("version") + 1)  # an open editor gets a conflict
    goal = Goal.objects.get(pk=item.goal_id)
    if item.action == "same":
        return goal
    changes = {"title": parsed.title[:300] if "title" in item.changed else None}
    if goal.scope == GoalScope.LOCAL and parsed.scope in {GoalScope.SHARED, GoalScope.CROSS_CUTTING}:
        changes["scope"] = parsed.scope
    sections = {key: parsed.sections[key] for key in item.changed if key in parsed.sections}
    return write_goal(goal, user, changes, sections, reason)


def add_partners(goal: Goal, partners: list[ParsedPartner], find) -> None:
    """The document's partners that the goal does not have yet, with their roles; an existing
    partner without a role gets the document's, a role given in Rødtråd stays."""
    existing = list(goal.partners.all())
    for parsed in partners:
        unit = find(parsed.name)
        same = next(
            (p for p in existing if _key(p.name) == _key(parsed.name) or (unit is not None and p.unit_id == unit.pk)),
            None,
        )
        if same is None:
            GoalPartner.objects.create(goal=goal, unit=unit, name=parsed.name[:200], role=parsed.role)
        elif parsed.role and not same.role.strip():
            same.role = parsed.role
            same.save()


def add_stop_doing(contract: Contract, texts: list[str], links: dict[str, list[int]] | None = None) -> None:
    """The document's stop-doing proposals, each whole, linked to the goals it names (or, from
    Rødtråd's own template, to the goals listed beside it)."""
    order = contract.stop_doing_items.count()
    for offset, text in enumerate(texts):
        item = StopDoingItem.objects.create(contract=contract, text=text, order=order + offset)
        numbers = (links or {}).get(text) or goal_numbers_in(text)  # a draft saved before the links
        if numbers:
            item.goals.set(contract.live_goals().filter(number__in=numbers))


def add_activities(goal: Goal, activities: list[ParsedActivity], user, find_unit=None) -> None:
    """The document's activities the goal does not have yet (by their text), with their due dates;
    activities people added or moved along in Rødtråd stay as they are."""
    have = {_key(a.text) for a in goal.activities.all()}
    order = goal.activities.count()
    for parsed in activities:
        if _key(parsed.text) in have:
            continue
        have.add(_key(parsed.text))
        due = dt.date.fromisoformat(parsed.due) if parsed.due else None
        owner = _owner(parsed.owner, goal, find_unit)
        activity = Activity(goal=goal, text=parsed.text, due_date=due, order=order, owner=owner)
        record(activity, user, _("Importeret"))
        activity.save()
        order += 1


def add_planned_follow_ups(contract: Contract, goal: Goal, follow_ups: list[ParsedFollowUp]) -> None:
    """The follow-up section's meetings (forum and dates in the contract's year) as planned
    follow-ups, once each."""
    from roedtraad.followup.models import PlannedFollowUp

    for parsed in follow_ups:
        for day in parsed.dates:
            date = dt.date.fromisoformat(day)
            forum = parsed.forum[:200]
            if PlannedFollowUp.objects.filter(contract=contract, goal=goal, date=date, forum=forum).exists():
                continue
            PlannedFollowUp.objects.create(
                contract=contract, goal=goal, date=date, forum=forum, description=parsed.text[:500]
            )


def add_responsible(goal: Goal, people: list[ParsedResponsible]) -> None:
    """The people the goal names as responsible, as persons of the holder's unit (an existing
    person of that name is used) with their responsibility for the goal, once each — so that
    they can be listed and erased like everyone else."""
    from roedtraad.org.models import Responsibility

    for parsed in people:
        person = _person(parsed.name, parsed.title, goal.contract.holder)
        Responsibility.objects.get_or_create(person=person, goal=goal, role=(parsed.role or "ansvarlig")[:200])


def _owner(name: str | None, goal: Goal, find_unit=None):
    """An activity's owner as a person, when the text names a person (not a unit Rødtråd knows)."""
    if not name or not is_person_name(name) or (find_unit is not None and find_unit(name) is not None):
        return None
    return _person(name, "", goal.contract.holder)


def _person(name: str, title: str, unit):
    """The person of that name (an existing one is used), else a new person of the unit."""
    from roedtraad.org.models import Person

    person = Person.objects.filter(name__iexact=name, erased_at__isnull=True).first()
    return person or Person.objects.create(name=name[:200], title=title[:200], unit=unit)


def _policy_key(name: str) -> str:
    return re.sub(r"politikken$", "politik", normalise_name(name))


def _link(goal: Goal, ref: ParsedReference, framework, policies: dict) -> bool:
    """Link one reference; False when Rødtråd has no such record."""

    if ref.kind == "policy" and _policy_key(ref.name) in policies:
        goal.policies.add(policies[_policy_key(ref.name)])
        return True
    if ref.kind == "track" and framework is not None:
        track = framework.tracks.filter(number=int(ref.name)).first()
        if track is not None:
            goal.tracks.add(track)
            return True
    if ref.kind == "budget_change":
        change = _budget_change(ref.name)
        if change is not None:
            goal.budget_changes.add(change)
            return True
    return False


_BUDGET_REF = re.compile(r"^(?:(?P<track>spor)\s+)?(?P<number>\d{1,3})(?:\s+\((?P<budget>[^)]*)\))?$", re.I)


def _budget_change(name: str):
    """The budget change or budget track a reference names ("31 (Budget 2023-2026)", "spor 7
    (Budget 2023 – 2026)"): of that kind and number, in the budget named when there are several."""
    from roedtraad.frameworks.models import BudgetChange

    m = _BUDGET_REF.match(" ".join(name.split()))
    if m is None:
        return None
    kind = BudgetChange.Kind.TRACK if m["track"] else BudgetChange.Kind.CHANGE
    candidates = list(BudgetChange.objects.filter(kind=kind, number=int(m["number"])))
    years = re.findall(r"20\d\d", m["budget"] or "")
    named = [c for c in candidates if years and re.findall(r"20\d\d", c.budget)[:1] == years[:1]]
    chosen = named or candidates
    return chosen[0] if chosen else None


def add_references(goal: Goal, references: list[ParsedReference]) -> list[dict]:
    """Link the goal to the policies, tracks, focus areas and budget changes its text names,
    where Rødtråd has them; returns the references it does not know (for the import report)."""
    from roedtraad.frameworks.models import Policy

    framework = goal.contract.framework
    policies = {_policy_key(p.name): p for p in Policy.objects.all()}
    unknown = []
    for ref in references:
        if not _link(goal, ref, framework, policies):
            unknown.append({"goal": goal.number, "kind": ref.kind, "name": ref.name, "text": ref.text})
    if framework is not None:
        text = normalise_name(" ".join([goal.title, *goal.sections.values_list("text", flat=True)]))
        for area in framework.focus_areas.all():
            if normalise_name(area.title) and normalise_name(area.title) in text:
                goal.focus_areas.add(area)
                if area.track_id:
                    goal.tracks.add(area.track_id)
    return unknown
