"""Numbers as BI exports write them: "8,22", "8,22 %", "8.22", "1.234,5", "−2,5", "4,6 mio. kr.".

`parse_value` returns None for an empty or suppressed cell ("", "-", "..", "n/a", "*") and raises
ValueError for text that is not a number.

The separators, in order:

- both "." and "," → the later one is the decimal sign, the other groups thousands
  ("1.234,5" → 1234.5, "1,234.5" → 1234.5);
- only "," → a decimal comma ("8,22"), unless there are several in groups of three ("1,234,567");
- only "." → several dots group thousands ("1.234.567"); a single dot followed by exactly three
  digits, with one to three digits before it and no leading zero, also groups thousands
  ("1.234" → 1234, and so "8.220" → 8220, as a Danish export means it); any other single dot is a
  decimal point ("8.22", "0.125"). Numbers from Excel cells are always decimal-point numbers: pass
  `dot_decimal=True` (`Table.dot_decimal`) and "1.234" is 1.234.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal, InvalidOperation

MISSING: frozenset[str] = frozenset(
    {
        "",
        "-",
        "--",
        "–",
        "—",
        ".",
        "..",
        "...",
        "…",
        "*",
        "**",
        "x",
        "?",
        "n/a",
        "na",
        "n.a.",
        "i.a.",
        "i/t",
        "#n/a",
        "#i/t",
        "#div/0!",
        "#værdi!",
        "#value!",
        "(tom)",
        "(blank)",
        "null",
        "none",
        "nan",
    }
)

UNIT_WORDS: frozenset[str] = frozenset(
    {
        "%",
        "pct",
        "procent",
        "%-point",
        "pct-point",
        "procentpoint",
        "point",
        "dag",
        "dage",
        "dagsværk",
        "dagsværker",
        "kr",
        "kroner",
        "time",
        "timer",
        "uger",
        "mdr",
        "måneder",
        "personer",
        "pers",
        "medarbejdere",
        "årsværk",
        "stk",
        "gange",
    }
)

MULTIPLIERS: dict[str, int] = {
    "tkr": 1_000,
    "tusind": 1_000,
    "mio": 1_000_000,
    "mill": 1_000_000,
    "million": 1_000_000,
    "millioner": 1_000_000,
    "mkr": 1_000_000,
    "mia": 1_000_000_000,
    "milliard": 1_000_000_000,
    "milliarder": 1_000_000_000,
}

_MINUS = str.maketrans({"−": "-", "–": "-", "‒": "-", "\u00a0": " ", "\u202f": " ", "\u2009": " "})
_NUMBER = re.compile(
    r"(?P<sign>[-+])?\s*"
    r"(?P<digits>\d{1,3}(?:\s\d{3})+(?:[.,]\d+)?|\d[\d.,]*|[.,]\d+)"
    r"(?P<exponent>[eE][-+]?\d+)?"
    r"\s*(?P<rest>.*)",
    re.DOTALL,
)
_THOUSAND_KR = re.compile(r"\bt\.?\s*kr\b")


def is_missing(text: str) -> bool:
    """An empty or suppressed cell: "", "-", "..", "n/a", "*" …"""
    return text.strip().lower() in MISSING


def parse_value(text: str, *, dot_decimal: bool = False) -> float | None:
    """A measured value as a float, None when the cell is empty or suppressed. Raises ValueError."""
    if is_missing(text):
        return None
    match = _NUMBER.fullmatch(text.translate(_MINUS).strip())
    if match is None:
        raise ValueError(f"not a number: {text!r}")
    number = _digits(match["digits"], match["exponent"] or "", dot_decimal=dot_decimal)
    number *= _multiplier(match["rest"])
    if match["sign"] == "-":
        number = -number
    result = float(number)
    if not math.isfinite(result):
        raise ValueError(f"not a finite number: {text!r}")
    return result


def _digits(digits: str, exponent: str, *, dot_decimal: bool) -> Decimal:
    plain = _plain_digits(re.sub(r"\s", "", digits), exponent=bool(exponent), dot_decimal=dot_decimal)
    try:
        return Decimal(plain + exponent)
    except InvalidOperation as error:
        raise ValueError(f"not a number: {digits!r}") from error


def _plain_digits(digits: str, *, exponent: bool, dot_decimal: bool) -> str:
    """The digits with "." as the only (decimal) separator."""
    dots, commas = digits.count("."), digits.count(",")
    if dots and commas:
        decimal_sign = "," if digits.rfind(",") > digits.rfind(".") else "."
        thousands = "." if decimal_sign == "," else ","
        whole, _, fraction = digits.rpartition(decimal_sign)
        _check_grouping(whole, thousands)
        return whole.replace(thousands, "") + "." + fraction
    if commas:
        return _single_separator(digits, ",", thousands_when_single=False)
    if dots:
        single_is_thousands = not exponent and not dot_decimal and re.fullmatch(r"[1-9]\d{0,2}\.\d{3}", digits)
        return _single_separator(digits, ".", thousands_when_single=bool(single_is_thousands))
    return digits


def _single_separator(digits: str, separator: str, *, thousands_when_single: bool) -> str:
    if digits.count(separator) > 1 or thousands_when_single:
        _check_grouping(digits, separator)
        return digits.replace(separator, "")
    return digits.replace(separator, ".")


def _check_grouping(whole: str, separator: str) -> None:
    if not re.fullmatch(rf"\d{{1,3}}(?:{re.escape(separator)}\d{{3}})*", whole):
        raise ValueError(f"badly grouped thousands: {whole!r}")


def _multiplier(rest: str) -> Decimal:
    """The factor of the words after the number ("mio. kr." → 1e6); units such as "%" are 1."""
    words = [word for word in re.split(r"[\s.]+", _THOUSAND_KR.sub("tkr", rest.lower())) if word]
    factor = Decimal(1)
    for word in words:
        if word in MULTIPLIERS:
            factor *= MULTIPLIERS[word]
        elif word not in UNIT_WORDS:
            raise ValueError(f"unknown unit: {word!r}")
    return factor
