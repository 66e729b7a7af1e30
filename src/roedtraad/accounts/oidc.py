"""Single sign-on with OpenID Connect (e.g. Microsoft Entra ID) on top of mozilla-django-oidc.

Off unless OIDC_RP_CLIENT_ID is set (see config.oidc and README, "Single sign-on (OpenID
Connect)"). What Rødtråd adds to the library:

- endpoints from the provider's discovery document (OIDC_OP_DISCOVERY), fetched on first use
  and cached, unless they are given one by one;
- the ID token's audience and issuer are checked (the library checks signature, expiry and nonce);
- a person is matched by the provider's stable subject (`oid` in Entra ID, else `sub`, per
  issuer), stored at their first login (`SingleSignOnIdentity`). At that first login an
  existing login is taken over only by a verified e-mail (`email_verified`, or
  OIDC_TRUST_EMAIL=true for a provider whose e-mails are the municipality's own), only if it
  has no identity yet and never if it is a local password account (an administrator's, say);
  with OIDC_TENANT_ID set, only the municipality's tenant (`tid`) may sign in. Unknown people
  get a login without any role, so they see nothing until an administrator grants a role
  (`org.UserRole`). Roles are never taken from the provider.
"""

from __future__ import annotations

import functools
import logging

import requests
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.core.exceptions import SuspiciousOperation
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views import View
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.utils import import_from_settings
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView, OIDCAuthenticationRequestView

from roedtraad.accounts.models import SingleSignOnIdentity

LOG = logging.getLogger(__name__)
DISCOVERY_KEYS = {
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "authorization_endpoint",
    "OIDC_OP_TOKEN_ENDPOINT": "token_endpoint",
    "OIDC_OP_USER_ENDPOINT": "userinfo_endpoint",
    "OIDC_OP_JWKS_ENDPOINT": "jwks_uri",
    "OIDC_OP_ISSUER": "issuer",
}
UNAVAILABLE = (requests.RequestException, KeyError, ValueError)


def enabled() -> bool:
    return bool(getattr(settings, "OIDC_ENABLED", False))


@functools.lru_cache(maxsize=4)
def discovered(url: str) -> dict:
    """The provider's discovery document (failures are not cached: the next login tries again)."""
    response = requests.get(url, timeout=getattr(settings, "OIDC_TIMEOUT", 10))
    response.raise_for_status()
    return response.json()


def oidc_setting(name: str, *default):
    """A setting, with endpoints taken from the discovery document when not set one by one."""
    discovery = getattr(settings, "OIDC_OP_DISCOVERY", None) or ""
    if name in DISCOVERY_KEYS and not getattr(settings, name, None) and discovery:
        return discovered(discovery)[DISCOVERY_KEYS[name]]
    return import_from_settings(name, *default)


def identifier(claims: dict) -> str:
    """The login name of a new login: the e-mail, else the preferred username."""
    return str(claims.get("email") or claims.get("preferred_username") or "").strip().lower()


def subject(claims: dict) -> str:
    """The provider's stable, never reassigned id of the person."""
    return str(claims.get("oid") or claims.get("sub") or "").strip()


def email_verified(claims: dict) -> bool:
    return claims.get("email_verified") is True or bool(oidc_setting("OIDC_TRUST_EMAIL", False))


def tenant_allowed(claims: dict) -> bool:
    tenant = str(oidc_setting("OIDC_TENANT_ID", "") or "").strip().lower()
    return not tenant or str(claims.get("tid", "")).strip().lower() == tenant


