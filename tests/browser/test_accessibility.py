"""Crawl the site as each demo role and assert axe-core finds no WCAG 2.1 A/AA violations."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import pytest
from django.urls import Resolver404, resolve
from tests.browser.conftest import axe_violations, log_in

pytestmark = pytest.mark.browser

ROLES = ["direktoer", "fagchef", "kontraktholder", "kontraktholder2", "laeser"]
PER_VIEW = 2  # pages visited per view (URL name); every kind of page is covered for each role
SKIP = ("/logout/", "/admin/", "/i18n/", "/static/", "/api/")  # a download (a[download]) is no page either
FILES = (".ics", ".csv", ".xlsx", ".docx", ".pdf")


def view_name(path: str) -> str | None:
    try:
        return resolve(path.split("?", 1)[0]).url_name
    except Resolver404:
        return None


def crawl(page, base_url: str, start: str = "/") -> dict[str, list[dict]]:
    queue, seen, per_view, found = [start], set(), {}, {}
    while queue:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        name = view_name(path)
        if name is None or per_view.get(name, 0) >= PER_VIEW:
            continue
        per_view[name] = per_view.get(name, 0) + 1
        response = page.goto(base_url + path)
        assert response.status == 200, f"{path}: {response.status}"
        found[path] = axe_violations(page)
        for href in page.eval_on_selector_all("a[href]:not([download])", "els => els.map(e => e.getAttribute('href'))"):
            url = urlsplit(urljoin(base_url + path, href))
            if (
                url.netloc == urlsplit(base_url).netloc
                and not url.path.startswith(SKIP)
                and not url.path.endswith(FILES)
            ):
                queue.append(url.path + (f"?{url.query}" if url.query else ""))
    return found


@pytest.mark.parametrize("username", ROLES)
def test_every_page_has_no_axe_violations(browser, live_server, demo, username):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    log_in(page, live_server.url, username)
    found = crawl(page, live_server.url)
    found.update(crawl(page, live_server.url, "/search/?q=sygefravær"))
    context.close()
    print(f"{username}: {len(found)} pages checked by axe-core")
    assert len(found) >= 8, sorted(found)
    bad = {path: v for path, v in found.items() if v}
    assert not bad, bad


def test_anonymous_pages_have_no_axe_violations(browser, live_server, demo):
    page = browser.new_page()
    found = {}
    for path in ["/", "/login/", "/personal-data/", "/accessibility/", "/en/"]:
        page.goto(live_server.url + path)
        found[path] = axe_violations(page)
    page.close()
    assert not {p: v for p, v in found.items() if v}, found


def test_pages_read_without_javascript(browser, live_server, demo):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    log_in(page, live_server.url, "laeser")
    page.goto(live_server.url + "/contracts/")
    assert page.locator("#results table tbody tr").count() > 5
    page.click("#results table tbody tr a")
    assert page.locator("h1").inner_text()
    assert page.locator("nav.nav a[href='/search/']").is_visible()
    context.close()


def test_overview_filter_updates_in_part_with_htmx(browser, live_server, demo):
    page = browser.new_page()
    log_in(page, live_server.url, "direktoer")
    page.goto(live_server.url + "/contracts/")
    page.select_option("#id_status", "submitted")
    page.wait_for_url("**status=submitted**")
    rows = page.locator("#results table tbody tr")
    from roedtraad.contracts.models import Contract

    assert rows.count() == Contract.objects.filter(status="submitted").count() > 0
    page.close()


def test_axe_is_really_running(browser):
    page = browser.new_page()
    page.set_content("<html><head><title>x</title></head><body><main><img src='x.png'></main></body></html>")
    assert "image-alt" in {v["id"] for v in axe_violations(page)}
    page.close()


def test_two_editors_of_one_goal_the_second_sees_both_versions(browser, live_server, demo):
    from roedtraad.contracts.models import Goal

    goal = Goal.objects.filter(contract__status="draft", contract__holder__name="Ungecenter Fjordby").first()
    url = f"{live_server.url}/goals/{goal.pk}/edit/"
    pages = []
    for _ in range(2):
        page = browser.new_context().new_page()
        log_in(page, live_server.url, "direktoer")
        page.goto(url)
        pages.append(page)
    pages[0].fill("#id_title", "Første redaktørs titel")
    pages[0].click("main form button[type=submit]")
    pages[0].wait_for_url(f"**/goals/{goal.pk}/")
    pages[1].fill("#id_title", "Anden redaktørs titel")
    pages[1].click("main form button[type=submit]")
    pages[1].wait_for_load_state()
    text = pages[1].locator("main").inner_text()
    assert "version 1" in text and "version 2" in text and "Første redaktørs titel" in text
    assert axe_violations(pages[1]) == []
    for page in pages:
        page.context.close()
