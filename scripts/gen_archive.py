"""Write realistic, invented data exports for testing postlint's archive audit.

    python scripts/gen_archive.py x 60000 twitter.zip           # a zip as X sends it
    python scripts/gen_archive.py mastodon 500 unpacked/ --folder  # the unpacked folder
    python scripts/gen_archive.py linkedin 200 out.zip --seed 7

Platforms: x, linkedin, facebook, instagram, mastodon. Each export has the files and the
shape of the platform's own (X's `window.YTD.tweets.part0 = [...]` with entities and
t.co links; LinkedIn's CSV with quoted multi-line cells; Facebook's and Instagram's
JSON with every UTF-8 byte escaped on its own; Mastodon's compact ActivityPub outbox with
HTML content), and a tenth of its posts are replies, a twentieth reposts. The posts are
made up from word lists below; some carry what postlint flags (shouting, profanity,
chatspeak, oversharing, confidential talk), as a real account's do. No real person's data:
names, handles and domains are invented (`example.com`, `@sam_example`).

`build(platform, count, seed)` returns the files as {path: bytes}, for tests.
"""

from __future__ import annotations

import argparse
import io
import json
import random
import sys
import zipfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

PLATFORMS = ("x", "linkedin", "facebook", "instagram", "mastodon")
USER = {"name": "Robin Example", "username": "robin_example", "id": "1000000001"}
FRIENDS = ["sam_example", "alex_sample", "jo_placeholder", "kim_testing", "lee_demo",
           "noor_fictional", "chris_madeup", "pat_invented"]
START = datetime(2012, 3, 1, 8, 0, tzinfo=timezone.utc)

# A post is one to three sentences, each made of parts drawn from these lists, so that two
# posts rarely share most of their words (as a real account's rarely do).
SUBJECTS = ["I", "We", "The team", "My sister", "Our neighbour", "Half the office", "The kids",
            "My manager", "A stranger on the bus", "The new intern", "Everyone at the gym",
            "My book club", "The barista", "Grandpa", "Our landlord", "The whole family"]
VERBS = ["finally tried", "spent the morning on", "could not stop talking about",
         "argued for an hour about", "fell in love with", "gave up on", "went back to",
         "learned a lot from", "laughed all evening at", "spent too much on", "fixed",
         "rearranged", "wrote a long note about", "slept through", "signed up for",
         "walked past", "cooked dinner for", "painted", "lost track of", "found"]
OBJECTS = ["the new café downtown", "our team offsite", "a long run by the river",
           "the conference keynote", "sourdough attempt number four", "the quarterly report",
           "a rainy Sunday in München", "the naïve way to sort a list", "the garden tomatoes",
           "the city's new bike lanes", "a jazz night at the Blue Note", "spreadsheet macros",
           "the \"quick\" meeting that took two hours", "onboarding the new hires",
           "a weekend hike with the dog", "the book club pick", "piñata shopping",
           "the late train home", "a product demo", "the office coffee machine",
           "an old photo album", "the broken dishwasher", "a podcast about bridges",
           "the school play", "a crossword from 1994", "the farmers' market",
           "a very small bonsai", "the fire drill", "our wedding playlist", "the museum's "
           "night opening", "a chess puzzle", "the first snow", "a borrowed tent"]
WHENS = ["this morning", "last night", "on the way home", "before lunch", "again",
         "for the third time this week", "at 2 am", "over the weekend", "yesterday",
         "during the break", "in the rain", "with zero regrets", ""]
CLOSERS = ["Highly recommend.", "Would do it again.", "Not bad at all.", "More soon.",
           "Anyone else?", "Thoughts?", "What a day.", "Worth it.", "Lesson learned.",
           "10/10.", "Send help.", "Loving it.", "Never again.", "Small wins.",
           "Who knew?", "Ask me how.", "Photos later.", "Still smiling.", "", "", ""]
