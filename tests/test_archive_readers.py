"""Reading platform exports: text decoders and their maps, the block-wise JSON reader, the
five platforms' files, zips and folders, and what is refused (path traversal, zip bombs)."""

from __future__ import annotations

import importlib.util
import io
import json
import re
import zipfile
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from postlint.readers.archive import Filters, open_export, read_posts, textmap
from postlint.readers.archive import jsonstream, source as sources
from postlint.readers.archive.exports import ExportError, csv_rows, x_date

GENERATOR = Path(__file__).resolve().parents[1] / "scripts" / "gen_archive.py"
_spec = importlib.util.spec_from_file_location("gen_archive", GENERATOR)
gen = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(gen)


# -- decoders and their maps -------------------------------------------------------------

@settings(max_examples=200, deadline=None)
@given(st.text(), st.booleans())
def test_a_json_string_maps_each_character_to_its_spelling(text, ascii_only):
    raw = json.dumps(text, ensure_ascii=ascii_only)[1:-1]
    decoded, offsets = textmap.json_string_map(raw)
    assert decoded == text == textmap.json_string(raw)
    assert len(offsets) == len(text) + 1 and offsets[-1] == len(raw)
    for char, at in zip(text, offsets):
        assert raw[at] == char or raw[at] == "\\"


def test_a_surrogate_pair_is_one_character_at_its_first_escape():
    raw = r'ok \ud83d\ude00 \"x\"'
    text, offsets = textmap.json_string_map(raw)
    assert text == 'ok 😀 "x"'
    assert offsets[3] == 3 and offsets[4] == 15 and offsets[5] == 16 and offsets[6] == 18


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_escaped_utf8_bytes_are_repaired_and_mapped_to_their_first_byte(text):
    spelled = text.encode("utf-8").decode("latin-1")
    repaired, offsets = textmap.mojibake_map(spelled)
    assert repaired == text == textmap.mojibake(spelled)
    assert [offsets[i + 1] - offsets[i] for i in range(len(text))] == \
        [len(c.encode("utf-8")) for c in text]


@pytest.mark.parametrize("text", ["Ã is a letter", "price: 5 Â£ Ã ", "naïve ☕ and café"])
def test_text_that_is_no_escaped_utf8_is_left_as_it_is(text):
    assert textmap.mojibake(text) == text
    assert textmap.mojibake_map(text) == (text, textmap.identity(text))


def test_mastodon_html_becomes_the_text_the_user_wrote():
    content = ('<p>Hi <span class="h-card"><a href="https://s.example/@sam" class="u-url '
               'mention">@<span>sam</span></a></span> &amp; all!</p><p>Line one<br />line two '
               '<a href="https://example.com/x" rel="nofollow"><span class="invisible">https://'
               '</span><span class="">example.com/x</span><span class="invisible"></span></a></p>')
    text, offsets = textmap.html_text_map(content)
    assert text == "Hi @sam & all!\n\nLine one\nline two https://example.com/x"
    assert text == textmap.html_text(content)
    assert content[offsets[text.index("&")]:].startswith("&amp;")
    assert content[offsets[text.index("\n")]:].startswith("</p>")
    assert content[offsets[text.index("line two") - 1]:].startswith("<br />")
    assert content[offsets[text.index("all")]:].startswith("all")


def test_x_entities_are_decoded_once():
    text, offsets = textmap.entities_map("fish &amp; chips &lt;3 &amp;amp; &notanentity; AT&T")
    assert text == "fish & chips <3 &amp; &notanentity; AT&T"
    assert offsets[5] == 5 and offsets[7] == 11


def test_composed_maps_point_through_both_steps():
    raw = json.dumps("caf\u00e9 &amp; more", ensure_ascii=True)[1:-1]  # caf\u00e9 &amp; more
    text, inner = textmap.json_string_map(raw)
    final, outer = textmap.entities_map(text)
    offsets = textmap.compose(outer, inner)
    assert final == "café & more"
    assert raw[offsets[3]:].startswith("\\u00e9") and raw[offsets[5]:].startswith("&amp;")
    assert raw[offsets[7]:].startswith("more")


