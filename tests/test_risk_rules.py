"""Professional-risk rules seen from the command line: exact findings, levels per profile,
the Luhn check and configured names."""

from __future__ import annotations


def findings(result):
    return [(f["line"], f["column"], f["code"], f["level"], f["message"])
            for f in result.json()]


def lint(run, write, text, *args, name="post.md"):
    write(name, text)
    return run(name, "--format", "json", "--select", "R", *args)


def test_profanity_exact_findings_and_tiers_on_professional(run, write):
    result = lint(run, write, "Launch day.\nThis is f*cking late, damn it.\n",
                  "--profile", "professional")
    assert findings(result) == [
        (2, 9, "R101", "error", "'f*cking' is profanity; leave it out or rephrase"),
        (2, 23, "R101", "warning", "'damn it' is mild profanity; leave it out or rephrase"),
    ]
    assert result.code == 1


def test_profanity_is_info_for_friends_and_family(run, write):
    result = lint(run, write, "This is f*cking late, damn it.\n", "--profile", "friends-family")
    assert [(f[2], f[3]) for f in findings(result)] == [("R101", "info"), ("R101", "info")]
    assert result.code == 0


def test_profanity_spares_scunthorpe_and_assess(run, write):
    result = lint(run, write, "Scunthorpe will assess the class of 2024.\n",
                  "--profile", "professional")
    assert findings(result) == []


def test_card_number_is_flagged_only_when_luhn_valid(run, write):
    # (not 4111 1111 1111 1111: processors publish it as a test number, which is no leak)
    text = "New card 4539 1488 0343 6467 arrived.\nOrder 4539 1488 0343 6468 shipped.\n"
    result = lint(run, write, text, "--profile", "public")
    assert findings(result) == [
        (1, 10, "R102", "error", "'4539 1488 0343 6467' looks like a payment card number; "
                                 "remove it or share it privately"),
    ]


def test_phone_ssn_and_booking_reference(run, write):
    text = "Text 555-0100 or see SSN 123-45-6789.\nBooking ref: XK7P2Q\n"
    result = lint(run, write, text, "--profile", "colleagues")
    assert [(f[0], f[1], f[3], f[4].split(";")[0]) for f in findings(result)] == [
        (1, 6, "error", "'555-0100' looks like a phone number"),
        (1, 26, "error", "'123-45-6789' looks like a US Social Security number"),
        (2, 1, "error", "'Booking ref: XK7P2Q' looks like a booking reference"),
    ]


def test_configured_codenames_and_clients(run, write):
    write(".postlint.yaml", "work:\n  codenames: [Bluebird]\n  clients: [Initech]\n")
    text = "Bluebird ships soon for Initech!\nA bluebird sang.\n"
    result = lint(run, write, text, "--profile", "professional")
    assert findings(result) == [
        (1, 1, "R104", "error", "'Bluebird' is an internal codename from your config; "
                                "leave it out unless it has been made public"),
        (1, 25, "R104", "error", "'Initech' names a client from your config; "
                                 "leave it out unless it has been made public"),
    ]


def test_confidential_words_work_without_config(run, write):
    result = lint(run, write, "It's all under NDA, sorry!\n", "--profile", "colleagues")
    assert [(f[0], f[1], f[2], f[3]) for f in findings(result)] == [(1, 16, "R104", "error")]


def test_slurs_are_errors_even_where_the_profile_says_info(run, write):
    text = "Thanks guys! That plan is retarded.\n"
    result = lint(run, write, text, "--profile", "friends-family")
    assert findings(result) == [
        (1, 1, "R107", "info", "'Thanks guys' can exclude or belittle people; "
                               "consider 'thanks everyone'"),
        (1, 27, "R107", "error", "'retarded' is a slur; remove it"),
    ]


