"""Throttling failed logins with django-axes: 5 failures per username and IP address in 15 minutes.

django-axes keeps the attempts in the database, so the limit holds across several app servers.
Its settings are in settings.py (AXES_*); this module holds what Rødtråd adds: the client's
address behind the load balancer, the Danish refusal, and a backend that lets code without a
request (the test client's `login()`, management commands) authenticate unthrottled.
"""

from __future__ import annotations

from axes.backends import AxesBackend
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


class LoginThrottleBackend(AxesBackend):
    """AxesBackend, except that an authentication without a request is left to the next backend.

    Only the login pages have a request, and they are what an attacker can reach; axes itself
    refuses a call without one, which would break `Client.login()` in tests and shell scripts.
    """

    def authenticate(self, request: HttpRequest | None = None, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username, password, **kwargs)


def client_ip(request: HttpRequest) -> str | None:
    """The client's address; behind the production load balancer, the address it appended last."""
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None):
        forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()]
        if forwarded:
            return forwarded[-1]
    return request.META.get("REMOTE_ADDR")


def locked_out(request: HttpRequest, original_response=None, credentials=None) -> HttpResponse:
    """The answer to a login attempt after too many failures (HTTP 429)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    context = {"minutes": minutes, "failures": settings.AXES_FAILURE_LIMIT}
    return render(request, "accounts/locked_out.html", context, status=429)
