"""A contract from the database as a Word document in the municipal template
(`core.reports.contract_document`), with its goals' indicators, statuses and forecasts as the
pages show them; a year's contracts as one file each in a ZIP."""

from __future__ import annotations

import io
import re
import zipfile

from django.utils import timezone

from roedtraad.contracts.models import Contract
from roedtraad.core.reports.contract_document import (
    ActivityRow,
    ContractDocument,
    GoalPart,
    IndicatorRow,
    contract_docx,
)
from roedtraad.followup.indicator_status import IndicatorStatus, goal_rollup, lineage_statuses
from roedtraad.reports.overview import STATUS_WORDS, year_contracts


def _indicator(item: IndicatorStatus) -> IndicatorRow:
    indicator, target, latest = item.indicator, item.target, item.forecast.latest
    return IndicatorRow(
        name=indicator.name,
        unit_measured=indicator.org_unit.name,
        baseline=float(indicator.baseline_value) if indicator.baseline_value is not None else None,
        target=float(target.value) if target else None,
        target_end=target.period_end if target else None,
        latest=latest.value if latest else None,
        latest_period=latest.period if latest else None,
        status=STATUS_WORDS.get(item.status, item.status),
        forecast=item.forecast.explanation,
        unit=indicator.unit,
    )


def contract_document(contract: Contract) -> ContractDocument:
    goals = list(
        contract.goals.filter(deleted_at__isnull=True)
        .prefetch_related("sections", "partners", "activities__owner")
        .order_by("number")
    )
    statuses, latest = lineage_statuses(goals)
    people = [
        (role, person.name)
        for role, person in (
            ("Kontraktholder", contract.holder_person),
            ("Fagchef", contract.head_of_area),
            ("Direktør", contract.director),
        )
        if person is not None and not person.is_erased
    ]
    return ContractDocument(
        title=f"{contract.get_kind_display()} {contract.year}",
        holder=contract.holder.name,
        year=contract.year,
        status=contract.get_status_display(),
        introduction=contract.introduction,
        people=people,
        goals=[
            GoalPart(
                number=goal.number,
                title=goal.title,
                scope=goal.get_scope_display(),
                status=STATUS_WORDS.get(goal_rollup(statuses[goal.pk], latest.get(goal.pk)).status, ""),
                sections=[(s.display_heading, s.text) for s in goal.ordered_sections() if s.text.strip()],
                partners=[(p.unit.name if p.unit else p.name, p.role) for p in goal.partners.all()],
                indicators=[_indicator(item) for item in statuses[goal.pk]],
                activities=[
                    ActivityRow(a.text, a.due_date, a.owner.name if a.owner else "", a.get_status_display())
                    for a in goal.activities.all()
                ],
            )
            for goal in goals
        ],
        stop_doing=[
            (item.text, sorted(g.number for g in item.goals.all()))
            for item in contract.stop_doing_items.prefetch_related("goals").order_by("order", "pk")
        ],
        made_on=timezone.localdate(),
    )


def contract_docx_bytes(contract: Contract) -> bytes:
    return contract_docx(contract_document(contract))


def file_name(contract: Contract) -> str:
    """ "udviklingskontrakt-2026-hjemmeplejen-fjordby.docx": the kind, year and holder, safe anywhere."""
    words = re.sub(
        r"[^0-9a-zæøå]+", "-", f"{contract.get_kind_display()} {contract.year} {contract.holder.name}".lower()
    )
    return words.strip("-") + ".docx"


def year_docx(year: int, holder: str | None = None) -> tuple[bytes, str]:
    """The year's contracts in force: one document (bytes, "docx") when there is one, else a
    ZIP of one document each (bytes, "zip")."""
    contracts = year_contracts(year, holder)
    if len(contracts) == 1:
        return contract_docx_bytes(contracts[0]), "docx"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for contract in contracts:
            archive.writestr(file_name(contract), contract_docx_bytes(contract))
    return out.getvalue(), "zip"