def test_missing_disclosure_weak_tag_and_buried_ad(run, write):
    write("weak.md", "Gifted these trainers! #sp\n")
    write("buried.md", "Use my code GLOW20 today. #skincare #glow #beauty #ad\n")
    write("clear.md", "#ad Use my code GLOW20 today. #skincare #glow #beauty\n")
    result = run("weak.md", "buried.md", "clear.md", "--format", "json", "--select", "R111",
                 "--profile", "brand")
    got = {(f["path"], f["line"], f["column"], f["level"], f["message"])
           for f in result.json()}
    assert got == {
        ("weak.md", 1, 1, "error", "'Gifted' suggests a paid, gifted or affiliate post, but "
                                   "'#sp' is not a clear disclosure; put #ad or 'Paid "
                                   "partnership' at the start"),
        ("buried.md", 1, 1, "error", "'Use my code' suggests a paid, gifted or affiliate post, "
                                     "but '#ad' is buried in the hashtags at the end; put #ad "
                                     "or 'Paid partnership' at the start"),
    }


def test_disclosure_below_the_fold_of_the_platform(run, write):
    body = "Morning routine! " * 10 + "Use my code GLOW20. #ad\n"
    write("ig.md", "---\nplatform: instagram\n---\n" + body)
    write("x.md", "---\nplatform: x\n---\n" + body)
    result = run("ig.md", "x.md", "--format", "json", "--select", "R111")
    assert [(f["path"], f["line"]) for f in result.json()] == [("ig.md", 4)]
    assert "after the first 125 characters" in result.json()[0]["message"]


def test_insider_info_needs_both_terms(run, write):
    text = "Layoffs coming before the announcement, trust me.\nOur layoffs were sad.\n"
    result = lint(run, write, text, "--profile", "professional")
    assert findings(result) == [
        (1, 1, "R105", "error", "'Layoffs' near 'before the announcement' reads like material "
                                "non-public information or a trading tip; do not post it "
                                "until it is public"),
    ]


def test_employer_voice_with_configured_employer_and_disclaimer(run, write):
    write(".postlint.yaml", "work:\n  employer: Initech\n")
    write("a.md", "We at Initech think this is great.\n")
    write("b.md", "We at Initech think this is great. Views are my own.\n")
    result = run("a.md", "b.md", "--format", "json", "--select", "employer-voice")
    assert [(f["path"], f["column"], f["level"]) for f in result.json()] == \
        [("a.md", 1, "warning")]
    brand = run("a.md", "--format", "json", "--profile", "brand")
    assert [f for f in brand.json() if f["code"] == "R114"] == []


def test_disparaging_stays_advisory(run, write):
    result = lint(run, write, "My boss is an incompetent clown.\n", "--profile", "professional")
    assert [(f[1], f[2], f[3]) for f in findings(result)] == [(1, "R106", "warning")]
    assert result.code == 0


def test_bad_lexicon_group_is_a_config_error(run, write):
    write("rules/risk/bad.yaml",
          "code: R199\nname: bad\ntype: lexicon\nlevel: info\nmessage: m\nwhy: w\n"
          "options:\n  entries:\n    - tokens: [x]\n      max_level: loud\n"
          "examples: {flag: [x], pass: [y]}\n")
    write(".postlint.yaml", "rule-dirs: [rules]\n")
    write("a.md", "x\n")
    result = run("a.md")
    assert result.code == 2
    assert "bad.yaml:8: bad.options.entries: entries[0].max_level: expected one of" in result.err


def test_phone_numbers_measured_against_libphonenumber():
    """scripts/compare_phones.py: every region's valid numbers, written as people type
    them in personal posts, are found; prices, dates, scores, order numbers and a shop's
    own line are not."""
    import subprocess
    import sys
    from pathlib import Path

    script = Path(__file__).resolve().parents[1] / "scripts" / "compare_phones.py"
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                         check=True).stdout
    found, total = map(int, out.split("recall: ")[1].split(" ")[0].split("/"))
    assert total > 3000 and found / total >= 0.99, out
    assert "decoys found (should be none): 0/" in out, out


def test_patient_info_reports_one_patient_once(run, write):
    """A patient's name and bed in one sentence are one finding (`one_per_sentence`); two
    patients in two sentences are two."""
    result = lint(run, write, "Mrs. Patel in bed 4 finally went home today after her hip "
                  "replacement.\nMr Lee in room 9 is recovering after his surgery.\n",
                  "--select", "H103")
    assert [(f[0], f[2]) for f in findings(result)] == [(1, "H103"), (2, "H103")]
