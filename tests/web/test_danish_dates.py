"""Every date a person reads on the main pages is written the Danish way ("22. september 2026")."""

import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from roedtraad.core.followup.forecast import MONTHS_DA

pytestmark = pytest.mark.django_db

DANISH_DATE = re.compile(r"\b\d{1,2}\. (?:" + "|".join(MONTHS_DA) + r") \d{4}\b")
ENGLISH_OR_ABBREVIATED = re.compile(
    r"\b(?:January|February|March|May|June|July|October|Sept|Okt|Mar|Dec|Nov|Jan|Feb|Aug|Jun|Jul|Apr)\b\.?(?! \d{4}\b)"
)
ISO_OR_US = re.compile(r"\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{4}\b")


class _Text(HTMLParser):
    """The text a person reads: no tags, attributes, scripts or styles."""

    def __init__(self):
        super().__init__()
        self.parts, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        self.skip += tag in ("script", "style", "svg")

    def handle_endtag(self, tag):
        self.skip -= tag in ("script", "style", "svg") and self.skip > 0

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


PAGES = {
    "home": lambda w: reverse("home"),
    "contract": lambda w: reverse("contract_detail", args=[w["draft"].pk]),
    "goal": lambda w: reverse("goal_detail", args=[w["draft_goal"].pk]),
    "indicator": lambda w: reverse("indicator_detail", args=[w["draft_goal"].indicators.get().pk]),
    "history": lambda w: reverse("contract_history", args=[w["draft"].pk]),
    "contracts": lambda w: reverse("contract_list"),
    "indicators": lambda w: reverse("indicator_list"),
}


@pytest.mark.parametrize("name", PAGES)
def test_every_date_on_the_main_pages_is_formatted_in_danish(login, world, name):
    text = visible_text(login("holder").get(PAGES[name](world)).content.decode())
    assert not ENGLISH_OR_ABBREVIATED.findall(text), text
    assert not ISO_OR_US.findall(text)


def test_the_goal_page_writes_its_follow_up_and_planned_dates_in_full(login, world):
    text = visible_text(login("holder").get(PAGES["goal"](world)).content.decode())
    assert "1. marts 2026" in text, text
    assert DANISH_DATE.findall(text)


def test_the_follow_up_form_starts_with_todays_date_as_a_date_input_reads_it(login, world):
    html = login("other_holder").get(reverse("goal_follow_up", args=[world["entered_goal"].pk])).content.decode()
    assert re.search(r'type="date"[^>]*value="\d{4}-\d{2}-\d{2}"|value="\d{4}-\d{2}-\d{2}"[^>]*type="date"', html)
