"""Platform rules and --measure through the command line: counts per platform and unit,
exact positions, cross-posting, threads, user-defined platforms and unknown names."""

from __future__ import annotations

import pytest

ALL = "x, bluesky, mastodon, threads, linkedin, instagram, facebook, tiktok"
FAMILY = "\U0001F468\u200D\U0001F469\u200D\U0001F467\u200D\U0001F466"  # 7 code points
# Hi, a family, a flag, a thumb with a skin tone, e + combining acute, two CJK
# characters, a URL with and one without a scheme, a CRLF line end.
MIXED = (f"Hi {FAMILY} \U0001F1EB\U0001F1F7 \U0001F44D\U0001F3FD e\u0301 \u4e2d\u6587 "
         "https://example.com/a example.org\r\nbye\n")


def findings(result) -> list[tuple]:
    return [(f["line"], f["column"], f["end_line"], f["end_column"], f["name"], f.get("platform"))
            for f in result.json()]


def test_measure_counts_every_unit_as_its_platform_does(run, write):
    write("m.md", f"---\nplatforms: [{ALL}]\n---\n{MIXED}")
    result = run("m.md", "--isolated", "--measure")
    assert result.code == 0
    counted = [line.strip() for line in result.out.splitlines() if ":" in line
               and "fold" not in line][1:]
    # By hand: X weighs the family, flag and thumb 2 each, é (NFC) 1, CJK 2 each, both
    # URLs 23; Mastodon counts only the URL with a scheme as 23; Threads counts emoji
    # as their UTF-8 bytes (25, 8, 8); TikTok counts UTF-16 units (11, 4, 4).
    assert counted == [
        "x: 70/280 weighted characters",
        "bluesky: 51/300 characters; 95/3000 bytes (UTF-8)",
        "mastodon: 53/500 characters",
        "threads: 90/500 characters (an emoji counts its UTF-8 bytes)",
        "linkedin: 60/3000 characters",
        "instagram: 60/2200 characters",
        "facebook: 60/63206 characters",
        "tiktok: 68/2200 UTF-16 code units",
    ]


def test_crlf_and_lf_drafts_measure_the_same(run, write):
    write("crlf.md", f"---\r\nplatforms: [{ALL}]\r\n---\r\n{MIXED}".replace("\n", "\r\n")
          .replace("\r\r\n", "\r\n"))
    write("lf.md", f"---\nplatforms: [{ALL}]\n---\n{MIXED.replace(chr(13), '')}")
    crlf = run("crlf.md", "--isolated", "--measure").out
    lf = run("lf.md", "--isolated", "--measure").out
    assert crlf.replace("crlf.md", "lf.md") == lf


def test_measure_shows_where_each_fold_falls(run, write):
    text = "A" * 130 + " end of the first line\nsecond line"
    write("f.md", f"---\nplatforms: [instagram, linkedin]\n---\n{text}\n")
    out = run("f.md", "--isolated", "--measure").out
    assert out.splitlines() == [
        "f.md (platforms: instagram, linkedin)",
        "  post 1, line 4",
        "    instagram: 164/2200 characters",
        "      fold 'feed' after 125 characters at 4:126: \"..." + "A" * 20 + "|AAAAA end of the fir...\"",
        "    linkedin: 164/3000 characters",
        "      fold 'mobile' after 140 characters at 4:141: \"...AAAAAAAAAA end of th|e first line\\nsecond ...\"",
        "      fold 'desktop' after 210 characters: not reached, the whole post shows",
    ]


def test_measure_without_platform_and_with_unknown(run, write):
    write("a.md", "Hello.\n")
    assert run("a.md", "--isolated", "--measure").out.startswith("a.md: no platform;")
    result = run("a.md", "--isolated", "--measure", "--platform", "myspace")
    assert result.code == 2
    assert "--platform: unknown platform 'myspace'" in result.err


def test_post_length_points_at_the_crossing(run, write):
    # 100 CJK characters weigh 200, the line end 1: the 80th 'a' is the 281st unit.
    write("a.md", "---\nplatform: x\n---\n" + "\u4e2d" * 100 + "\n" + "a" * 85 + "\n")
    result = run("a.md", "--isolated", "--select", "post-length", "--format", "json")
    assert result.code == 1
    assert findings(result) == [(5, 80, 5, 86, "post-length", "x")]
    assert result.json()[0]["message"] == (
        "post is 286 weighted characters long, 280 allowed on X: 'aaaaaa' does not fit;"
        " cut 6 or split the post into a thread")


