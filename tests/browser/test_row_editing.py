"""A new goal, activities, partners and stop-doing items in a real browser: in place with htmx,
as plain forms without JavaScript, and with no axe-core violations in any state of the forms."""

from __future__ import annotations

import pytest
from tests.browser.conftest import axe_violations, log_in

pytestmark = pytest.mark.browser


def _draft():
    from roedtraad.contracts.models import Contract

    return Contract.objects.filter(status="draft").order_by("pk").first()


def _page(browser, live_server, **options):
    page = browser.new_context(viewport={"width": 1280, "height": 900}, **options).new_page()
    log_in(page, live_server.url, "direktoer")
    return page


def test_a_new_goal_opens_in_the_editor(browser, live_server, demo):
    contract = _draft()
    page = _page(browser, live_server)
    page.goto(f"{live_server.url}/contracts/{contract.pk}/")
    assert axe_violations(page) == []
    page.click("main form button:has-text('Tilføj udviklingsmål')")
    assert "Skriv en titel til det nye mål" in page.locator("main .alert-error").inner_text()
    assert axe_violations(page) == []
    page.fill("#id_goal-title", "Flere unge i uddannelse")
    page.click("main form button[type=submit]")
    page.wait_for_url("**/edit/")
    assert "Redigér mål" in page.locator("h1").inner_text()
    assert page.locator("#id_title").input_value() == "Flere unge i uddannelse"
    assert axe_violations(page) == []
    page.context.close()


def test_activities_and_partners_change_in_place(browser, live_server, demo):
    goal = _draft().live_goals().order_by("number").first()
    page = _page(browser, live_server)
    page.goto(f"{live_server.url}/goals/{goal.pk}/")
    page.click("#aktiviteter a:has-text('Tilføj aktivitet')")
    page.locator("#id_activity-text").wait_for()
    assert page.url.endswith(f"/goals/{goal.pk}/"), "the form opens in place"
    assert axe_violations(page) == []
    page.click("#aktiviteter button:has-text('Gem aktiviteten')")
    page.locator("#aktiviteter .alert-error").wait_for()
    assert "Skriv, hvad aktiviteten går ud på" in page.locator("#aktiviteter").inner_text()
    assert axe_violations(page) == []
    page.fill("#id_activity-text", "Sparring med en erfaren kollega hver uge")
    page.click("#aktiviteter button:has-text('Gem aktiviteten')")
    page.locator("#aktiviteter .alert-success").wait_for()
    assert "Sparring med en erfaren kollega hver uge" in page.locator("#aktiviteter table").inner_text()

    page.click("#partnere a:has-text('Tilføj partner')")
    page.locator("#id_partner-unit").wait_for()
    assert axe_violations(page) == []
    page.select_option("#id_partner-unit", index=1)
    page.fill("#id_partner-role", "Deler erfaringer fra deres egne forløb")
    page.click("#partnere button:has-text('Tilføj partneren')")
    page.locator("#partnere .alert-success").wait_for()
    assert "Deler erfaringer fra deres egne forløb" in page.locator("#partnere").inner_text()
    assert axe_violations(page) == []
    page.context.close()


def test_stop_doing_items_are_added_with_their_goals(browser, live_server, demo):
    contract = _draft()
    page = _page(browser, live_server)
    page.goto(f"{live_server.url}/contracts/{contract.pk}/")
    page.click("#hold-op-med a:has-text('Tilføj noget')")
    page.locator("#id_stop_doing-text").wait_for()
    assert axe_violations(page) == []
    page.fill("#id_stop_doing-text", "Månedlige papirrapporter til ledelsen")
    page.check("#id_stop_doing-goals_0")
    page.click("#hold-op-med button:has-text('Gem punktet')")
    page.locator("#hold-op-med .alert-success").wait_for()
    assert "Månedlige papirrapporter til ledelsen" in page.locator("#hold-op-med").inner_text()
    assert axe_violations(page) == []
    page.context.close()


def test_an_activity_is_added_without_javascript(browser, live_server, demo):
    goal = _draft().live_goals().order_by("number").first()
    page = _page(browser, live_server, java_script_enabled=False)
    page.goto(f"{live_server.url}/goals/{goal.pk}/")
    page.click("#aktiviteter a:has-text('Tilføj aktivitet')")
    page.wait_for_url("**/activities/new/")
    page.click("main button:has-text('Gem aktiviteten')")
    assert "Skriv, hvad aktiviteten går ud på" in page.locator("main .alert-error").inner_text()
    page.fill("#id_activity-text", "Fast introforløb for nye kolleger")
    page.click("main button:has-text('Gem aktiviteten')")
    page.wait_for_url(f"**/goals/{goal.pk}/#aktiviteter")
    assert "Aktiviteten er tilføjet." in page.locator("main").inner_text()
    assert "Fast introforløb for nye kolleger" in page.locator("#aktiviteter").inner_text()
    page.context.close()
