"""`roedtraad export xlsx|docx|pdf [--year Y] [--holder NAME] -o PATH`: the year's overview as a
workbook (contracts, goals, indicators with targets and latest values, requirement findings), or
the contracts as Word documents in the municipal template, or as PDF printed from the contract
page (one contract: one file; several: a ZIP of one each). The figures are those the director sees.

`roedtraad export committee --indicator KEY --period 2026Q1 -o PATH`: the committee report (small
units suppressed, as the committee reads it); `roedtraad export year-end --year Y [--holder NAME]
-o PATH`: the year-end report. Both as PDF, or as Word when PATH ends in .docx."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from roedtraad.checks.services import default_year
from roedtraad.contracts.models import Contract


class Command(BaseCommand):
    help = (
        "Export the year's contracts (roedtraad export xlsx|docx|pdf --year Y [--holder NAME] -o PATH), "
        "a committee report (export committee --indicator KEY --period 2026Q1 -o PATH.pdf|.docx) "
        "or the year-end report (export year-end --year Y [--holder NAME] -o PATH.pdf|.docx)."
    )

    def add_arguments(self, parser):
        parser.add_argument("format", choices=["xlsx", "docx", "pdf", "committee", "year-end"])
        parser.add_argument("--indicator", default="", help="committee: the measure's key (e.g. sygefravaer).")
        parser.add_argument("--period", default="", help="committee: a quarter (2026Q1) or a year (2026).")
        parser.add_argument("--year", type=int, help="The year (default: the newest with contracts).")
        parser.add_argument("--holder", default="", help="Only this contract holder's contract.")
        parser.add_argument("-o", "--output", required=True, help="The file to write.")
        parser.add_argument(
            "--one-file",
            action="store_true",
            help="docx, pdf: the year's contracts in one document (default: a ZIP of one file each).",
        )

    def handle(self, *args, **options):
        if options["format"] in ("committee", "year-end"):
            from roedtraad.reports.management.report_export import export_report

            path, data, what = export_report(options, _director())
            self._write(path, data, what)
            return
        year = options["year"] or default_year()
        if year is None or not Contract.objects.filter(year=year).exists():
            raise CommandError(f"Der er ingen kontrakter for {year or 'noget år'}.")
        holder = options["holder"].strip()
        if holder and not Contract.objects.filter(year=year, holder__name__iexact=holder).exists():
            raise CommandError(f"{holder} har ingen kontrakt for {year}.")
        path = Path(options["output"])
        self.one_document = options["one_file"]
        if options["format"] in ("docx", "pdf"):
            data, kind = self._documents(options["format"], year, holder or None)
            if kind == "zip" and path.suffix.lower() != ".zip":
                path = path.with_suffix(".zip")  # several documents: say so in the name
        else:
            from roedtraad.reports.overview import year_overview

            data = year_overview(year, holder or None)
        self._write(path, data, f"kontrakterne for {year}")

    def _write(self, path: Path, data: bytes, what: str) -> None:
        try:
            path.write_bytes(data)
        except OSError as exc:
            raise CommandError(f"{path} kan ikke skrives: {exc.strerror}") from exc
        size = f"{len(data):,}".replace(",", ".")  # Danish thousands
        self.stdout.write(f"{path}: {size} bytes, {what}")

    def _documents(self, format: str, year: int, holder: str | None) -> tuple[bytes, str]:
        if format == "docx":
            from roedtraad.reports.contract_document import year_docx

            return year_docx(year, holder, one_document=self.one_document)
        from roedtraad.reports.contract_pdf import year_pdf

        return year_pdf(year, _director(), holder, one_document=self.one_document)


def _director():
    """The PDF is the contract page as the director reads it (every figure, no suppression)."""
    from roedtraad import rights

    director = rights.acting_director()
    if director is None:
        raise CommandError("Der er ingen aktiv direktør (en bruger med rollen direktør) at skrive PDF'en som.")
    return director
