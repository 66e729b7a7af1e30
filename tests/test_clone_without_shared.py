"""A newcomer clones the repository without ../shared: the corpus tests skip with a reason, while
CI (CI=true), which has the corpus beside the checkout, fails when it is missing."""

from __future__ import annotations

import pytest
from tests.conftest import NO_CORPUS, _shared_folder


def test_a_clone_without_the_corpus_skips_the_corpus_tests_with_the_reason(tmp_path, monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match=NO_CORPUS):
        _shared_folder(tmp_path / "shared" / "corpus")


def test_ci_without_the_corpus_fails_instead_of_skipping(tmp_path, monkeypatch):
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match=NO_CORPUS):
        _shared_folder(tmp_path / "shared" / "corpus")


def test_the_corpus_folder_is_used_when_it_is_there(tmp_path, monkeypatch):
    monkeypatch.setenv("CI", "true")
    assert _shared_folder(tmp_path) == tmp_path
