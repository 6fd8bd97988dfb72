"""`postlint` on platform data exports: findings point at the character in the export
file and carry the post's id, date and link; filters; the riskiest posts first; nothing
written; broken and unsafe exports are one clear error."""

from __future__ import annotations

import importlib.util
import json
import zipfile
from pathlib import Path

import pytest

from postlint.lint import parallel
from postlint.readers.archive import open_export, read_posts
from postlint.readers.archive.reader import record

GENERATOR = Path(__file__).resolve().parents[1] / "scripts" / "gen_archive.py"
_spec = importlib.util.spec_from_file_location("gen_archive", GENERATOR)
gen = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(gen)

ACCOUNT = ('window.YTD.account.part0 = [ {\n  "account" : {\n    "username" : "robin_example",'
           '\n    "accountId" : "42"\n  }\n} ]')


def tweet(id_str: str, text: str, created="Sat Feb 18 12:33:11 +0000 2023", **more) -> dict:
    return {"tweet": {"id_str": id_str, "created_at": created, "full_text": text,
                      "entities": {"hashtags": [], "urls": []}, "lang": "en", **more}}


def tweets_js(*tweets) -> str:
    body = json.dumps(list(tweets), indent=2, ensure_ascii=False, separators=(",", " : "))
    return "window.YTD.tweets.part0 = " + body


def zipped(path: Path, members: dict) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def where(text: str, needle: str, occurrence: int = 0) -> tuple[int, int]:
    """1-based line and column (in characters) of `needle` in a file's text."""
    at = -1
    for _ in range(occurrence + 1):
        at = text.index(needle, at + 1)
    line = text.count("\n", 0, at) + 1
    return line, at - (text.rfind("\n", 0, at) + 1) + 1


@pytest.fixture
def x_archive(tmp_path):
    js = tweets_js(
        tweet("1001", "Loved the keynote, thanks all"),
        tweet("1002", "caf\u00e9 &amp; THIS IS THE WORST SERVICE EVER",
              created="Mon Mar 06 09:00:00 +0000 2023"),
        tweet("1003", "@sam_example this plan is bullshit", created="Tue Apr 04 10:00:00 +0000 2023",
              in_reply_to_status_id_str="77", in_reply_to_user_id_str="9"),
        tweet("1004", "RT @sam_example: damn, what a game", created="Fri May 05 11:00:00 +0000 2023"),
        tweet("1005", "Thread part two, still damn good", created="Sat May 06 11:00:00 +0000 2023",
              in_reply_to_status_id_str="1004", in_reply_to_user_id_str="42"),
    )
    zipped(tmp_path / "twitter.zip", {"data/tweets.js": js, "data/account.js": ACCOUNT,
                                      "data/tweets_media/1-a.jpg": b"\xff\xd8"})
    return js


def test_findings_point_at_the_character_in_the_export_and_carry_the_post(run, x_archive):
    result = run("--isolated", "--select", "shouting,profanity", "--format", "json",
                 "--fail-on", "warning", "twitter.zip")
    assert result.code == 1, result.err
    found = result.json()
    shouting = next(f for f in found if f["name"] == "shouting")
    line, column = where(x_archive, "THIS IS THE WORST")
    assert (shouting["path"], shouting["line"], shouting["column"]) == \
        ("twitter.zip/data/tweets.js", line, column)
    assert shouting["end_column"] == column + len("THIS IS THE WORST SERVICE EVER")
    assert (shouting["post_id"], shouting["date"], shouting["url"]) == \
        ("1002", "2023-03-06T09:00:00+00:00", "https://x.com/robin_example/status/1002")
    damn = [f for f in found if f["name"] == "profanity" and "'damn'" in f["message"]]
    assert [(f["post_id"], f.get("repost", False)) for f in damn] == [("1004", True),
                                                                      ("1005", False)]
    assert (damn[0]["line"], damn[0]["column"]) == where(x_archive, "damn")


