"""Validator functions for `lexicon` entries (`validate: NAME`): text -> 1.0 when the
matched text is plausibly real, 0.0 when it cannot be. Offered through the
`postlint_functions` hook, so plugins can add their own; a group's `validate_options`
are passed as keyword arguments. Libraries (phonenumbers, python-stdnum) are imported on
the first call, which only a match with enough digits makes."""

from __future__ import annotations

import re

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


def card(text: str) -> float:
    """1.0 when `text` could be a payment card number: it passes `luhn` and starts with
    a major industry identifier of cards (ISO/IEC 7812-1: 2 to 6, the digits of Visa,
    Mastercard, American Express, Discover, JCB, UnionPay and Maestro), so a number
    dialled with `00` or an order number that passes the checksum by chance is not."""
    digits = _digits(text)
    return luhn(digits) if digits[:1] in ("2", "3", "4", "5", "6") else 0.0


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


# (with spaces too, "le 06 12 2024", and year first, "2024 12 06")
_DATE = re.compile(r"(?:0?[1-9]|[12]\d|3[01])([./ -])(?:0?[1-9]|1[0-2])\1(?:19|20)\d\d"
                   r"|(?:0?[1-9]|1[0-2])([./ -])(?:0?[1-9]|[12]\d|3[01])\2(?:19|20)\d\d"
                   r"|(?:19|20)\d\d([./ -])(?:0?[1-9]|1[0-2])\3(?:0?[1-9]|[12]\d|3[01])")
# the countries whose numbers a post in a language most likely gives, tried first: "030
# 12345678" is a Berlin line in a German post, a British UAN number in an English one
LANG_REGIONS = {"de": ("DE", "AT", "CH"), "es": ("ES", "MX", "AR", "CO", "CL", "PE"),
                "fr": ("FR", "BE", "CH", "CA", "LU"), "it": ("IT", "CH"), "nl": ("NL", "BE"),
                "pt": ("PT", "BR")}


def phone(text: str, regions=("US", "GB"), lang: str | None = None) -> float:
    """1.0 when libphonenumber finds a valid number (as dialled from one of `regions`,
    ISO 3166 codes, those of the post's language `lang` first) that covers the digits
    of `text`. It rules out dates, times, scores and the like itself; toll-free,
    premium-rate and shared-cost numbers (a company's hotline, never a person's) are
    0.0."""
    digits = len(_digits(text))
    if digits < 7 or _DATE.fullmatch(text.strip()):
        return 0.0  # (a date with its year is no number: "03.04.2026", "24/12/2026")
    from phonenumbers import Leniency, PhoneNumberMatcher, PhoneNumberType, number_type
    business = {PhoneNumberType.TOLL_FREE, PhoneNumberType.PREMIUM_RATE,
                PhoneNumberType.SHARED_COST, PhoneNumberType.UAN}
    regions = tuple(dict.fromkeys((*LANG_REGIONS.get(lang or "", ()), *(regions or ("US",)))))
    for region in regions:
        for found in PhoneNumberMatcher(text, str(region).upper(), leniency=Leniency.VALID):
            if len(_digits(found.raw_string)) >= digits - 1:
                return 0.0 if number_type(found.number) in business else 1.0
    return 0.0


def id_number(text: str, formats=("iban",)) -> float:
    """1.0 when `text` is valid (format and check digits) as one of `formats`, named as
    python-stdnum's modules: `iban`, `de.idnr`, `fr.nir`, `es.dni`, `nl.bsn`, `in_.pan`..."""
    import importlib
    for name in formats:
        module = importlib.import_module(f"stdnum.{name}")
        try:
            if module.is_valid(text):
                return 1.0
        except Exception:  # a module may reject a shape it does not know
            continue
    return 0.0


@hookimpl
def postlint_functions():
    return {"luhn": luhn, "card": card, "us-ssn": us_ssn, "phone": phone, "id-number": id_number}
