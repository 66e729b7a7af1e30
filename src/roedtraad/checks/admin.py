from django.contrib import admin

from roedtraad.checks.models import RequirementOverride, SharedGoalProposal


@admin.register(RequirementOverride)
class RequirementOverrideAdmin(admin.ModelAdmin):
    list_display = ["contract", "requirement", "status", "author", "created_at"]
    list_filter = ["status", "requirement__slug", "contract__year"]
    search_fields = ["contract__holder__name", "justification"]
    readonly_fields = ["author", "created_at"]
    autocomplete_fields = []

    def save_model(self, request, obj, form, change):
        if not change:
            obj.author = request.user
        super().save_model(request, obj, form, change)


@admin.register(SharedGoalProposal)
class SharedGoalProposalAdmin(admin.ModelAdmin):
    list_display = ["goal_a", "goal_b", "status", "proposed_by", "created_at", "decided_at"]
    list_filter = ["status", "goal_a__contract__year"]
    search_fields = [
        "goal_a__title",
        "goal_b__title",
        "goal_a__contract__holder__name",
        "goal_b__contract__holder__name",
    ]
    list_select_related = ["goal_a", "goal_b", "proposed_by"]
    raw_id_fields = ["goal_a", "goal_b"]
    readonly_fields = ["proposed_by", "created_at", "accepted_a_at", "accepted_b_at", "decided_by", "decided_at"]

    def save_model(self, request, obj, form, change):
        if not change:
            obj.proposed_by = request.user
        super().save_model(request, obj, form, change)