def test_post_length_crossing_inside_an_emoji_starts_at_the_emoji(run, write):
    write("a.md", "a" * 279 + FAMILY + " ok\r\n")
    result = run("a.md", "--isolated", "--platform", "x", "--select", "P101")
    assert result.out.splitlines()[0] == (
        f"a.md:1:280: P101 post is 284 weighted characters long, 280 allowed on X: "
        f"'{FAMILY} ok' does not fit; cut 4 or split the post into a thread [x] (post-length)")


def test_comments_are_not_counted(run, write):
    write("a.md", "<!-- a long note to self that is never posted: " + "x" * 300 + " -->\n"
          + "Short post.\n")
    result = run("a.md", "--isolated", "--platform", "x", "--select", "post-length")
    assert result.code == 0, result.out
    # A comment alone on its line takes its line end with it; an inline one leaves the rest.
    write("b.md", "Short post.\r\n<!-- postlint-disable-next-line shouting -->\r\nSecond line"
          " <!-- why --> ok.\r\n")
    assert run("b.md", "--isolated", "--platform", "x", "--measure").out.splitlines()[2] == \
        "    x: 28/280 weighted characters"


def test_cross_posting_reports_only_the_platform_it_breaks(run, write):
    write("a.md", "---\nplatforms: [x, linkedin]\n---\n" + "\u4e2d" * 141 + "\n")
    result = run("a.md", "--isolated", "--select", "post-length")
    assert result.out.splitlines() == [
        "a.md:4:141: P101 post is 282 weighted characters long, 280 allowed on X: '\u4e2d' does"
        " not fit; cut 2 or split the post into a thread [x] (post-length)",
        "Found 1 problem (1 error) in 1 of 1 draft.",
    ]
    assert run("a.md", "--isolated", "--select", "post-length", "--format",
               "json").json()[0]["platform"] == "x"


def test_front_matter_beats_command_line_beats_config(run, write):
    write(".postlint.yaml", "platforms: [linkedin]\n")
    write("own.md", "---\nplatform: bluesky\n---\n" + "#tag " * 61 + "\n")
    write("plain.md", "#tag " * 61 + "\n")
    args = ("--select", "post-length", "--format", "json")
    assert {(f["path"], f["platform"]) for f in run("own.md", "plain.md", *args).json()} == {
        ("own.md", "bluesky")}
    result = run("own.md", "plain.md", "--platform", "x", *args)
    assert {(f["path"], f["platform"]) for f in result.json()} == {
        ("own.md", "bluesky"), ("plain.md", "x")}


def test_a_thread_written_without_its_separators_is_told_where_to_split(run, write):
    part = "This part of the thread says one thing at some length. " * 2
    write("t.md", f"---\nplatform: x\n---\n1/ {part}\n\n2/ {part}\n\n3/ {part}\n")
    result = run("t.md", "--isolated", "--select", "post-length", "--format", "json")
    assert result.json()[0]["message"].endswith(
        "does not fit; put a line holding only --- before '2/' and each later part, so that "
        "each is a post of the thread")
    # numbers that do not count up from 1 are no thread: "24/7" opens a line by chance
    write("u.md", f"---\nplatform: x\n---\n24/7 {part}\n\n2/ {part}\n\n3/ {part}\n")
    result = run("u.md", "--isolated", "--select", "post-length", "--format", "json")
    assert result.json()[0]["message"].endswith("cut 64 or split the post into a thread")


def test_thread_is_checked_post_by_post(run, write):
    long_post = "word " * 60
    write("t.md", f"---\nplatforms: [x]\n---\nFirst post.\n---\n{long_post}\n---\nThird.\n---\n\n")
    result = run("t.md", "--isolated", "--select", "post-length,empty-post,thread-length",
                 "--format", "json")
    assert findings(result) == [(6, 281, 6, 300, "post-length", "x"),
                                (10, 1, 10, 1, "empty-post", None)]
    measured = run("t.md", "--isolated", "--measure").out.splitlines()
    assert measured == ["t.md (platforms: x)", "  post 1, line 4", "    x: 11/280 weighted characters",
                        "  post 2, line 6", "    x: 299/280 weighted characters, 19 over from 6:281",
                        "  post 3, line 8", "    x: 6/280 weighted characters",
                        "  post 4, line 10: empty"]


