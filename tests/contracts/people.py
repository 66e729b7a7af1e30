"""Logins for the service tests, one per role, over the factories' org tree."""

from __future__ import annotations

from django.contrib.auth import get_user_model

from roedtraad.org.models import OrgUnit, UserRole


def user_with_role(username: str, role: str | None = None, unit: OrgUnit | None = None):
    user = get_user_model().objects.create_user(username, f"{username}@testby.dk", "pw-roedtraad-test")
    if role:
        UserRole.objects.create(user=user, role=role, unit=unit)
    return user


def people(units: dict[str, OrgUnit]) -> dict:
    """director, head_of_area (of the holder's area), holder, other_holder, reader, stranger."""
    return {
        "director": user_with_role("direktoer", "director"),
        "head_of_area": user_with_role("fagchef", "head_of_area", units["area"]),
        "holder": user_with_role("holder", "holder", units["holder"]),
        "other_holder": user_with_role("holder2", "holder", units["other"]),
        "reader": user_with_role("laeser", "reader"),
        "stranger": user_with_role("fremmed"),
    }
