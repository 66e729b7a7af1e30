"""The main flow in a real browser: a holder imports last year's text, corrects the preview, saves
it as a contract, edits a goal and submits; the head of area comments and asks for a change; two
editors collide on the same goal; the holder submits again and the director enters the contract.

Each step asserts what the user sees (headings, status badges, messages), not database rows.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect
from tests.browser.conftest import log_in

pytestmark = pytest.mark.browser

# Our own small contract in the section layout (not corpus text) for the holder's own unit.
CONTRACT_2027 = """Udviklingskontrakt 2027 for Hjemmeplejen Fjordby

Indledning
Hjemmeplejen Fjordby besøger omkring 600 borgere hver uge. Kontrakten beskriver årets udviklingsmål.

Udviklingsmål 1: Faste teams om borgeren

Baggrund og formål
Borgerne møder for mange forskellige medarbejdere i løbet af en uge.

Udviklingsmål
Hver borger møder højst otte forskellige medarbejdere på fjorten dage i 2027.

Aktiviteter
Ruterne planlægges i faste teams på fire til seks medarbejdere.

Opfølgning på udviklingsmålet og virkning
Ledergruppen følger antallet af medarbejdere pr. borger hver måned.

Udviklingsmål 2: Lavt sygefravær

Baggrund og formål
Sygefraværet i hjemmeplejen var 9,1 % i 2026.

Udviklingsmål
Sygefraværet skal ned på 8,0 % i 2027.