def test_thread_length_counts_posts_and_leaves_long_posts_to_post_length(run, write):
    posts = [f"{n}/ short" for n in range(1, 12)]
    posts[3] = "4/ " + "long " * 60
    write("t.md", "---\nplatforms: [x]\n---\n" + "\n---\n".join(posts) + "\n")
    result = run("t.md", "--isolated", "--select", "P1", "--format", "json")
    assert [(f["line"], f["name"]) for f in result.json()] == [(10, "post-length"),
                                                                (24, "thread-length")]
    assert result.json()[1]["message"] == (
        "thread has 11 posts, 10 at most on X: '11/ short' starts post 11, the first over;"
        " merge posts or split the thread")


def test_the_professional_profile_holds_hashtags_to_five_and_says_whose_limit_it_is(run, write):
    tags = " ".join(f"#Tag{n}" for n in range(1, 7))
    write("x.md", f"---\nplatforms: [x]\n---\nShipped dark mode today. {tags}\n")
    write("five.md", f"---\nplatforms: [x]\n---\nShipped dark mode today. {tags[:-6]}\n")
    write("ig.md", f"---\nplatforms: [instagram]\n---\nGolden hour. {tags}\n")
    result = run("x.md", "five.md", "ig.md", "--isolated", "--profile", "professional",
                 "--select", "hashtag-count", "--format", "json")
    assert [(f["path"], f["column"], f["message"]) for f in result.json()] == [
        ("x.md", 56, "6 hashtags in this post, 5 at most for this audience: '#Tag6' is one too"
                     " many; cut the ones that matter least"),
        ("ig.md", 44, "6 hashtags in this post, 5 at most on Instagram: '#Tag6' is one too"
                      " many; cut the ones that matter least")]
    # (on X, no limit of its own; on the default profile, none at all)
    assert run("x.md", "--isolated", "--select", "hashtag-count", "--format", "json").json() == []


def test_no_platform_means_only_empty_post(run, write):
    write("a.md", "\u4e2d" * 3000 + " #a #b #c #d #e #f #ad\n---\n\n")
    result = run("a.md", "--isolated", "--select", "P1", "--format", "json")
    assert [f["name"] for f in result.json()] == ["empty-post"]


def test_counts_use_the_shared_extractor(run, write):
    write("t.md", "---\nplatforms: [threads, mastodon]\n---\nGo #python #rust "
          "example.com a.example.org https://b.example.org c.io d.dev e.co @ana@example.social\n")
    result = run("t.md", "--isolated", "--select", "hashtag-count,link-count,mention-count",
                 "--format", "json")
    # Threads allows one tag and five links; the Mastodon handle is a mention, not a link.
    assert findings(result) == [(4, 12, 4, 17, "hashtag-count", "threads"),
                                (4, 77, 4, 81, "link-count", "threads")]


def test_images_are_attached_not_counted_as_text(run, write):
    alt = "A barista pouring latte art into a white cup, morning light through the window"
    image = f"![{alt}](https://cdn.example.com/latte.jpg)"
    write("a.md", f"---\nplatforms: [instagram, x]\n---\n{image}\n\n"
          "New seasonal menu drops Monday. Come try the maple oat latte!\n"
          "<img src=\"menu.png\" alt=\"The menu\"> Link in bio.\n")
    result = run("a.md", "--isolated", "--select", "P", "--format", "json")
    assert findings(result) == []  # (no fold crossed, no link counted)
    measured = run("a.md", "--isolated", "--measure").out
    assert "x: 75/280 weighted characters" in measured, measured
    write("b.md", f"---\nplatform: x\n---\n{image}\n")  # an image alone is a post
    assert run("b.md", "--isolated", "--select", "empty-post").code == 0
    write("c.md", "---\nplatform: x\n---\n<!-- only a note -->\n")
    assert run("c.md", "--isolated", "--select", "empty-post").code == 1
    write("d.md", "---\r\nplatform: x\r\n---\r\n\r\n\r\n")  # (a CR is no image)
    assert run("d.md", "--isolated", "--select", "empty-post").code == 1