def test_csv_cells_know_where_they_stand():
    text = ('Date,ShareLink,ShareCommentary\r\n2024-01-02 10:00:00,https://l.example/1,'
            '"Line one\nsaid ""hi"" to me\nand a lone " quote"\r\n'
            '2024-01-03 11:00:00,,plain cell\n')
    rows = list(csv_rows(text))
    assert [c.value for c in rows[0]] == ["Date", "ShareLink", "ShareCommentary"]
    cell = rows[1][2]
    assert cell.value == 'Line one\nsaid "hi" to me\nand a lone " quote'
    assert (cell.line, cell.column) == (2, 42)
    assert (rows[2][2].line, rows[2][2].column, rows[2][2].value) == (5, 22, "plain cell")
    with pytest.raises(ValueError, match="never closed"):
        list(csv_rows('a,"open\n'))


def test_x_dates_are_read_by_hand_with_their_offset():
    assert x_date("Sat Feb 18 12:33:11 +0000 2023") == \
        datetime(2023, 2, 18, 12, 33, 11, tzinfo=timezone.utc)
    assert x_date("Sat Feb 18 12:33:11 +0130 2023") == \
        datetime(2023, 2, 18, 11, 3, 11, tzinfo=timezone.utc)
    assert x_date("yesterday") is None


# -- the block-wise JSON reader ----------------------------------------------------------

YTD = re.compile(r"window\.YTD\.\w+\.part\d+\s*=\s*")
DOC = ('window.YTD.tweets.part0 = [\n  {\n    "tweet" : {\n      "full_text" : '
       '"caf\\u00e9 &amp; \\"x\\" 😀",\n      "id_str" : "1"\n    }\n  },\n'
       '  {"tweet": {"full_text": "two"}}\n]')


@pytest.mark.parametrize("block", [3, 7, 64, 1 << 20])
def test_items_and_string_positions_do_not_depend_on_the_block_size(monkeypatch, block):
    monkeypatch.setattr(jsonstream, "BLOCK", block)
    reader = jsonstream.JsonLists(io.BytesIO(DOC.encode()), "a list of tweets", YTD)
    found = [(item.value["tweet"]["full_text"],
              reader.locate(item, "full_text", item.value["tweet"]["full_text"]))
             for item in reader]
    assert found == [('café &amp; "x" 😀',
                      jsonstream.Raw('caf\\u00e9 &amp; \\"x\\" 😀', 4, 22)),
                     ("two", jsonstream.Raw("two", 8, 28))]


@pytest.mark.parametrize("block", [5, 1 << 20])
@pytest.mark.parametrize("text, where, message", [
    (DOC[:60], (2, 3), "the file ends early (cut short?) inside an item"),
    (DOC[:-1], (9, 1), "the file ends early (cut short?): expected ',' or ']'"),
    (DOC.replace("},", "} x"), (7, 5), "expected ',' or ']' after an item"),
    (DOC.replace('"id_str"', "id_str"), (5, 7), "expecting property name"),
    (DOC + "\nmore", (10, 1), "unexpected text after a list of tweets"),
    ("window.YTD.tweets.part0 = 5", (1, 27), "expected a list of tweets"),
    ("hello", (1, 1), "a file that starts with 'window.YTD.tweets.part0 = ['"),
    (b"[1, \xff]", (1, 1), "not valid UTF-8 (byte 0xff at byte 4)"),
])
def test_a_broken_file_is_one_error_with_its_position(monkeypatch, block, text, where, message):
    monkeypatch.setattr(jsonstream, "BLOCK", block)
    data = text if isinstance(text, bytes) else text.encode()
    prefix = None if isinstance(text, bytes) else YTD
    with pytest.raises(jsonstream.JsonError) as caught:
        list(jsonstream.JsonLists(io.BytesIO(data), "a list of tweets", prefix,
                                  "window.YTD.tweets.part0 = ["))
    assert message in caught.value.message
    if block > 100:
        assert (caught.value.line, caught.value.column) == where