def test_text_output_adds_date_and_link_and_lists_the_riskiest_posts_first(run, x_archive):
    result = run("--isolated", "--profile", "professional", "twitter.zip")
    lines = result.out.splitlines()
    line, column = where(x_archive, "THIS IS THE WORST")
    assert any(f"twitter.zip/data/tweets.js:{line}:{column}: T101 " in entry and entry.endswith(
        "(shouting) [2023-03-06 https://x.com/robin_example/status/1002]") for entry in lines)
    start = lines.index(next(entry for entry in lines if entry.startswith("Riskiest posts")))
    listed = [entry.split("https://x.com/robin_example/status/")[1].split()[0]
              for entry in lines[start + 1:] if "https://x.com" in entry]
    # an error first (profanity), then two warnings before one, then in file order
    assert listed[:2] == ["1003", "1002"] and set(listed[2:]) == {"1004", "1005"}
    assert lines[start].startswith("Riskiest posts first (4 with findings)")
    assert lines[-1].startswith("Found ") and lines[-1].endswith(" in 4 of 5 posts.")


def test_the_riskiest_posts_are_ranked_by_their_findings_of_each_level_in_turn():
    from postlint.lint.report import Finding, riskiest

    def posted(post_id, *levels):
        return [Finding("x.zip", 1, 1, 1, 2, "T101", "shouting", level, "m", "public",
                        extra={"post_id": post_id}) for level in levels]

    found = (posted("a", "error") + posted("b", "warning", "warning", "warning")
             + posted("c", "error", "warning") + posted("d", "error", "error")
             + posted("e", "error", "info") + posted("f", "info"))
    # two errors before one error and a warning, before one error and an info, before
    # one error; any error before any number of warnings
    assert [post.post_id for post in riskiest(found)] == ["d", "c", "e", "a", "b", "f"]


def test_replies_reposts_and_dates_can_be_left_out(run, x_archive):
    def posts(*options):
        result = run("--isolated", "--select", "ALL", "--format", "json", "twitter.zip",
                     *options)
        return sorted({f["post_id"] for f in result.json()})

    every = posts()
    assert {"1003", "1004", "1005"} <= set(every)
    assert "1003" not in posts("--no-replies") and "1005" in posts("--no-replies")
    assert "1004" not in posts("--no-reposts")
    assert set(posts("--since", "2023-04-04", "--until", "2023-05-05")) <= {"1003", "1004"}
    result = run("--isolated", "twitter.zip", "--since", "2023-05-01", "--until", "2023-01-01")
    assert result.code == 2 and "--since" in result.err
    result = run("--isolated", "twitter.zip", "--since", "May 2023")
    assert result.code == 2 and "expected a date such as" in result.err


def test_the_config_may_set_the_filters(run, write, x_archive):
    write(".postlint.yaml", "archive:\n  replies: false\n  since: 2023-04-01\n")
    result = run("--select", "ALL", "--format", "json", "twitter.zip")
    assert {f["post_id"] for f in result.json()} <= {"1004", "1005"}
    write(".postlint.yaml", "archive:\n  replys: false\n")
    result = run("twitter.zip")
    assert result.code == 2
    assert result.err == ".postlint.yaml:2: archive.replys: unknown key (did you mean " \
                         "'replies'?)\n"
    write(".postlint.yaml", "archive:\n  repost: false\n")
    assert run("twitter.zip").err == ".postlint.yaml:2: archive.repost: unknown key (did you " \
                                     "mean 'reposts'?)\n"
    # as --since after --until is: it quietly linted no post at all
    write(".postlint.yaml", "archive:\n  since: 2023-05-01\n  until: 2023-01-01\n")
    result = run("twitter.zip")
    assert result.code == 2 and result.out == ""
    assert result.err == ".postlint.yaml:2: archive.since: 2023-05-01 is after archive.until " \
                         "2023-01-01, so no post would be linted\n"