SHORT = ["Thanks!", "So true.", "Coffee first.", "Happy Friday!", "Same here.", "Made my day.",
         "Can confirm.", "This is great news.", "Congrats to the whole team!", "Good morning.",
         "Back at it.", "Noted.", "Couldn't agree more.", "What a game.", "Ha, love it.",
         "See you there.", "Missed this one.", "On my way.", "Long week.", "Big if true.",
         "Finally some sun.", "Still thinking about it.", "Weekend plans: none.", "Oh no.",
         "Count me in.", "Best news all week.", "Happy birthday!", "Well said.", "Agreed."]
RISKY = ["THIS IS THE WORST SERVICE I HAVE EVER SEEN", "what the hell was that meeting",
         "so hungover I can barely see the screen lol", "omg lol this is sooo true",
         "my boss is an idiot and everyone knows it", "can't say much but the merger is "
         "happening next month, keep it quiet", "called in sick to watch the game, nobody "
         "will notice", "this company is a total joke", "damn, that was a bad call by the ref",
         "wtf is this update", "new job, new salary: 85k and a signing bonus!!!",
         "best product ever!!! guaranteed to change your life"]
HASHTAGS = ["#MondayMotivation", "#coffee", "#running", "#devlife", "#bookclub", "#travel",
            "#gardening", "#remotework"]
EMOJI = ["😀", "🎉", "☕", "🏃", "📚", "🌧️", "🍅", "🚲", "👍", "🙈", "🔥", "❤️"]
SOURCES = ['<a href="https://mobile.twitter.com" rel="nofollow">Twitter Web App</a>',
           '<a href="http://twitter.com/download/iphone" rel="nofollow">Twitter for iPhone</a>',
           '<a href="http://twitter.com/download/android" rel="nofollow">Twitter for Android'
           '</a>']


