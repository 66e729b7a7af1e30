"""Single sign-on through a fake OpenID Connect provider, logging in through the real callback view."""

import importlib

import pytest
import requests
from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from django.urls import NoReverseMatch, clear_url_caches, reverse
from tests.accounts.fake_provider import CLIENT_ID, CLIENT_SECRET, FakeProvider

import roedtraad.urls
from roedtraad.accounts import oidc
from roedtraad.org.models import UserRole

pytestmark = pytest.mark.django_db
CLAIMS = {
    "sub": "entra-object-id-1",
    "email": "Mette.Holder@Testby.dk",
    "preferred_username": "meho@testby.dk",
    "given_name": "Mette",
    "family_name": "Holder",
}


def _reload_urls() -> None:
    importlib.reload(roedtraad.urls)
    clear_url_caches()


@pytest.fixture
def provider(settings):
    with FakeProvider(CLAIMS) as fake:
        settings.OIDC_ENABLED = True
        settings.OIDC_RP_CLIENT_ID = CLIENT_ID
        settings.OIDC_RP_CLIENT_SECRET = CLIENT_SECRET
        settings.OIDC_OP_DISCOVERY = f"{fake.base}/.well-known/openid-configuration"
        settings.OIDC_RP_SIGN_ALGO = "RS256"
        settings.OIDC_RP_SCOPES = "openid email profile"
        oidc.discovered.cache_clear()
        _reload_urls()
        yield fake
        settings.OIDC_ENABLED = False
        _reload_urls()


def sign_in(client):
    """The browser's round trip: app → provider (person logs in) → app's callback."""
    start = client.get(reverse("oidc_authentication_init"))
    assert start.status_code == 302
    at_provider = requests.get(start["Location"], allow_redirects=False, timeout=10)
    assert at_provider.status_code == 302
    back = at_provider.headers["Location"]
    assert back.startswith("http://testserver/oidc/callback/?code=")
    return client.get(back.removeprefix("http://testserver"))


def messages_of(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_a_new_person_gets_a_login_without_any_role(client, provider):
    response = sign_in(client)
    assert (response.status_code, response["Location"]) == (302, "/")
    user = get_user_model().objects.get(pk=client.session["_auth_user_id"])
    assert (user.username, user.email, user.get_full_name()) == (
        "mette.holder@testby.dk",
        "Mette.Holder@Testby.dk",
        "Mette Holder",
    )
    assert not user.has_usable_password()
    assert not UserRole.objects.filter(user=user).exists()
    assert "har endnu ingen adgang" in " ".join(messages_of(response))
    assert {"/.well-known/openid-configuration", "/authorize", "/token", "/jwks", "/userinfo"} <= set(provider.requests)


def test_a_login_prepared_without_a_password_is_taken_over_by_a_verified_e_mail_and_keeps_its_roles(client, provider):
    from tests.factories import org_tree

    units = org_tree()
    user = get_user_model().objects.create_user("mette", "mette.holder@testby.dk", None)  # no password
    UserRole.objects.create(user=user, role="holder", unit=units["holder"])
    provider.claims["email_verified"] = True
    sign_in(client)
    assert client.session["_auth_user_id"] == str(user.pk)
    assert get_user_model().objects.count() == 1
    assert user.roles.get().role == "holder"
    assert user.sso_identity.subject == "entra-object-id-1"


def test_a_local_password_account_with_the_same_e_mail_is_never_taken_over(client, provider):
    admin = get_user_model().objects.create_superuser("admin", "mette.holder@testby.dk", "pw-roedtraad-test")
    provider.claims["email_verified"] = True
    sign_in(client)
    signed_in = get_user_model().objects.get(pk=client.session["_auth_user_id"])
    assert signed_in != admin and not signed_in.is_superuser and not signed_in.roles.exists()


def test_an_unverified_e_mail_gets_a_new_login_not_the_existing_one(client, provider):
    prepared = get_user_model().objects.create_user("mette", "mette.holder@testby.dk", None)
    sign_in(client)
    assert client.session["_auth_user_id"] != str(prepared.pk)


def test_a_later_login_is_matched_by_the_subject_even_when_the_e_mail_changed(client, provider):
    sign_in(client)
    first = client.session["_auth_user_id"]
    client.logout()
    provider.claims["email"] = "mette.ny@testby.dk"
    sign_in(client)
    assert client.session["_auth_user_id"] == first
    assert get_user_model().objects.count() == 1


def test_someone_else_with_a_reused_e_mail_does_not_get_the_first_persons_login(client, provider):
    sign_in(client)
    first = client.session["_auth_user_id"]
    client.logout()
    provider.claims.update({"sub": "entra-object-id-2", "email_verified": True})
    sign_in(client)
    assert client.session["_auth_user_id"] != first


def test_with_a_tenant_configured_a_login_from_another_tenant_is_refused(client, provider, settings):
    settings.OIDC_TENANT_ID = "testby-tenant"
    provider.claims["tid"] = "another-tenant"
    sign_in(client)
    assert "_auth_user_id" not in client.session
    provider.claims["tid"] = "testby-tenant"
    sign_in(client)
    assert "_auth_user_id" in client.session


def test_without_an_e_mail_a_new_login_is_named_by_the_preferred_username(client, provider):
    provider.claims.pop("email")
    sign_in(client)
    user = get_user_model().objects.get(pk=client.session["_auth_user_id"])
    assert user.username == "meho@testby.dk"


def test_an_id_token_for_another_application_is_refused(client, provider):
    provider.audience = "another-app"
    response = sign_in(client)
    assert (response.status_code, response["Location"]) == (302, reverse("login"))
    assert "_auth_user_id" not in client.session
    assert "Du blev ikke logget ind med fælles login" in " ".join(messages_of(response))
    assert not get_user_model().objects.exists()


def test_an_id_token_from_another_issuer_is_refused(client, provider):
    provider.token_issuer = "https://login.example.invalid/other-tenant"
    sign_in(client)
    assert "_auth_user_id" not in client.session


def test_a_deactivated_login_cannot_sign_in(client, provider):
    sign_in(client)
    client.logout()
    get_user_model().objects.update(is_active=False)
    sign_in(client)
    assert "_auth_user_id" not in client.session


def test_an_unreachable_provider_sends_the_person_back_to_the_login_page_with_a_message(client, settings, provider):
    settings.OIDC_OP_DISCOVERY = "http://127.0.0.1:9/.well-known/openid-configuration"
    oidc.discovered.cache_clear()
    response = client.get(reverse("oidc_authentication_init"))
    assert (response.status_code, response["Location"]) == (302, reverse("login"))
    assert "ikke tilgængeligt" in " ".join(messages_of(response))


def test_password_login_works_beside_single_sign_on(client, provider):
    get_user_model().objects.create_user("laeser", "", "pw-roedtraad-test")
    response = client.post(reverse("login"), {"username": "laeser", "password": "pw-roedtraad-test"})
    assert response.status_code == 302 and "_auth_user_id" in client.session


def test_without_configuration_there_are_no_single_sign_on_pages():
    with pytest.raises(NoReverseMatch):
        reverse("oidc_authentication_callback")