def test_a_folder_and_the_one_file_read_as_the_zip_does(run, write, x_archive):
    write("unpacked/data/tweets.js", x_archive)
    write("unpacked/data/account.js", ACCOUNT)
    write("tweets.js", x_archive)
    outputs = {}
    for target in ("twitter.zip", "unpacked", "tweets.js"):
        result = run("--isolated", "--select", "ALL", "--format", "json", target)
        outputs[target] = [(f["line"], f["column"], f["code"], f["post_id"])
                           for f in result.json()]
        assert {f["path"] for f in result.json()} == {
            "twitter.zip": {"twitter.zip/data/tweets.js"}, "unpacked":
            {"unpacked/data/tweets.js"}, "tweets.js": {"tweets.js"}}[target]
    assert outputs["twitter.zip"] == outputs["unpacked"] == outputs["tweets.js"]


def test_nothing_is_written_to_an_export(run, tmp_path, x_archive):
    before = (tmp_path / "twitter.zip").read_bytes()
    result = run("--isolated", "--select", "ALL", "--fix", "twitter.zip")
    assert result.code == 2
    assert "twitter.zip: error: cannot fix: archive files are never written" in result.err
    assert (tmp_path / "twitter.zip").read_bytes() == before
    result = run("--isolated", "--diff", "twitter.zip")
    assert "cannot fix: archive files are never written" in result.err


