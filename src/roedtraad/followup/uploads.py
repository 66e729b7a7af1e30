"""A measurement file uploaded in the web app: read and previewed, the user's column and unit
choices kept on the upload, then saved through the same plan as `roedtraad measurements import`.

A small file is read and saved in the request. A large one is read and saved by the task
worker (django-tasks, database backend), which writes its progress on the upload so the page
can show a progress bar from any app server. The file's bytes are dropped once saved or refused.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from roedtraad import rights
from roedtraad.followup.measurement_files import FilePreview, FileRefused, preview_file
from roedtraad.followup.measurement_import import MeasurementPlan, MeasurementsRefused, save_plan
from roedtraad.followup.models import MeasurementUpload, UploadStatus
from roedtraad.org.models import OrgUnit

# How long an unsaved file is kept for its preview.
KEEP_UNSAVED = dt.timedelta(days=1)
# Rows not taken that the preview lists (the count of all of them is always given).
SHOWN_REJECTED = 200


def in_request_bytes() -> int:
    """Files up to this size are read and saved in the request; larger ones by the worker."""
    return int(getattr(settings, "ROEDTRAAD_MEASUREMENT_IN_REQUEST_BYTES", 1024 * 1024))


def importable_units(user):
    """The units the user may import figures for (and so map a file's unknown unit name to)."""
    allowed = rights.measurement_units_for(user)
    units = OrgUnit.objects.order_by("name")
    return units if allowed is None else units.filter(pk__in=allowed)


def start(user, filename: str, data: bytes) -> MeasurementUpload:
    """Keep the file and read it, now or in the background by its size. Files left in a preview
    for longer than `KEEP_UNSAVED` are dropped first (the bytes, not the record of the upload)."""
    forget_abandoned()
    upload = MeasurementUpload.objects.create(owner=user, filename=filename[:300], data=data, step="Læser filen")
    _read_or_enqueue(upload)
    return upload


def forget_abandoned() -> int:
    """Drop the bytes of uploads nobody saved within `KEEP_UNSAVED`: an unsaved file may hold
    data nobody has looked at, and it should not stay in the database."""
    before = timezone.now() - KEEP_UNSAVED
    stale = MeasurementUpload.objects.filter(created_at__lt=before, data__isnull=False)
    return stale.exclude(status=UploadStatus.SAVING).update(
        data=None, status=UploadStatus.FAILED, error="Filen blev ikke gemt inden for et døgn og er slettet."
    )


def choose(upload: MeasurementUpload, *, mapping: dict[str, int] | None, aliases: dict[str, int], key: str) -> None:
    """The user's choices in the preview; the file is read again with them."""
    upload.mapping, upload.aliases, upload.key = mapping, aliases, key
    upload.status, upload.progress, upload.step, upload.error = UploadStatus.READING, 0, "Læser filen", ""
    upload.save()
    _read_or_enqueue(upload)


def save(upload: MeasurementUpload) -> None:
    """Save the file's figures as previewed: in the request when small, else by the worker.
    Claimed with one update, so a double click or two app servers never save it twice."""
    claimed = MeasurementUpload.objects.filter(pk=upload.pk, status=UploadStatus.READY).update(
        status=UploadStatus.SAVING, progress=0, step="Gemmer tallene", error=""
    )
    upload.refresh_from_db()
    if not claimed:
        return
    if _large(upload):
        _enqueue("save", upload)
    else:
        save_now(upload)


def read_now(upload: MeasurementUpload) -> None:
    """Read the file with the upload's choices and keep the preview (or the refusal)."""
    _progress(upload, 20, "Læser filen")
    try:
        preview = _preview(upload)
    except FileRefused as error:
        _refuse(upload, str(error))
        return
    upload.preview = summary(preview)
    upload.status, upload.progress, upload.step = UploadStatus.READY, 100, ""
    upload.save(update_fields=["preview", "status", "progress", "step"])


def save_now(upload: MeasurementUpload) -> None:
    """Read the file again (what is saved is what the plan says now) and write it in one
    transaction. A refusal leaves the upload ready, with the reason, and nothing saved."""
    _progress(upload, 20, "Læser filen")
    try:
        preview = _preview(upload, compare=False)  # save_plan compares inside its transaction
        if preview.plan is None:
            raise MeasurementsRefused(preview.problem)
        _progress(upload, 60, "Gemmer tallene")
        counts = save_plan(preview.plan, source=f"Fil: {upload.filename}", user=upload.owner)
    except FileRefused as error:
        _refuse(upload, str(error))
        return
    except MeasurementsRefused as error:
        upload.status, upload.progress, upload.step, upload.error = UploadStatus.READY, 0, "", str(error)
        upload.save(update_fields=["status", "progress", "step", "error"])
        return
    upload.result = counts
    upload.status, upload.progress, upload.step, upload.data = UploadStatus.SAVED, 100, "", None
    upload.save(update_fields=["result", "status", "progress", "step", "data"])


def summary(preview: FilePreview) -> dict:
    """What the preview page shows, as JSON kept on the upload."""
    out: dict = {
        "headers": preview.headers,
        "sample": preview.sample,
        "mapping": preview.mapping,
        "problem": preview.problem,
    }
    plan = preview.plan
    if plan is None:
        return out
    rejected = sorted(plan.rejected, key=lambda r: r.line)
    out |= {
        "wide": plan.reading.wide,
        "created": plan.count("create"),
        "updated": plan.count("update"),
        "unchanged": plan.count("unchanged"),
        "rejected_count": len(rejected),
        "rejected": [{"line": r.line, "reason": r.reason} for r in rejected[:SHOWN_REJECTED]],
        "unknown_units": plan.unknown_units,
        "notes": plan.notes,
        "indicators": per_indicator(plan),
    }
    return out


def per_indicator(plan: MeasurementPlan) -> list[dict]:
    """Per indicator the file feeds: its unit, the periods and what happens to its values."""
    groups: dict[int, list] = defaultdict(list)
    for value in plan.values:
        groups[value.indicator.pk].append(value)
    rows = []
    for values in groups.values():
        indicator = values[0].indicator
        periods = sorted(v.period for v in values)
        rows.append(
            {
                "id": indicator.pk,
                "unit": indicator.org_unit.name,
                "name": indicator.name,
                "first": periods[0].isoformat(),
                "last": periods[-1].isoformat(),
                "created": sum(v.action == "create" for v in values),
                "updated": sum(v.action == "update" for v in values),
                "unchanged": sum(v.action == "unchanged" for v in values),
                "approximate": any(v.approximate for v in values),
            }
        )
    return sorted(rows, key=lambda r: (r["unit"], r["name"]))


def _preview(upload: MeasurementUpload, *, compare: bool = True) -> FilePreview:
    mapping = {str(k): int(v) for k, v in upload.mapping.items()} if upload.mapping else None
    aliases = {str(k): int(v) for k, v in (upload.aliases or {}).items()}
    data = bytes(upload.data or b"")
    return preview_file(
        data, upload.filename, mapping=mapping, key=upload.key, aliases=aliases, user=upload.owner, compare=compare
    )


def _refuse(upload: MeasurementUpload, reason: str) -> None:
    """A refused file is not kept: it may hold the personal data it was refused for."""
    upload.status, upload.progress, upload.step, upload.error, upload.data = UploadStatus.FAILED, 100, "", reason, None
    upload.save(update_fields=["status", "progress", "step", "error", "data"])


def _progress(upload: MeasurementUpload, percent: int, step: str) -> None:
    upload.progress, upload.step = percent, step
    MeasurementUpload.objects.filter(pk=upload.pk).update(progress=percent, step=step)


def _large(upload: MeasurementUpload) -> bool:
    return len(upload.data or b"") > in_request_bytes()


def _read_or_enqueue(upload: MeasurementUpload) -> None:
    if _large(upload):
        _enqueue("read", upload)
    else:
        read_now(upload)


def _enqueue(step: str, upload: MeasurementUpload) -> None:
    from roedtraad.followup import tasks  # the task module imports this one

    task = tasks.read_upload if step == "read" else tasks.save_upload
    transaction.on_commit(lambda: task.enqueue(upload.pk))
