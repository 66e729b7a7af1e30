"""Copying an entered contract into a new draft revision.

Every copied row gets a history record with the copy's reason, so the revision's history
starts from the text as it was entered: a later edit shows only what it changed, and
`contracts.history` shows the copy itself as one line rather than every section "added".
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from roedtraad.contracts.models import (
    Activity,
    Contract,
    ContractStatus,
    Goal,
    GoalPartner,
    GoalSection,
    StopDoingItem,
)


def copy_reason(previous_revision: int, revision: int) -> str:
    return _("Revision %(number)s oprettet fra revision %(previous)s") % {
        "number": revision,
        "previous": previous_revision,
    }


def _saved(instance, reason: str):
    instance._change_reason = reason
    instance.save()
    return instance


@transaction.atomic
def copy_contract(source: Contract) -> Contract:
    reason = copy_reason(source.revision, source.revision + 1)
    draft = Contract(
        holder=source.holder,
        year=source.year,
        kind=source.kind,
        layout=source.layout,
        status=ContractStatus.DRAFT,
        revision=source.revision + 1,
        previous_revision=source,
        framework=source.framework,
        title=source.title,
        introduction=source.introduction,
        holder_person=source.holder_person,
        head_of_area=source.head_of_area,
        director=source.director,
        source_name=source.source_name,
    )
    _saved(draft, reason)
    goal_map: dict[int, Goal] = {}
    for goal in source.goals.filter(deleted_at__isnull=True).prefetch_related(
        "sections", "partners", "activities", "tracks", "focus_areas", "policies", "budget_changes"
    ):
        copy = Goal(
            contract=draft,
            number=goal.number,
            title=goal.title,
            scope=goal.scope,
            multi_year=goal.multi_year,
            carried_over_from=goal.carried_over_from,
            revised_from=goal,
        )
        _saved(copy, reason)
        copy.tracks.set(goal.tracks.all())
        copy.focus_areas.set(goal.focus_areas.all())
        copy.policies.set(goal.policies.all())
        copy.budget_changes.set(goal.budget_changes.all())
        sections = [
            GoalSection(goal=copy, key=s.key, heading=s.heading, text=s.text, order=s.order)
            for s in goal.sections.all()
        ]
        partners = [GoalPartner(goal=copy, unit=p.unit, name=p.name, role=p.role) for p in goal.partners.all()]
        activities = [
            Activity(goal=copy, text=a.text, owner=a.owner, due_date=a.due_date, status=a.status, order=a.order)
            for a in goal.activities.all()
        ]
        for model, rows in ((GoalSection, sections), (GoalPartner, partners), (Activity, activities)):
            if rows:
                bulk_create_with_history(rows, model, default_change_reason=reason)
        goal_map[goal.pk] = copy
    for item in source.stop_doing_items.prefetch_related("goals"):
        # The director's decision on a proposal is not copied: it stays on the proposal's first
        # item and is read through `revised_from` (`contracts.stop_doing`), so the new revision
        # shows it, and a decision taken on the entered contract while this draft is written
        # shows here too; a copy would go stale the moment either side changed.
        copy_item = StopDoingItem(contract=draft, text=item.text, order=item.order, revised_from=item)
        new_item = _saved(copy_item, reason)
        new_item.goals.set([goal_map[g.pk] for g in item.goals.all() if g.pk in goal_map])
    return draft
