"""The web tests' municipality (tests/web/conftest.py), with the DUS's default milestones for its year,
and `today_is(date)` to run a test on a chosen day.

Area "Omsorg" holds "Solsikken" (the holder's draft) and "Hjemmeplejen" (the other holder's,
entered); area "Skole" holds "Nordskolen" (submitted). The head of area covers Omsorg. In 2026 the
submission deadline is 9 January and the entry deadline 30 January (the 10th and 31st are Saturdays).
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone
from tests.web.conftest import YEAR, fast_passwords, login, world  # noqa: F401  (fixtures used here)

from roedtraad.frameworks.cycle import ensure_milestones

SUBMISSION = dt.date(YEAR, 1, 9)
ENTRY = dt.date(YEAR, 1, 30)


@pytest.fixture
def cycle_world(world):  # noqa: F811
    ensure_milestones(world["track"].framework)
    return world


@pytest.fixture
def today_is(monkeypatch):
    """`today_is(day)`: `timezone.localdate()` answers `day` (a given value is still converted)."""
    real = timezone.localdate

    def _set(day: dt.date) -> None:
        monkeypatch.setattr(
            timezone, "localdate", lambda value=None, tz=None: day if value is None else real(value, tz)
        )

    return _set
