"""Single sign-on is configured from the environment, with errors that name the setting."""

import pytest

from roedtraad import config
from roedtraad.config import ConfigError

NAMES = (
    "OIDC_RP_CLIENT_ID",
    "OIDC_RP_CLIENT_SECRET",
    "OIDC_OP_DISCOVERY",
    "OIDC_OP_AUTHORIZATION_ENDPOINT",
    "OIDC_OP_TOKEN_ENDPOINT",
    "OIDC_OP_USER_ENDPOINT",
    "OIDC_OP_JWKS_ENDPOINT",
    "OIDC_OP_ISSUER",
    "OIDC_RP_SIGN_ALGO",
    "OIDC_RP_SCOPES",
    "ROEDTRAAD_ENV",
)
ENTRA = "https://login.microsoftonline.com/1234-tenant/v2.0/.well-known/openid-configuration"


@pytest.fixture
def env(monkeypatch):
    for name in NAMES:
        monkeypatch.delenv(name, raising=False)

    def set_env(**values):
        for name, value in values.items():
            monkeypatch.setenv(name, value)

    return set_env


def test_single_sign_on_is_off_when_nothing_is_set(env):
    assert config.oidc() == {}


def test_entra_id_is_configured_by_its_discovery_url(env):
    env(OIDC_RP_CLIENT_ID="app-id", OIDC_RP_CLIENT_SECRET="s3cret", OIDC_OP_DISCOVERY=ENTRA)
    settings = config.oidc()
    assert settings["OIDC_OP_DISCOVERY"] == ENTRA
    assert (settings["OIDC_RP_SIGN_ALGO"], settings["OIDC_RP_SCOPES"]) == ("RS256", "openid email profile")


def test_explicit_endpoints_replace_discovery(env):
    base = "https://idp.kommune.dk/oauth2"
    env(
        OIDC_RP_CLIENT_ID="app-id",
        OIDC_RP_CLIENT_SECRET="s3cret",
        OIDC_OP_AUTHORIZATION_ENDPOINT=f"{base}/authorize",
        OIDC_OP_TOKEN_ENDPOINT=f"{base}/token",
        OIDC_OP_USER_ENDPOINT=f"{base}/userinfo",
        OIDC_OP_JWKS_ENDPOINT=f"{base}/keys",
    )
    assert config.oidc()["OIDC_OP_JWKS_ENDPOINT"] == f"{base}/keys"


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"OIDC_RP_CLIENT_ID": "app-id"}, "OIDC_RP_CLIENT_SECRET is required when OIDC_RP_CLIENT_ID is set"),
        ({"OIDC_OP_DISCOVERY": ENTRA}, "OIDC_RP_CLIENT_ID is required when OIDC_OP_DISCOVERY is set"),
        (
            {"OIDC_RP_CLIENT_ID": "a", "OIDC_RP_CLIENT_SECRET": "s", "OIDC_OP_TOKEN_ENDPOINT": "https://idp/token"},
            "OIDC_OP_DISCOVERY (or OIDC_OP_AUTHORIZATION_ENDPOINT, OIDC_OP_USER_ENDPOINT, OIDC_OP_JWKS_ENDPOINT)",
        ),
        (
            {"OIDC_RP_CLIENT_ID": "a", "OIDC_RP_CLIENT_SECRET": "s", "OIDC_OP_DISCOVERY": "http://idp.dk/x"},
            "OIDC_OP_DISCOVERY must be an https:// URL",
        ),
        (
            {
                "OIDC_RP_CLIENT_ID": "a",
                "OIDC_RP_CLIENT_SECRET": "s",
                "OIDC_OP_DISCOVERY": ENTRA,
                "OIDC_RP_SIGN_ALGO": "none",
            },
            "OIDC_RP_SIGN_ALGO must be one of",
        ),
    ],
)
def test_a_wrong_setting_is_named(env, values, message):
    env(**values)
    with pytest.raises(ConfigError, match=message.replace("(", r"\(").replace(")", r"\)")):
        config.oidc()


def test_a_local_http_provider_is_allowed_only_outside_production(env):
    env(OIDC_RP_CLIENT_ID="a", OIDC_RP_CLIENT_SECRET="s", OIDC_OP_DISCOVERY="http://127.0.0.1:8080/.well-known/x")
    assert config.oidc()["OIDC_OP_DISCOVERY"].startswith("http://127.0.0.1")
    env(ROEDTRAAD_ENV="production")
    with pytest.raises(ConfigError, match="OIDC_OP_DISCOVERY must be an https:// URL"):
        config.oidc()
