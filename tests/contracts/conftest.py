"""Contracts are entered against their year's DUS: the tests' year has one."""

import pytest

# The director's written reason for entering a contract that does not meet every requirement.
WHY = "Kravene følges op i årets første kontraktdialog."


@pytest.fixture
def dus_2026(db):
    from roedtraad.frameworks.models import Framework

    return Framework.objects.get_or_create(year=2026, defaults={"title": "DUS 2026"})[0]