class Writer:
    """Invented posts in order, with the randomness of one seed."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        self.when = START
        self.ids = 100_000_000_000_000_000

    def text(self, risky_share: float = 0.08, links: bool = True) -> str:
        rng = self.rng
        # most posts are short (on X the commonest length is about 30 characters)
        if rng.random() < 0.35:
            sentences = [rng.choice(SHORT)]
        else:
            sentences = [" ".join(filter(None, [rng.choice(SUBJECTS), rng.choice(VERBS),
                                                rng.choice(OBJECTS), rng.choice(WHENS)])) + "."
                         for _ in range(rng.choice((1, 1, 1, 1, 2, 2, 3)))]
        if rng.random() < risky_share:
            sentences.insert(rng.randint(0, len(sentences)), rng.choice(RISKY))
        text = " ".join(sentences + [rng.choice(CLOSERS)]).strip()
        if rng.random() < 0.08:
            text += "\n\n" + rng.choice(["Details below.", "Photos later.", "Long story.",
                                         "P.S. bring snacks & water.", "Day "
                                         f"{rng.randint(2, 400)} of trying."])
        if rng.random() < 0.25:
            text += " " + rng.choice(EMOJI)
        if rng.random() < 0.12:
            text += " " + " ".join(rng.sample(HASHTAGS, rng.randint(1, 2)))
        if links and rng.random() < 0.15:
            text += " https://example.com/" + rng.choice(["blog", "events", "notes"]) + \
                    f"/{rng.randint(1, 999)}"
        return text

    def tick(self) -> datetime:
        self.when += timedelta(minutes=self.rng.randint(20, 2500), seconds=self.rng.randint(0, 59))
        return self.when

    def next_id(self) -> str:
        self.ids += self.rng.randint(1_000_000, 90_000_000)
        return str(self.ids)

    def kind(self) -> str:
        roll = self.rng.random()
        return "reply" if roll < 0.1 else "repost" if roll < 0.15 else "post"


# -- X ---------------------------------------------------------------------------------

def _tco(rng) -> str:
    return "https://t.co/" + "".join(rng.choice("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
                                     for _ in range(10))


def _x_tweet(w: Writer) -> dict:
    rng, kind = w.rng, w.kind()
    text = w.text(links=False)
    while len(text) > 230:  # a tweet, with a mention or a link added, stays within 280
        text = w.text(links=False)
    friend = rng.choice(FRIENDS)
    mentions, urls = [], []
    if kind == "reply":
        text = f"@{friend} {text}"
        mentions.append({"name": friend.replace("_", " ").title(), "screen_name": friend,
                         "indices": ["0", str(len(friend) + 1)], "id_str": str(rng.randint(10**8, 10**9)),
                         "id": "0"})
    elif kind == "repost":
        text = f"RT @{friend}: {text}"
    if rng.random() < 0.2:
        link = _tco(rng)
        start = len(text) + 1
        text += " " + link
        urls.append({"url": link, "expanded_url": f"https://example.com/post/{rng.randint(1, 9999)}",
                     "display_url": "example.com/post/…", "indices": [str(start), str(start + len(link))]})
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    tweet_id = w.next_id()
    tweet = {
        "edit_info": {"initial": {"editTweetIds": [tweet_id],
                                  "editableUntil": "2023-02-18T13:03:11.000Z",
                                  "editsRemaining": "5", "isEditEligible": False}},
        "retweeted": False,
        "source": rng.choice(SOURCES),
        "entities": {"hashtags": [], "symbols": [], "user_mentions": mentions, "urls": urls},
        "display_text_range": ["0", str(len(text))],
        "favorite_count": str(rng.randint(0, 40)),
        "id_str": tweet_id,
        "truncated": False,
        "retweet_count": str(rng.randint(0, 5)),
        "id": tweet_id,
        "created_at": w.tick().strftime("%a %b %d %H:%M:%S +0000 %Y"),
        "favorited": False,
        "full_text": escaped,
        "lang": "en",
    }
    if kind == "reply":
        tweet.update({"in_reply_to_status_id_str": w.next_id(), "in_reply_to_status_id": "0",
                      "in_reply_to_user_id": mentions[0]["id_str"],
                      "in_reply_to_user_id_str": mentions[0]["id_str"],
                      "in_reply_to_screen_name": friend})
    elif rng.random() < 0.05:  # a thread: a reply to oneself
        tweet.update({"in_reply_to_status_id_str": w.next_id(),
                      "in_reply_to_user_id_str": USER["id"],
                      "in_reply_to_screen_name": USER["username"]})
    return {"tweet": tweet}


def _ytd(name: str, items: list) -> bytes:
    body = json.dumps(items, indent=2, ensure_ascii=False, separators=(",", " : "))
    return f"window.YTD.{name}.part0 = {body}".encode("utf-8")


def x_export(count: int, w: Writer) -> dict[str, bytes]:
    account = [{"account": {"email": "robin@example.com", "createdVia": "web",
                            "username": USER["username"], "accountId": USER["id"],
                            "createdAt": "2012-02-01T10:00:00.000Z",
                            "accountDisplayName": USER["name"]}}]
    # written a tweet at a time: a 60,000-tweet list is built as text, not as one object
    parts = [json.dumps(_x_tweet(w), indent=2, ensure_ascii=False, separators=(",", " : "))
             for _ in range(count)]
    body = "[ ]" if not parts else "[\n" + ",\n".join(
        "  " + p.replace("\n", "\n  ") for p in parts) + "\n]"
    return {"data/account.js": _ytd("account", account),
            "data/tweets.js": f"window.YTD.tweets.part0 = {body}".encode("utf-8"),
            "data/manifest.js": b'window.__THAR_CONFIG = {\n  "userInfo" : {\n    "userName" : "'
                                + USER["username"].encode() + b'"\n  }\n}',
            "Your archive.html": b"<!DOCTYPE html><title>Your archive</title>"}


# -- LinkedIn --------------------------------------------------------------------------

def _csv_cell(value: str) -> str:
    return '"' + value.replace('"', '""') + '"'


def linkedin_export(count: int, w: Writer) -> dict[str, bytes]:
    shares = ["Date,ShareLink,ShareCommentary,SharedUrl,MediaUrl,Visibility"]
    comments = ["Date,Link,Message"]
    for _ in range(count):
        kind = w.kind()
        when = w.tick().strftime("%Y-%m-%d %H:%M:%S")
        urn = w.next_id()[:19]
        link = f"https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A{urn}"
        if kind == "reply":
            comments.append(",".join([when, _csv_cell(link), _csv_cell(w.text(0.05))]))
            continue
        text = "" if kind == "repost" else w.text(0.05)
        shared = f"https://example.com/article/{w.rng.randint(1, 999)}" if kind == "repost" \
            or w.rng.random() < 0.2 else ""
        shares.append(",".join([when, link, _csv_cell(text), shared, "", "MEMBER_NETWORK"]))
    return {"Shares.csv": ("\n".join(shares) + "\n").encode("utf-8"),
            "Comments.csv": ("\n".join(comments) + "\n").encode("utf-8"),
            "Profile.csv": b"First Name,Last Name,Headline\nRobin,Example,Invented person\n"}


# -- Facebook and Instagram ------------------------------------------------------------

def meta_json(value) -> bytes:
    """JSON as Meta writes it: every UTF-8 byte of a string escaped on its own."""
    def bytes_as_chars(item):
        if isinstance(item, str):
            return item.encode("utf-8").decode("latin-1")
        if isinstance(item, list):
            return [bytes_as_chars(i) for i in item]
        if isinstance(item, dict):
            return {k: bytes_as_chars(v) for k, v in item.items()}
        return item
    return json.dumps(bytes_as_chars(value), indent=2, ensure_ascii=True).encode("ascii")


def facebook_export(count: int, w: Writer) -> dict[str, bytes]:
    posts, comments = [], []
    for _ in range(count):
        kind, when = w.kind(), int(w.tick().timestamp())
        if kind == "reply":
            friend = w.rng.choice(FRIENDS).replace("_", " ").title()
            comments.append({"timestamp": when, "data": [{"comment": {
                "timestamp": when, "comment": w.text(0.1), "author": USER["name"]}}],
                "title": f"{USER['name']} commented on {friend}'s post."})
            continue
        title = (f"{USER['name']} shared a memory." if kind == "repost"
                 else f"{USER['name']} updated their status.")
        posts.append({"timestamp": when, "data": [{"post": w.text(0.1)},
                                                  {"update_timestamp": when}],
                      "title": title})
    base = "your_facebook_activity"
    return {f"{base}/posts/your_posts__check_ins__photos_and_videos_1.json": meta_json(posts),
            f"{base}/comments_and_reactions/comments.json": meta_json({"comments_v2": comments}),
            f"{base}/posts/media/placeholder.txt": b"(photos would be here)\n"}


def instagram_export(count: int, w: Writer) -> dict[str, bytes]:
    posts, comments = [], []
    for n in range(count):
        kind, when = w.kind(), int(w.tick().timestamp())
        if kind == "reply":
            comments.append({"media_list_data": [{"uri": ""}], "string_map_data": {
                "Comment": {"value": w.text(0.1, links=False)},
                "Media Owner": {"value": w.rng.choice(FRIENDS)},
                "Time": {"timestamp": when}}})
            continue
        media = [{"uri": f"media/posts/{when // 2_600_000}/{n}.jpg", "creation_timestamp": when,
                  "title": ""} for _ in range(w.rng.choice((1, 1, 1, 2, 3)))]
        caption = w.text(0.1, links=False)
        if len(media) == 1:
            media[0]["title"] = caption
            posts.append({"media": media})
        else:
            posts.append({"media": media, "title": caption, "creation_timestamp": when})
    base = "your_instagram_activity"
    return {f"{base}/content/posts_1.json": meta_json(posts),
            f"{base}/comments/post_comments_1.json": meta_json(comments)}


# -- Mastodon --------------------------------------------------------------------------

def _html(text: str, server: str) -> str:
    def word(token: str) -> str:
        plain = token.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") \
            .replace('"', "&quot;")
        if token.startswith("#") and len(token) > 1:
            tag = token[1:]
            return (f'<a href="https://{server}/tags/{tag.lower()}" class="mention hashtag" '
                    f'rel="tag">#<span>{tag}</span></a>')
        if token.startswith("@") and len(token) > 1:
            return (f'<span class="h-card" translate="no"><a href="https://{server}/@{token[1:]}"'
                    f' class="u-url mention">@<span>{token[1:]}</span></a></span>')
        if token.startswith("https://"):
            rest = token[len("https://"):]
            return (f'<a href="{plain}" target="_blank" rel="nofollow noopener noreferrer" '
                    f'translate="no"><span class="invisible">https://</span><span class="">'
                    f'{rest}</span><span class="invisible"></span></a>')
        return plain
    paragraphs = []
    for paragraph in text.split("\n\n"):
        lines = [" ".join(word(t) for t in line.split(" ")) for line in paragraph.split("\n")]
        paragraphs.append("<p>" + "<br />".join(lines) + "</p>")
    return "".join(paragraphs)


def mastodon_export(count: int, w: Writer) -> dict[str, bytes]:
    server = "social.example"
    actor = f"https://{server}/users/{USER['username']}"
    items = []
    for _ in range(count):
        kind, when = w.kind(), w.tick().strftime("%Y-%m-%dT%H:%M:%SZ")
        status = w.next_id()[:18]
        if kind == "repost":
            items.append({"id": f"{actor}/statuses/{status}/activity", "type": "Announce",
                          "actor": actor, "published": when,
                          "to": ["https://www.w3.org/ns/activitystreams#Public"],
                          "cc": [f"{actor}/followers"],
                          "object": f"https://other.example/users/someone/statuses/{status}"})
            continue
        text = w.text()
        parent = None
        if kind == "reply":
            friend = w.rng.choice(FRIENDS)
            text = f"@{friend} {text}"
            parent = f"https://other.example/users/{friend}/statuses/{w.next_id()[:18]}"
        content = _html(text, server)
        note = {"id": f"{actor}/statuses/{status}", "type": "Note", "summary": None,
                "inReplyTo": parent, "published": when,
                "url": f"https://{server}/@{USER['username']}/{status}",
                "attributedTo": actor, "to": ["https://www.w3.org/ns/activitystreams#Public"],
                "cc": [f"{actor}/followers"], "sensitive": False,
                "atomUri": f"{actor}/statuses/{status}", "inReplyToAtomUri": parent,
                "conversation": f"tag:{server},2023:objectId={status}:objectType=Conversation",
                "content": content, "contentMap": {"en": content}, "attachment": [],
                "tag": [], "replies": {"id": f"{actor}/statuses/{status}/replies",
                                       "type": "Collection"}}
        items.append({"id": f"{actor}/statuses/{status}/activity", "type": "Create",
                      "actor": actor, "published": when, "to": note["to"], "cc": note["cc"],
                      "object": note})
    outbox = {"@context": "https://www.w3.org/ns/activitystreams", "id": "outbox.json",
              "type": "OrderedCollection", "totalItems": len(items), "orderedItems": items}
    actor_doc = {"id": actor, "type": "Person", "preferredUsername": USER["username"],
                 "name": USER["name"], "outbox": "outbox.json"}
    return {"outbox.json": json.dumps(outbox, ensure_ascii=False,
                                      separators=(",", ":")).encode("utf-8"),
            "actor.json": json.dumps(actor_doc, separators=(",", ":")).encode("utf-8"),
            "likes.json": b'{"id":"likes.json","type":"OrderedCollection","orderedItems":[]}'}


BUILDERS = {"x": x_export, "linkedin": linkedin_export, "facebook": facebook_export,
            "instagram": instagram_export, "mastodon": mastodon_export}


def build(platform: str, count: int, seed: int = 1) -> dict[str, bytes]:
    """The files of an invented export of `count` posts, by path inside it."""
    return BUILDERS[platform](count, Writer(seed))


def zipped(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def write(files: dict[str, bytes], out: Path, folder: bool) -> None:
    if folder:
        for name, data in files.items():
            (out / name).parent.mkdir(parents=True, exist_ok=True)
            (out / name).write_bytes(data)
    else:
        out.write_bytes(zipped(files))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("platform", choices=PLATFORMS)
    parser.add_argument("posts", type=int, help="how many posts (replies and reposts included)")
    parser.add_argument("out", type=Path, help="the zip to write (or folder, with --folder)")
    parser.add_argument("--folder", action="store_true", help="write the unpacked folder")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    write(build(args.platform, args.posts, args.seed), args.out, args.folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
