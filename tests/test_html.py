"""`--format html`: the page itself, and the page as headless Chromium runs it.

The browser tests need Debian's `chromium` and the `websocket-client` package (a test
dependency); they skip when either is missing. `.ci/run` installs chromium with
`apt-get update && apt-get install -y chromium`.
"""

from __future__ import annotations

import re
import struct
import zlib
from pathlib import Path

import importlib.util

import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("browser", Path(__file__).with_name("browser.py"))
browser = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(browser)
needs_browser = pytest.mark.skipif(not browser.available(),
                                   reason="needs chromium and websocket-client")

DRAFT = """---
platforms: [x, linkedin]
---
We are thrilled to share our game-changing launch today, it is AMAZING. Come to the
demo at stand 4B on Thursday and bring a colleague who builds teams for a living.
Sign up at https://example.com/demo to book a slot now.
"""
CALENDAR = ("date,time,platform,profile,text\n"
            "2027-01-10,09:00,x,professional,\"Doors open at ten, lol\"\n"
            "2027-01-10,09:30,linkedin,colleagues,Our team is hiring engineers in Porto.\n")


@pytest.fixture
def report(write, run):
    write("launch.md", DRAFT)
    write("plan.csv", CALENDAR)
    result = run("--format", "html", "--output-file", "report.html", "--today", "2027-01-01",
                 "launch.md", "plan.csv")
    assert result.code == 0  # warnings and info only; the terminal still gets text
    assert "launch.md:" in result.out
    return Path("report.html").resolve()


@pytest.fixture(scope="module")
def chromium():
    if not browser.available():
        pytest.skip("needs chromium and websocket-client")
    b = browser.Browser()
    yield b
    b.close()


def test_the_page_needs_no_network(report):
    page = report.read_text()
    assert page.startswith("<!doctype html>")
    assert "<link" not in page and "@import" not in page and "url(" not in page
    assert not re.search(r'\s(src|href)="(?!#)', page)  # no resource, no link outside the page
    assert page.count("<script>") == 1
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src 'none'" in policy and "script-src 'sha256-" in policy


def test_text_output_alongside_the_file(write, run):
    write("a.md", "Hello there, lol.\n")
    result = run("--format", "html", "a.md")  # without --output-file: the page on stdout
    assert result.out.startswith("<!doctype html>")


@needs_browser
def test_cards_per_post_and_platform_with_findings_marked(report, chromium):
    chromium.load(report)
    titles = chromium.js("[...document.querySelectorAll('article.card h3')]"
                         ".map(h => h.textContent)")
    assert titles == ["launch.md on X", "launch.md on LinkedIn", "plan.csv, row 2 on X",
                      "plan.csv, row 3 on LinkedIn"]
    marks = chromium.js("[...document.querySelectorAll('article.card')[0]"
                        ".querySelectorAll('mark')].map(m => [m.firstChild.textContent, "
                        "m.dataset.rules, m.dataset.level])")
    assert ["game-changing", "hype", "info"] in marks
    assert ["AMAZING", "shouting", "warning"] in marks
    lol = chromium.js("[...document.querySelectorAll('article.card')[2].querySelectorAll"
                      "('mark')].map(m => m.firstChild.textContent)")
    assert lol == ["lol"]
    tip = chromium.js("document.querySelector('mark[data-rules=shouting] .tip').textContent")
    assert "T101" in tip and "shouting" in tip and "'AMAZING'" in tip
    assert "Short posts" in tip or "reads as" in tip  # the rule's why is there
    meta = chromium.js("document.querySelectorAll('article.card')[2]"
                       ".querySelector('.meta').textContent")
    assert "column name text" in meta and "scheduled 2027-01-10 09:00:00" in meta


