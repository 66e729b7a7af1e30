"""Erasing a person (GDPR art. 17): their name, login name and e-mail leave every table.

`Person.erase()` replaces them — in the person and the login, in the text of every row of the
project's apps and of their history (section texts, titles, activities, follow-ups, comments,
change reasons), and in the JSON of import drafts and import reports — by the person's role
("[skoleleder]", from their responsibilities or title) or "[slettet person]". The login is
deactivated, renamed and loses its single sign-on identity, so history rows that point to it
show no name. Rows are changed by `update()`: an erase is not an edit, it must reach entered
(locked) contracts and their history, and it records no new history of its own.
"""

from __future__ import annotations

import re

from django.apps import apps
from django.db import models, transaction
from django.utils import timezone

from roedtraad.core.redact import name_pattern

# Apps whose rows hold what people wrote or what is recorded about them.
APPS = {
    "org",
    "contracts",
    "followup",
    "frameworks",
    "review",
    "checks",
    "imports",
    "auth",
    "accounts",
    "notifications",
}
TEXT_FIELDS = (models.CharField, models.TextField, models.EmailField)


def mask_for(person) -> str:
    """What stands where the name stood: the person's title ("[Centerchef]"), else their one
    role ("[skoleleder]"), else "[slettet person]"."""
    roles = sorted({r.role.strip() for r in person.responsibilities.all() if r.role.strip()})
    role = person.title.strip() or (roles[0] if len(roles) == 1 else "")
    return f"[{role}]" if role else person.ERASED_NAME


@transaction.atomic
def erase_person(person) -> None:
    user = person.user
    words = [person.name, person.email]
    exact = set()  # a short login name ("anne") is masked only where it stands alone as a value
    if user is not None:
        words += [user.email, user.get_full_name()]
        exact.add(user.username)
        if "@" in user.username:  # a single sign-on login is named by its e-mail
            words.append(user.username)
    pattern = name_pattern([w for w in words if w])
    mask = mask_for(person)
    for model, fields in _text_fields():
        _mask_rows(model, fields, _Masker(pattern, exact, mask))
    person.name, person.title, person.email, person.erased_at = person.ERASED_NAME, "", "", timezone.now()
    type(person).objects.filter(pk=person.pk).update(name=person.name, title="", email="", erased_at=person.erased_at)
    person.responsibilities.update(note="")
    if user is not None:
        _erase_login(user)


def _erase_login(user) -> None:
    user.username = f"slettet-{user.pk}"
    user.first_name = user.last_name = user.email = ""
    user.is_active = False
    user.set_unusable_password()
    user.save()
    from roedtraad.accounts.models import SingleSignOnIdentity

    SingleSignOnIdentity.objects.filter(user=user).delete()


def _text_fields():
    """Every model of the apps above (history models included) with its text and JSON fields."""
    for model in apps.get_models():
        if model._meta.app_label not in APPS:
            continue
        fields = [f.name for f in model._meta.concrete_fields if isinstance(f, (*TEXT_FIELDS, models.JSONField))]
        if fields:
            yield model, fields


class _Masker:
    def __init__(self, pattern: re.Pattern | None, exact: set[str], mask: str) -> None:
        self.pattern, self.exact, self.mask = pattern, {e.casefold() for e in exact if e}, mask

    def __call__(self, value):
        if isinstance(value, str):
            if value.casefold() in self.exact:
                return self.mask
            return self.pattern.sub(self.mask, value) if self.pattern else value
        if isinstance(value, dict):
            return {key: self(item) for key, item in value.items()}
        if isinstance(value, list):
            return [self(item) for item in value]
        return value


def _mask_rows(model, fields: list[str], masker: _Masker) -> None:
    manager = model._base_manager
    for row in manager.only("pk", *fields).iterator():
        changes = {}
        for name in fields:
            value = getattr(row, name)
            masked = masker(value)
            if masked != value:
                changes[name] = masked
        if changes:
            manager.filter(pk=row.pk).update(**changes)
