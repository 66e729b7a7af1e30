"""A contract holder loads the month's sick leave from the absence system's export in the
browser: the preview is read, an unknown unit mapped, the figures saved; every page passes axe."""

from __future__ import annotations

import pytest
from tests.browser.conftest import axe_violations, log_in

pytestmark = pytest.mark.browser

EXPORT = (
    "Sygefravær – udtræk\n\nEnhed;Nøgletal;Måned;Fravær %\n"
    "Hjemmepleje Nord;Sygefravær, seneste 12 mdr.;nov. 26;6,05 %\n"
    "HP Nordvest;Sygefravær, seneste 12 mdr.;nov. 26;5,9 %\n"
    "Hjemmepleje Syd;Sygefravær, seneste 12 mdr.;dec. 26;ukendt\n"
)


def test_a_holder_uploads_an_export_maps_an_unknown_unit_and_saves_it(browser, live_server, demo, tmp_path):
    from roedtraad.followup.models import Measurement
    from roedtraad.org.models import OrgUnitAlias

    export = tmp_path / "fravaer.csv"
    export.write_bytes(EXPORT.encode("cp1252"))
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    log_in(page, live_server.url, "kontraktholder")
    page.click("nav a[href='/indicators/']")
    assert axe_violations(page) == []
    page.click("a[href='/indicators/measurements/']")
    assert axe_violations(page) == []
    page.set_input_files("#measurement-file", str(export))
    page.click("main button.button-primary")
    page.wait_for_load_state()
    assert "1 nye værdier" in page.inner_text("main") and "Enheden «HP Nordvest» kendes ikke" in page.inner_text("main")
    assert axe_violations(page) == []

    page.select_option("#unit-0", label="Hjemmepleje Syd")
    page.click("text=Læs filen igen med disse valg")
    page.wait_for_load_state()
    assert "2 nye værdier" in page.inner_text("main")
    before = Measurement.objects.count()
    page.click("text=Gem tallene")
    page.wait_for_load_state()
    assert "Tallene er gemt" in page.inner_text("main")
    assert axe_violations(page) == []
    assert Measurement.objects.count() == before + 2
    assert OrgUnitAlias.objects.filter(alias="HP Nordvest", unit__name="Hjemmepleje Syd").exists()
    page.close()


def test_the_overview_and_an_indicator_page_pass_axe_on_a_phone(browser, live_server, demo):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    log_in(page, live_server.url, "laeser")
    page.goto(live_server.url + "/indicators/across/sygefravaer/")
    assert "Skjult (små tal)" in page.inner_text("main")  # Træning og Rehabilitering has four employees
    assert axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # no sideways scrolling
    page.click("main table tbody a >> nth=0")
    page.wait_for_load_state()
    assert axe_violations(page) == []
    page.close()
