"""Refused and unusual input in a real browser: a long unbroken word wraps."""

from __future__ import annotations

import pytest
from tests.browser.conftest import log_in

pytestmark = pytest.mark.browser


def test_one_unbroken_word_does_not_make_the_goal_page_wider_than_the_window(browser, live_server, demo):
    from roedtraad.contracts.models import Goal, GoalSection

    goal = Goal.objects.filter(deleted_at__isnull=True).first()
    link = "https://intranet.fjordby.dk/" + "dokumenter/" * 300
    GoalSection.objects.filter(goal=goal).update(text=f"Se {link} for detaljer.")
    goal.activities.update(text=link)
    page = browser.new_context(viewport={"width": 1024, "height": 800}).new_page()
    log_in(page, live_server.url, "direktoer")
    page.goto(f"{live_server.url}/goals/{goal.pk}/")
    assert "dokumenter/dokumenter/" in page.locator("main").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 1024