def test_below_the_fold_reports_once_per_platform_at_the_first_fold(run, write):
    # (and of the disclosures behind it, the first: "#ad ... sponsored by" is one move)
    text = "Big news today. " + "We tried every serum on the shelf and kept one. " * 3 + \
        "#ad Sponsored by Glow."
    write("a.md", f"---\nplatforms: [linkedin, instagram, x]\n---\n{text}\n")
    result = run("a.md", "--isolated", "--select", "below-the-fold", "--format", "json")
    assert findings(result) == [(4, 161, 4, 164, "below-the-fold", "instagram"),
                                (4, 161, 4, 164, "below-the-fold", "linkedin")]
    messages = [f["message"] for f in result.json()]
    assert messages[1] == ("'#ad' is a disclosure, but it falls below LinkedIn's 'mobile' fold"
                           " (after 140 characters), where readers see it only after tapping"
                           " 'more'; move it into the first lines")


CONFIG = """\
platforms: [mastodon]
platform-settings:
  mastodon:
    length: {graphemes: 1000}
  x-premium:
    extends: x
    length: {x: 25000}
  forum:
    title: Our forum
    length: {code-points: 50}
    folds: {preview: 20}
"""


def test_user_defined_and_overridden_platforms(run, write):
    write(".postlint.yaml", CONFIG)
    write("a.md", "word " * 120 + "\n")
    assert run("a.md", "--select", "post-length").code == 0  # 599 of 1000 on this instance
    assert run("a.md", "--platform", "x-premium", "--select", "post-length").code == 0
    result = run("a.md", "--platform", "x,forum", "--select", "post-length", "--format", "json")
    assert findings(result) == [(1, 51, 1, 600, "post-length", "forum"),
                                (1, 281, 1, 600, "post-length", "x")]
    assert result.json()[0]["message"].startswith("post is 599 characters long, 50 allowed on "
                                                  "Our forum:")
    out = run("a.md", "--measure", "--platform", "mastodon,x-premium,forum").out.splitlines()
    assert out[2:] == ["    mastodon: 599/1000 characters", "    x-premium: 599/25000 weighted characters",
                       "    forum: 599/50 characters, 549 over from 1:51",
                       "      fold 'preview' after 20 characters at 1:21: \"word word word word |word word word word ...\""]


@pytest.mark.parametrize("config, error", [
    ("platform-settings:\n  x:\n    length: {bytes: 10}\n",
     ".postlint.yaml:3: platform-settings.x.length.bytes: unknown unit"),
    ("platform-settings:\n  x:\n    length: {x: 0}\n",
     ".postlint.yaml:3: platform-settings.x.length.x: expected a whole number above 0"),
    ("platform-settings:\n  mine:\n    extends: myspace\n",
     ".postlint.yaml:3: platform-settings.mine.extends: unknown platform 'myspace'"),
    ("platform-settings:\n  x:\n    colour: blue\n",
     ".postlint.yaml:3: platform-settings.x.colour: unknown key"),
    ("platforms: [x, myspace]\n", ".postlint.yaml:1: platforms: unknown platform 'myspace'"),
    ("platform: myspace\n", ".postlint.yaml:1: platform: unknown platform 'myspace'"),
])
def test_bad_platform_config_exits_2(run, write, config, error):
    write(".postlint.yaml", config)
    write("a.md", "Hello.\n")
    result = run("a.md")
    assert result.code == 2
    assert result.err.startswith(error), result.err
    assert result.out == ""


def test_an_opening_sentence_cut_by_the_fold_is_quoted_from_the_word_it_cuts(run, write):
    text = ("Notwithstanding the aforementioned considerations, the transformation initiative "
            "necessitates comprehensive stakeholder engagement across every team we run today.")
    write("a.md", f"---\nplatform: linkedin\n---\n{text}\n")
    result = run("a.md", "--isolated", "--select", "below-the-fold", "--format", "json")
    (finding,) = result.json()
    cut = text.index(" every ") + 1  # (the fold, at 140 characters, falls inside "every")
    assert cut < 140 < cut + len("every")
    assert (finding["line"], finding["column"]) == (4, cut + 1)
    assert finding["message"].startswith("'every team we run today.' ends the opening sentence")


@pytest.mark.parametrize("config, error", [
    # each made a new platform of no limits but these, and left the one meant unchanged
    # (drafts for `twitter` then had no post-length at all)
    ("platform-settings:\n  twitter:\n    max_hashtags: 2\n",
     ".postlint.yaml:2: platform-settings.twitter: 'twitter' is another name of 'x': change "
     "that platform as platform-settings.x"),
    ("platform-settings:\n  mastodn:\n    length: {graphemes: 1000}\n",
     ".postlint.yaml:2: platform-settings.mastodn: unknown platform 'mastodn' (did you mean "
     "'mastodon'?); to add a platform of a name this close to a built-in one, give it extends:"),
])
def test_settings_for_a_misnamed_built_in_platform_are_a_mistake(run, write, config, error):
    write(".postlint.yaml", config)
    write("a.md", "Hello.\n")
    result = run("a.md")
    assert result.code == 2 and result.out == ""
    assert result.err == error + "\n"


