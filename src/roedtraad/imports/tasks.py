"""Bulk import: more than a few files are parsed by a task worker (django-tasks, database
backend), and the batch page polls until every file is parsed or refused."""

from __future__ import annotations

from django.db import transaction
from django_tasks import task

from roedtraad.imports.models import DraftStatus, ImportDraft
from roedtraad.imports.pipeline import parse_into

# From this many files at once the upload is parsed in the background.
BACKGROUND_FROM = 4


@task()
def parse_batch(batch_id: int) -> int:
    """Parse every pending file of the batch; returns how many were parsed."""
    parsed = 0
    for draft_id in ImportDraft.objects.filter(batch_id=batch_id, status=DraftStatus.PENDING).values_list(
        "id", flat=True
    ):
        with transaction.atomic():
            draft = ImportDraft.objects.select_for_update().filter(pk=draft_id, status=DraftStatus.PENDING).first()
            if draft is None:
                continue
            parse_into(draft, bytes(draft.data or b""))
            parsed += draft.status == DraftStatus.PARSED
    return parsed
