"""Language tags as config, front matter and rules give them: BCP 47 (`de`, `es-MX`,
`zh-Hant`), compared by their primary subtag (`es`)."""

from __future__ import annotations

import re

TAG = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")

# The two-letter primary subtags: ISO 639-1 (Library of Congress, the registration
# authority), with the deprecated iw, ji, in, jw, bh, sh and mo that older tools still write.
TWO_LETTERS = frozenset("""
aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv
cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho
hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku
kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn
no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm
sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi
vo wa wo xh yi yo za zh zu iw ji in jw bh sh mo
""".split())

# ISO 639-2 codes of languages that BCP 47 writes with two letters
THREE_FOR_TWO = {
    "eng": "en", "deu": "de", "ger": "de", "fra": "fr", "fre": "fr", "spa": "es",
    "ita": "it", "por": "pt", "nld": "nl", "dut": "nl", "rus": "ru", "zho": "zh",
    "chi": "zh", "jpn": "ja", "kor": "ko", "ara": "ar", "hin": "hi", "tur": "tr",
    "pol": "pl", "swe": "sv", "nor": "no", "dan": "da", "fin": "fi", "ell": "el",
    "gre": "el", "heb": "he", "ukr": "uk", "ces": "cs", "cze": "cs", "hun": "hu",
    "ron": "ro", "rum": "ro", "cat": "ca", "vie": "vi", "tha": "th", "ind": "id",
}


# Languages written by name (in English or in themselves) where a tag goes: `lang: english`
NAMES = {
    "english": "en", "german": "de", "deutsch": "de", "french": "fr", "français": "fr",
    "francais": "fr", "spanish": "es", "español": "es", "espanol": "es", "italian": "it",
    "italiano": "it", "portuguese": "pt", "português": "pt", "portugues": "pt",
    "dutch": "nl", "nederlands": "nl", "russian": "ru", "chinese": "zh", "japanese": "ja",
    "korean": "ko", "arabic": "ar", "hindi": "hi", "turkish": "tr", "polish": "pl",
    "polski": "pl", "swedish": "sv", "svenska": "sv", "norwegian": "no", "norsk": "no",
    "danish": "da", "dansk": "da", "finnish": "fi", "suomi": "fi", "greek": "el",
    "hebrew": "he", "ukrainian": "uk", "czech": "cs", "hungarian": "hu", "romanian": "ro",
    "catalan": "ca", "català": "ca", "vietnamese": "vi", "thai": "th", "indonesian": "id",
}


def problem(tag) -> str | None:
    """Why `tag` is not a BCP 47 language tag, or None."""
    if isinstance(tag, str) and tag.strip().lower() in NAMES:
        return (f"expected a BCP 47 language tag, got {tag!r} (did you mean "
                f"'{NAMES[tag.strip().lower()]}'?)")
    if isinstance(tag, str) and "_" in tag and TAG.match(tag.replace("_", "-")) \
            and not problem(tag.replace("_", "-")):
        return (f"expected a BCP 47 language tag, got {tag!r} (did you mean "
                f"'{tag.replace('_', '-')}'? BCP 47 joins its parts with '-')")
    if not (isinstance(tag, str) and TAG.match(tag)):
        return f"expected a BCP 47 language tag such as 'en', 'de' or 'es-MX', got {tag!r}"
    first = primary(tag)
    if len(first) == 2 and first not in TWO_LETTERS:
        return f"'{first}' is no ISO 639-1 language code (en, de, es-MX: see BCP 47)"
    if first in THREE_FOR_TWO:
        return f"BCP 47 writes '{first}' as '{THREE_FOR_TWO[first]}'"
    return None


def primary(tag: str) -> str:
    """The primary language subtag, lower case: `es-MX` -> `es`."""
    return tag.split("-", 1)[0].lower()


def given(front_matter: dict, config: dict) -> str | None:
    """The primary subtag of a draft's front matter `lang`, else the config's; None when
    neither names one (the text's own language is then detected)."""
    tag = front_matter.get("lang") or config.get("lang")
    return primary(tag) if isinstance(tag, str) else None