def test_an_object_gives_the_items_of_each_list_with_its_key():
    doc = b'{"@context": ["a", {"b": 1}], "type": "OrderedCollection", "orderedItems": [{"n": 1}]}'
    items = [(i.key, i.value) for i in jsonstream.JsonLists(io.BytesIO(doc), "an outbox")]
    assert items == [("@context", "a"), ("@context", {"b": 1}), ("orderedItems", {"n": 1})]


# -- the five exports --------------------------------------------------------------------

def export_at(tmp_path, platform, count=300, seed=5, shape="zip"):
    files = gen.build(platform, count, seed)
    target = tmp_path / (f"{platform}.zip" if shape == "zip" else platform)
    gen.write(files, target, folder=shape == "folder")
    return files, open_export(str(target), target.name)


def file_text(files, post, shown):
    return files[post.file[len(shown) + 1:]].decode("utf-8")


@pytest.mark.parametrize("shape", ["zip", "folder"])
@pytest.mark.parametrize("platform", gen.PLATFORMS)
def test_every_character_of_every_post_points_at_its_spelling_in_the_file(
        tmp_path, platform, shape):
    files, export = export_at(tmp_path, platform, shape=shape)
    posts = list(read_posts(export))
    assert len(posts) > 200
    spelled = {"\n": "\\<", '"': "\\&", "&": "&"}  # escapes start with these
    for post in posts:
        lines = file_text(files, post, export.shown).split("\n")
        where = post.positions(range(len(post.text)))
        for i, char in enumerate(post.text):
            line, column = where[i]
            found = lines[line - 1][column - 1] if column <= len(lines[line - 1]) else "\n"
            assert found == char or found in spelled.get(char, "\\"), (post, i)


def test_x_posts_keep_id_date_link_and_what_they_were(tmp_path):
    files, export = export_at(tmp_path, "x", count=400)
    posts = list(read_posts(export))
    tweets = [t["tweet"] for t in json.loads(files["data/tweets.js"].split(b"=", 1)[1])]
    assert [p.id for p in posts] == [t["id_str"] for t in tweets]
    first = posts[0]
    assert first.url == f"https://x.com/robin_example/status/{first.id}"
    assert first.date == x_date(tweets[0]["created_at"]) and first.platform == "x"
    by_id = {t["id_str"]: t for t in tweets}
    for post in posts:
        tweet = by_id[post.id]
        assert post.repost == tweet["full_text"].startswith("RT @")
        others = tweet.get("in_reply_to_user_id_str") not in (None, "1000000001")
        assert post.reply == others
        assert "&amp;" not in post.text
    assert any(p.reply for p in posts) and any(p.repost for p in posts)
    threads = [t for t in tweets if t.get("in_reply_to_user_id_str") == "1000000001"]
    assert threads and not any(by_id[t["id_str"]] and p.reply for t in threads
                               for p in posts if p.id == t["id_str"])


def test_the_other_platforms_keep_what_they_have(tmp_path):
    _, linkedin = export_at(tmp_path, "linkedin")
    posts = list(read_posts(linkedin))
    shares = [p for p in posts if not p.reply]
    assert shares[0].url.startswith("https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A")
    assert shares[0].id == shares[0].url.rsplit("3A", 1)[1]
    assert all(p.file.endswith("Comments.csv") for p in posts if p.reply)
    _, mastodon = export_at(tmp_path, "mastodon")
    posts = list(read_posts(mastodon))
    assert posts[0].url == f"https://social.example/@robin_example/{posts[0].id}"
    assert any(p.reply for p in posts) and not any("<" in p.text for p in posts)
    for platform in ("facebook", "instagram"):
        _, export = export_at(tmp_path, platform)
        posts = list(read_posts(export))
        assert posts[0].url is None and posts[0].date.tzinfo is timezone.utc
        assert any("é" in p.text or "ñ" in p.text for p in posts)
        assert not any("Ã" in p.text or "ð\x9f" in p.text for p in posts)
        assert any(p.reply for p in posts) and len({p.id for p in posts}) == len(posts)


