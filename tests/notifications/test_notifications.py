"""Notifications: who is told when a contract moves on or a proposal waits, by e-mail and in the outbox."""

from __future__ import annotations

from smtplib import SMTPException

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from tests.contracts.conftest import WHY
from tests.notifications.conftest import BASE_URL

from roedtraad.checks import proposals
from roedtraad.contracts import workflow
from roedtraad.contracts.models import Contract
from roedtraad.notifications.models import Delivery, Kind, Notification, NotificationPreference


def mailed_to() -> set[str]:
    return {address for message in mail.outbox for address in message.to}


def addresses(people, *roles) -> set[str]:
    return {people[role].email for role in roles}


def stored(kind: str) -> dict[str, str]:
    """Username -> delivery status of the stored notifications of `kind`."""
    rows = Notification.objects.filter(kind=kind).select_related("recipient")
    return {row.recipient.username: row.status for row in rows}


def contract_url(contract) -> str:
    return f"{BASE_URL}/contracts/{contract.pk}/"


def submitted(world, people, run) -> Contract:
    """The holder's draft, submitted; the mails of that step are forgotten."""
    run(workflow.submit, world["draft"], people["holder"])
    mail.outbox.clear()
    return world["draft"]


# Each event tells the right people --------------------------------------------------------


def test_a_submitted_contract_is_mailed_to_the_head_of_area_and_the_director(world, people, run):
    run(workflow.submit, world["draft"], people["holder"])

    assert mailed_to() == addresses(people, "head_of_area", "director")
    assert stored(Kind.SUBMITTED) == {"fagchef": Delivery.SENT, "direktoer": Delivery.SENT}
    message = mail.outbox[0]
    assert message.subject == "Til gennemsyn: kontrakten for Solsikken 2026"
    assert "Person holder har indsendt kontrakten for Solsikken 2026 til gennemsyn." in message.body
    assert contract_url(world["draft"]) in message.body
    assert f"{BASE_URL}/notifikationer/indstillinger/" in message.body
    row = Notification.objects.filter(kind=Kind.SUBMITTED).first()
    assert (row.link, row.body, row.sent_at is not None) == (contract_url(world["draft"]), message.body, True)


def test_a_contract_sent_back_is_mailed_to_its_holder_with_the_reason(world, people, run):
    contract = submitted(world, people, run)
    run(workflow.request_changes, contract, people["head_of_area"], "Mål 1 mangler et måltal.")

    assert mailed_to() == addresses(people, "holder")
    assert stored(Kind.SENT_BACK) == {"holder": Delivery.SENT}
    message = mail.outbox[0]
    assert message.subject == "Sendt tilbage: kontrakten for Solsikken 2026"
    assert "Person fagchef har sendt kontrakten for Solsikken 2026 tilbage med ønsker om ændringer" in message.body
    assert "Mål 1 mangler et måltal." in message.body and contract_url(contract) in message.body


def test_a_recommended_contract_is_mailed_to_the_director(world, people, run):
    contract = submitted(world, people, run)
    run(workflow.recommend, contract, people["head_of_area"])

    assert mailed_to() == addresses(people, "director")
    assert stored(Kind.RECOMMENDED) == {"direktoer": Delivery.SENT}
    assert "Person fagchef har anbefalet kontrakten for Solsikken 2026 til indgåelse." in mail.outbox[0].body


def test_an_entered_contract_is_mailed_to_the_holder_and_the_head_of_area(world, people, run):
    import datetime as dt

    contract = submitted(world, people, run)
    run(workflow.enter, contract, people["director"], on=dt.date(2026, 1, 28), justification=WHY)

    assert mailed_to() == addresses(people, "holder", "head_of_area")
    assert stored(Kind.ENTERED) == {"holder": Delivery.SENT, "fagchef": Delivery.SENT}
    body = mail.outbox[0].body
    assert "Person direktoer har indgået kontrakten for Solsikken 2026 den 28. januar 2026." in body


