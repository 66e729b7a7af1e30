"""On the demo municipality the overlap list is short enough for a director to read."""

import pytest
from django.urls import reverse

from roedtraad.checks import views
from roedtraad.checks.services import listed, run_checks
from roedtraad.demo.build import build
from roedtraad.frameworks.models import Framework

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_year():
    build()
    return Framework.objects.order_by("-year").first().year


def test_the_dus_topics_collapse_into_one_row_each_and_fewer_than_40_rows_remain(demo_year):
    report = run_checks(demo_year, overlap_top=views.OVERLAP_TOP)
    pairs = [o for o in report["overlaps"] if listed(o)]
    topics = report["overlap_topics"]
    assert len(report["overlaps"]) > 100, "the demo has the many pairs a municipality has"
    assert len(topics) + len(pairs) < 40
    assert all(t["name"] != t["slug"] and len(t["holders"]) >= 2 for t in topics)


def test_the_overlap_page_shows_topic_rows_with_a_count_of_contracts(client, demo_year):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username="direktoer"))
    page = client.get(reverse("checks:overlaps"), {"year": demo_year}).content.decode()
    assert "kontrakter har mål om det" in page
    assert "Lighed 0," not in page and "tre, første" not in page