def test_one_posts_file_on_its_own_is_an_export(tmp_path):
    for platform, member in [("x", "data/tweets.js"), ("mastodon", "outbox.json"),
                             ("linkedin", "Shares.csv"), ("instagram",
                              "your_instagram_activity/content/posts_1.json"),
                             ("facebook",
                              "your_facebook_activity/posts/your_posts__check_ins__photos_and_videos_1.json")]:
        files = gen.build(platform, 50, 2)
        path = tmp_path / member.rsplit("/", 1)[-1]
        path.write_bytes(files[member])
        export = open_export(str(path), path.name)
        assert export.kind == "file" and export.platform == platform
        posts = list(read_posts(export))
        assert posts and all(p.file == path.name for p in posts)
    (tmp_path / "notes.json").write_text('{"title": "not an export"}')
    assert open_export(str(tmp_path / "notes.json")) is None
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "a.md").write_text("hello")
    assert open_export(str(tmp_path / "drafts")) is None


def test_filters_pick_replies_reposts_and_dates(tmp_path):
    _, export = export_at(tmp_path, "x", count=400)
    every = list(read_posts(export))
    own = list(read_posts(export, Filters(replies=False, reposts=False)))
    assert len(own) == sum(1 for p in every if not p.reply and not p.repost) < len(every)
    since, until = date(2012, 6, 1), date(2012, 12, 31)
    window = list(read_posts(export, Filters(since=since, until=until)))
    assert window and all(since <= p.date.date() <= until for p in window)
    assert len(window) == sum(1 for p in every if since <= p.date.date() <= until)


# -- what is refused ---------------------------------------------------------------------

def zip_of(path, members: dict):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return str(path)


@pytest.mark.parametrize("name", ["../../evil.js", "/etc/passwd", "data/../../x",
                                  "C:/Windows/x", "..\\..\\x.js"])
def test_a_zip_with_a_member_outside_it_is_refused(tmp_path, name):
    path = zip_of(tmp_path / "t.zip", {"data/tweets.js": b"window.YTD.tweets.part0 = []",
                                       name: b"x"})
    with pytest.raises(ExportError, match="would point outside the archive"):
        open_export(path, "t.zip")


def test_a_zip_bomb_is_refused_before_it_is_read(tmp_path):
    path = zip_of(tmp_path / "t.zip", {"data/tweets.js": b"window.YTD.tweets.part0 = [" +
                                       b" " * (40 << 20) + b"]"})
    with pytest.raises(ExportError, match="zip bomb"):
        open_export(path, "t.zip")


def test_a_zip_that_is_no_export_or_no_zip_says_what_was_expected(tmp_path):
    path = zip_of(tmp_path / "photos.zip", {"a.jpg": b"\xff\xd8"})
    with pytest.raises(ExportError, match=r"photos.zip: no posts file found; expected "
                                          r"data/tweets.js \(X\), Shares.csv"):
        open_export(path, "photos.zip")
    (tmp_path / "broken.zip").write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(ExportError, match="broken.zip: not a readable zip file"):
        open_export(str(tmp_path / "broken.zip"), "broken.zip")


def test_a_symbolic_link_member_is_refused(tmp_path):
    path = tmp_path / "t.zip"
    with zipfile.ZipFile(path, "w") as archive:
        info = zipfile.ZipInfo("data/tweets.js")
        info.external_attr = (0o120777 << 16)
        archive.writestr(info, "/etc/passwd")
    with pytest.raises(ExportError, match="symbolic link"):
        open_export(str(path), "t.zip")


def test_unsafe_names():
    assert not sources.unsafe_name("data/tweets.js")
    assert not sources.unsafe_name("a..b/c")
    assert all(map(sources.unsafe_name, ["", "..", "a/../../b", "/x", "\\x", "D:x", "a\0b"]))
