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
    TargetRow,
    contract_docx,
    contracts_docx,
)
from roedtraad.followup.indicator_status import IndicatorStatus, goal_rollup, lineage_statuses
from roedtraad.followup.models import Direction
from roedtraad.followup.small_numbers import hidden_indicators, min_count
from roedtraad.reports.overview import HIDDEN_WORDS, STATUS_WORDS, year_contracts


def _plan(indicator) -> dict:
    """What was agreed for the measure (every year's target, its direction, the baseline's
    period): the document's own, which the template's reader reads back."""
    targets = sorted(indicator.targets.all(), key=lambda t: (t.long_term, t.period_start))
    return {
        "targets": [TargetRow(float(t.value), None if t.long_term else t.period_end.year) for t in targets],
        "direction": "up" if indicator.direction == Direction.HIGHER_IS_BETTER else "down",
        "baseline_period": indicator.baseline_period,
    }


def _indicator(item: IndicatorStatus, hidden: bool = False) -> IndicatorRow:
    indicator, target, latest = item.indicator, item.target, item.forecast.latest
    if hidden:  # a small unit's figures: the target stays (it is no one's figure), the measured ones go
        return IndicatorRow(
            name=indicator.name,
            unit_measured=indicator.org_unit.name,
            baseline=None,
            target=float(target.value) if target else None,
            target_end=target.period_end if target else None,
            latest=None,
            latest_period=None,
            status=HIDDEN_WORDS,
            forecast=f"Tallene vises ikke: enheden har under {min_count()} ansatte.",
            unit=indicator.unit,
            **_plan(indicator),
        )
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
        **_plan(indicator),
    )


def contract_document(contract: Contract, viewer=None) -> ContractDocument:
    """The contract as `viewer` may read it: a small unit's figures hidden as on the pages
    (`followup.small_numbers`). Without a viewer (the CLI), every figure, as the director sees it."""
    goals = list(
        contract.goals.filter(deleted_at__isnull=True)
        .prefetch_related("sections", "partners", "activities__owner", "indicators__targets")
        .order_by("number")
    )
    statuses, latest = lineage_statuses(goals)
    hidden = (
        hidden_indicators(viewer, [item.indicator for items in statuses.values() for item in items])
        if viewer is not None
        else set()
    )
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
                scope=goal.scope,
                multi_year=goal.multi_year,
                status=STATUS_WORDS.get(goal_rollup(statuses[goal.pk], latest.get(goal.pk)).status, ""),
                sections=[(s.display_heading, s.text, s.key) for s in goal.ordered_sections() if s.text.strip()],
                partners=[(p.unit.name if p.unit else p.name, p.role) for p in goal.partners.all()],
                indicators=[_indicator(item, item.indicator.pk in hidden) for item in statuses[goal.pk]],
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


def contract_docx_bytes(contract: Contract, viewer=None) -> bytes:
    return contract_docx(contract_document(contract, viewer))


def file_name(contract: Contract) -> str:
    """ "udviklingskontrakt-2026-hjemmeplejen-fjordby.docx": the kind, year and holder, safe anywhere."""
    words = re.sub(
        r"[^0-9a-zæøå]+", "-", f"{contract.get_kind_display()} {contract.year} {contract.holder.name}".lower()
    )
    return words.strip("-") + ".docx"


def combined_docx(contracts: list[Contract], viewer=None, progress=None) -> bytes:
    """Several contracts as one Word document under one table of contents; `progress(n)` is
    called after each contract is read."""
    documents = []
    for number, contract in enumerate(contracts, start=1):
        documents.append(contract_document(contract, viewer))
        if progress is not None:
            progress(number)
    years = sorted({c.year for c in contracts})
    title = f"Udviklingskontrakter {'–'.join(map(str, years[:1] + years[1:][-1:]))}"
    return contracts_docx(title, documents)


def year_docx(year: int, holder: str | None = None, one_document: bool = False) -> tuple[bytes, str]:
    """The year's contracts in force: one document (bytes, "docx") when there is one or when
    `one_document` asks for them together, else a ZIP of one document each (bytes, "zip")."""
    contracts = year_contracts(year, holder)
    if len(contracts) == 1:
        return contract_docx_bytes(contracts[0]), "docx"
    if one_document:
        return combined_docx(contracts), "docx"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for contract in contracts:
            archive.writestr(file_name(contract), contract_docx_bytes(contract))
    return out.getvalue(), "zip"
