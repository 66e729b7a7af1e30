"""Copying an entered contract into a new draft revision."""

from __future__ import annotations

from django.db import transaction

from roedtraad.contracts.models import (
    Activity,
    Contract,
    ContractStatus,
    Goal,
    GoalPartner,
    GoalSection,
    StopDoingItem,
)


@transaction.atomic
def copy_contract(source: Contract) -> Contract:
    draft = Contract.objects.create(
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
    goal_map: dict[int, Goal] = {}
    for goal in source.goals.filter(deleted_at__isnull=True).prefetch_related(
        "sections", "partners", "activities", "tracks", "focus_areas", "policies", "budget_changes"
    ):
        copy = Goal.objects.create(
            contract=draft,
            number=goal.number,
            title=goal.title,
            scope=goal.scope,
            multi_year=goal.multi_year,
            carried_over_from=goal.carried_over_from,
            revised_from=goal,
        )
        copy.tracks.set(goal.tracks.all())
        copy.focus_areas.set(goal.focus_areas.all())
        copy.policies.set(goal.policies.all())
        copy.budget_changes.set(goal.budget_changes.all())
        GoalSection.objects.bulk_create(
            GoalSection(goal=copy, key=s.key, heading=s.heading, text=s.text, order=s.order)
            for s in goal.sections.all()
        )
        GoalPartner.objects.bulk_create(
            GoalPartner(goal=copy, unit=p.unit, name=p.name, role=p.role) for p in goal.partners.all()
        )
        Activity.objects.bulk_create(
            Activity(goal=copy, text=a.text, owner=a.owner, due_date=a.due_date, status=a.status, order=a.order)
            for a in goal.activities.all()
        )
        goal_map[goal.pk] = copy
    for item in source.stop_doing_items.prefetch_related("goals"):
        new_item = StopDoingItem.objects.create(contract=draft, text=item.text, order=item.order)
        new_item.goals.set([goal_map[g.pk] for g in item.goals.all() if g.pk in goal_map])
    return draft
