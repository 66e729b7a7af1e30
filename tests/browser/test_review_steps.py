"""The review year in the browser, as each role: a new revision, the comparison with the entered
one, the head of area's recommendation, the director's entry with a justification (and a cancel
that leaves the contract as it was), a contract sent back on the holder's start page, and the
outbox after each notifying event. axe-core on every page; screenshots for docs/screenshots/."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.browser.conftest import axe_violations, log_in

pytestmark = pytest.mark.browser

SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
DESKTOP, PHONE = {"width": 1280, "height": 900}, {"width": 390, "height": 844}


def shoot(page, name: str) -> None:
    """Screenshots at desktop and phone width, written only when asked (ROEDTRAAD_SCREENSHOTS=1)."""
    import os

    if not os.environ.get("ROEDTRAAD_SCREENSHOTS"):
        return
    for label, size in (("desktop", DESKTOP), ("phone", PHONE)):
        page.set_viewport_size(size)
        page.screenshot(path=str(SHOTS / f"{name}-{label}.png"), full_page=True)
    page.set_viewport_size(DESKTOP)


def as_user(browser, live_server, username: str):
    page = browser.new_context(viewport=DESKTOP).new_page()
    log_in(page, live_server.url, username)
    return page


def checked(page) -> str:
    assert axe_violations(page) == [], page.url
    return page.locator("main").inner_text()


def _revise_the_holders_contract(browser, live_server):
    from roedtraad.contracts.editing import save_goal
    from roedtraad.contracts.models import Contract

    entered = Contract.objects.get(holder__name="Hjemmeplejen Fjordby", revision=1)
    page = as_user(browser, live_server, "kontraktholder")
    page.goto(f"{live_server.url}/contracts/{entered.pk}/")
    page.click("button:has-text('Opret ny revision')")
    assert "Den indgåede kontrakt gælder fortsat" in checked(page)
    page.click("button:has-text('Ja, opret en ny revision')")
    page.wait_for_url("**/contracts/*/")
    revision = Contract.objects.get(previous_revision=entered)
    goal = revision.goals.order_by("number").first()
    text = goal.sections.get(key__in=["udviklingsmaal", "arbejde_med"])
    save_goal(
        goal.pk,
        page_user("kontraktholder"),
        expected_version=goal.version,
        sections={text.key: text.text + " Vi følger op hver måned."},
    )
    page.goto(f"{live_server.url}/contracts/{revision.pk}/")
    page.click("button:has-text('Indsend til fagchefen')")
    page.wait_for_load_state()
    page.context.close()
    return revision


def page_user(username: str):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username=username)


def test_a_revision_is_compared_recommended_and_entered_with_a_justification(browser, live_server, demo):
    from roedtraad.contracts.models import Contract

    revision = _revise_the_holders_contract(browser, live_server)

    head = as_user(browser, live_server, "fagchef")
    head.goto(f"{live_server.url}/notifikationer/")
    assert "indsendt" in checked(head).lower(), "the head of area is told of the submission"
    head.goto(f"{live_server.url}/contracts/{revision.pk}/")
    assert "Ændret i forhold til den indgåede revision 1" in checked(head)
    head.click("text=Se ændringerne ord for ord")
    head.wait_for_url("**/compare/")
    text = checked(head)
    assert "1 mål ændret" in text and "Vi følger op hver måned." in head.locator("main ins").first.inner_text()
    shoot(head, "compare-head-of-area")
    head.goto(f"{live_server.url}/contracts/{revision.pk}/")
    head.click("button:has-text('Anbefal til indgåelse')")
    head.wait_for_load_state()
    assert Contract.objects.get(pk=revision.pk).recommended_on is not None
    head.context.close()

    director = as_user(browser, live_server, "direktoer")
    director.goto(f"{live_server.url}/notifikationer/")
    assert "anbefalet" in checked(director).lower()
    shoot(director, "outbox-director")
    director.goto(f"{live_server.url}/contracts/{revision.pk}/")
    director.click("button:has-text('Indgå kontrakten')")
    confirmation = checked(director)
    assert "Kontrakten låses" in confirmation
    if director.locator("#justification").count():
        shoot(director, "enter-confirmation-director")
        director.click("a:has-text('Fortryd')")
        director.wait_for_url(f"**/contracts/{revision.pk}/")
        assert Contract.objects.get(pk=revision.pk).status == "submitted", "cancel leaves the contract as it was"
        director.click("button:has-text('Indgå kontrakten')")
        director.fill("#justification", "Kravene følges op i første kontraktdialog.")
    director.click("button:has-text('Ja, indgå kontrakten')")
    director.wait_for_url(f"**/contracts/{revision.pk}/")
    assert Contract.objects.get(pk=revision.pk).status == "entered"
    checked(director)
    director.context.close()

    holder = as_user(browser, live_server, "kontraktholder")
    holder.goto(f"{live_server.url}/notifikationer/")
    assert "indgået" in checked(holder).lower()
    holder.goto(f"{live_server.url}/notifikationer/indstillinger/")
    assert holder.locator("main input[type=checkbox]").count() == 5
    checked(holder)
    holder.context.close()


def test_a_contract_sent_back_waits_on_the_holders_start_page_with_the_reason(browser, live_server, demo):
    from roedtraad.contracts.models import Contract
    from roedtraad.review.services import add_comment

    contract = Contract.objects.get(holder__name="Fjordby Skole", status="submitted")
    goal = contract.goals.order_by("number").first()
    add_comment(goal, page_user("direktoer"), "Målet mangler et måltal for fraværet.")
    director = as_user(browser, live_server, "direktoer")
    director.goto(f"{live_server.url}/contracts/{contract.pk}/")
    director.click("summary:has-text('Send tilbage med ønsker om ændringer')")
    director.fill("#change-comment", "Tilføj et måltal for sygefraværet i mål 1.")
    director.click("button:has-text('Send tilbage')")
    director.wait_for_load_state()
    director.context.close()

    holder = as_user(browser, live_server, "kontraktholder2")
    holder.goto(live_server.url + "/")
    start = checked(holder)
    assert "Tilføj et måltal for sygefraværet i mål 1." in start and "1 åben kommentar" in start
    assert holder.locator(f"main a[href*='/goals/{goal.pk}/']").count() >= 1
    shoot(holder, "start-sent-back-holder")
    holder.goto(f"{live_server.url}/notifikationer/")
    assert "sendt tilbage" in checked(holder).lower()
    holder.context.close()


def test_a_contract_prints_its_goals_in_full_without_the_menu(browser, live_server, demo):
    from roedtraad.contracts.models import Contract

    contract = Contract.objects.get(holder__name="Hjemmeplejen Fjordby")
    section = contract.goals.order_by("number").first().sections.exclude(text="").first()
    page = as_user(browser, live_server, "kontraktholder")
    page.goto(f"{live_server.url}/contracts/{contract.pk}/")
    assert not page.locator(".print-goal").first.is_visible()
    page.emulate_media(media="print")
    assert page.locator(".print-goal").first.is_visible()
    assert section.text.split("\n")[0][:60] in page.locator(".print-goal").first.inner_text()
    assert not page.locator("nav").first.is_visible()
    page.context.close()
