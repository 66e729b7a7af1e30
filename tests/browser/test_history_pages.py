"""History, restore, delete with undo and validation as you type, in a real browser with axe-core."""

from __future__ import annotations

import pytest
from tests.browser.conftest import axe_violations, log_in

pytestmark = pytest.mark.browser


def _draft_goal():
    from roedtraad.contracts.models import Goal

    return Goal.objects.select_related("contract").filter(contract__status="draft", deleted_at__isnull=True).first()


def test_history_restore_and_delete_with_undo_have_no_axe_violations(browser, live_server, demo):
    goal = _draft_goal()
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    log_in(page, live_server.url, "direktoer")
    page.goto(f"{live_server.url}/goals/{goal.pk}/edit/")
    page.fill("#id_title", "En ny titel på målet")
    page.click("main form.goal-form button[type=submit]")
    page.wait_for_url(f"**/goals/{goal.pk}/")
    page.click(f"main a[href='/goals/{goal.pk}/history/']")
    page.wait_for_url(f"**/goals/{goal.pk}/history/")
    assert page.locator("main .diff ins").count() >= 1 and page.locator("main .diff del").count() >= 1
    assert axe_violations(page) == []
    page.locator("main form button", has_text="Gendan denne version").last.click()
    page.wait_for_load_state()
    assert "Den tidligere version er gendannet" in page.locator("main").inner_text()
    assert axe_violations(page) == []
    page.goto(f"{live_server.url}/contracts/{goal.contract_id}/history/")
    assert axe_violations(page) == []
    page.goto(f"{live_server.url}/goals/{goal.pk}/")
    page.locator("main form button", has_text="Slet mål").click()
    assert axe_violations(page) == []  # the confirmation page
    page.locator("main form button", has_text="Ja, slet målet").click()
    page.wait_for_url(f"**/contracts/{goal.contract_id}/**")
    assert "Målet er slettet" in page.locator("main").inner_text()
    assert axe_violations(page) == []
    page.locator("main .alert form button", has_text="Fortryd").click()
    page.wait_for_url(f"**/goals/{goal.pk}/")
    page.context.close()


def test_the_editor_shows_an_empty_goal_statement_as_you_type(browser, live_server, demo):
    from roedtraad.web.editor import GOAL_STATEMENT

    goal = _draft_goal()
    field = f"#id_section_{GOAL_STATEMENT[goal.contract.layout]}"
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    log_in(page, live_server.url, "direktoer")
    page.goto(f"{live_server.url}/goals/{goal.pk}/edit/")
    page.fill(field, "")
    page.press(field, "Tab")
    page.locator(f"{field}-errors .form-error-message").wait_for()
    assert "Skriv selve målet" in page.locator(f"{field}-errors").inner_text()
    assert axe_violations(page) == []
    page.fill(field, "Sygefraværet skal ned på 5 procent.")
    page.press(field, "Tab")
    page.locator(f"{field}-errors .form-error-message").wait_for(state="detached")
    page.context.close()
