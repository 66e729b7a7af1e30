"""Exports are made by the task worker (django-tasks, database backend); the job page polls
the job's progress."""

from __future__ import annotations

from django_tasks import task

from roedtraad.exports import jobs


@task()
def build_export(job_id: int) -> str:
    return jobs.build_now(job_id)
