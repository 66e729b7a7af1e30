"""Large measurement files are read and saved by the task worker (django-tasks, database
backend); the upload page polls the upload's progress."""

from __future__ import annotations

from django_tasks import task

from roedtraad.followup import uploads
from roedtraad.followup.models import MeasurementUpload, UploadStatus


@task()
def read_upload(upload_id: int) -> str:
    upload = MeasurementUpload.objects.filter(pk=upload_id, status=UploadStatus.READING).first()
    if upload is not None:
        uploads.read_now(upload)
    return upload.status if upload else "gone"


@task()
def save_upload(upload_id: int) -> str:
    upload = MeasurementUpload.objects.filter(pk=upload_id, status=UploadStatus.SAVING).first()
    if upload is not None:
        uploads.save_now(upload)
    return upload.status if upload else "gone"
