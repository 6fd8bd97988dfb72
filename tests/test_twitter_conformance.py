"""twitter-text's conformance cases, read from shared/ (never copied into the project)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from postlint.text import counting, entities

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "conformance" / "twitter-text"

if not DATA.is_dir():
    pytest.skip(f"conformance data not found at {DATA}", allow_module_level=True)


def _cases(filename: str, *sections: str):
    tests = yaml.safe_load((DATA / filename).read_text(encoding="utf-8"))["tests"]
    return [
        pytest.param(case, id=f"{section}: {case['description']}")
        for section in sections
        for case in tests[section]
    ]


def _utf16(text: str, end: int) -> int:
    """UTF-16 length of text[:end]."""
    return len(text[:end].encode("utf-16-le")) // 2


# ---------------------------------------------------------------- validate.yml
@pytest.mark.parametrize(
    "case", _cases("validate.yml", "WeightedTweetsWithDiscountedEmojiCounterTest", "UnicodeDirectionalMarkerCounterTest")
)
def test_weighted_length(case):
    text, expected = case["text"], case["expected"]
    weighted = counting.length(text, "x")
    invalid_at = next((i for i, ch in enumerate(text) if ch in counting.X_INVALID_CHARS), None)
    over_at = counting.crossing(text, counting.X_MAX_LENGTH, "x")
    stops = [p for p in (invalid_at, over_at) if p is not None]
    valid_end = _utf16(text, min(stops)) - 1 if stops else _utf16(text, len(text)) - 1
    assert {
        "weightedLength": weighted,
        "valid": invalid_at is None and 0 < weighted <= counting.X_MAX_LENGTH,
        "permillage": weighted * 1000 // counting.X_MAX_LENGTH,
        "displayRangeStart": 0,
        "displayRangeEnd": max(0, _utf16(text, len(text)) - 1),
        "validRangeStart": 0,
        "validRangeEnd": max(0, valid_end),
    } == expected


@pytest.mark.parametrize("case", _cases("validate.yml", "urls"))
def test_validate_url(case):
    assert entities.is_valid_url(case["text"]) is case["expected"]


@pytest.mark.parametrize("case", _cases("validate.yml", "urls_without_protocol"))
def test_validate_url_without_protocol(case):
    assert entities.is_valid_url(case["text"], require_scheme=False) is case["expected"]


@pytest.mark.parametrize("case", _cases("validate.yml", "hashtags"))
def test_validate_hashtag(case):
    assert entities.is_valid_hashtag(case["text"]) is case["expected"]


@pytest.mark.parametrize("case", _cases("validate.yml", "usernames"))
def test_validate_username(case):
    assert entities.is_valid_mention(case["text"]) is case["expected"]


# ---------------------------------------------------------------- extract.yml
def _indexed(text: str, found: list[entities.Entity], key: str, strip: int) -> list[dict]:
    return [
        {key: e.text[strip:], "indices": [_utf16(text, e.start), _utf16(text, e.end)]}
        for e in found
    ]


@pytest.mark.parametrize("case", _cases("extract.yml", "mentions"))
def test_extract_mentions(case):
    assert [e.text[1:] for e in entities.mentions(case["text"])] == case["expected"]


@pytest.mark.parametrize("case", _cases("extract.yml", "mentions_with_indices"))
def test_extract_mentions_with_indices(case):
    text = case["text"]
    assert _indexed(text, entities.mentions(text), "screen_name", 1) == case["expected"]


@pytest.mark.parametrize("case", _cases("extract.yml", "urls", "tco_urls_with_params"))
def test_extract_urls(case):
    assert [e.text for e in entities.urls(case["text"])] == case["expected"]


@pytest.mark.parametrize("case", _cases("extract.yml", "urls_with_indices", "urls_with_directional_markers"))
def test_extract_urls_with_indices(case):
    text = case["text"]
    assert _indexed(text, entities.urls(text), "url", 0) == case["expected"]


@pytest.mark.parametrize("case", _cases("extract.yml", "hashtags", "hashtags_from_astral"))
def test_extract_hashtags(case):
    assert [e.text[1:] for e in entities.hashtags(case["text"])] == case["expected"]


@pytest.mark.parametrize("case", _cases("extract.yml", "hashtags_with_indices"))
def test_extract_hashtags_with_indices(case):
    text = case["text"]
    assert _indexed(text, entities.hashtags(text), "hashtag", 1) == case["expected"]


@pytest.mark.parametrize("case", _cases("extract.yml", "cashtags"))
def test_extract_cashtags(case):
    assert [e.text[1:] for e in entities.cashtags(case["text"])] == case["expected"]


@pytest.mark.parametrize("case", _cases("extract.yml", "cashtags_with_indices"))
def test_extract_cashtags_with_indices(case):
    text = case["text"]
    assert _indexed(text, entities.cashtags(text), "cashtag", 1) == case["expected"]


# ---------------------------------------------------------------- tlds.yml
@pytest.mark.parametrize("case", _cases("tlds.yml", "country", "generic"))
def test_every_tld_is_linked(case):
    assert [e.text for e in entities.urls(case["text"])] == case["expected"]
