"""A contract as PDF, made by WeasyPrint from the contract's own page: the page is rendered as
the given user would get it (through the URL resolver, so the domain does not import the web
layer) and printed with the print style sheet — the menu and buttons left out, each goal from a
new page, tables kept whole, "Side N af M" at the foot of each page (roedtraad.css `@page`), and
the headings as the PDF's bookmarks. Tagged as PDF/UA-1 as far as WeasyPrint makes it."""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.test import RequestFactory
from django.urls import resolve, reverse
from django.utils import translation

from roedtraad.contracts.models import Contract

HOST = "roedtraad.invalid"  # the page's own address while it is printed; nothing is fetched from it


def _static_file(path: str) -> str | None:
    """The file behind a /static/ URL: found by the finders (development), else collected."""
    name = path.removeprefix("/" + settings.STATIC_URL.lstrip("/"))
    found = finders.find(name)
    if found:
        return found if isinstance(found, str) else found[0]
    try:
        return staticfiles_storage.path(name)
    except (NotImplementedError, ValueError):
        return None


def _static_only():
    """A fetcher that reads only the site's own static files (style sheets, fonts, images) and
    data: URLs; nothing else is fetched, so printing a page never reaches the network."""
    from weasyprint.urls import URLFetcher

    class StaticOnly(URLFetcher):
        def fetch(self, url, headers=None):
            parts = urlsplit(url)
            if parts.scheme == "data":
                return super().fetch(url, headers)
            if parts.hostname == HOST and parts.path.startswith("/" + settings.STATIC_URL.lstrip("/")):
                path = _static_file(parts.path)
                if path:
                    return super().fetch(Path(path).as_uri(), headers)
            raise ValueError(f"not fetched while printing: {url}")

    return StaticOnly(allowed_protocols=("file", "data"))


def page_html(contract: Contract, user) -> str:
    """The contract page's HTML as `user` gets it."""
    return path_html(reverse("contract_detail", args=[contract.pk]), user)


def path_html(path: str, user) -> str:
    """The HTML of the page at `path` (with its query) as `user` gets it; PermissionError when
    the page answers anything but 200 (the views raise 404 and 403 before they render)."""
    from django_htmx.middleware import HtmxDetails

    request = RequestFactory().get(path, HTTP_HOST=HOST)
    request.user = user
    request.htmx = HtmxDetails(request)  # type: ignore[attr-defined]
    match = resolve(urlsplit(path).path)
    with translation.override(settings.LANGUAGE_CODE):
        response = match.func(request, *match.args, **match.kwargs)
        if hasattr(response, "render"):
            response.render()
    if response.status_code != 200:
        raise PermissionError(f"{user} cannot read {path} ({response.status_code})")
    return response.content.decode()


def path_pdf(path: str, user) -> bytes:
    """The page at `path` printed as `user` gets it (the reports' pages: the dialogue pack, the
    committee and year-end reports), as the contract is."""
    from weasyprint import HTML

    logging.getLogger("weasyprint").setLevel(logging.ERROR)  # as in contract_pdf
    html = HTML(string=path_html(path, user), base_url=f"http://{HOST}/", url_fetcher=_static_only())
    return html.write_pdf(pdf_variant="pdf/ua-1")


def contract_pdf(contract: Contract, user) -> bytes:
    from weasyprint import HTML

    # The screen style sheets hold properties WeasyPrint does not print (SVG fills, transitions);
    # its warning per property is noise to whoever runs the export.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)

    html = HTML(string=page_html(contract, user), base_url=f"http://{HOST}/", url_fetcher=_static_only())
    return html.write_pdf(pdf_variant="pdf/ua-1")


def laid_out(contract: Contract, user):
    """The contract page laid out as pages (a WeasyPrint `Document`), to be printed with others."""
    from weasyprint import HTML

    logging.getLogger("weasyprint").setLevel(logging.ERROR)  # as in contract_pdf
    html = HTML(string=page_html(contract, user), base_url=f"http://{HOST}/", url_fetcher=_static_only())
    return html.render(pdf_variant="pdf/ua-1")


def combined_pdf(documents: list) -> bytes:
    """Several laid-out contracts as one PDF, each with its own page numbers ("Side 1 af M" per
    contract) and bookmarks, tagged as each alone would be."""
    pages = [page for document in documents for page in document.pages]
    return documents[0].copy(pages).write_pdf(pdf_variant="pdf/ua-1")


def year_pdf(year: int, user, holder: str | None = None, one_document: bool = False) -> tuple[bytes, str]:
    """The year's contracts in force as PDF, as `user` reads them: one file (bytes, "pdf") when
    there is one contract or `one_document` asks for them together, else a ZIP of one each
    (bytes, "zip")."""
    import io
    import zipfile

    from roedtraad.reports.contract_document import file_name
    from roedtraad.reports.overview import year_contracts

    contracts = year_contracts(year, holder)
    if len(contracts) == 1:
        return contract_pdf(contracts[0], user), "pdf"
    if one_document:
        return combined_pdf([laid_out(contract, user) for contract in contracts]), "pdf"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for contract in contracts:
            archive.writestr(file_name(contract).removesuffix(".docx") + ".pdf", contract_pdf(contract, user))
    return out.getvalue(), "zip"