@needs_browser
def test_length_meter_and_fold_with_more_button(report, chromium):
    chromium.load(report)
    linkedin = "document.querySelectorAll('article.card')[1]"
    assert chromium.js(f"{linkedin}.querySelector('meter').max") == 3000
    assert chromium.js(f"{linkedin}.querySelector('.rest').hidden") is True
    before = chromium.js(f"{linkedin}.querySelector('.post').innerText")
    assert before.rstrip().endswith("\u2026more")  # cut at 140 characters, as LinkedIn does
    assert "Sign up" not in before
    chromium.js(f"{linkedin}.querySelector('button.more').click()")
    assert chromium.js(f"{linkedin}.querySelector('button.more')"
                       ".getAttribute('aria-expanded')") == "true"
    after = chromium.js(f"{linkedin}.querySelector('.post').innerText")
    assert "Sign up" in after and after.rstrip().endswith("slot now.")
    assert chromium.js(f"{linkedin}.querySelector('button.more').textContent") == "less"
    assert chromium.js(f"[...{linkedin}.querySelectorAll('.fold')].map(f => f.textContent)") \
        == ["mobile fold", "desktop fold"]
    # without the markers and tips, the card holds the post's text, character for character
    text = chromium.js(f"(() => {{ const p = {linkedin}.querySelector('.post').cloneNode(true);"
                       "p.querySelectorAll('.fold, .tip, button').forEach(e => e.remove());"
                       "return p.textContent; })()")
    assert text == DRAFT.split("---\n")[2].strip()
    assert chromium.js(f"{linkedin}.querySelector('mark[data-rules=below-the-fold]')"
                       ".firstChild.textContent") == "Sign up"


@needs_browser
def test_filters_by_rule_level_and_profile(report, chromium):
    chromium.load(report)
    visible = ("[...document.querySelectorAll('article.card')].filter(c => !c.hidden)"
               ".map(c => c.querySelector('h3').textContent)")
    chromium.js("const f = document.getElementById('filters'); f.rule.value = 'chatspeak';"
                "f.dispatchEvent(new Event('change'))")
    assert chromium.js(visible) == ["plan.csv, row 2 on X"]
    assert chromium.js("document.getElementById('shown').textContent") == \
        "Showing 1 of 4 cards"
    chromium.js("f.rule.value = ''; f.querySelector('input[value=info]').checked = false;"
                "f.querySelector('input[value=warning]').checked = false;"
                "f.dispatchEvent(new Event('change'))")
    errors_only = chromium.js(visible)
    assert "launch.md on X" not in errors_only  # its findings are warnings and info
    assert chromium.js("[...document.querySelectorAll('article.card')[0]"
                       ".querySelectorAll('mark')].every(m => m.classList.contains('off'))")
    chromium.js("f.querySelectorAll('input[name=level]').forEach(b => b.checked = true);"
                "f.profile.value = 'colleagues'; f.dispatchEvent(new Event('change'))")
    assert chromium.js(visible) == ["plan.csv, row 3 on LinkedIn"]
    chromium.js("f.profile.value = 'public'; f.dispatchEvent(new Event('change'))")
    assert chromium.js(visible) == ["launch.md on X", "launch.md on LinkedIn"]  # the default
    # a filtered view can be linked to
    chromium.js("location.hash = 'rule=shouting&profile='")
    chromium.js("new Promise(r => setTimeout(r, 50))")
    assert chromium.js(visible) == ["launch.md on X", "launch.md on LinkedIn"]


@needs_browser
def test_keyboard_reaches_each_highlight_and_shows_its_message(report, chromium):
    chromium.load(report)
    seen = []
    for _ in range(40):
        chromium.key("Tab", 9)
        active = chromium.js("document.activeElement.tagName")
        if active == "MARK":
            seen.append(chromium.js("document.activeElement.firstChild.textContent"))
            shown = chromium.js("getComputedStyle(document.activeElement"
                                ".querySelector('.tip')).display")
            assert shown == "block"
    assert "game-changing" in seen and "lol" in seen


