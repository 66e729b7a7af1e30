"""The main flow with the keyboard alone: no mouse, no `.click()`, no `.fill()`.

A contract holder logs in, opens their contract from the overview, starts a new revision of the
entered contract, opens a goal, edits a section in the editor and saves, and submits the revision.
Navigation is Tab until the focused element (document.activeElement) has the wanted accessible
name, then Enter or Space; text is typed into the focused field with page.keyboard.type.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

MAX_TABS = 250

# The accessible name of the focused element, as a screen reader would announce it (close enough
# for the page's links, buttons, summaries and labelled fields).
FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return {tag: "", name: ""};
  let name = el.getAttribute("aria-label") || "";
  if (!name && el.labels && el.labels.length) name = el.labels[0].innerText;
  if (!name) name = el.innerText || el.value || "";
  return {tag: el.tagName.toLowerCase(), name: name.replace(/\\s+/g, " ").trim()};
}"""


def focused(page) -> dict:
    return page.evaluate(FOCUSED)


def tab_to(page, name: str | re.Pattern, tag: str | None = None, backwards: bool = False) -> dict:
    """Press Tab (or Shift+Tab) until the focused element is called `name`; bounded."""
    seen = []
    for _ in range(MAX_TABS):
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        current = focused(page)
        matches = current["name"] == name if isinstance(name, str) else bool(name.search(current["name"]))
        if matches and (tag is None or current["tag"] == tag):
            return current
        seen.append(current["name"])
    raise AssertionError(f"never focused {name!r} after {MAX_TABS} tabs; saw {seen[-40:]}")


def type_into_focused(page, text: str, replace: bool = True) -> None:
    if replace:
        page.keyboard.press("ControlOrMeta+A")
        page.keyboard.press("Delete")
    page.keyboard.type(text)


def test_main_flow_with_the_keyboard_alone(browser, live_server, demo):
    from roedtraad.demo.organisation import DEMO_PASSWORD

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()

    # Log in.
    page.goto(live_server.url + "/")
    tab_to(page, "Log ind", tag="a")
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Log ind")
    tab_to(page, "Brugernavn", tag="input")
    page.keyboard.type("kontraktholder")
    tab_to(page, "Adgangskode", tag="input")
    page.keyboard.type(DEMO_PASSWORD)
    page.keyboard.press("Enter")
    expect(page.locator(".portal-user .user")).not_to_be_empty()
    expect(page.get_by_role("button", name="Log ud")).to_be_visible()

    # Open the contract from the overview.
    tab_to(page, "Kontrakter", tag="a")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/contracts/$"))
    tab_to(page, "Hjemmeplejen Fjordby", tag="a")
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_contain_text("Hjemmeplejen Fjordby")
    badge = page.locator("main .font-lead .badge").first
    expect(badge).to_have_text("Indgået")

    # The contract is entered: start a new revision (a draft) to change it.
    tab_to(page, "Opret ny revision", tag="button")
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_contain_text("Opret en ny revision")  # the confirmation page
    tab_to(page, "Ja, opret en ny revision", tag="button")
    page.keyboard.press("Enter")
    expect(page.get_by_role("status").first).to_have_text("En ny revision er oprettet som kladde.")
    expect(badge).to_have_text("Kladde")
    revision_url = page.url

    # Open the first goal (the first link in the goals table).
    first_goal = page.locator("main table tbody tr a").first
    goal_title = first_goal.inner_text().strip()
    tab_to(page, goal_title, tag="a")
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_contain_text(goal_title)

    # Edit a section in the editor and save.
    tab_to(page, "Redigér målet", tag="a")
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_contain_text("Redigér mål")
    new_text = "Med tastaturet alene: sygefraværet skal ned på 7,0 % i 2026, målt hver måned."
    statement = tab_to(page, re.compile(r"^(Udviklingsmål|Arbejde hen imod)$"), tag="textarea")
    type_into_focused(page, new_text)
    expect(page.get_by_label(statement["name"], exact=True)).to_have_value(new_text)
    tab_to(page, "Gem målet", tag="button")
    page.keyboard.press("Enter")
    expect(page.get_by_role("status").first).to_have_text("Målet er gemt.")
    expect(page.locator("main")).to_contain_text(new_text)

    # Back to the contract through the breadcrumb, and submit with Space on the button.
    tab_to(page, re.compile(r"Hjemmeplejen Fjordby"), tag="a")
    page.keyboard.press("Enter")
    expect(page).to_have_url(revision_url)
    tab_to(page, "Indsend til fagchefen", tag="button")
    page.keyboard.press("Space")
    expect(page.get_by_role("status").first).to_have_text("Kontrakten er indsendt til fagchefen.")
    expect(badge).to_have_text("Indsendt")
    context.close()
