"""The organisation tree, its aliases, and the people in it.

Personal data (names, e-mail, roles of named persons) lives only in this app, in
`Person` and `Responsibility`, so that it can be listed and erased in one place.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class OrgUnitKind(models.TextChoices):
    MUNICIPALITY = "municipality", _("Kommune")
    AREA = "area", _("Område")
    HOLDER = "holder", _("Kontrakt-/aftaleholder")
    CENTRE = "centre", _("Center")
    DEPARTMENT = "department", _("Afdeling")


class OrgUnit(models.Model):
    name = models.CharField(_("navn"), max_length=200)
    kind = models.CharField(_("type"), max_length=20, choices=OrgUnitKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("overordnet enhed"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    short_name = models.CharField(_("forkortelse"), max_length=40, blank=True)
    # The unit's size, for small-number suppression when a measurement file gives none.
    headcount = models.PositiveIntegerField(_("antal medarbejdere"), null=True, blank=True)

    class Meta:
        verbose_name = _("organisatorisk enhed")
        verbose_name_plural = _("organisatoriske enheder")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["parent", "name"], name="orgunit_unique_name_under_parent")]

    def __str__(self) -> str:
        return self.name

    def ancestors(self) -> list[OrgUnit]:
        chain, node = [], self.parent
        while node is not None:
            chain.append(node)
            node = node.parent
        return chain

    def lies_within(self, other: OrgUnit) -> bool:
        """True when this unit is `other` or lies under it (an import writes only within its holder)."""
        return self.pk == other.pk or any(node.pk == other.pk for node in self.ancestors())

    def area(self) -> OrgUnit | None:
        """The area this unit belongs to (itself if it is an area)."""
        for node in [self, *self.ancestors()]:
            if node.kind == OrgUnitKind.AREA:
                return node
        return None


class OrgUnitAlias(models.Model):
    """Another name the documents use for a unit ("SF", "Fællesskaberne", "SOH")."""

    unit = models.ForeignKey(OrgUnit, on_delete=models.CASCADE, related_name="aliases")
    alias = models.CharField(_("alias"), max_length=200, unique=True)

    class Meta:
        verbose_name = _("alias for enhed")
        verbose_name_plural = _("aliaser for enheder")
        ordering = ["alias"]

    def __str__(self) -> str:
        return f"{self.alias} → {self.unit}"


class Person(models.Model):
    """A named person: holder, head of area, director, responsible for a goal."""

    ERASED_NAME = "[slettet person]"

    name = models.CharField(_("navn"), max_length=200)
    title = models.CharField(_("stilling"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    unit = models.ForeignKey(OrgUnit, verbose_name=_("enhed"), null=True, blank=True, on_delete=models.SET_NULL)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("login"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
    )
    erased_at = models.DateTimeField(_("slettet"), null=True, blank=True)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("personer")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_erased(self) -> bool:
        return self.erased_at is not None

    def erase(self) -> None:
        """Erase the person's name, login name and e-mail everywhere, history and drafts
        included (`org.erasure`); the contracts and goals that refer to them stay intact."""
        from roedtraad.org.erasure import erase_person

        erase_person(self)


class Responsibility(models.Model):
    """A person's role on a contract or goal ("ansvarlig for opfølgning", "kontraktholder")."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="responsibilities")
    role = models.CharField(_("rolle"), max_length=200)
    contract = models.ForeignKey(
        "contracts.Contract", null=True, blank=True, on_delete=models.CASCADE, related_name="responsibilities"
    )
    goal = models.ForeignKey(
        "contracts.Goal", null=True, blank=True, on_delete=models.CASCADE, related_name="responsibilities"
    )
    note = models.CharField(_("bemærkning"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("ansvar")
        verbose_name_plural = _("ansvar")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(contract__isnull=False) | models.Q(goal__isnull=False),
                name="responsibility_has_contract_or_goal",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.role}"


class Role(models.TextChoices):
    DIRECTOR = "director", _("Direktør")
    HEAD_OF_AREA = "head_of_area", _("Fagchef")
    HOLDER = "holder", _("Kontraktholder")
    READER = "reader", _("Læser")


class UserRole(models.Model):
    """What a login may do: a role, for a unit (the area of a head of area, the holder's unit)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="roles")
    role = models.CharField(_("rolle"), max_length=20, choices=Role.choices)
    unit = models.ForeignKey(OrgUnit, verbose_name=_("enhed"), null=True, blank=True, on_delete=models.CASCADE)

    class Meta:
        verbose_name = _("brugerrolle")
        verbose_name_plural = _("brugerroller")
        constraints = [
            models.UniqueConstraint(fields=["user", "role", "unit"], name="userrole_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user}: {self.get_role_display()} {self.unit or ''}".strip()


def subtree(roots: set[int], parents: dict[int, int | None]) -> set[int]:
    """The units `roots` and every unit under them, from a map of unit → parent (one query
    for the whole tree, where `OrgUnit.lies_within` walks one unit's ancestors)."""
    children: dict[int | None, list[int]] = {}
    for unit, parent in parents.items():
        children.setdefault(parent, []).append(unit)
    found, stack = set(), list(roots)
    while stack:
        unit = stack.pop()
        if unit not in found:
            found.add(unit)
            stack.extend(children.get(unit, []))
    return found
