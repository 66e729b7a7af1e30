"""API tokens: only a hash stored, made on the user's page or with `roedtraad api-token`, revoked
by their owner."""

from __future__ import annotations

import hashlib

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from roedtraad.api.models import ApiToken


def test_only_the_hash_of_a_token_is_stored(api, world):
    token = api.token("holder")
    row = ApiToken.objects.get(user=world["users"]["holder"])
    assert row.secret_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in {row.secret_hash, row.prefix, row.name}
    assert token.startswith(f"rt_{row.prefix}_")


def test_the_command_prints_a_working_token(api, world, capsys):
    call_command("api-token", "--user", "holder", "--name", "Targit")
    token = capsys.readouterr().out.strip()
    assert ApiToken.objects.get(user=world["users"]["holder"]).name == "Targit"
    response = api.client.get("/api/contracts", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.json()["count"] == 1


def test_the_command_refuses_an_unknown_user(world):
    with pytest.raises(CommandError, match="ingen bruger"):
        call_command("api-token", "--user", "nobody")


def test_the_console_script_exits_non_zero_for_an_unknown_user(world, capsys):
    from roedtraad.cli import main

    with pytest.raises(SystemExit) as exit_:
        main(["api-token", "--user", "nobody"])
    assert exit_.value.code != 0
    assert "nobody" in capsys.readouterr().err


def test_a_user_makes_sees_once_and_revokes_a_token_on_their_page(client, world):
    client.force_login(world["users"]["reader"])
    made = client.post(reverse("api_token_create"), {"name": "Power BI"}, follow=True)
    token = made.context["new_token"]
    assert token and token in made.content.decode()
    page = client.get(reverse("api_tokens")).content.decode()
    assert "Power BI" in page and token not in page  # shown once
    row = ApiToken.objects.get(user=world["users"]["reader"])
    assert client.post(reverse("api_token_revoke", args=[row.pk])).status_code == 302
    row.refresh_from_db()
    assert row.revoked_at is not None
    assert client.get("/api/contracts", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 401


def test_a_token_needs_a_name(client, world):
    client.force_login(world["users"]["reader"])
    response = client.post(reverse("api_token_create"), {"name": ""})
    assert response.status_code == 400
    assert not ApiToken.objects.exists()


def test_nobody_revokes_another_users_token(api, client, world):
    api.token("holder")
    row = ApiToken.objects.get(user=world["users"]["holder"])
    client.force_login(world["users"]["director"])
    assert client.post(reverse("api_token_revoke", args=[row.pk])).status_code == 404
    row.refresh_from_db()
    assert row.revoked_at is None


def test_the_page_needs_a_login(client, world):
    response = client.get(reverse("api_tokens"))
    assert response.status_code == 302 and "login" in response["Location"]
