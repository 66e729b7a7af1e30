from django.contrib import admin

from roedtraad.frameworks.models import (
    BudgetChange,
    FocusArea,
    Framework,
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


@admin.register(Framework)
class FrameworkAdmin(admin.ModelAdmin):
    list_display = ["year", "title", "issued_on"]
    search_fields = ["title", "introduction"]
    inlines = [TrackInline, FocusAreaInline, RequirementInline]


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
