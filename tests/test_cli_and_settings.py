"""The console script and settings: one-line errors naming the setting, never a traceback."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest


def roedtraad(*args: str, tmp_path, **env: str) -> subprocess.CompletedProcess:
    # The browser tests allow async-unsafe calls for Playwright; a real deployment does not.
    dropped = {"DATABASE_URL", "ROEDTRAAD_ENV", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environment = {k: v for k, v in os.environ.items() if k not in dropped}
    environment |= {"ROEDTRAAD_DATA_DIR": str(tmp_path), **env}
    return subprocess.run(
        [sys.executable, "-m", "roedtraad", *args], capture_output=True, text=True, env=environment, timeout=120
    )


def assert_one_line_error(result: subprocess.CompletedProcess, names: str) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert names in lines[0]


def test_a_bad_database_url_is_one_line_naming_the_setting(tmp_path):
    assert_one_line_error(roedtraad("migrate", tmp_path=tmp_path, DATABASE_URL="nosuchdb://x/y"), "DATABASE_URL")


def test_an_unreachable_postgresql_is_one_line_naming_the_setting(tmp_path):
    result = roedtraad("migrate", tmp_path=tmp_path, DATABASE_URL="postgres://postgres@127.0.0.1:1/none")
    assert_one_line_error(result, "DATABASE_URL")


@pytest.mark.parametrize("missing", ["SECRET_KEY", "DATABASE_URL", "ALLOWED_HOSTS"])
def test_a_missing_setting_in_production_is_one_line_naming_it(tmp_path, missing):
    env = {
        "ROEDTRAAD_ENV": "production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DATABASE_URL": f"sqlite:///{tmp_path}/prod.sqlite3",
        "ALLOWED_HOSTS": "rodtrad.example.org",
    }
    env[missing] = ""
    assert_one_line_error(roedtraad("check", tmp_path=tmp_path, **env), missing)


def test_check_deploy_with_production_settings_reports_no_warnings(tmp_path):
    result = roedtraad(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        tmp_path=tmp_path,
        ROEDTRAAD_ENV="production",
        SECRET_KEY=secrets.token_urlsafe(50),
        DATABASE_URL=f"sqlite:///{tmp_path}/prod.sqlite3",
        ALLOWED_HOSTS="rodtrad.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_a_development_secret_key_is_generated_once_and_kept(tmp_path):
    assert roedtraad("check", tmp_path=tmp_path).returncode == 0
    key = (tmp_path / "secret_key").read_text()
    assert len(key) >= 50
    assert roedtraad("check", tmp_path=tmp_path).returncode == 0
    assert (tmp_path / "secret_key").read_text() == key


def test_the_console_script_runs_djangos_own_commands(tmp_path):
    result = roedtraad("showmigrations", "contracts", tmp_path=tmp_path)
    assert result.returncode == 0 and "0001_initial" in result.stdout


def test_demo_on_a_database_with_data_refuses_and_says_how_to_start_afresh(tmp_path):
    assert roedtraad("migrate", "-v0", tmp_path=tmp_path).returncode == 0
    first = roedtraad("demo", tmp_path=tmp_path)
    assert first.returncode == 0, first.stderr
    assert "direktoer" in first.stdout
    again = roedtraad("demo", tmp_path=tmp_path)
    assert again.returncode != 0 and "Traceback" not in again.stderr
    assert "already has data" in again.stderr and "start afresh" in again.stderr
    if_empty = roedtraad("demo", "--if-empty", tmp_path=tmp_path)
    assert if_empty.returncode == 0 and "direktoer" in if_empty.stdout


def test_demo_refuses_in_production_before_touching_the_database(tmp_path):
    production = {
        "ROEDTRAAD_ENV": "production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'prod.sqlite3'}",
        "ALLOWED_HOSTS": "rodtrad.example.dk",
    }
    assert roedtraad("migrate", "-v0", tmp_path=tmp_path, **production).returncode == 0
    result = roedtraad("demo", tmp_path=tmp_path, **production)
    assert_one_line_error(result, "ROEDTRAAD_ENV=production")
    assert "direktoer" not in result.stdout


def test_the_demo_admin_gets_a_generated_password_printed_once(tmp_path):
    assert roedtraad("migrate", "-v0", tmp_path=tmp_path).returncode == 0
    loaded = roedtraad("demo", tmp_path=tmp_path)
    admin_line = next(line for line in loaded.stdout.splitlines() if line.strip().startswith("admin "))
    password = admin_line.split("/")[1].split()[0]
    assert len(password) >= 12 and password not in Path(__file__).read_text()
    login = roedtraad(
        "shell",
        "-c",
        "from django.contrib.auth import authenticate; "
        f"print(bool(authenticate(username='admin', password='{password}')))",
        tmp_path=tmp_path,
    )
    assert login.stdout.strip().splitlines()[-1] == "True", login.stderr
    again = roedtraad("demo", "--if-empty", tmp_path=tmp_path)
    assert password not in again.stdout and "changepassword" in again.stdout


def test_a_margin_setting_takes_a_danish_decimal_comma_and_a_bad_one_names_the_setting(monkeypatch):
    from roedtraad import config

    monkeypatch.setenv("ROEDTRAAD_STATUS_AT_RISK_MARGIN", "0,4")
    assert config.number("ROEDTRAAD_STATUS_AT_RISK_MARGIN", 0.3) == 0.4
    monkeypatch.setenv("ROEDTRAAD_STATUS_AT_RISK_MARGIN", "lidt")
    with pytest.raises(config.ConfigError, match="ROEDTRAAD_STATUS_AT_RISK_MARGIN must be a number"):
        config.number("ROEDTRAAD_STATUS_AT_RISK_MARGIN", 0.3)
