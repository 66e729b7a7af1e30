"""Refuse person-level files: Rødtråd takes figures for units, never for single employees."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from roedtraad.core.measurements.names import contains_run, skeleton, words
from roedtraad.core.measurements.numbers import parse_value
from roedtraad.core.measurements.table import Table

ADVICE = "Rødtråd tager kun tal for enheder imod – lav udtrækket pr. enhed."
# Headers that identify a person wherever they occur in the header ("CPR-nr. (10 cifre)").
IDENTIFIERS = ("CPR", "CPR-nr.", "CPR-nummer", "Personnummer", "Medarbejdernr.", "Medarbejdernummer", "Lønnummer",
               "Lønnr.", "MA-nr.", "Medarbejder-id")  # fmt: skip
# Headers that identify a person when they are the whole header.
PERSONAL_HEADERS = ("Initialer", "Navn", "Fulde navn", "Medarbejder", "Medarbejdernavn", "Medarbejderens navn",
                    "Fornavn", "Efternavn", "Ansat")  # fmt: skip
# A column the user has said holds the unit may be called "Navn".
_UNIT_NAMES = {skeleton("Navn")}
# Numbers of workplaces (P-nummer) have ten digits too.
_NOT_CPR = ("P-nummer", "P-nr.", "Pnr", "EAN", "EAN-nummer", "CVR")
_CPR = re.compile(r"(0[1-9]|[12]\d|3[01])(0[1-9]|1[0-2])\d{2}-?\d{4}")
_SAMPLE = 1000
_MOST = 0.5
_HEADCOUNT_MIN_ROWS = 3


def person_level_reason(table: Table, mapping: dict[str, int], *, identifiers_only: bool = False) -> str | None:
    """A Danish reason when the file holds data about single employees, else None.

    `identifiers_only`: only what identifies a person whatever the columns mean (a CPR or
    employee-number header, CPR-like cells), which can be judged before the mapping is complete;
    a "Navn" column may still turn out to be the unit."""
    for index, header in enumerate(table.headers):
        if identifiers_only and not _identifies(header):
            continue
        if _names_a_person(header, is_unit=mapping.get("unit") == index):
            return _reason(f"kolonnen «{header}»")
    for index, header in enumerate(table.headers):
        if not _exempt(header) and _mostly(_cells(table, index), lambda cell: bool(_CPR.fullmatch(cell))):
            return _reason(f"kolonnen «{header}» ligner CPR-numre")
    if identifiers_only:
        return None
    headcount = mapping.get("headcount")
    if headcount is not None and _is_one_per_row(list(_cells(table, headcount)), table.dot_decimal):
        return _reason(f"kolonnen «{table.headers[headcount]}» er 1 på de fleste rækker")
    return None


def _reason(detail: str) -> str:
    return f"Filen indeholder oplysninger om enkelte medarbejdere ({detail}). {ADVICE}"


def _identifies(header: str) -> bool:
    tokens = words(header)
    return any(contains_run(tokens, words(identifier)) for identifier in IDENTIFIERS)


def _names_a_person(header: str, *, is_unit: bool) -> bool:
    name, tokens = skeleton(header), words(header)
    if any(contains_run(tokens, words(identifier)) for identifier in IDENTIFIERS):
        return True
    if is_unit and name in _UNIT_NAMES:
        return False
    return name in {skeleton(personal) for personal in PERSONAL_HEADERS}


def _exempt(header: str) -> bool:
    return skeleton(header) in {skeleton(name) for name in _NOT_CPR}


def _cells(table: Table, index: int) -> Iterator[str]:
    """The non-empty cells of a column, in the first rows."""
    return (cell for row in table.rows[:_SAMPLE] if (cell := row.cell(index)))


def _mostly(cells: Iterable[str], test: Callable[[str], bool]) -> bool:
    values = list(cells)
    return bool(values) and sum(1 for cell in values if test(cell)) > _MOST * len(values)


def _is_one_per_row(cells: list[str], dot_decimal: bool) -> bool:
    if len(cells) < _HEADCOUNT_MIN_ROWS:
        return False
    return _mostly(cells, lambda cell: _number(cell, dot_decimal) == 1)


def _number(cell: str, dot_decimal: bool) -> float | None:
    try:
        return parse_value(cell, dot_decimal=dot_decimal)
    except ValueError:
        return None
