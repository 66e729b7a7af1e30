"""Reading configuration from the environment, with errors that name the setting.

Kept free of Django so that the CLI can report a bad setting in one line before Django
starts (a traceback from inside settings.py is what a user must never see).
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import dj_database_url


class ConfigError(Exception):
    """A setting is missing or wrong; the message names the setting."""


def environment() -> str:
    env = os.environ.get("ROEDTRAAD_ENV", "development").strip().lower()
    if env not in {"development", "production"}:
        raise ConfigError(f"ROEDTRAAD_ENV must be 'development' or 'production', not {env!r}")
    return env


def is_production() -> bool:
    return environment() == "production"


def data_dir() -> Path:
    raw = os.environ.get("ROEDTRAAD_DATA_DIR") or str(Path.home() / ".local/share/roedtraad")
    path = Path(raw).expanduser()
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(f"ROEDTRAAD_DATA_DIR: cannot create {path}: {exc.strerror}") from exc
    return path


def flag(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ConfigError(f"{name} must be true or false, not {raw!r}")


def integer(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a whole number, not {raw!r}") from None


def number(name: str, default: float) -> float:
    """A decimal number; a decimal comma is taken too (0,3), as a Danish administrator writes it."""
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return float(raw.strip().replace(",", "."))
    except ValueError:
        raise ConfigError(f"{name} must be a number such as 0.3, not {raw!r}") from None


def listing(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def required(name: str) -> str:
    value = os.environ.get(name, "").strip()
    if not value:
        raise ConfigError(f"{name} is required when ROEDTRAAD_ENV=production")
    return value


def database() -> dj_database_url.DBConfig:
    """DATABASE_URL as a Django DATABASES entry; SQLite under the data dir by default."""
    url = os.environ.get("DATABASE_URL", "").strip()
    if not url:
        if is_production():
            required("DATABASE_URL")
        url = f"sqlite:///{data_dir() / 'roedtraad.sqlite3'}"
    try:
        config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    except Exception as exc:  # the library raises several types for a malformed URL
        reason = str(exc).split(". ")[0]
        raise ConfigError(f"DATABASE_URL is not a database URL I understand: {reason}") from None
    engine = config.get("ENGINE", "")
    if engine not in {"django.db.backends.sqlite3", "django.db.backends.postgresql"}:
        raise ConfigError(f"DATABASE_URL: only sqlite:// and postgres:// are supported, not {engine}")
    if engine.endswith("sqlite3"):
        # Connections are kept (CONN_MAX_AGE above): opening one per request cost more than
        # answering a kept page (benchmarks/README.md, pages).
        config["OPTIONS"] = {"timeout": 20, "transaction_mode": "IMMEDIATE", "init_command": "PRAGMA journal_mode=WAL;"}
    if engine.endswith("postgresql"):
        config.setdefault("OPTIONS", {})["connect_timeout"] = 5
    return config


def secret_key() -> str:
    """SECRET_KEY from the environment; in development generated once and kept in the data dir."""
    value = os.environ.get("SECRET_KEY", "").strip()
    if value:
        return value
    if is_production():
        return required("SECRET_KEY")
    path = data_dir() / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


OIDC_ENDPOINTS = (
    "OIDC_OP_AUTHORIZATION_ENDPOINT",
    "OIDC_OP_TOKEN_ENDPOINT",
    "OIDC_OP_USER_ENDPOINT",
    "OIDC_OP_JWKS_ENDPOINT",
)
OIDC_ALGORITHMS = {"RS256", "RS384", "RS512", "ES256", "ES384", "ES512"}


def _oidc_url(name: str) -> str:
    value = os.environ.get(name, "").strip()
    if not value:
        return ""
    scheme, _sep, rest = value.partition("://")
    host = rest.split("/")[0].split(":")[0]
    if scheme == "https" and host:
        return value
    if scheme == "http" and host in {"127.0.0.1", "localhost"} and not is_production():
        return value
    raise ConfigError(f"{name} must be an https:// URL, not {value!r}")


def oidc() -> dict[str, object]:
    """Single sign-on settings (mozilla-django-oidc's names); empty when OIDC_RP_CLIENT_ID is unset."""
    client_id = os.environ.get("OIDC_RP_CLIENT_ID", "").strip()
    if not client_id:
        stray = [n for n in ("OIDC_RP_CLIENT_SECRET", "OIDC_OP_DISCOVERY", *OIDC_ENDPOINTS) if os.environ.get(n)]
        if stray:
            raise ConfigError(f"OIDC_RP_CLIENT_ID is required when {stray[0]} is set")
        return {}
    secret = os.environ.get("OIDC_RP_CLIENT_SECRET", "").strip()
    if not secret:
        raise ConfigError("OIDC_RP_CLIENT_SECRET is required when OIDC_RP_CLIENT_ID is set")
    discovery = _oidc_url("OIDC_OP_DISCOVERY")
    endpoints = {name: _oidc_url(name) for name in OIDC_ENDPOINTS}
    missing = [name for name, url in endpoints.items() if not url]
    if not discovery and missing:
        raise ConfigError(f"OIDC_OP_DISCOVERY (or {', '.join(missing)}) is required when OIDC_RP_CLIENT_ID is set")
    algorithm = os.environ.get("OIDC_RP_SIGN_ALGO", "").strip() or "RS256"
    if algorithm not in OIDC_ALGORITHMS:
        raise ConfigError(f"OIDC_RP_SIGN_ALGO must be one of {', '.join(sorted(OIDC_ALGORITHMS))}, not {algorithm!r}")
    settings: dict[str, object] = {
        "OIDC_RP_CLIENT_ID": client_id,
        "OIDC_RP_CLIENT_SECRET": secret,
        "OIDC_OP_DISCOVERY": discovery,
    }
    settings.update({name: url for name, url in endpoints.items() if url})
    issuer = os.environ.get("OIDC_OP_ISSUER", "").strip()
    if issuer:
        settings["OIDC_OP_ISSUER"] = issuer
    tenant = os.environ.get("OIDC_TENANT_ID", "").strip()
    if tenant:
        settings["OIDC_TENANT_ID"] = tenant
    settings["OIDC_TRUST_EMAIL"] = flag("OIDC_TRUST_EMAIL", default=False)
    settings["OIDC_RP_SIGN_ALGO"] = algorithm
    settings["OIDC_RP_SCOPES"] = os.environ.get("OIDC_RP_SCOPES", "").strip() or "openid email profile"
    return settings


def text(name: str, default: str = "") -> str:
    """A setting taken as it is written (a password may hold commas and spaces inside)."""
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    return raw.strip()


def base_url() -> str:
    """ROEDTRAAD_BASE_URL: where users reach Rødtråd, for the links in e-mails (no trailing slash)."""
    value = text("ROEDTRAAD_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
    scheme, _sep, rest = value.partition("://")
    if scheme not in {"http", "https"} or not rest.split("/")[0]:
        raise ConfigError(f"ROEDTRAAD_BASE_URL must be an http:// or https:// address, not {value!r}")
    return value


def email() -> dict[str, object]:
    """E-mail (Django's names): SMTP when EMAIL_HOST is set, else the mails are written to the
    console, as in development."""
    host = text("EMAIL_HOST")
    settings: dict[str, object] = {
        "DEFAULT_FROM_EMAIL": text("DEFAULT_FROM_EMAIL", "roedtraad@localhost"),
        "EMAIL_TIMEOUT": integer("EMAIL_TIMEOUT", 10),
    }
    if not host:
        smtp = ("EMAIL_PORT", "EMAIL_HOST_USER", "EMAIL_HOST_PASSWORD", "EMAIL_USE_TLS")
        stray = [name for name in smtp if os.environ.get(name)]
        if stray:
            raise ConfigError(f"EMAIL_HOST is required when {stray[0]} is set")
        return {**settings, "EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    use_tls = flag("EMAIL_USE_TLS", default=False)
    return {
        **settings,
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": host,
        "EMAIL_PORT": integer("EMAIL_PORT", 587 if use_tls else 25),
        "EMAIL_HOST_USER": text("EMAIL_HOST_USER"),
        "EMAIL_HOST_PASSWORD": os.environ.get("EMAIL_HOST_PASSWORD", ""),
        "EMAIL_USE_TLS": use_tls,
    }
