"""The name meant, for a message about one that is unknown: ` (did you mean 'x'?)`."""

from __future__ import annotations


def did_you_mean(word, known, cutoff: float = 0.6) -> str:
    """` (did you mean 'x'?)` for the known name closest to `word`, else ''."""
    import difflib  # (only for a mistake)

    lowered = {str(k).lower(): k for k in known}
    if str(word).lower() in lowered and str(word) not in [str(k) for k in known]:
        close = [lowered[str(word).lower()]]  # (only the case differs: 't101' is 'T101')
    else:
        close = difflib.get_close_matches(str(word), [str(k) for k in known], 1, cutoff)
    return f" (did you mean '{close[0]}'?)" if close else ""


def unknown_key(word, known) -> str:
    """The message for an unknown key: the closest name, else every known one."""
    hint = did_you_mean(word, known)
    return f"unknown key{hint}" if hint else f"unknown key (known: {', '.join(known)})"
