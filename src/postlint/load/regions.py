"""Region codes as the config's `regions:` gives them: ISO 3166-1 alpha-2 codes of the
countries whose phone numbers `personal-info` looks for.

The codes allowed are those libphonenumber has numbering plans for, since it is what
reads them: a code it does not know would make the phone check of that country silently
find nothing (`UK` for the United Kingdom, which ISO 3166 writes `GB`).
"""

from __future__ import annotations

# Codes people write for a country that ISO 3166-1 spells otherwise (its "exceptionally
# reserved" codes, used by the EU and the UPU): the code meant.
RESERVED = {"UK": "GB", "EL": "GR", "EU": "", "UN": ""}


def known() -> frozenset[str]:
    """The region codes libphonenumber can dial from (imported only when a config names
    regions)."""
    from phonenumbers import SUPPORTED_REGIONS

    return frozenset(SUPPORTED_REGIONS)


def problem(code) -> str | None:
    """Why `code` is not a region postlint can look for phone numbers of, or None."""
    if not isinstance(code, str) or isinstance(code, bool):
        return f"expected an ISO 3166 region code such as 'US' or 'GB', got {code!r}"
    if code.upper() in known():
        return None
    meant = RESERVED.get(code.upper())
    if meant:
        return f"unknown region {code!r} (did you mean '{meant}'?)"
    return (f"unknown region {code!r} (expected an ISO 3166 region code such as 'US', "
            "'GB' or 'DE')")
