"""Proposing a shared goal in the browser, and the holder's goal page with the proposal, with axe-core."""

from __future__ import annotations

import pytest
from tests.browser.conftest import axe_violations, log_in

pytestmark = pytest.mark.browser


def test_a_head_of_area_proposes_from_the_overlap_list_and_the_pair_is_marked(browser, live_server, demo):
    page = browser.new_context().new_page()
    log_in(page, live_server.url, "fagchef")
    page.goto(live_server.url + "/checks/overlaps/")
    page.locator("a[href*='/checks/proposals/new/']").first.click()
    page.wait_for_url("**/checks/proposals/new/**")
    assert axe_violations(page) == []
    page.fill("#id_note", "I arbejder begge med det samme; tal sammen om ét fælles mål.")
    page.click("main form button[type=submit]")
    page.wait_for_url("**/checks/overlaps/**")
    assert "Forslaget om et fælles mål er sendt" in page.locator("main").inner_text()
    assert page.locator("#results .badge", has_text="Foreslået som fælles mål").count() >= 1
    assert axe_violations(page) == []
    page.context.close()


def test_the_holder_sees_the_proposal_on_the_goal_page(browser, live_server, demo):
    from roedtraad.checks.models import SharedGoalProposal

    proposal = SharedGoalProposal.objects.get()
    goal = next(g for g in (proposal.goal_a, proposal.goal_b) if g.contract.holder.name == "Hjemmeplejen Fjordby")
    page = browser.new_context().new_page()
    log_in(page, live_server.url, "kontraktholder")
    page.goto(f"{live_server.url}/goals/{goal.pk}/")
    assert page.locator("#proposals-heading").is_visible()
    assert axe_violations(page) == []
    page.goto(f"{live_server.url}/notifikationer/")
    assert "fælles mål" in page.locator("main").inner_text().lower(), "the holder is told a proposal waits"
    assert axe_violations(page) == []
    page.context.close()
