"""Failed logins are throttled: after 5 failures for a username from one address, 15 minutes' wait."""

import datetime as dt

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db
PASSWORD = "korrekt-hest-batteri-hæfteklamme"


@pytest.fixture
def holder():
    return get_user_model().objects.create_user("holder", "holder@testby.dk", PASSWORD)


def attempt(client: Client, password: str, username: str = "holder", ip: str = "10.0.0.7"):
    return client.post(reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=ip)


def test_a_correct_password_logs_in(client, holder):
    response = attempt(client, PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(holder.pk)


def test_four_wrong_passwords_still_leave_the_login_page_open(client, holder):
    for _ in range(4):
        assert attempt(client, "forkert").status_code == 200
    assert attempt(client, PASSWORD).status_code == 302


def test_after_five_wrong_passwords_even_the_right_one_is_refused_with_a_danish_message(client, holder):
    statuses = [attempt(client, "forkert").status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 200, 429]
    response = attempt(client, PASSWORD)
    assert response.status_code == 429
    text = response.content.decode()
    assert "For mange forsøg på at logge ind" in text
    assert "først prøve igen om 15 minutter" in text
    assert "_auth_user_id" not in client.session


def test_the_same_username_from_another_address_is_not_locked_out(client, holder):
    for _ in range(5):
        attempt(client, "forkert", ip="10.0.0.7")
    assert attempt(Client(), PASSWORD, ip="10.0.0.8").status_code == 302


def test_another_username_from_the_same_address_is_not_locked_out(client, holder):
    get_user_model().objects.create_user("fagchef", "", PASSWORD)
    for _ in range(5):
        attempt(client, "forkert")
    assert attempt(Client(), PASSWORD, username="fagchef").status_code == 302


def test_the_lockout_ends_after_15_minutes(client, holder):
    for _ in range(5):
        attempt(client, "forkert")
    AccessAttempt.objects.update(attempt_time=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=16))
    assert attempt(client, PASSWORD).status_code == 302


def test_a_successful_login_forgets_the_earlier_failures(client, holder):
    for _ in range(4):
        attempt(client, "forkert")
    attempt(client, PASSWORD)
    client.logout()
    for _ in range(4):
        assert attempt(client, "forkert").status_code == 200


def test_the_test_clients_login_without_a_request_still_works(holder):
    assert Client().login(username="holder", password=PASSWORD)