def test_a_proposal_of_a_shared_goal_is_mailed_to_both_holders_each_about_their_own_goal(world, people, run):
    ours, theirs = world["draft_goal"], world["entered_goal"]
    run(proposals.propose, people["head_of_area"], ours, theirs, "I arbejder med det samme.")

    assert mailed_to() == addresses(people, "holder", "other_holder")
    assert stored(Kind.PROPOSAL) == {"holder": Delivery.SENT, "holder2": Delivery.SENT}
    by_address = {message.to[0]: message for message in mail.outbox}
    mine = by_address[people["holder"].email]
    assert mine.subject == f"Forslag om fælles mål venter på dit svar: 1. {ours.title}"
    assert f"{BASE_URL}/goals/{ours.pk}/" in mine.body and "I arbejder med det samme." in mine.body
    assert f"hos {theirs.contract.holder}" in mine.body
    assert f"{BASE_URL}/goals/{theirs.pk}/" in by_address[people["other_holder"].email].body


def test_the_user_who_takes_the_step_is_not_told(world, people, run):
    run(workflow.submit, world["draft"], people["director"])  # the director may submit for the holder
    assert mailed_to() == addresses(people, "head_of_area")
    assert "direktoer" not in stored(Kind.SUBMITTED)


def test_the_mails_are_danish_and_link_the_danish_pages_whatever_the_language_of_the_request(world, people, run):
    with translation.override("en"):
        run(workflow.submit, world["draft"], people["holder"])
    message = mail.outbox[0]
    assert message.subject.startswith("Til gennemsyn") and "/en/" not in message.body


# Nothing for a step that did not happen ---------------------------------------------------


def test_nothing_is_sent_or_stored_when_the_step_is_refused(world, people, run):
    with pytest.raises(workflow.NotAllowed):
        run(workflow.submit, world["draft"], people["reader"])
    with pytest.raises(workflow.WorkflowError):
        run(workflow.request_changes, world["submitted"], people["director"], "   ")
    assert mail.outbox == [] and not Notification.objects.exists()


