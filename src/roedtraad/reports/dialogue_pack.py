"""The contract dialogue's pack as a Word document: the agenda (`reports.dialogue`) with the
dialogue's facts, the minutes and what was agreed once it is held, each goal's status and its
indicators against their targets (a small unit's figures hidden for the reader), the unmet
requirements, the stop-doing proposals and the earlier dialogues' agreements. The PDF is the
dialogue's page printed (`reports.contract_pdf.path_pdf`)."""

from __future__ import annotations

import re

from django.utils import timezone

from roedtraad.core.reports.contract_document import _date, _number
from roedtraad.core.reports.report_document import Grid, Heading, ReportDocument, Text, report_docx
from roedtraad.reports.dialogue import Agenda
from roedtraad.reports.overview import STATUS_WORDS

HIDDEN_WORDS = "tallene vises ikke (en lille enhed)"  # as the dialogue's page says it
ITEMS = (
    "Målenes status og prognose",
    "Krav i årets DUS, kontrakten ikke opfylder",
    "Forslag til, hvad vi holder op med",
    "Aftaler",
)


def _facts(agenda: Agenda, participants) -> list[str]:
    dialogue, planned = agenda.dialogue, agenda.dialogue.planned
    facts = [f"Dato: {_date(planned.date)}" + (f" · {planned.description}" if planned.description else "")]
    facts.append(f"Holdt {_date(dialogue.held_on)}" if dialogue.held_on else "Planlagt")
    if participants:
        names = [f"{p.name} ({p.title})" if getattr(p, "title", "") else p.name for p in participants]
        facts.append("Deltagere: " + ", ".join(names))
    return facts


def _minutes(agenda: Agenda, entries, activities) -> list:
    dialogue = agenda.dialogue
    if not dialogue.held_on:
        return []
    blocks: list = [Heading("Referat", 1), Text(dialogue.minutes)]
    agreed = [f"Mål {e.goal.number}: {e.get_status_display()} – {e.text}" for e in entries]
    agreed += [
        f"Mål {a.goal.number}: ny aktivitet «{a.text}»" + (f", frist {_date(a.due_date)}" if a.due_date else "")
        for a in activities
    ]
    if agreed:
        blocks += [Heading("Det aftalte", 2), *(Text(line, bullet=True) for line in agreed)]
    return blocks


def _goals(agenda: Agenda, hidden: set[int]) -> list:
    blocks: list = [Heading(f"1. {ITEMS[0]}", 1)]
    for item in agenda.goals:
        status = STATUS_WORDS.get(item.rolled.status, item.rolled.status)
        blocks += [Heading(f"{item.goal.number}. {item.goal.title}", 2), Text(f"{status}. {item.rolled.reason}")]
        rows = []
        for s in item.indicators:
            unit = s.indicator.unit
            target = f"{_number(float(s.target.value), unit)} ({_date(s.target.period_end)})" if s.target else "–"
            name = f"{s.indicator.name} ({s.indicator.org_unit.name})"
            if s.indicator.pk in hidden:
                rows.append((name, target, HIDDEN_WORDS, "–"))
            else:
                rows.append((name, target, STATUS_WORDS.get(s.status, s.status), s.forecast.explanation))
        if rows:
            blocks.append(Grid(("Måltal", "Mål", "Status", "Prognose"), rows))
    return blocks


def dialogue_document(agenda: Agenda, hidden: set[int], participants=None, entries=(), activities=()) -> ReportDocument:
    blocks: list = _minutes(agenda, entries, activities)
    blocks += [Heading("Dagsorden", 1), *(Text(f"{n}. {item}") for n, item in enumerate(ITEMS, start=1))]
    blocks += _goals(agenda, hidden)
    blocks.append(Heading(f"2. {ITEMS[1]}", 1))
    if agenda.unmet:
        blocks += [Text(f"{finding['name']}: {finding['reason']}", bullet=True) for finding in agenda.unmet]
    else:
        blocks.append(Text("Kontrakten opfylder alle årets krav."))
    blocks.append(Heading(f"3. {ITEMS[2]}", 1))
    if agenda.stop_doing:
        for item in agenda.stop_doing:
            numbers = ", ".join(str(g.number) for g in item.goals.all())
            blocks.append(Text(item.text + (f" (giver plads til mål {numbers})" if numbers else ""), bullet=True))
    else:
        blocks.append(Text("Kontrakten har ingen forslag."))
    blocks.append(Heading(f"4. {ITEMS[3]}", 1))
    if agenda.earlier:
        blocks.append(Text("Aftalt på tidligere dialoger:"))
        blocks += [Text(f"{_date(d.held_on)}: {d.minutes}", bullet=True) for d in agenda.earlier]
    else:
        blocks.append(Text("Skrives i referatet efter mødet."))
    return ReportDocument(
        title=f"Kontraktdialog {_date(agenda.dialogue.planned.date)}",
        subtitle=str(agenda.contract),
        facts=_facts(agenda, participants),
        blocks=blocks,
        made_on=timezone.localdate(),
    )


def dialogue_docx(agenda: Agenda, hidden: set[int], participants=None, entries=(), activities=()) -> bytes:
    return report_docx(dialogue_document(agenda, hidden, participants, entries, activities))


def pack_name(agenda: Agenda) -> str:
    """ "kontraktdialog-2026-06-15-hjemmeplejen-fjordby": the file's name before its suffix."""
    words = f"kontraktdialog {agenda.dialogue.planned.date:%Y-%m-%d} {agenda.contract.holder.name}".lower()
    return re.sub(r"[^0-9a-zæøå-]+", "-", words).strip("-")
