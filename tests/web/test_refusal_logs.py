"""An ordinary refusal is one line in the log with the user and the path, never a traceback."""

import logging

import pytest
from django.urls import reverse

from roedtraad.ops.logs import RefusalsOnOneLine

pytestmark = pytest.mark.django_db


def formatted(records) -> list[str]:
    handler = logging.StreamHandler()
    handler.addFilter(RefusalsOnOneLine())
    return [handler.format(r) for r in records if handler.filter(r)]


def test_a_holder_refused_a_follow_up_on_a_draft_is_one_line_naming_them_and_the_path(login, world, caplog):
    url = reverse("goal_follow_up", args=[world["draft_goal"].pk])
    with caplog.at_level(logging.WARNING, logger="django.request"):
        assert login("holder").get(url).status_code == 403
    (line,) = formatted(caplog.records)
    assert line.startswith(f"403 GET {url} refused for holder") and "Traceback" not in line
    assert "\n" not in line


def test_a_server_error_keeps_its_traceback():
    try:
        raise RuntimeError("broken")
    except RuntimeError:
        import sys

        record = logging.LogRecord("django.request", logging.ERROR, __file__, 1, "boom", (), sys.exc_info())
    record.status_code = 500
    (line,) = formatted([record])
    assert "Traceback" in line and "RuntimeError: broken" in line
