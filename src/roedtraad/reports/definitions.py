"""Saving a report's layout and making it again for the next period.

A definition keeps the choices (the kind, the measure, the kind of period, the holder) and the
period the report was last made for; `advance` moves it one period on — the page's "Lav igen for
næste periode". A definition holds no figures: each time the report is made it shows what its
maker may see then (`reports.committee`, `reports.year_end`)."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from roedtraad import rights
from roedtraad.contracts.errors import WorkflowError
from roedtraad.core.reports.periods import Period, PeriodInvalid
from roedtraad.core.years import year_range_text
from roedtraad.org.models import OrgUnit
from roedtraad.reports.committee import measure_keys
from roedtraad.reports.models import ReportDefinition, ReportKind

NAME_MAX = 200


class DefinitionInvalid(WorkflowError):
    """A layout that cannot be saved as given; `field` names the input."""

    def __init__(self, field_name: str, message: str):
        self.field = field_name
        super().__init__(message)


def readable_holder(user, holder_id: int | None) -> OrgUnit | None:
    """The contract holder, if the user may read one of its contracts; None for none given.
    Raises LookupError for a holder the user may not see (the page answers 404)."""
    if holder_id is None:
        return None
    unit = OrgUnit.objects.filter(pk=holder_id).first()
    if unit is None or not rights.contracts_visible_to(user).filter(holder=unit).exists():
        raise LookupError(holder_id)
    return unit


def save_definition(
    user, *, kind: str, name: str, period: str, indicator_key: str = "", holder_id: int | None = None
) -> ReportDefinition:
    """The user's new saved layout. Raises DefinitionInvalid naming the field that was wrong."""
    name = (name or "").strip()
    if kind not in ReportKind.values:
        raise DefinitionInvalid("kind", "Vælg en udvalgsrapport eller en årsafslutning.")
    if not name:
        raise DefinitionInvalid("name", "Giv rapporten et navn, fx «Sygefravær til Økonomiudvalget».")
    if "\x00" in name:  # PostgreSQL's text cannot hold it; a pasted name can carry one
        raise DefinitionInvalid("name", _("Navnet indeholder et ugyldigt tegn (NUL). Skriv navnet igen."))
    if len(name) > NAME_MAX:
        raise DefinitionInvalid("name", f"Navnet må højst være {NAME_MAX} tegn (du har skrevet {len(name)}).")
    try:
        made_for = Period.parse(period)
    except PeriodInvalid as bad:
        raise DefinitionInvalid("period", str(bad)) from bad
    parameters: dict = {}
    if kind == ReportKind.COMMITTEE:
        if indicator_key not in {key for key, _name in measure_keys(user)}:
            raise DefinitionInvalid("indicator_key", "Vælg et måltal, du kan se.")
    else:
        indicator_key = ""
        made_for = Period(made_for.year)  # a year-end report is made for a year
        try:
            holder = readable_holder(user, holder_id)
        except LookupError as unknown:
            raise DefinitionInvalid("holder", "Vælg en kontraktholder, hvis kontrakt du kan se.") from unknown
        if holder is not None:
            parameters["holder"] = holder.pk
    return ReportDefinition.objects.create(
        kind=kind,
        name=name,
        indicator_key=indicator_key,
        period_kind=made_for.kind,
        period=made_for.code,
        parameters=parameters,
        created_by=user,
    )


@transaction.atomic
def advance(user, definition: ReportDefinition) -> ReportDefinition:
    """The definition made again for the period after the one it was last made for. Raises
    DefinitionInvalid past the last year Rødtråd supports (nothing is saved)."""
    row = rights.report_definitions_of(user).select_for_update().get(pk=definition.pk)
    following = row.current.next()
    if following is None:
        raise DefinitionInvalid(
            "period",
            _("«%(name)s» kan ikke laves for perioden efter %(period)s: Rødtråd kender kun årene %(range)s.")
            % {"name": row.name, "period": row.current, "range": year_range_text()},
        )
    row.period = following.code
    row.save(update_fields=["period", "updated_at"])
    return row
