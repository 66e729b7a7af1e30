from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy
from simple_history.admin import SimpleHistoryAdmin

from roedtraad.followup.models import (
    ContractDialogue,
    FollowUpEntry,
    Indicator,
    Measurement,
    MeasurementUpload,
    PlannedFollowUp,
    Target,
)

CHANGED_MEANWHILE = gettext_lazy(
    "Rækken er blevet ændret af en anden, siden du åbnede den. Åbn den igen for at se den gemte udgave."
)


class VersionedForm(forms.ModelForm):
    """The admin's edit of a versioned row: refused, with the input kept, when someone saved the
    row after this form was opened (no lost edits in the admin either)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].widget = forms.HiddenInput()

    def clean(self):
        data = super().clean()
        opened = data.get("version")
        if self.instance.pk and opened is not None:
            stored = type(self.instance).objects.filter(pk=self.instance.pk).values_list("version", flat=True).first()
            if stored != opened:
                raise ValidationError(CHANGED_MEANWHILE)
        if self.instance.pk and opened is not None:
            data["version"] = opened + 1
        return data


class TargetInline(admin.TabularInline):
    model = Target
    form = VersionedForm
    extra = 0


@admin.register(Indicator)
class IndicatorAdmin(SimpleHistoryAdmin):
    form = VersionedForm
    list_display = ["name", "org_unit", "key", "unit", "aggregation", "baseline_value"]
    list_filter = ["key", "aggregation"]
    search_fields = ["name", "org_unit__name"]
    list_select_related = ["org_unit"]
    raw_id_fields = ["goal"]
    inlines = [TargetInline]


@admin.register(Target)
class TargetAdmin(SimpleHistoryAdmin):
    form = VersionedForm
    list_display = ["indicator", "period_start", "period_end", "value"]
    search_fields = ["indicator__name", "indicator__org_unit__name"]
    list_select_related = ["indicator", "indicator__org_unit"]


@admin.register(Measurement)
class MeasurementAdmin(SimpleHistoryAdmin):
    list_display = ["indicator", "period", "value", "source", "imported_at"]
    list_filter = ["indicator__key", "source"]
    search_fields = ["indicator__name", "indicator__org_unit__name"]
    list_select_related = ["indicator", "indicator__org_unit"]
    date_hierarchy = "period"


@admin.register(FollowUpEntry)
class FollowUpEntryAdmin(SimpleHistoryAdmin):
    form = VersionedForm
    list_display = ["goal", "date", "forum", "status", "author"]
    list_filter = ["status", "forum"]
    search_fields = ["text", "goal__title", "forum"]
    list_select_related = ["goal", "author"]
    raw_id_fields = ["goal"]


@admin.register(PlannedFollowUp)
class PlannedFollowUpAdmin(admin.ModelAdmin):
    list_display = ["date", "kind", "contract", "goal", "forum", "done"]
    list_filter = ["kind", "done"]
    search_fields = ["forum", "description", "contract__holder__name"]
    list_select_related = ["contract", "contract__holder", "goal"]
    raw_id_fields = ["contract", "goal"]


@admin.register(MeasurementUpload)
class MeasurementUploadAdmin(admin.ModelAdmin):
    """Uploaded measurement files, read only: they are changed through their preview page, and
    the file's bytes are never shown (an unsaved file may hold what it was refused for)."""

    list_display = ["filename", "owner", "status", "progress", "created_at"]
    list_filter = ["status"]
    search_fields = ["filename", "owner__username"]
    list_select_related = ["owner"]
    exclude = ["data"]
    readonly_fields = ["owner", "filename", "status", "progress", "step", "mapping", "aliases", "key", "preview"]
    readonly_fields += ["result", "error", "created_at"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(ContractDialogue)
class ContractDialogueAdmin(SimpleHistoryAdmin):
    list_display = ["planned", "held_on"]
    list_filter = ["held_on"]
    search_fields = ["planned__contract__holder__name", "minutes"]
    raw_id_fields = ["planned"]
    filter_horizontal = ["participants"]
    readonly_fields = ["entries", "activities"]