Opfølgning på udviklingsmålet og virkning
LMU følger fraværet hvert kvartal.
"""

FIXED_BACKGROUND = "Borgerne møder for mange forskellige medarbejdere, og det skaber utryghed."
EDITED_GOAL = "Hver borger møder højst seks forskellige medarbejdere på fjorten dage i 2027."
COMMENT = "Hvordan måler I antallet af medarbejdere pr. borger?"
CHANGE_REQUEST = "Skriv, hvordan I måler målet, før kontrakten indgås."


def status_badge(page):
    return page.locator("main .font-lead .badge").first


def open_contract(page, base_url: str, contract_url: str) -> None:
    page.goto(base_url + contract_url)
    expect(page.locator("h1")).to_contain_text("Hjemmeplejen Fjordby")


def test_import_edit_submit_review_conflict_and_enter(browser, live_server, demo, tmp_path):
    url = live_server.url
    source = tmp_path / "hjemmeplejen-2027.txt"
    source.write_text(CONTRACT_2027, encoding="utf-8")

    # 1. The holder imports the document.
    holder_ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    holder = holder_ctx.new_page()
    log_in(holder, url, "kontraktholder")
    holder.goto(url + "/import/")
    expect(holder.locator("h1")).to_have_text("Importér dokumenter")
    holder.set_input_files("#id_files", str(source))
    holder.get_by_role("button", name="Læs dokumenterne").click()
    expect(holder.locator("h1")).to_have_text("Gennemse hjemmeplejen-2027.txt")
    expect(holder.locator(".import-summary")).to_contain_text("Hjemmeplejen Fjordby")
    card = holder.locator("#goal-1")
    expect(card.locator(".card-heading")).to_contain_text("Faste teams om borgeren")
    expect(holder.locator("#goal-2 .card-heading")).to_contain_text("Lavt sygefravær")

    # 2. ... fixes a section in the preview (its text), saved in place.
    first_section = card.locator("form.import-section").first
    expect(first_section.locator("select[name=key] option:checked")).to_have_text("Baggrund og formål")
    first_section.locator("textarea[name=text]").fill(FIXED_BACKGROUND)
    first_section.get_by_role("button", name="Gem afsnit").click()
    expect(holder.locator("#goal-1 form.import-section").first.locator("textarea[name=text]")).to_have_value(
        FIXED_BACKGROUND
    )

    # 3. ... and saves it as the draft contract for 2027.
    save_form = holder.locator("form.import-save")
    expect(save_form.get_by_label("Kontraktholder")).to_have_value(re.compile(r"\d+"))
    expect(save_form.get_by_label("År")).to_have_value("2027")
    save_form.get_by_label("Kontraktholder").select_option(label="Hjemmeplejen Fjordby")
    save_form.get_by_role("button", name="Gem som kontrakt").click()
    expect(holder.get_by_role("status").first).to_contain_text("er gemt som")
    expect(holder.locator("h1")).to_contain_text("Hjemmeplejen Fjordby")
    expect(holder.locator("main .font-lead")).to_contain_text("2027")
    expect(status_badge(holder)).to_have_text("Kladde")
    contract_url = re.sub(r"^https?://[^/]+", "", holder.url)
    assert re.fullmatch(r"/contracts/\d+/", contract_url), contract_url

    # 4. The holder opens goal 1, sees the corrected section and edits the goal in the editor.
    holder.get_by_role("link", name="Faste teams om borgeren").click()
    expect(holder.locator("h1")).to_have_text("1. Faste teams om borgeren")
    expect(holder.locator("main")).to_contain_text(FIXED_BACKGROUND)
    goal_url = re.sub(r"^https?://[^/]+", "", holder.url)
    holder.get_by_role("link", name="Redigér målet").click()
    expect(holder.locator("h1")).to_have_text("Redigér mål 1")
    holder.get_by_label("Udviklingsmål", exact=True).fill(EDITED_GOAL)
    holder.get_by_role("button", name="Gem målet").click()
    expect(holder.get_by_role("status").first).to_have_text("Målet er gemt.")
    expect(holder.locator("main")).to_contain_text(EDITED_GOAL)

    # 5. ... and submits the contract to the head of area.
    open_contract(holder, url, contract_url)
    holder.get_by_role("button", name="Indsend til fagchefen").click()
    expect(holder.get_by_role("status").first).to_have_text("Kontrakten er indsendt til fagchefen.")
    expect(status_badge(holder)).to_have_text("Indsendt")
    expect(holder.get_by_role("button", name="Indsend til fagchefen")).to_have_count(0)

    # 6. The head of area comments on the goal and sends the contract back with a change request.
    head_ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    head = head_ctx.new_page()
    log_in(head, url, "fagchef")
    head.goto(url + goal_url)
    expect(head.locator("main")).to_contain_text(EDITED_GOAL)
    expect(head.get_by_role("link", name="Redigér målet")).to_have_count(0)
    head.get_by_label("Ny kommentar").fill(COMMENT)
    head.get_by_role("button", name="Gem kommentar").click()
    expect(head.locator("#comments")).to_contain_text(COMMENT)
    expect(head.get_by_label("Ny kommentar")).to_have_value("")
    open_contract(head, url, contract_url)
    expect(status_badge(head)).to_have_text("Indsendt")
    head.get_by_text("Send tilbage med ønsker om ændringer").click()
    head.get_by_label("Hvad skal ændres?").fill(CHANGE_REQUEST)
    head.get_by_role("button", name="Send tilbage").click()
    expect(head.get_by_role("status").first).to_have_text("Kontrakten er sendt tilbage til kontraktholderen.")
    expect(status_badge(head)).to_have_text("Kladde")

    # 7. The holder sees the request and the comment; two editors open the same goal at once.
    open_contract(holder, url, contract_url)
    expect(status_badge(holder)).to_have_text("Kladde")
    expect(holder.locator("main")).to_contain_text("Ønsker om ændringer")
    expect(holder.locator("main")).to_contain_text(CHANGE_REQUEST)
    holder.goto(url + goal_url)
    expect(holder.locator("#comments")).to_contain_text(COMMENT)

    second_ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    second = second_ctx.new_page()
    log_in(second, url, "kontraktholder")
    holder.goto(url + goal_url + "edit/")
    second.goto(url + goal_url + "edit/")
    expect(holder.locator("h1")).to_have_text("Redigér mål 1")
    expect(second.locator("h1")).to_have_text("Redigér mål 1")

    first_text = "Hver borger møder højst seks faste medarbejdere; det måles i ruteplanen hver måned."
    second_text = "Hver borger møder højst fem medarbejdere på fjorten dage."
    holder.get_by_label("Udviklingsmål", exact=True).fill(first_text)
    second.get_by_label("Udviklingsmål", exact=True).fill(second_text)
    holder.get_by_role("button", name="Gem målet").click()
    expect(holder.get_by_role("status").first).to_have_text("Målet er gemt.")

    # The second save is based on the old version: refused, with both versions shown.
    with second.expect_response(lambda r: r.request.method == "POST" and r.url.endswith(goal_url + "edit/")) as posted:
        second.get_by_role("button", name="Gem målet").click()
    assert posted.value.status == 409
    alert = second.get_by_role("alert")
    expect(alert).to_contain_text("Målet er ændret af en anden, mens du redigerede")
    expect(alert).to_contain_text("Dine ændringer er ikke gemt")
    table = second.locator("table", has=second.locator("caption", has_text="Forskelle mellem din version"))
    expect(table.locator("thead")).to_contain_text("Din tekst (version")
    expect(table.locator("thead")).to_contain_text("Gemt (version")
    row = table.locator("tbody tr", has_text="Udviklingsmål")
    expect(row.locator("td").nth(1)).to_have_text(second_text)
    expect(row.locator("td").nth(2)).to_have_text(first_text)
    second.goto(url + goal_url)
    expect(second.locator("main")).to_contain_text(first_text)
    expect(second.locator("main")).not_to_contain_text(second_text)
    second_ctx.close()

    # 8. The holder submits again.
    open_contract(holder, url, contract_url)
    holder.get_by_role("button", name="Indsend til fagchefen").click()
    expect(holder.get_by_role("status").first).to_have_text("Kontrakten er indsendt til fagchefen.")
    expect(status_badge(holder)).to_have_text("Indsendt")

    # 9. The director enters the contract; it is locked. Entering needs the year's DUS.
    from roedtraad.frameworks.models import Framework

    Framework.objects.get_or_create(year=2027, defaults={"title": "DUS 2027"})
    director_ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    director = director_ctx.new_page()
    log_in(director, url, "direktoer")
    open_contract(director, url, contract_url)
    expect(status_badge(director)).to_have_text("Indsendt")
    director.get_by_role("button", name="Indgå kontrakten").click()
    # A deliberate decision: the confirmation says what entering does; unmet requirements need a reason.
    expect(director.locator("h1")).to_contain_text("Indgå kontrakten for")
    if director.locator("#justification").count():
        director.fill("#justification", "Kravene følges op i årets første kontraktdialog.")
    director.get_by_role("button", name="Ja, indgå kontrakten").click()
    expect(director.get_by_role("status").first).to_have_text("Kontrakten er indgået og låst.")
    expect(status_badge(director)).to_have_text("Indgået")
    expect(director.locator("dl.facts")).to_contain_text("Indgået den")

    open_contract(holder, url, contract_url)
    expect(status_badge(holder)).to_have_text("Indgået")
    expect(holder.get_by_role("button", name="Indsend til fagchefen")).to_have_count(0)
    holder.goto(url + goal_url)
    expect(holder.get_by_role("link", name="Redigér målet")).to_have_count(0)
    for ctx in (holder_ctx, head_ctx, director_ctx):
        ctx.close()
