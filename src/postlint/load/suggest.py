"""The name meant, for a message about one that is unknown: ` (did you mean 'x'?)`."""

from __future__ import annotations


_DIGIT_LOOKALIKES = str.maketrans("OoIl", "0011")


def did_you_mean(word, known, cutoff: float = 0.6) -> str:
    """` (did you mean 'x'?)` for the known name closest to `word`, else ''."""
    import difflib  # (only for a mistake)

    lowered = {str(k).lower(): k for k in known}
    # (only the case differs: 't101' is 'T101'; or a letter typed for a digit in a code:
    # 'R1O1' is 'R101', 'Tl04' is 'T104')
    digits = str(word)[:1] + str(word)[1:].translate(_DIGIT_LOOKALIKES)
    if str(word).lower() in lowered and str(word) not in [str(k) for k in known]:
        close = [lowered[str(word).lower()]]
    elif digits != str(word) and digits.lower() in lowered:
        close = [lowered[digits.lower()]]
    else:
        close = difflib.get_close_matches(str(word), [str(k) for k in known], 1, cutoff)
    return f" (did you mean '{close[0]}'?)" if close else ""


def unknown_key(word, known) -> str:
    """The message for an unknown key: the closest name, else every known one."""
    hint = did_you_mean(word, known)
    return f"unknown key{hint}" if hint else f"unknown key (known: {', '.join(known)})"
