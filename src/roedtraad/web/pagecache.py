"""Rendered read pages kept per user until anything they could show changes.

Why: a contract or goal page is rebuilt from 11-18 queries and a few hundred template nodes,
although between two edits it is the same bytes for the same person. A page is kept under a key
made of everything it depends on:

- the content token (`ContentVersion`), replaced on commit of any change to the data of the
  project's apps and of accounts (roles, people, org units, users), so a kept page never outlives
  the data it shows; app servers share the token through the database, so several servers behind
  a load balancer stay right while each keeps its own pages in memory;
- the user, the CSRF secret (the page's forms carry a token made from it), the language, the
  path with its query, htmx's headers and today's local date (pages that show what is due);
- a fingerprint of the user's rights, computed from the database on every request (the same
  `rights.rights_for` every view asks): a role changed in any way — a form, SQL, `update()`, a
  migration, a directory sync that sends no signal — gives another key, so a kept page never
  outlives a right, and the public-view switch is part of it too.

A page is not kept or served from the cache when a message waits to be shown, when rendering it
set a cookie, or for anything but a 200 answer to a GET. Pages are kept in this process's
memory (`pagestore.PageStore`), bounded in bytes in all and per user.
"""

from __future__ import annotations

import functools
import hashlib
import uuid
from collections.abc import Callable

from django.apps import apps
from django.conf import settings
from django.contrib.messages import get_messages
from django.db import connection, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from roedtraad.rights import public_view, rights_for
from roedtraad.web.pagestore import PageStore

# Apps whose rows never appear on a page (or change on every request, like sessions).
IGNORED_APPS = {"sessions", "admin", "contenttypes", "axes", "django_tasks_database", "django_tasks_db"}
TABLE = "web_contentversion"
PAGES = PageStore(
    max_bytes=settings.ROEDTRAAD_PAGE_CACHE_BYTES,
    max_bytes_per_user=settings.ROEDTRAAD_PAGE_CACHE_BYTES_PER_USER,
    timeout=settings.ROEDTRAAD_PAGE_CACHE_SECONDS,
)


def current_token() -> str:
    """The content token; one indexed single-row read (raw SQL: no ORM compilation per request)."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT token FROM {TABLE} WHERE id = 1")  # noqa: S608 - constant table name
        row = cursor.fetchone()
    return row[0] if row else ""


def replace_token() -> None:
    """A new token now: every kept page is out of date."""
    from roedtraad.web.models import ContentVersion

    if not ContentVersion.objects.filter(pk=1).update(token=uuid.uuid4().hex):
        ContentVersion.objects.create(pk=1, token=uuid.uuid4().hex)


def mark_changed(**_signal_kwargs) -> None:
    """Replace the token when the current transaction commits, once however many rows change.

    A rolled-back transaction (or savepoint) drops its on-commit callbacks, and with them this
    one: the next change registers it again.
    """
    if _inside_test_case():
        replace_token()
        return
    if any(entry[1] is replace_token for entry in connection.run_on_commit):
        return
    transaction.on_commit(replace_token)


def _inside_test_case() -> bool:
    """Django's test cases wrap each test in a transaction that never commits, so on-commit work
    never runs there. Inside one the token is replaced at once, in the transaction: reads later in
    the test then see what a committed change would show. Never true outside tests."""
    return any(getattr(block, "_from_testcase", False) for block in connection.atomic_blocks)


def connect_signals() -> None:
    """Every saved, deleted or re-linked row of a shown model replaces the token."""
    from roedtraad.web.models import ContentVersion

    for model in apps.get_models():
        if model._meta.app_label in IGNORED_APPS or model is ContentVersion:
            continue
        uid = f"pagecache-{model._meta.label}"
        post_save.connect(mark_changed, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(mark_changed, sender=model, dispatch_uid=f"{uid}-delete")
    m2m_changed.connect(mark_changed, dispatch_uid="pagecache-m2m")


def rights_fingerprint(user) -> str:
    """What the user may see, freshly read: the account's state and the units of each role."""
    rights = rights_for(user)
    state = (user.is_authenticated, user.is_active, user.is_superuser, public_view())
    scope = (rights.director, sorted(rights.areas), sorted(rights.holders), sorted(map(str, rights.readers)))
    return repr((state, scope))


def _key(request: HttpRequest, view_name: str, token: str) -> str | None:
    csrf_secret = request.META.get("CSRF_COOKIE")
    if not csrf_secret:
        return None  # rendering would mint a new CSRF secret and cookie: not the same page twice
    htmx = (request.headers.get("HX-Request", ""), request.headers.get("HX-Target", ""))
    parts = (
        view_name,
        request.get_full_path(),
        str(request.user.pk),
        csrf_secret,
        getattr(request, "LANGUAGE_CODE", ""),
        repr(htmx),
        timezone.localdate().isoformat(),
        rights_fingerprint(request.user),
        token,
    )
    return "page:" + hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def _servable(request: HttpRequest) -> bool:
    if request.method != "GET" or not getattr(settings, "ROEDTRAAD_PAGE_CACHE", True):
        return False
    return len(get_messages(request)) == 0  # len() does not mark messages as shown


def _keepable(response: HttpResponse) -> bool:
    return response.status_code == 200 and not response.streaming and not response.cookies


def per_user(view: Callable) -> Callable:
    """Serve a GET page from the cache when nothing it depends on has changed (see module doc)."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        key = _key(request, view.__qualname__, current_token()) if _servable(request) else None
        if key is None:
            return view(request, *args, **kwargs)
        kept = PAGES.get(key)
        if kept is not None:
            content, content_type = kept
            return HttpResponse(content, content_type=content_type)
        response = view(request, *args, **kwargs)
        if _keepable(response):
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            PAGES.put(str(request.user.pk), key, response.content, response["Content-Type"])
        return response

    return wrapped
