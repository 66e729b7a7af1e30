from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from roedtraad.contracts.models import (
    Activity,
    Contract,
    Goal,
    GoalPartner,
    GoalSection,
    StopDoingDecision,
    StopDoingItem,
)


class GoalInline(admin.TabularInline):
    model = Goal
    extra = 0
    fields = ["number", "title", "scope", "multi_year", "deleted_at"]
    show_change_link = True


class StopDoingInline(admin.TabularInline):
    model = StopDoingItem
    extra = 0
    fields = ["order", "text"]


@admin.register(Contract)
class ContractAdmin(SimpleHistoryAdmin):
    list_display = ["holder", "year", "kind", "status", "revision", "entered_on"]
    list_filter = ["year", "status", "kind", "holder__parent"]
    search_fields = ["holder__name", "title", "goals__title"]
    list_select_related = ["holder"]
    raw_id_fields = ["previous_revision"]
    inlines = [GoalInline, StopDoingInline]


class SectionInline(admin.StackedInline):
    model = GoalSection
    extra = 0


class PartnerInline(admin.TabularInline):
    model = GoalPartner
    extra = 0


class ActivityInline(admin.TabularInline):
    model = Activity
    extra = 0


@admin.register(Goal)
class GoalAdmin(SimpleHistoryAdmin):
    list_display = ["title", "number", "contract", "scope", "multi_year", "deleted_at"]
    list_filter = ["scope", "multi_year", "contract__year"]
    search_fields = ["title", "sections__text", "contract__holder__name"]
    list_select_related = ["contract", "contract__holder"]
    raw_id_fields = ["contract", "carried_over_from"]
    filter_horizontal = ["tracks", "focus_areas", "policies", "budget_changes"]
    inlines = [SectionInline, PartnerInline, ActivityInline]


@admin.register(GoalSection)
class GoalSectionAdmin(SimpleHistoryAdmin):
    list_display = ["key", "goal", "order"]
    list_filter = ["key"]
    search_fields = ["text", "goal__title"]
    list_select_related = ["goal", "goal__contract", "goal__contract__holder"]
    raw_id_fields = ["goal"]


@admin.register(GoalPartner)
class GoalPartnerAdmin(SimpleHistoryAdmin):
    list_display = ["goal", "unit", "name"]
    search_fields = ["name", "unit__name", "goal__title"]
    list_select_related = ["goal", "unit"]
    raw_id_fields = ["goal"]


@admin.register(Activity)
class ActivityAdmin(SimpleHistoryAdmin):
    list_display = ["text", "goal", "owner", "due_date", "status"]
    list_filter = ["status"]
    search_fields = ["text", "goal__title"]
    list_select_related = ["goal", "owner"]
    raw_id_fields = ["goal"]


@admin.register(StopDoingItem)
class StopDoingItemAdmin(SimpleHistoryAdmin):
    list_display = ["text", "contract"]
    search_fields = ["text", "contract__holder__name"]
    list_select_related = ["contract", "contract__holder"]
    raw_id_fields = ["revised_from"]


@admin.register(StopDoingDecision)
class StopDoingDecisionAdmin(SimpleHistoryAdmin):
    list_display = ["item", "decision", "decided_on", "decided_by"]
    list_filter = ["decision", "item__contract__year"]
    search_fields = ["item__text", "reason", "item__contract__holder__name"]
    list_select_related = ["item", "decided_by"]
    raw_id_fields = ["item", "decided_by"]