class OIDCBackend(OIDCAuthenticationBackend):
    """Listed in AUTHENTICATION_BACKENDS always; does nothing while single sign-on is off."""

    get_settings = staticmethod(oidc_setting)

    def __init__(self, *args, **kwargs):
        self.available = False
        ModelBackend.__init__(self, *args, **kwargs)
        self.UserModel = get_user_model()
        if not enabled():
            return
        try:
            super().__init__(*args, **kwargs)
            self.available = True
        except UNAVAILABLE as exc:
            LOG.error("single sign-on: the provider's discovery document could not be read: %s", exc)

    def authenticate(self, request, **kwargs):
        if not self.available:
            return None
        try:
            return super().authenticate(request, **kwargs)
        except SuspiciousOperation as exc:  # a forged or misdirected token: refuse, the page explains
            LOG.warning("single sign-on refused: %s", exc)
            return None
        except requests.RequestException as exc:
            LOG.error("single sign-on: the provider did not answer: %s", exc)
            return None

    def verify_token(self, token, **kwargs):
        payload = super().verify_token(token, **kwargs)
        audience = payload.get("aud")
        audiences = audience if isinstance(audience, list) else [audience]
        if self.OIDC_RP_CLIENT_ID not in audiences:
            raise SuspiciousOperation("ID token issued for another client")
        issuer = self.get_settings("OIDC_OP_ISSUER", "")
        if issuer and "{" not in issuer and payload.get("iss") != issuer:
            raise SuspiciousOperation("ID token from another issuer")
        return payload

    def get_userinfo(self, access_token, id_token, payload):
        """The ID token's claims, completed by the userinfo endpoint where the provider has one."""
        claims = dict(payload)
        if self.OIDC_OP_USER_ENDPOINT:
            claims.update(super().get_userinfo(access_token, id_token, payload))
        return claims

    def verify_claims(self, claims) -> bool:
        if not tenant_allowed(claims):
            LOG.warning("single sign-on refused: a login from another tenant (%s)", claims.get("tid", ""))
            return False
        return bool(identifier(claims) and subject(claims))

    def describe_user_by_claims(self, claims) -> str:
        return f"login {identifier(claims)}"

    def filter_users_by_claims(self, claims):
        """The login of this subject; at a first login, a login without a password whose e-mail
        the provider has verified; else none (a new login is created)."""
        users = self.UserModel.objects
        known = SingleSignOnIdentity.objects.filter(issuer=_issuer(claims), subject=subject(claims))
        if known.exists():
            return users.filter(pk__in=known.values("user_id"))
        email = str(claims.get("email") or "").strip()
        if not email or not email_verified(claims):
            return users.none()
        unclaimed = users.filter(email__iexact=email, sso_identity__isnull=True)
        return unclaimed.filter(password__startswith=UNUSABLE_PASSWORD_PREFIX)

    def create_user(self, claims):
        """A new login without roles: no access until an administrator grants one."""
        username = _free_username(self.UserModel, identifier(claims)[:150])
        user = self.UserModel(
            username=username,
            email=str(claims.get("email", ""))[:254],
            first_name=str(claims.get("given_name", ""))[:150],
            last_name=str(claims.get("family_name", ""))[:150],
        )
        user.set_unusable_password()
        user.save()
        _remember(user, claims)
        LOG.info("single sign-on: created login %s without roles", user.username)
        return user

    def update_user(self, user, claims):
        _remember(user, claims)
        names = {"first_name": claims.get("given_name"), "last_name": claims.get("family_name")}
        changed = [k for k, v in names.items() if v and getattr(user, k) != v]
        for key in changed:
            setattr(user, key, str(names[key])[:150])
        if changed:
            user.save(update_fields=changed)
        return user


def _issuer(claims: dict) -> str:
    return str(claims.get("iss") or oidc_setting("OIDC_OP_ISSUER", "") or "")[:300]


def _remember(user, claims: dict) -> None:
    """Store the subject at the first login; later logins are matched by it alone."""
    SingleSignOnIdentity.objects.get_or_create(
        user=user,
        defaults={
            "issuer": _issuer(claims),
            "subject": subject(claims)[:300],
            "tenant": str(claims.get("tid", ""))[:100],
        },
    )


def _free_username(model, wanted: str) -> str:
    """`wanted`, or with a number after it when a local login already has that name."""
    name, n = wanted, 2
    while model.objects.filter(username__iexact=name).exists():
        name, n = f"{wanted[:140]}-{n}", n + 1
    return name


class AuthenticateView(OIDCAuthenticationRequestView):
    """Sends the browser to the provider; endpoints are looked up per request, not at start-up."""

    get_settings = staticmethod(oidc_setting)

    def __init__(self, **kwargs):
        View.__init__(self, **kwargs)
        self.OIDC_RP_CLIENT_ID = oidc_setting("OIDC_RP_CLIENT_ID")

    def get(self, request):
        try:
            self.OIDC_OP_AUTH_ENDPOINT = oidc_setting("OIDC_OP_AUTHORIZATION_ENDPOINT")
        except UNAVAILABLE:
            messages.error(request, _("Fælles login er ikke tilgængeligt lige nu. Prøv igen senere."))
            return redirect(settings.LOGIN_URL)
        return super().get(request)


class CallbackView(OIDCAuthenticationCallbackView):
    """Back from the provider: log in, or explain in Danish why not."""

    @property
    def failure_url(self) -> str:
        return settings.LOGIN_URL

    def login_failure(self):
        messages.error(
            self.request, _("Du blev ikke logget ind med fælles login. Prøv igen, eller kontakt din administrator.")
        )
        return redirect(self.failure_url)

    def login_success(self):
        response = super().login_success()
        if not self.user.is_superuser and not self.user.roles.exists():
            messages.info(
                self.request,
                _("Du er logget ind, men har endnu ingen adgang i Rødtråd.")
                + " "
                + _("Bed en administrator om at give dig en rolle."),
            )
        return response