@needs_browser
def test_readable_at_200_percent_zoom_and_in_dark_mode(report, chromium):
    chromium.call("Emulation.setDeviceMetricsOverride", width=640, height=900,
                  deviceScaleFactor=2, mobile=False)  # a 1280-pixel window at 200%
    try:
        chromium.load(report)
        assert chromium.js("document.documentElement.scrollWidth <= "
                           "document.documentElement.clientWidth")
        light = chromium.js("getComputedStyle(document.body).backgroundColor")
        chromium.call("Emulation.setEmulatedMedia",
                      features=[{"name": "prefers-color-scheme", "value": "dark"}])
        dark = chromium.js("getComputedStyle(document.body).backgroundColor")
        assert light == "rgb(255, 255, 255)" and dark == "rgb(18, 19, 23)"
    finally:
        chromium.call("Emulation.clearDeviceMetricsOverride")
        chromium.call("Emulation.setEmulatedMedia", features=[])


@needs_browser
def test_screenshot_is_not_blank(report, chromium):
    chromium.load(report)
    width, height, pixels = decode_png(chromium.screenshot(clip=(0, 0, 600, 500)))
    assert (width, height) == (600, 500)
    colours = {pixels[i:i + 3] for i in range(0, len(pixels), 4 * 97)}
    assert len(colours) > 20  # text, marks, bars and meters, not an empty page


@needs_browser
def test_hostile_drafts_run_no_script(write, run, chromium):
    evil = ('<script>window.pwned = 1</script><img src=x onerror="window.pwned = 2"> '
            '"><svg onload="window.pwned = 3"> lol <b onmouseover=alert(1)>AMAZING</b>\n')
    write('x"><script>window.pwned=4</script>.md', evil)
    write("rules/evil.yaml", """code: X901
name: evil-rule
type: existence
level: warning
message: "<img src=y onerror='window.pwned = 5'> {match}"
why: "</style><script>window.pwned = 6</script>"
options:
  tokens: [lol]
examples:
  flag: [lol, "a lol", "lol b"]
  pass: [a, b, c]
""")
    write(".postlint.yaml", "rule-dirs: [rules]\n")
    write("c.csv", 'text\n"<script>window.pwned = 7</script> lol ""</textarea>"""\n')
    run("--format", "html", "--output-file", "evil.html", "--extend-select", "evil-rule", ".",
        "c.csv")
    page = Path("evil.html").read_text()
    assert page.count("<script>") == 1 and "<img" not in page and "<svg" not in page
    chromium.load(Path("evil.html"))
    assert chromium.js("window.pwned === undefined")
    assert chromium.js("document.scripts.length") == 1
    assert chromium.js("document.querySelectorAll('img, svg, textarea, [onerror], [onload], "
                       "[onmouseover]').length") == 0
    text = chromium.js("document.body.innerText")
    assert "<script>window.pwned = 1</script>" in text
    assert '<script>window.pwned=4</script>.md' in text
    assert "<img src=y onerror='window.pwned = 5'>" in text
    chromium.js("document.querySelectorAll('mark').forEach(m => m.dispatchEvent("
                "new MouseEvent('mouseover', {bubbles: true})))")
    assert chromium.js("window.pwned === undefined")


def decode_png(data: bytes) -> tuple[int, int, bytes]:
    """Width, height and RGBA bytes of an 8-bit RGB or RGBA, non-interlaced PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, chunks, width = 8, [], 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour in (2, 6)
            channels = 4 if colour == 6 else 3
        elif kind == b"IDAT":
            chunks.append(body)
        pos += 12 + length
    raw = zlib.decompress(b"".join(chunks))
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc
                                      else corner)) & 255
        rows.append(bytes(line))
        previous = line
    pixels = b"".join(rows)
    if channels == 3:
        pixels = b"".join(pixels[i:i + 3] + b"\xff" for i in range(0, len(pixels), 3))
    return width, height, pixels
