"""Shared fixtures. The corpus lives beside the checkout in ../shared (never copied in)."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "corpus"
GOLD = CORPUS / "gold"


@pytest.fixture
def units(request):
    """A small org tree: municipality, area, a holder, another holder, a centre (tests/factories.py)."""
    from tests.factories import org_tree

    if request.node.get_closest_marker("django_db") is None:
        request.getfixturevalue("db")  # a module without the marker still gets a database
    return org_tree()


@pytest.fixture
def who(units):
    """One login per role over `units` (tests/contracts/people.py)."""
    from tests.contracts.people import people

    return people(units)


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    assert CORPUS.is_dir(), f"the corpus is expected beside the checkout at {CORPUS}"
    return CORPUS


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    assert GOLD.is_dir(), f"the gold annotations are expected at {GOLD}"
    return GOLD


@pytest.fixture(autouse=True)
def _forget_kept_pages():
    """Kept pages live in process memory (web/pagecache.py) while each test's data is rolled back."""
    from django.core.cache import caches

    caches["pages"].clear()
    yield


@pytest.fixture(autouse=True)
def _danish_after_each_test():
    """A request to /en/… leaves English active in the thread (Django activates the language per
    request and never resets it); later reverse() calls would then build English URLs."""
    yield
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
