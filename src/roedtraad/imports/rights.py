"""Who may import for which contract holder.

A director imports for any holder, a head of area for the holders in their area, a contract
holder for their own unit only; a reader (or anyone without one of these roles) may not import.
A draft import belongs to the person who uploaded it: anyone else gets 404.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404

from roedtraad.imports.models import ImportDraft
from roedtraad.org import names
from roedtraad.org.models import OrgUnit, OrgUnitKind
from roedtraad.rights import rights_for


def may_import(user) -> bool:
    rights = rights_for(user)
    return rights.director or bool(rights.areas or rights.holders)


def importable_units(user) -> QuerySet[OrgUnit]:
    """The contract holders the user may import documents for."""
    rights = rights_for(user)
    holders = OrgUnit.objects.filter(kind=OrgUnitKind.HOLDER).select_related("parent")
    if rights.director:
        return holders.order_by("name")
    return holders.filter(id__in=rights.areas | rights.holders).order_by("name")


def require_importer(user) -> None:
    if not may_import(user):
        raise PermissionDenied("import")


def draft_for_user(user, pk) -> ImportDraft:
    """The user's own draft import, or 404; 403 when the user may no longer import."""
    require_importer(user)
    draft = ImportDraft.objects.filter(pk=pk, owner=user).select_related("holder", "contract").first()
    if draft is None:
        raise Http404
    return draft


def unit_named(name: str) -> OrgUnit | None:
    """The contract holder (or other unit) a document names, if it is known (`org.names`)."""
    return names.unit_named(name)


def default_unit(user, named: OrgUnit | None) -> OrgUnit | None:
    """The holder to preselect: the one the document names when the user may import for it,
    else the user's only unit when they have exactly one."""
    units = list(importable_units(user)[:2])
    allowed = importable_units(user)
    if named is not None and allowed.filter(pk=named.pk).exists():
        return named
    if named is None and len(units) == 1:
        return units[0]
    return None
