from django.contrib import admin

from roedtraad.frameworks.models import (
    BudgetChange,
    CalendarFeed,
    FocusArea,
    Framework,
    Milestone,
    Policy,
    PolicyTrack,
    Requirement,
    Track,
)


class PolicyTrackInline(admin.TabularInline):
    model = PolicyTrack
    extra = 0


@admin.register(Policy)
class PolicyAdmin(admin.ModelAdmin):
    list_display = ["name", "adopted_year"]
    search_fields = ["name", "tracks__title"]
    inlines = [PolicyTrackInline]


@admin.register(PolicyTrack)
class PolicyTrackAdmin(admin.ModelAdmin):
    list_display = ["title", "policy", "number"]
    search_fields = ["title", "policy__name"]
    list_select_related = ["policy"]


@admin.register(BudgetChange)
class BudgetChangeAdmin(admin.ModelAdmin):
    list_display = ["budget", "kind", "number", "title"]
    list_filter = ["budget", "kind"]
    search_fields = ["title", "budget"]


class TrackInline(admin.TabularInline):
    model = Track
    extra = 0


class FocusAreaInline(admin.TabularInline):
    model = FocusArea
    extra = 0


class RequirementInline(admin.StackedInline):
    model = Requirement
    extra = 0


class MilestoneInline(admin.TabularInline):
    model = Milestone
    extra = 0


@admin.register(Framework)
class FrameworkAdmin(admin.ModelAdmin):
    list_display = ["year", "title", "issued_on"]
    search_fields = ["title", "introduction"]
    inlines = [TrackInline, FocusAreaInline, RequirementInline, MilestoneInline]


@admin.register(Track)
class TrackAdmin(admin.ModelAdmin):
    list_display = ["title", "framework", "number"]
    list_filter = ["framework"]
    search_fields = ["title"]
    list_select_related = ["framework"]


@admin.register(FocusArea)
class FocusAreaAdmin(admin.ModelAdmin):
    list_display = ["title", "framework", "track"]
    list_filter = ["framework"]
    search_fields = ["title"]
    list_select_related = ["framework", "track"]


@admin.register(Requirement)
class RequirementAdmin(admin.ModelAdmin):
    list_display = ["slug", "framework", "order", "retired_at"]
    list_filter = ["framework"]
    search_fields = ["slug", "text"]
    list_select_related = ["framework"]


@admin.register(Milestone)
class MilestoneAdmin(admin.ModelAdmin):
    list_display = ["date", "title", "kind", "framework"]
    list_filter = ["framework", "kind"]
    search_fields = ["title", "description"]
    list_select_related = ["framework"]


@admin.register(CalendarFeed)
class CalendarFeedAdmin(admin.ModelAdmin):
    """Who has a calendar address and when it was last fetched; the address itself is not stored."""

    list_display = ["user", "created_at", "last_used_at", "revoked_at"]
    list_filter = ["revoked_at"]
    search_fields = ["user__username", "user__person__name"]
    list_select_related = ["user"]
    readonly_fields = ["user", "token_hash", "created_at", "last_used_at"]

    def has_add_permission(self, request):
        return False  # a feed is made by its user on the calendar page, which shows the address once
