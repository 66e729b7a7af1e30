"""`roedtraad export committee|year-end`: the committee and year-end reports as files, made as
the pages make them (the PDF is the page printed, the Word file from the same data), as the
acting director reads them — the committee report suppressed for the committee all the same."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import CommandError
from django.urls import reverse

from roedtraad.checks.services import default_year
from roedtraad.contracts.models import Contract
from roedtraad.core.reports.periods import Period, PeriodInvalid
from roedtraad.reports.committee import committee_docx, committee_report
from roedtraad.reports.contract_pdf import path_pdf
from roedtraad.reports.year_end import year_end_docx, year_end_report


def _format(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in (".pdf", ".docx"):
        raise CommandError(f"{path}: skriv rapporten til en .pdf- eller en .docx-fil.")
    return suffix[1:]


def export_report(options: dict, director) -> tuple[Path, bytes, str]:
    """(the file, its bytes, what it holds in words) for the command's options."""
    path = Path(options["output"])
    fmt = _format(path)
    if options["format"] == "committee":
        return path, *_committee(options, director, fmt)
    return path, *_year_end(options, director, fmt)


def _committee(options: dict, director, fmt: str) -> tuple[bytes, str]:
    key = (options.get("indicator") or "").strip()
    if not key:
        raise CommandError("Angiv måltallet med --indicator, fx --indicator sygefravaer.")
    try:
        period = Period.parse(options.get("period") or "")
    except PeriodInvalid as bad:
        raise CommandError(f"--period: {bad}") from bad
    report = committee_report(director, key, period)
    if report is None:
        raise CommandError(f"Der er ingen måltal med nøglen {key}.")
    if fmt == "docx":
        return committee_docx(report), report.title
    return path_pdf(reverse("committee_report", args=[key, period.code]), director), report.title


def _year_end(options: dict, director, fmt: str) -> tuple[bytes, str]:
    year = options.get("year") or default_year()
    if year is None or not Contract.objects.filter(year=year).exists():
        raise CommandError(f"Der er ingen kontrakter for {year or 'noget år'}.")
    name = (options.get("holder") or "").strip()
    holder = None
    if name:
        contract = Contract.objects.filter(year=year, holder__name__iexact=name).select_related("holder").first()
        if contract is None:
            raise CommandError(f"{name} har ingen kontrakt for {year}.")
        holder = contract.holder
    report = year_end_report(director, year, holder)
    if fmt == "docx":
        return year_end_docx(report), report.title
    url = reverse("year_end_report", args=[year]) + (f"?kontraktholder={holder.pk}" if holder else "")
    return path_pdf(url, director), report.title