@pytest.mark.parametrize("cut, message", [
    (lambda js: js[:len(js) // 2], "the file ends early (cut short?)"),
    (lambda js: js.replace('"full_text" :', '"full_text"', 1), "expecting ':' delimiter"),
    (lambda js: "var tweets = []", "expected a list of tweets, a file that starts with "
                                   "'window.YTD.tweets.part0 = ['"),
    (lambda js: "window.YTD.tweets.part0 = [ {\"tweet\": {\"id_str\": \"1\"}} ]",
     "expected a tweet (an object with 'full_text' and 'id_str')"),
    # (the JSON decoder recursed into it and stopped the run with an internal error)
    (lambda js: "window.YTD.tweets.part0 = [" + "[" * 100_000 + "]" * 100_000 + "]",
     "data/tweets.js:1:28: an item of a list of tweets is nested too deeply (more than "),
])
def test_a_broken_export_is_one_error_naming_the_file_and_what_was_expected(
        run, write, tmp_path, x_archive, cut, message):
    zipped(tmp_path / "broken.zip", {"data/tweets.js": cut(x_archive)})
    write("notes.md", "Plain notes, linted all the same.\n")
    result = run("--isolated", "broken.zip", "notes.md")
    assert "1 draft checked" in result.out
    assert result.code == 2
    errors = [line for line in result.err.splitlines() if "error" in line]
    assert len(errors) == 1 and errors[0].startswith("broken.zip: error: data/tweets.js:")
    assert message in errors[0]


def test_unsafe_zips_are_refused(run, tmp_path):
    zipped(tmp_path / "evil.zip", {"data/tweets.js": "window.YTD.tweets.part0 = []",
                                   "../../outside.txt": "x"})
    result = run("--isolated", "evil.zip")
    assert result.code == 2
    assert "evil.zip: error: the member '../../outside.txt' would point outside the archive" \
           in result.err
    assert not (tmp_path.parent / "outside.txt").exists()
    zipped(tmp_path / "bomb.zip", {"data/tweets.js": b"window.YTD.tweets.part0 = [" +
                                   b" " * (30 << 20) + b"]"})
    result = run("--isolated", "bomb.zip")
    assert result.code == 2 and "looks like a zip bomb; refusing it" in result.err


def test_each_platform_is_read_from_its_own_files(run, tmp_path):
    mojibake = "Caf\u00e9 time, WTF is this".encode("utf-8").decode("latin-1")
    facebook = json.dumps([{"timestamp": 1678093200, "data": [{"post": mojibake}],
                            "title": "Robin Example updated their status."}], indent=2)
    zipped(tmp_path / "facebook.zip",
           {"your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json":
            facebook})
    content = "<p>Good morning &amp; WTF happened</p><p>second</p>"
    outbox = json.dumps({"@context": "https://www.w3.org/ns/activitystreams", "id": "outbox.json",
                         "type": "OrderedCollection", "orderedItems": [{
                             "id": "https://s.example/users/r/statuses/9/activity",
                             "type": "Create", "actor": "https://s.example/users/r",
                             "to": ["https://www.w3.org/ns/activitystreams#Public"],
                             "object": {"id": "https://s.example/users/r/statuses/9",
                                        "type": "Note", "published": "2023-03-06T09:00:00Z",
                                        "url": "https://s.example/@r/9", "content": content,
                                        "inReplyTo": None}}]}, separators=(",", ":"))
    zipped(tmp_path / "mastodon.zip", {"outbox.json": outbox, "actor.json": "{}"})
    shares = ('Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility\n'
              '2023-03-06 09:00:00,https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7001,'
              '"First line\nsecond line says ""WTF""",,,MEMBER_NETWORK\n')
    (tmp_path / "linkedin").mkdir()
    (tmp_path / "linkedin" / "Shares.csv").write_text(shares, encoding="utf-8")
    instagram = json.dumps([{"media": [{"uri": "media/posts/1.jpg", "creation_timestamp":
                                        1678093200, "title": mojibake}]}], indent=2)
    zipped(tmp_path / "instagram.zip", {"your_instagram_activity/content/posts_1.json":
                                        instagram})
    expected = {
        "facebook.zip": ("facebook.zip/your_facebook_activity/posts/"
                         "your_posts__check_ins__photos_and_videos_1.json",
                         where(facebook, "WTF"), None),
        "mastodon.zip": ("mastodon.zip/outbox.json", where(outbox, "WTF"),
                         "https://s.example/@r/9"),
        "linkedin": ("linkedin/Shares.csv", where(shares, "WTF"),
                     "https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A7001"),
        "instagram.zip": ("instagram.zip/your_instagram_activity/content/posts_1.json",
                          where(instagram, "WTF"), None),
    }
    for target, (path, (line, column), url) in expected.items():
        result = run("--isolated", "--select", "chatspeak,profanity", "--format", "json",
                     target)
        found = [f for f in result.json() if "WTF" in f["message"]]
        assert [(f["path"], f["line"], f["column"]) for f in found] == [(path, line, column)], \
            (target, result.err)
        assert found[0]["date"] == "2023-03-06T09:00:00+00:00" and found[0]["url"] == url


def test_records_carry_the_platform_and_the_post_date_for_the_date_rules(tmp_path):
    gen.write(gen.build("mastodon", 20, 4), tmp_path / "m.zip", folder=False)
    post = next(iter(read_posts(open_export(str(tmp_path / "m.zip"), "m.zip"))))
    made = record(post)
    assert made.front_matter == {"platforms": ["mastodon"], "date": post.date.date(),
                                 "datetime": post.date}
    assert made.published
    assert made.fields["post_id"] == post.id and made.key == f"m.zip/outbox.json#{post.id}"
    assert made.position(0) == (post.line, post.column + 3)  # after "<p>"


def test_a_greeting_of_another_day_is_not_judged_in_an_archive(run, tmp_path):
    js = tweets_js(tweet("3002", "Happy Friday, everyone!",
                         created="Tue Dec 01 12:00:00 +0000 2026"))
    zipped(tmp_path / "a.zip", {"data/tweets.js": js})
    result = run("--isolated", "--select", "wrong-day,shouting", "a.zip")
    assert result.code == 0  # (a post of long ago, not a draft to fix)


def test_many_posts_are_linted_on_workers_with_the_same_findings(run, tmp_path, monkeypatch):
    gen.write(gen.build("x", 400, 9), tmp_path / "big.zip", folder=False)
    monkeypatch.setattr(parallel, "RECORDS_THRESHOLD", 100)
    monkeypatch.setattr(parallel, "RECORD_CHUNK", 37)
    outputs = []
    for jobs in ("1", "2"):
        monkeypatch.setenv(parallel.JOBS_VARIABLE, jobs)
        result = run("--isolated", "--select", "ALL", "--format", "json", "big.zip")
        outputs.append(result.json())
    assert outputs[0] == outputs[1] and len(outputs[0]) > 20


def test_the_html_report_shows_the_posts_with_findings_as_cards_with_date_and_link(
        run, tmp_path):
    js = tweets_js(
        tweet("2001", "Lovely day at the lake"),
        tweet("2002", "this plan is bullshit <script>alert(1)</script>",
              created="Mon Mar 06 09:00:00 +0000 2023"),
        tweet("2003", "damn, long queue", created="Tue Mar 07 09:00:00 +0000 2023"),
    )
    zipped(tmp_path / "twitter.zip", {"data/tweets.js": js, "data/account.js": ACCOUNT})
    result = run("--isolated", "--profile", "professional", "--format", "html",
                 "--output-file", "report.html", "twitter.zip")
    assert result.code == 1
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    cards = page.split('<article class="card"')[1:]
    assert len(cards) == 2  # the clean post is counted, not shown
    assert "1 more post of the data export had no findings and is not shown." in page
    first, second = cards
    assert '<a class="permalink" href="https://x.com/robin_example/status/2002"' in first
    assert '<time datetime="2023-03-06T09:00:00+00:00">2023-03-06</time>' in first
    assert "status/2003" in second  # the error first, the warning after
    # (escaped, whatever finding marks split the text: negative-tone ends before the tag)
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)" in page \
        and "&lt;/script&gt;" in page


def test_the_date_rules_take_each_posts_own_date_as_its_publish_date(run, tmp_path, catalog):
    if "past-date" not in catalog.rules:
        pytest.skip("the date rules (issue 14) are not in this checkout")
    js = tweets_js(
        tweet("3001", "Join us on 3 May for the spring meetup!",
              created="Wed May 10 09:00:00 +0000 2023"),
        tweet("3002", "Join us on 3 May for the spring meetup!",
              created="Mon May 01 09:00:00 +0000 2023"),
    )
    zipped(tmp_path / "twitter.zip", {"data/tweets.js": js})
    result = run("--isolated", "--select", "past-date", "--format", "json", "twitter.zip")
    assert [f["post_id"] for f in result.json()] == ["3001"]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_rules_that_compare_posts_compare_the_posts_of_the_archive(run, tmp_path, monkeypatch,
                                                                  jobs):
    monkeypatch.setattr(parallel, "RECORDS_THRESHOLD", 3)
    monkeypatch.setenv(parallel.JOBS_VARIABLE, jobs)
    js = tweets_js(tweet("4001", "Send me an email about it"),
                   tweet("4002", "Our email address changed"),
                   tweet("4003", "Please e-mail the team first"))
    zipped(tmp_path / "twitter.zip", {"data/tweets.js": js})
    result = run("--isolated", "--select", "term-consistency", "--format", "json",
                 "twitter.zip")
    found = result.json()
    assert [(f["post_id"], f["line"], f["column"]) for f in found] == \
        [("4003", *where(js, "e-mail"))]


def test_a_repeated_post_names_the_post_it_repeats(run, tmp_path):
    text = "Our new release is out today with faster sync and offline mode"
    js = tweets_js(tweet("5001", text), tweet("5002", "Lunch"),
                   tweet("5003", text, created="Sun Feb 19 12:33:11 +0000 2023"))
    zipped(tmp_path / "twitter.zip", {"data/tweets.js": js, "data/account.js": ACCOUNT})
    result = run("--isolated", "--select", "duplicate-post", "--format", "json", "twitter.zip")
    found = result.json()
    assert [f["post_id"] for f in found] == ["5003"]
    assert "repeats line 6 (2023-02-18 https://x.com/robin_example/status/5001)" in \
        found[0]["message"]
