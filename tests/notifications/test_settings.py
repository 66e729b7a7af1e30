"""E-mail settings from the environment: the console by default, SMTP when EMAIL_HOST is set."""

from __future__ import annotations

import pytest

from roedtraad import config

SMTP = ("EMAIL_HOST", "EMAIL_PORT", "EMAIL_HOST_USER", "EMAIL_HOST_PASSWORD", "EMAIL_USE_TLS", "DEFAULT_FROM_EMAIL")


@pytest.fixture(autouse=True)
def _no_mail_settings(monkeypatch):
    for name in (*SMTP, "EMAIL_TIMEOUT", "ROEDTRAAD_BASE_URL"):
        monkeypatch.delenv(name, raising=False)


def test_without_a_mail_server_the_mails_go_to_the_console():
    assert config.email()["EMAIL_BACKEND"] == "django.core.mail.backends.console.EmailBackend"
    assert config.base_url() == "http://127.0.0.1:8000"


def test_smtp_is_configured_from_the_environment(monkeypatch):
    env = {
        "EMAIL_HOST": "smtp.testby.dk",
        "EMAIL_PORT": "2525",
        "EMAIL_HOST_USER": "roedtraad",
        "EMAIL_HOST_PASSWORD": "hemmelig, med komma",
        "EMAIL_USE_TLS": "true",
        "DEFAULT_FROM_EMAIL": "Rødtråd <roedtraad@testby.dk>",
    }
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    settings = config.email()
    assert settings["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert (settings["EMAIL_HOST"], settings["EMAIL_PORT"], settings["EMAIL_USE_TLS"]) == ("smtp.testby.dk", 2525, True)
    assert (settings["EMAIL_HOST_USER"], settings["EMAIL_HOST_PASSWORD"]) == ("roedtraad", "hemmelig, med komma")
    assert settings["DEFAULT_FROM_EMAIL"] == "Rødtråd <roedtraad@testby.dk>"


def test_tls_defaults_to_the_submission_port(monkeypatch):
    monkeypatch.setenv("EMAIL_HOST", "smtp.testby.dk")
    monkeypatch.setenv("EMAIL_USE_TLS", "yes")
    assert config.email()["EMAIL_PORT"] == 587


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("EMAIL_PORT", "25", "EMAIL_HOST is required when EMAIL_PORT is set"),
        ("EMAIL_USE_TLS", "måske", "EMAIL_USE_TLS must be true or false"),
        ("ROEDTRAAD_BASE_URL", "roedtraad.testby.dk", "ROEDTRAAD_BASE_URL must be an http:// or https:// address"),
    ],
)
def test_a_bad_mail_setting_names_itself(monkeypatch, name, value, message):
    monkeypatch.setenv(name, value)
    if name == "EMAIL_USE_TLS":
        monkeypatch.setenv("EMAIL_HOST", "smtp.testby.dk")
    with pytest.raises(config.ConfigError, match=message):
        config.email() if name.startswith("EMAIL") else config.base_url()


def test_the_base_url_loses_its_trailing_slash(monkeypatch):
    monkeypatch.setenv("ROEDTRAAD_BASE_URL", "https://roedtraad.testby.dk/")
    assert config.base_url() == "https://roedtraad.testby.dk"
