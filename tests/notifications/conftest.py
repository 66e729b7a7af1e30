"""The web tests' municipality (tests/web/conftest.py) with an e-mail address on every login.

Area "Omsorg" holds "Solsikken" (the holder's draft) and "Hjemmeplejen" (the other holder's,
entered); area "Skole" holds "Nordskolen" (submitted). The head of area covers Omsorg.
"""

from __future__ import annotations

import pytest
from tests.web.conftest import fast_passwords, login, world  # noqa: F401  (fixtures used here)

BASE_URL = "https://roedtraad.testby.dk"


@pytest.fixture
def people(world, settings):  # noqa: F811
    """The world's logins by role, each with an e-mail address; links start with BASE_URL."""
    settings.ROEDTRAAD_BASE_URL = BASE_URL
    for user in world["users"].values():
        user.email = f"{user.username}@testby.dk"
        user.save()
    return world["users"]


@pytest.fixture
def run(django_capture_on_commit_callbacks):
    """`run(step, *args)`: take a step as if its transaction committed (its on-commit work runs)."""

    def _run(step, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return step(*args, **kwargs)

    return _run
