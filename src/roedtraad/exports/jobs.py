"""Exports asked for in the web app: started in the request (which returns at once) and made by
the task worker (`exports.tasks`, django-tasks database backend), which writes "x af y
kontrakter" on the job for the page that polls it.

The web export is per user: only the contracts in force for the year that the owner may read
(`rights.contracts_visible_to`) go in, and a small unit's figures are hidden as on the pages
(`followup.small_numbers`). The CLI (`roedtraad export`) is the administrator's tool and exports
everything. Files are kept in the database for `KEEP`, then dropped with their job.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import zipfile
from collections.abc import Callable

from django.utils import timezone
from django.utils.translation import gettext as _

from roedtraad import rights
from roedtraad.checks.services import contracts_for_year
from roedtraad.contracts.models import Contract
from roedtraad.exports.models import ExportFormat, ExportJob, ExportStatus
from roedtraad.org.models import OrgUnit

logger = logging.getLogger(__name__)

# How long a finished export's file is kept for its owner to download.
KEEP = dt.timedelta(days=7)
# A job still queued or running after this was lost (a worker stopped): it is marked failed.
STUCK = dt.timedelta(hours=2)

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "zip": "application/zip",
}


class ExportRefused(Exception):
    """An export that cannot be made, with the reason in Danish for the user."""


def holders_for(user, year: int) -> list[OrgUnit]:
    """The holders whose contracts for the year the user may read (the page's holder choice)."""
    visible = rights.contracts_visible_to(user).filter(year=year).values("holder_id")
    return list(OrgUnit.objects.filter(pk__in=visible).order_by("name"))


def years_for(user) -> list[int]:
    """The years with contracts the user may read, newest first."""
    return sorted(set(rights.contracts_visible_to(user).values_list("year", flat=True)), reverse=True)


def start(
    user,
    *,
    format: str,
    year: int,
    holder: OrgUnit | None = None,
    one_file_per_contract: bool = False,
) -> ExportJob:
    """Queue an export for the worker and return its job at once. Refused (ExportRefused) when
    the user may read no contract of the year (or of the holder)."""
    if format not in ExportFormat.values:
        raise ExportRefused(_("Formatet «%(format)s» findes ikke.") % {"format": format})
    visible = rights.contracts_visible_to(user).filter(year=year)
    if holder is not None:
        visible = visible.filter(holder=holder)
    if not visible.exists():
        if holder is not None:
            raise ExportRefused(
                _("%(holder)s har ingen kontrakt for %(year)s, som du kan læse.") % {"holder": holder, "year": year}
            )
        raise ExportRefused(_("Du kan ikke læse nogen kontrakter for %(year)s.") % {"year": year})
    forget_old()
    job = ExportJob.objects.create(
        owner=user, format=format, year=year, holder=holder, one_file_per_contract=one_file_per_contract
    )
    from roedtraad.exports import tasks  # the task module imports this one

    # The job is committed already (no transaction around the request), so the worker finds it.
    try:
        queued = tasks.build_export.enqueue(job.pk)
    except Exception:
        # Not left "I kø" until `STUCK` marks it: the job page says at once that it failed.
        logger.exception("export job %s could not be queued", job.pk)
        _fail(
            job,
            _(
                "Eksporten kunne ikke sættes i gang. Prøv igen om lidt; sker det igen, så kontakt en "
                "administrator (fejlen er skrevet i loggen)."
            ),
        )
    else:
        ExportJob.objects.filter(pk=job.pk).update(task_id=str(queued.id)[:64])
    job.refresh_from_db()
    return job


def contracts_for(job: ExportJob) -> list[Contract]:
    """The contracts in force for the job's year that its owner may read (now, not when asked)."""
    visible = set(rights.contracts_visible_to(job.owner).filter(year=job.year).values_list("pk", flat=True))
    contracts = [c for c in contracts_for_year(job.year) if c.pk in visible]
    if job.holder_id is not None:
        contracts = [c for c in contracts if c.holder_id == job.holder_id]
    return contracts


def build_now(job_id: int) -> str:
    """Make the job's file (the worker calls this). Claimed with one update, so two workers never
    make it twice. Every failure ends as a Danish message on the job; the traceback goes to the log."""
    claimed = ExportJob.objects.filter(pk=job_id, status=ExportStatus.QUEUED).update(status=ExportStatus.RUNNING)
    if not claimed:
        return "gone"
    job = ExportJob.objects.select_related("owner", "holder").defer("result").get(pk=job_id)
    try:
        contracts = contracts_for(job)
        if not contracts:
            raise ExportRefused(_("Der er ingen kontrakter for %(year)s, som du kan læse.") % {"year": job.year})
        _progress(job, 0, len(contracts))
        data, name = _build(job, contracts)
    except ExportRefused as refusal:
        _fail(job, str(refusal))
    except Exception:
        logger.exception("export job %s failed", job_id)
        _fail(
            job,
            _(
                "Eksporten mislykkedes på grund af en fejl i Rødtråd. Prøv igen; sker det igen, så kontakt "
                "en administrator (fejlen er skrevet i loggen)."
            ),
        )
    else:
        ExportJob.objects.filter(pk=job_id).update(
            status=ExportStatus.DONE, result=data, result_name=name, done=len(contracts), finished_at=timezone.now()
        )
    forget_old()
    return ExportJob.objects.filter(pk=job_id).values_list("status", flat=True).first() or "gone"


def forget_old(now: dt.datetime | None = None) -> int:
    """Drop the jobs (with their files) older than `KEEP`, and mark as failed those a stopped
    worker left queued or running. Returns how many were dropped."""
    now = now or timezone.now()
    ExportJob.objects.filter(status__in=(ExportStatus.QUEUED, ExportStatus.RUNNING), created_at__lt=now - STUCK).update(
        status=ExportStatus.FAILED,
        error=_("Eksporten blev ikke færdig, fordi den blev afbrudt. Start den igen."),
        finished_at=now,
    )
    old = ExportJob.objects.filter(created_at__lt=now - KEEP)
    old.update(result=None)  # so the delete does not load the files
    dropped, _by_model = old.delete()
    return dropped


def content_type(name: str) -> str:
    return CONTENT_TYPES.get(name.rsplit(".", 1)[-1], "application/octet-stream")


# Building ------------------------------------------------------------------------------


def _build(job: ExportJob, contracts: list[Contract]) -> tuple[bytes, str]:
    """The file's bytes and name. Several contracts are one file — the workbook, one PDF with
    each contract's own page numbers, or one Word document under one table of contents
    (`reports.contract_document.combined_docx`) — unless one file per contract is asked for,
    which is a ZIP of one file each."""
    if job.format == ExportFormat.XLSX and not job.one_file_per_contract:
        from roedtraad.reports.overview import year_overview

        return year_overview(job.year, contracts=contracts, viewer=job.owner), _name(job, contracts, "xlsx")
    if job.format == ExportFormat.PDF and not job.one_file_per_contract and len(contracts) > 1:
        return _combined_pdf(job, contracts), _name(job, contracts, "pdf")
    if job.format == ExportFormat.DOCX and not job.one_file_per_contract and len(contracts) > 1:
        from roedtraad.reports.contract_document import combined_docx

        data = combined_docx(contracts, job.owner, lambda n: _progress(job, n, len(contracts)))
        return data, _name(job, contracts, "docx")
    make = _one_file(job)
    if len(contracts) == 1 and not job.one_file_per_contract:
        return make(contracts[0]), _name(job, contracts, job.format)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for number, (contract, name) in enumerate(zip(contracts, member_names(contracts, job.format), strict=True)):
            archive.writestr(name, make(contract))
            _progress(job, number + 1, len(contracts))
    return out.getvalue(), _name(job, contracts, "zip")


def _one_file(job: ExportJob) -> Callable[[Contract], bytes]:
    owner = job.owner
    if job.format == ExportFormat.DOCX:
        from roedtraad.reports.contract_document import contract_docx_bytes

        return lambda contract: contract_docx_bytes(contract, owner)
    if job.format == ExportFormat.PDF:
        from roedtraad.reports.contract_pdf import contract_pdf

        return lambda contract: contract_pdf(contract, owner)
    from roedtraad.reports.overview import year_overview

    return lambda contract: year_overview(job.year, contracts=[contract], viewer=owner)


def _combined_pdf(job: ExportJob, contracts: list[Contract]) -> bytes:
    from roedtraad.reports.contract_pdf import combined_pdf, laid_out

    documents = []
    for number, contract in enumerate(contracts):
        documents.append(laid_out(contract, job.owner))
        _progress(job, number + 1, len(contracts))
    return combined_pdf(documents)


def member_names(contracts: list[Contract], extension: str) -> list[str]:
    """One safe file name per contract ("udviklingskontrakt-2026-solsikken.pdf": lower case,
    letters, digits and hyphens only); two holders of the same name get "-2", "-3"."""
    from roedtraad.reports.contract_document import file_name

    names: list[str] = []
    for contract in contracts:
        stem = file_name(contract).removesuffix(".docx")
        name, count = f"{stem}.{extension}", 1
        while name in names:
            count += 1
            name = f"{stem}-{count}.{extension}"
        names.append(name)
    return names


def _name(job: ExportJob, contracts: list[Contract], extension: str) -> str:
    if len(contracts) == 1 and extension != "zip":
        return member_names(contracts, extension)[0]
    return f"kontrakter-{job.year}-{job.format}.{extension}"


def _progress(job: ExportJob, done: int, total: int) -> None:
    # update(), not save(): a job's progress is no page's content, so kept pages stay valid
    job.done, job.total = done, total
    ExportJob.objects.filter(pk=job.pk).update(done=done, total=total)


def _fail(job: ExportJob, message: str) -> None:
    ExportJob.objects.filter(pk=job.pk).update(
        status=ExportStatus.FAILED, error=message, result=None, finished_at=timezone.now()
    )
