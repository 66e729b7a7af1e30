"""A parse never holds a database transaction: an upload is parsed (in a child process) before
the draft is written, and a large one by the background worker."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse
from tests.imports.bad_files import pdf_stream_bomb

from roedtraad.imports import pipeline
from roedtraad.imports.models import DraftStatus, ImportBatch, ImportDraft


@pytest.fixture
def parses_outside_transactions(monkeypatch):
    """Replace the child parse by one that records whether a transaction was open around it."""
    baseline = len(connection.atomic_blocks)  # the test's own wrapping transaction
    seen: list[int] = []
    real = pipeline.parse_contained

    def recording(filename, data, limits):
        seen.append(len(connection.atomic_blocks) - baseline)
        return real(filename, data, limits)

    monkeypatch.setattr(pipeline, "parse_contained", recording)
    return seen


def test_parsing_an_upload_in_the_request_holds_no_database_transaction(world, login, parses_outside_transactions):
    client = login("holder")
    text = (
        "Udviklingskontrakt 2026 for Solsikken\n\nUdviklingsmål 1: Lavt sygefravær\n\nBaggrund og formål\nFor højt.\n"
    )
    response = client.post(reverse("imports:upload"), {"files": [SimpleUploadedFile("k.txt", text.encode())]})
    assert response.status_code == 302
    assert parses_outside_transactions == [0]


def test_a_large_upload_is_parsed_by_the_worker_outside_any_transaction_and_a_bomb_is_refused_there(
    world, login, settings, parses_outside_transactions
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.ROEDTRAAD_PARSE_IN_REQUEST_BYTES = 1024
    client = login("holder")
    response = client.post(
        reverse("imports:upload"), {"files": [SimpleUploadedFile("bombe.pdf", pdf_stream_bomb(300))]}
    )
    batch = ImportBatch.objects.get()
    assert response["Location"] == reverse("imports:batch", args=[batch.pk])
    draft = ImportDraft.objects.get(batch=batch)
    assert draft.status == DraftStatus.FAILED and draft.data is None
    assert "60 MB (grænsen" in draft.error
    assert parses_outside_transactions == [0]
    page = client.get(response["Location"]).content.decode()
    assert "bombe.pdf: PDF-filens komprimerede indhold pakkes ud til mere end 60 MB" in page
