"""Shared fixtures. The corpus lives beside the checkout in ../shared (never copied in)."""

from __future__ import annotations

import os
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


NO_CORPUS = "the corpus is not beside the checkout"


def _shared_folder(path: Path) -> Path:
    """A clone without ../shared skips the corpus tests; CI (CI=true) has the corpus, so there a
    missing folder is a failure, not a skip."""
    if path.is_dir():
        return path
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{NO_CORPUS} (expected at {path}, and CI=true)")
    pytest.skip(NO_CORPUS)


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return _shared_folder(CORPUS)


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    return _shared_folder(GOLD)


@pytest.fixture(autouse=True)
def _forget_kept_pages():
    """Kept pages live in process memory (web/pagecache.py) while each test's data is rolled back."""
    from roedtraad.web.pagecache import PAGES

    PAGES.clear()
    yield


@pytest.fixture(autouse=True)
def _danish_after_each_test():
    """A request to /en/… leaves English active in the thread (Django activates the language per
    request and never resets it); later reverse() calls would then build English URLs."""
    yield
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
