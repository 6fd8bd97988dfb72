"""Validator functions for `lexicon` entries (`validate: NAME`): text -> 1.0 when the
matched text is plausibly real, 0.0 when it cannot be. Offered through the
`postlint_functions` hook, so plugins can add their own."""

from __future__ import annotations

from ..hookspecs import hookimpl


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def luhn(text: str) -> float:
    """1.0 when the digits of `text` (13 to 19 of them) pass the Luhn checksum."""
    digits = _digits(text)
    if not 13 <= len(digits) <= 19 or len(set(digits)) == 1:
        return 0.0
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return 1.0 if total % 10 == 0 else 0.0


def us_ssn(text: str) -> float:
    """1.0 when nine digits could be a US Social Security number as issued: area not
    000, 666 or 900-999, group not 00, serial not 0000."""
    digits = _digits(text)
    if len(digits) != 9:
        return 0.0
    area, group, serial = digits[:3], digits[3:5], digits[5:]
    if area in ("000", "666") or area[0] == "9" or group == "00" or serial == "0000":
        return 0.0
    return 1.0


@hookimpl
def postlint_functions():
    return {"luhn": luhn, "us-ssn": us_ssn}
