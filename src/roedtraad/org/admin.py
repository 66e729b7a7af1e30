from django.contrib import admin

from roedtraad.org.models import OrgUnit, OrgUnitAlias, Person, Responsibility, UserRole


class AliasInline(admin.TabularInline):
    model = OrgUnitAlias
    extra = 0


@admin.register(OrgUnit)
class OrgUnitAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "parent", "short_name"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name", "aliases__alias"]
    list_select_related = ["parent"]
    inlines = [AliasInline]


@admin.register(OrgUnitAlias)
class OrgUnitAliasAdmin(admin.ModelAdmin):
    list_display = ["alias", "unit"]
    search_fields = ["alias", "unit__name"]
    list_select_related = ["unit"]


class ResponsibilityInline(admin.TabularInline):
    model = Responsibility
    extra = 0
    raw_id_fields = ["contract", "goal"]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["name", "title", "unit", "email", "erased_at"]
    list_filter = ["unit"]
    search_fields = ["name", "email", "title"]
    list_select_related = ["unit"]
    inlines = [ResponsibilityInline]
    actions = ["erase_selected"]

    @admin.action(description="Slet persondata for de valgte personer")
    def erase_selected(self, request, queryset):
        for person in queryset:
            person.erase()
        self.message_user(request, f"Persondata slettet for {queryset.count()} personer.")


@admin.register(Responsibility)
class ResponsibilityAdmin(admin.ModelAdmin):
    list_display = ["person", "role", "contract", "goal"]
    search_fields = ["person__name", "role"]
    list_select_related = ["person", "contract", "contract__holder", "goal"]
    raw_id_fields = ["contract", "goal"]


@admin.register(UserRole)
class UserRoleAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "unit"]
    list_filter = ["role"]
    search_fields = ["user__username", "unit__name"]
    list_select_related = ["user", "unit"]