def test_a_new_platform_close_to_a_built_in_one_is_added_with_extends(run, write):
    write(".postlint.yaml", "platform-settings:\n  mastodon2:\n    extends: mastodon\n"
                            "    length: {graphemes: 10}\n")
    write("a.md", "Hello there, everyone.\n")
    result = run("--platform", "mastodon2", "--format", "json", "a.md")
    assert [(f["code"], f["platform"]) for f in result.json()] == [("P101", "mastodon2")]


def test_bad_platform_file_in_a_rule_folder_exits_2(run, write):
    write(".postlint.yaml", "rule-dirs: [mine]\n")
    write("mine/platforms/club.yaml", "name: club\nlength:\n  code-points: -5\nmax_links: lots\n")
    write("a.md", "Hello.\n")
    result = run("a.md")
    assert result.code == 2
    assert result.err.splitlines() == [
        "mine/platforms/club.yaml:3: length.code-points: expected a whole number"
        " above 0 (or null to remove it), got -5",
        "mine/platforms/club.yaml:4: max_links: expected a whole number of 0 or more,"
        " got 'lots'",
    ]


def test_unknown_platform_in_front_matter_is_that_drafts_read_error(run, write):
    write("bad.md", "---\nprofile: public\nplatforms: [x, myspace]\n---\nHello.\n")
    write("good.md", "---\nplatforms: [x]\n---\n" + "\u4e2d" * 141 + "\n")
    result = run("bad.md", "good.md", "--select", "post-length")
    assert result.code == 2
    assert result.err.startswith("bad.md: error: line 3: front matter: unknown platform "
                                 "'myspace' (known: bluesky, facebook, instagram, linkedin,")
    assert "good.md:4:141: P101" in result.out


def test_a_post_that_holds_only_its_number_is_empty(run, write):
    """A thread's post left at its marker ("2/") would publish the number alone."""
    write("t.md", "1/ How we cut our cloud bill.\n---\n🧵 2/\n---\n3/ Thanks for reading.\n")
    result = run("t.md", "--isolated", "--select", "empty-post")
    assert result.code == 1
    assert "t.md:3:1: P106 post 2 of 3 in this thread holds only its number; write the post" \
        " or remove it (and its '---' separator) (empty-post)" in result.out, result.out
    write("u.md", "1/ How we cut our cloud bill.\n---\n2/ Turned off what nobody used.\n")
    assert run("u.md", "--isolated", "--select", "empty-post").code == 0


@pytest.mark.parametrize("config, error", [
    # a number where units are meant: the example names the platform's own unit
    ("platform-settings:\n  x:\n    length: 25000\n", ".postlint.yaml:3: "
     "platform-settings.x.length: expected a mapping of counting unit to limit, such as "
     "length: {x: 25000}, got 25000 (units: x, graphemes, utf8-bytes, code-points, utf16, "
     "threads)"),
    ("platform-settings:\n  linkedin:\n    folds: 140\n", ".postlint.yaml:3: "
     "platform-settings.linkedin.folds: expected a mapping of fold name to offset, such as "
     "folds: {mobile: 140}, got 140"),
    ("platform-settings:\n  x:\n    counting:\n", ".postlint.yaml:3: platform-settings.x."
     "counting: expected a mapping of counting options (url_length, bare_urls, "
     "mention_without_domain), such as counting: {url_length: 23}, got nothing (an empty "
     "value)"),
    # a name: beside the key was dropped, and the platform kept the key's name
    ("platform-settings:\n  forum:\n    extends: x\n    name: our-forum\n", ".postlint.yaml:4: "
     "platform-settings.forum.name: a platform here is named by its key (forum); remove "
     "name:, or rename the key"),
    ("profiles:\n  mine:\n    extends: public\n    name: team\n", ".postlint.yaml:4: "
     "profiles.mine.name: a profile here is named by its key (mine); remove name:, or rename "
     "the key"),
])
def test_a_platform_or_profile_setting_of_the_wrong_shape_shows_the_one_meant(
        mistake, config, error):
    assert mistake(config) == [error]
