"""Errors raised while reading a measurement file; every message is Danish and meant for the user."""

from __future__ import annotations


class TableError(ValueError):
    """The file cannot be read as a table (not CSV/XLSX, empty, too large, suspicious)."""


class MappingError(ValueError):
    """The columns cannot be mapped to the fields Rødtråd needs."""


class PersonalDataError(ValueError):
    """The file holds data about single employees; Rødtråd takes figures for units only."""
