"""Making, finding and revoking API tokens. A token is `rt_<prefix>_<secret>`: the prefix finds
the row, the SHA-256 of the whole token is compared in constant time, so neither the database nor
its backups can give a token away."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets

from django.db import transaction
from django.utils import timezone

from roedtraad.api.models import ApiToken

PREFIX_BYTES = 6  # 8 characters: enough to tell one user's keys apart, and to find the row
SECRET_BYTES = 32  # 256 random bits
NAME_MAX = 100
MAX_TOKEN_LENGTH = 200
# last_used_at is written at most this often per token: a BI tool pushing a figure a second would
# otherwise make every call a write.
TOUCH_EVERY = dt.timedelta(minutes=1)


def secret_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _split(token: str) -> str | None:
    """The prefix of a well-formed token, else None."""
    if not token or len(token) > MAX_TOKEN_LENGTH or not token.startswith("rt_"):
        return None
    prefix, _sep, secret = token[3:].partition("_")
    return prefix if prefix and secret else None


@transaction.atomic
def create_token(user, name: str) -> tuple[ApiToken, str]:
    """A new token for the user; returns the row and the token, which is not stored and can be
    shown this once."""
    name = " ".join((name or "").split())[:NAME_MAX] or "API"
    while True:  # a prefix repeated by chance (48 bits): draw again
        prefix = secrets.token_urlsafe(PREFIX_BYTES).replace("_", "-")  # "_" separates the parts
        if not ApiToken.objects.filter(prefix=prefix).exists():
            break
    token = f"rt_{prefix}_{secrets.token_urlsafe(SECRET_BYTES)}"
    row = ApiToken.objects.create(user=user, name=name, prefix=prefix, secret_hash=secret_hash(token))
    return row, token


def token_user(token: str) -> ApiToken | None:
    """The active token of an active user, else None (the API answers 401)."""
    prefix = _split(token)
    if prefix is None:
        return None
    row = (
        ApiToken.objects.select_related("user")
        .filter(prefix=prefix, revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if row is None or not hmac.compare_digest(row.secret_hash, secret_hash(token)):
        return None
    now = timezone.now()
    if row.last_used_at is None or now - row.last_used_at > TOUCH_EVERY:
        # Not a content change a kept page could show: update() skips the page cache's signal.
        ApiToken.objects.filter(pk=row.pk).update(last_used_at=now)
        row.last_used_at = now
    return row


@transaction.atomic
def revoke_token(user, pk: int) -> bool:
    """Revoke one of the user's own active tokens; False when there is none with that id."""
    row = ApiToken.objects.select_for_update().filter(pk=pk, user=user, revoked_at__isnull=True).first()
    if row is None:
        return False
    row.revoked_at = timezone.now()
    row.save(update_fields=["revoked_at"])
    return True


def tokens_of(user) -> list[ApiToken]:
    return list(ApiToken.objects.filter(user=user))