def test_nothing_is_sent_or_stored_when_the_step_is_rolled_back(world, people, django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        workflow.submit(world["draft"], people["holder"])
        assert Notification.objects.count() == 2  # stored with the step ...
        raise RuntimeError("something after the step failed")
    assert callbacks == [] and mail.outbox == []
    assert not Notification.objects.exists()  # ... and rolled back with it
    assert Contract.objects.get(pk=world["draft"].pk).status == "draft"


def test_nothing_is_mailed_before_the_step_commits(world, people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        workflow.submit(world["draft"], people["holder"])
    assert len(callbacks) == 1 and mail.outbox == []
    assert set(stored(Kind.SUBMITTED).values()) == {Delivery.PENDING}


def test_a_refused_proposal_sends_nothing(world, people, run):
    ours, theirs = world["draft_goal"], world["entered_goal"]
    run(proposals.propose, people["head_of_area"], ours, theirs)
    mail.outbox.clear()
    with pytest.raises(workflow.WorkflowError):
        run(proposals.propose, people["director"], ours, theirs)  # one open proposal per pair
    assert mail.outbox == [] and Notification.objects.filter(kind=Kind.PROPOSAL).count() == 2


# Turned off, no address, a failing mail server -------------------------------------------


def test_a_kind_turned_off_is_not_mailed_but_kept_as_not_sent(world, people, run, login):
    everything_but_submitted = [kind for kind in Kind.values if kind != Kind.SUBMITTED]
    response = login("head_of_area").post(reverse("notifications:settings"), {"kinds": everything_but_submitted})
    assert response.status_code == 302
    assert NotificationPreference.objects.get(user=people["head_of_area"], kind=Kind.SUBMITTED).enabled is False

    run(workflow.submit, world["draft"], people["holder"])

    assert mailed_to() == addresses(people, "director")
    assert stored(Kind.SUBMITTED) == {"fagchef": Delivery.TURNED_OFF, "direktoer": Delivery.SENT}
    run(workflow.recommend, world["draft"], people["head_of_area"])
    assert stored(Kind.RECOMMENDED) == {"direktoer": Delivery.SENT}, "only the kind turned off"


def test_a_recipient_without_an_e_mail_address_is_kept_in_the_outbox_and_not_mailed(world, people, run):
    people["director"].email = ""
    people["director"].save()
    run(workflow.submit, world["draft"], people["holder"])
    assert mailed_to() == addresses(people, "head_of_area")
    assert stored(Kind.SUBMITTED) == {"fagchef": Delivery.SENT, "direktoer": Delivery.NO_ADDRESS}


def test_the_persons_address_is_used_when_the_login_has_none(world, people, run):
    director = people["director"]
    director.email = ""
    director.save()
    director.person.email = "direktoer@kommune.dk"
    director.person.save()
    run(workflow.submit, world["draft"], people["holder"])
    assert "direktoer@kommune.dk" in mailed_to()


def test_a_failing_mail_server_marks_the_notifications_failed_and_the_step_stands(
    world, people, run, monkeypatch, caplog
):
    def refuse(self, messages):
        raise SMTPException("550 mailbox unavailable")

    monkeypatch.setattr(EmailBackend, "send_messages", refuse)
    run(workflow.submit, world["draft"], people["holder"])
    assert Contract.objects.get(pk=world["draft"].pk).status == "submitted"
    rows = Notification.objects.filter(kind=Kind.SUBMITTED)
    assert {row.status for row in rows} == {Delivery.FAILED}
    assert all("550 mailbox unavailable" in row.error for row in rows)


# The pages --------------------------------------------------------------------------------


def test_the_outbox_shows_a_user_only_their_own_notifications(world, people, run, login):
    run(workflow.submit, world["draft"], people["holder"])
    run(workflow.request_changes, world["draft"], people["head_of_area"], "Tilføj et måltal.")
    url = reverse("notifications:outbox")

    holder = login("holder").get(url).content.decode()
    assert "Sendt tilbage: kontrakten for Solsikken 2026" in holder and "Til gennemsyn" not in holder
    head = login("head_of_area").get(url).content.decode()
    assert "Til gennemsyn: kontrakten for Solsikken 2026" in head and "Sendt tilbage:" not in head
    assert "Der er ingen notifikationer endnu." in login("reader").get(url).content.decode()


def test_the_director_sees_every_notification_with_its_recipient(world, people, run, login):
    run(workflow.submit, world["draft"], people["holder"])
    run(workflow.request_changes, world["draft"], people["head_of_area"], "Tilføj et måltal.")
    page = login("director").get(reverse("notifications:outbox")).content.decode()
    assert "Til gennemsyn: kontrakten for Solsikken 2026" in page and "Sendt tilbage: kontrakten" in page
    assert "Person fagchef" in page and "Person holder" in page and "Modtager" in page
    assert 'href="/notifikationer/"' in page, "the menu links the page"


def test_the_settings_page_lists_the_five_kinds_ticked_until_turned_off(world, people, login):
    client = login("holder")
    url = reverse("notifications:settings")
    page = client.get(url).content.decode()
    assert page.count('type="checkbox"') == 5 and page.count("checked") == 5
    assert client.post(url, {}).status_code == 302  # nothing ticked: every kind off
    assert set(NotificationPreference.objects.filter(user=people["holder"]).values_list("enabled", flat=True)) == {
        False
    }
    assert client.get(url).content.decode().count("checked") == 0
    client.post(url, {"kinds": [Kind.SENT_BACK, Kind.PROPOSAL]})
    enabled = NotificationPreference.objects.filter(user=people["holder"], enabled=True)
    assert set(enabled.values_list("kind", flat=True)) == {Kind.SENT_BACK, Kind.PROPOSAL}


def test_the_settings_page_refuses_an_unknown_kind(world, people, login):
    response = login("holder").post(reverse("notifications:settings"), {"kinds": ["everything"]})
    assert response.status_code == 400 and not NotificationPreference.objects.exists()
