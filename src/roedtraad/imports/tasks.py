"""Bulk import: more than a few files are parsed by a task worker (django-tasks, database
backend), and the batch page polls until every file is parsed or refused."""

from __future__ import annotations

from django_tasks import task

from roedtraad.imports.models import DraftStatus, ImportDraft
from roedtraad.imports.pipeline import parse_into

# From this many files at once the upload is parsed in the background.
BACKGROUND_FROM = 4


@task()
def parse_batch(batch_id: int) -> int:
    """Parse every pending file of the batch; returns how many were parsed. Each file is
    claimed with a short update (so two workers never parse the same file) and parsed outside
    any transaction, so a long parse never holds the database."""
    parsed = 0
    pending = ImportDraft.objects.filter(batch_id=batch_id, status=DraftStatus.PENDING)
    for draft_id in pending.values_list("id", flat=True):
        claimed = ImportDraft.objects.filter(pk=draft_id, status=DraftStatus.PENDING).update(status=DraftStatus.PARSING)
        if not claimed:
            continue
        draft = ImportDraft.objects.get(pk=draft_id)
        parse_into(draft, bytes(draft.data or b""))
        parsed += draft.status == DraftStatus.PARSED
    return parsed
