"""`--format html`: one self-contained page showing each post as its platforms show it.

A summary (findings by level and by rule, as bars), filters (level, rule, profile), then
a card per post (a draft's post, a calendar row, an archive post) and target platform:
the text as published with the preview folds marked and the rest behind a "more" button,
a length meter per limit, and each finding highlighted where it is, its message, rule
and why shown on hover and on keyboard focus. Everything is inline (no network); every
value from a draft, a file name or a message is escaped, and the page's Content Security
Policy lets only its own script (by hash) run.
"""

from __future__ import annotations

import bisect
import hashlib
from collections import Counter

from ..checks.platform import fold_offset, measure
from ..hookspecs import hookimpl
from ..lint.report import riskiest
from ..load.rules import LEVELS
from ..text.platforms import UNIT_NAMES, posted
from .base import Format

STYLE = """
:root { color-scheme: light dark; --bg: #fff; --fg: #1b1b1f; --muted: #555b66; --card: #f6f7f9;
  --line: #c9ced6; --error: #b3261e; --warning: #8a5a00; --info: #1d5fa8; --mark-error: #fde2e0;
  --mark-warning: #fff1c2; --mark-info: #dcebff; --focus: #1d5fa8; --over: #f3c6c2; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #121317; --fg: #e8e9ed; --muted: #a7adb8; --card: #1d1f25; --line: #3a3f4a;
    --error: #ff8a80; --warning: #ffd166; --info: #8ab4f8; --mark-error: #5c1f1b;
    --mark-warning: #4d3b00; --mark-info: #173a63; --focus: #8ab4f8; --over: #6b2620; } }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg); line-height: 1.5;
  font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
header.page, main { max-width: 60rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.6rem; margin: .5rem 0; } h2 { font-size: 1.25rem; } h3 { font-size: 1rem; margin: 0; }
a { color: var(--info); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.skip { position: absolute; left: -100vw; } .skip:focus { left: 1rem; top: 1rem; }
.charts { display: grid; gap: 0 2rem; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); }
.chart { display: grid; grid-template-columns: minmax(6rem, max-content) 1fr max-content;
  gap: .25rem .75rem; align-items: center; margin: 0 0 1rem; }
.chart dt { overflow-wrap: anywhere; } .chart dd { margin: 0; }
.bar { height: .9rem; background: var(--line); border-radius: .2rem; min-width: .2rem; }
.bar.error { background: var(--error); } .bar.warning { background: var(--warning); }
.bar.info { background: var(--info); }
form.filters { display: flex; flex-wrap: wrap; gap: .75rem 1.5rem; align-items: end;
  padding: .75rem; border: 1px solid var(--line); border-radius: .5rem; }
fieldset { border: 0; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .5rem; }
legend { font-weight: 600; padding: 0; margin-bottom: .25rem; }
select, button { font: inherit; color: inherit; background: var(--card); border: 1px solid var(--line);
  border-radius: .3rem; padding: .2rem .5rem; }
.cards { display: grid; gap: 1rem; padding: 0; list-style: none; }
article.card { background: var(--card); border: 1px solid var(--line); border-radius: .6rem;
  padding: 1rem; overflow-wrap: anywhere; }
article.card[hidden] { display: none; }
.meta { color: var(--muted); margin: .25rem 0 .75rem; font-size: .9rem; }
.meta span + span::before { content: " · "; }
.post { white-space: pre-wrap; margin: 0 0 .75rem; font-size: 1.05rem; }
mark { color: inherit; border-radius: .15rem; border-bottom: 2px solid; cursor: help;
  position: relative; }
mark.info { background: var(--mark-info); border-color: var(--info); }
mark.warning { background: var(--mark-warning); border-color: var(--warning); }
mark.error { background: var(--mark-error); border-color: var(--error); }
mark.off { background: none; border-color: transparent; }
.tip { display: none; position: absolute; z-index: 2; left: 0; top: 100%; width: max-content;
  max-width: min(28rem, 80vw); white-space: normal; background: var(--bg); color: var(--fg);
  border: 1px solid var(--line); border-radius: .4rem; padding: .5rem .6rem; font-size: .9rem;
  box-shadow: 0 .3rem 1rem rgba(0,0,0,.25); }
mark:hover > .tip, mark:focus > .tip, mark:focus-within > .tip { display: block; }
.tip b { display: block; }
.fold { display: inline-block; white-space: nowrap; font-size: .75rem; color: var(--muted);
  border: 1px dashed var(--muted); border-radius: .3rem; padding: 0 .3rem; margin: 0 .2rem; }
.over { background: var(--over); }
.rest[hidden] { display: none; }
button.more { margin-left: .25rem; }
.meters { display: grid; gap: .25rem; margin: 0 0 .5rem; }
.meters label { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; }
meter { width: min(16rem, 100%); }
.meters .too-long { color: var(--error); font-weight: 600; }
ul.findings { margin: .5rem 0 0; padding-left: 1.2rem; }
ul.findings li { margin: .25rem 0; } ul.findings li[hidden] { display: none; }
.level { font-weight: 700; text-transform: uppercase; font-size: .75rem; }
.level.error { color: var(--error); } .level.warning { color: var(--warning); }
.level.info { color: var(--info); }
.why { color: var(--muted); }
code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: .9em; }
"""

SCRIPT = """
(function () {
  var form = document.getElementById('filters');
  var cards = Array.prototype.slice.call(document.querySelectorAll('article.card'));
  var shown = document.getElementById('shown');
  function wanted() {
    var levels = {};
    form.querySelectorAll('input[name=level]').forEach(function (box) {
      levels[box.value] = box.checked;
    });
    return { levels: levels, rule: form.rule.value, profile: form.profile.value,
             clean: form.clean.checked };
  }
  function fits(el, w) {
    return w.levels[el.dataset.level] && (!w.rule || el.dataset.rule === w.rule);
  }
  function apply() {
    var w = wanted(), count = 0;
    cards.forEach(function (card) {
      var items = card.querySelectorAll('[data-level]'), any = false;
      items.forEach(function (el) {
        var ok = fits(el, w);
        if (el.tagName === 'LI') { el.hidden = !ok; } else { el.classList.toggle('off', !ok); }
        if (ok) { any = true; }
      });
      var show = (!w.profile || card.dataset.profile === w.profile) &&
                 (items.length ? any : (w.clean && !w.rule));
      card.hidden = !show;
      if (show) { count += 1; }
    });
    shown.textContent = 'Showing ' + count + ' of ' + cards.length + ' cards';
  }
  function fromHash() {
    var params = new URLSearchParams(location.hash.slice(1));
    if (params.has('level')) {
      var on = params.get('level').split(',');
      form.querySelectorAll('input[name=level]').forEach(function (box) {
        box.checked = on.indexOf(box.value) !== -1;
      });
    }
    ['rule', 'profile'].forEach(function (name) {
      if (params.has(name)) { form[name].value = params.get(name); }
    });
    if (params.has('clean')) { form.clean.checked = params.get('clean') !== '0'; }
  }
  form.addEventListener('change', apply);
  form.addEventListener('submit', function (event) { event.preventDefault(); });
  document.querySelectorAll('button.more').forEach(function (button) {
    button.addEventListener('click', function () {
      var rest = document.getElementById(button.getAttribute('aria-controls'));
      var open = button.getAttribute('aria-expanded') !== 'true';
      rest.hidden = !open;
      button.setAttribute('aria-expanded', open ? 'true' : 'false');
      button.textContent = open ? 'less' : '\\u2026more';
    });
  });
  window.addEventListener('hashchange', function () { fromHash(); apply(); });
  fromHash();
  apply();
  document.documentElement.dataset.ready = 'true';
})();
"""


# what html.escape(text, quote=True) replaces (the html package imports its table of
# entities, which the other formats do not need)
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"})


def _e(value) -> str:
    """Text made safe for HTML content and attribute values (quotes included)."""
    return str(value).translate(_ESCAPES)


class Html(Format):
    name = "html"
    description = "a self-contained page: each post as its platforms show it, findings in place"
    needs_drafts = True

    def render(self, report) -> str:
        self._ids, self._rules = 0, report.rules
        cards = []
        drafts, hidden = self._shown(report)
        by_post = _assign(drafts, report.findings)
        for draft in drafts:
            for post in draft.posts:
                cards += self._cards(report, draft, post, by_post.get((id(draft), post.index), []))
        shown_paths = {d.path for d in drafts}
        loose = [f for f in report.findings if f.path not in shown_paths]
        import base64

        digest = base64.b64encode(hashlib.sha256(SCRIPT.encode("utf-8")).digest()).decode()
        policy = (f"default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
                  f"script-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'")
        return "".join([
            "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
            f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n',
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
            "<title>postlint report</title>\n<style>", STYLE, "</style>\n</head>\n<body>\n",
            '<a class="skip" href="#posts">Skip to the posts</a>\n',
            '<header class="page"><h1>postlint report</h1>\n',
            f"<p>{_e(report.summary())}</p></header>\n<main>\n",
            self._summary(report), self._errors(report), self._filters(report, drafts),
            '<section aria-labelledby="posts"><h2 id="posts" tabindex="-1">Posts</h2>\n',
            '<div class="cards">\n', "".join(cards), "</div>\n",
            self._hidden(hidden), self._loose(report, loose), "</section>\n</main>\n",
            "<script>", SCRIPT, "</script>\n</body>\n</html>\n",
        ])

    # -- the summary ----------------------------------------------------------------

    def _summary(self, report) -> str:
        levels = Counter(f.level for f in report.findings)
        rules = Counter((f.name, f.code) for f in report.findings)
        worst: dict = {}  # a rule's bar takes the colour of its most serious finding
        for f in report.findings:
            if LEVELS.index(f.level) > LEVELS.index(worst.get(f.name, "info")):
                worst[f.name] = f.level
        most = max([*levels.values(), 1])
        out = ['<section aria-labelledby="summary"><h2 id="summary">Summary</h2>\n'
               '<div class="charts"><div>\n'
               '<h3 id="by-level">Findings by level</h3>\n'
               '<dl class="chart" aria-labelledby="by-level">\n']
        for level in reversed(LEVELS):
            out.append(self._bar(level, levels[level], most, level))
        out.append("</dl></div>\n")
        if rules:
            top = max(rules.values())
            out.append('<div><h3 id="by-rule">Findings by rule</h3>\n'
                       '<dl class="chart" aria-labelledby="by-rule">\n')
            for (name, code), n in sorted(rules.items(), key=lambda kv: (-kv[1], kv[0])):
                out.append(self._bar(f"{code} {name}", n, top, worst.get(name, "info")))
            out.append("</dl></div>\n")
        out.append("</div></section>\n")
        return "".join(out)

    @staticmethod
    def _bar(label: str, n: int, most: int, level: str) -> str:
        width = round(100 * n / most) if most else 0
        return (f'<dt>{_e(label)}</dt><dd><div class="bar {_e(level)}" '
                f'style="width: {width}%"></div></dd><dd>{n}</dd>\n')

    def _errors(self, report) -> str:
        if not report.errors:
            return ""
        items = "".join(f"<li><code>{_e(path)}</code>: {_e(message)}</li>\n"
                        for path, message in report.errors)
        return (f'<section aria-labelledby="errors"><h2 id="errors">Files with errors</h2>\n'
                f"<ul>\n{items}</ul></section>\n")

    def _filters(self, report, drafts) -> str:
        rules = sorted({(f.name, f.code) for f in report.findings})
        profiles = sorted({self._profile(report, d) for d in drafts} |
                          {f.profile for f in report.findings})
        boxes = "".join(f'<label><input type="checkbox" name="level" value="{lvl}" checked> '
                        f"{lvl}</label>" for lvl in reversed(LEVELS))
        rule_options = "".join(f'<option value="{_e(name)}">{_e(code)} {_e(name)}</option>'
                               for name, code in rules)
        profile_options = "".join(f'<option value="{_e(p)}">{_e(p)}</option>'
                                  for p in profiles if p)
        return ('<section aria-labelledby="filter-title"><h2 id="filter-title">Filters</h2>\n'
                '<form class="filters" id="filters">\n'
                f"<fieldset><legend>Level</legend>{boxes}</fieldset>\n"
                '<label>Rule <select name="rule" id="rule"><option value="">all rules</option>'
                f"{rule_options}</select></label>\n"
                '<label>Profile <select name="profile" id="profile"><option value="">all '
                f"profiles</option>{profile_options}</select></label>\n"
                '<label><input type="checkbox" name="clean" checked> posts without '
                "findings</label>\n"
                '<p id="shown" role="status" aria-live="polite"></p>\n</form></section>\n')

    @staticmethod
    def _shown(report) -> tuple[list, int]:
        """The drafts to show as cards, and how many posts of data exports are not: every
        draft and calendar row, but of an export (thousands of posts) only the posts with
        findings, riskiest first."""
        flagged = {f.key for f in report.findings if f.key is not None}
        order = {(risk.path, risk.post_id): i for i, risk in enumerate(riskiest(report.findings))}
        drafts, posts, hidden = [], [], 0
        for draft in report.kept:  # (an export's records are made as they are asked for)
            fields = getattr(draft, "fields", None) or {}
            if "post_id" in fields:
                if draft.key in flagged:
                    posts.append(draft)
                else:
                    hidden += 1
            elif draft.path in report.texts or not report.texts:
                drafts.append(draft)
        posts.sort(key=lambda d: order.get((d.path, str(d.fields["post_id"])), len(order)))
        return drafts + posts, hidden

    @staticmethod
    def _hidden(hidden: int) -> str:
        if not hidden:
            return ""
        return (f'<p class="meta">{hidden} more post{"s" * (hidden != 1)} of the data '
                f"export{'s' * (hidden != 1)} had no findings and {'are' if hidden != 1 else 'is'}"
                " not shown.</p>\n")

    @staticmethod
    def _profile(report, draft) -> str:
        """The profile the draft was linted for."""
        try:
            return report.profile_of(draft) if report.profile_of else \
                draft.front_matter.get("profile") or ""
        except ValueError:
            return ""

    # -- the cards ----------------------------------------------------------------------

    def _cards(self, report, draft, post, findings) -> list[str]:
        try:
            names = report.platforms_of(draft) if report.platforms_of else []
        except ValueError:
            names = []
        platforms = [report.platforms[n] for n in names if n in report.platforms] or [None]
        return [self._card(report, draft, post, platform,
                           [f for f in findings
                            if platform is None or f.platform in (None, platform.name)])
                for platform in platforms]

    def _card(self, report, draft, post, platform, findings) -> str:
        self._ids += 1
        card = f"c{self._ids}"
        text = posted(post)
        offsets = [text.offset(i) for i in range(len(text.text))]
        placed = []  # (finding, start, end) in the posted text; the others are listed only
        for f in findings:
            if f.end > f.start:
                start = bisect.bisect_left(offsets, f.start)
                end = bisect.bisect_left(offsets, f.end)
                if end > start:
                    placed.append((f, start, end))
        profile = self._profile(report, draft)
        title = self._title(draft, post, platform)
        levels = " ".join(sorted({f.level for f in findings}))
        meters, cross, folds = self._measures(text.text, platform)
        body = self._text(card, text.text, placed, folds, cross)
        items = "".join(self._item(report, f) for f in findings)
        meta = "".join(f"<span>{_e(part)}</span>" for part in self._meta(draft, post, profile))
        meta += self._posted(draft)
        return (f'<article class="card" id="{card}" aria-labelledby="{card}-h" '
                f'data-profile="{_e(profile)}" data-levels="{_e(levels)}">\n'
                f'<h3 id="{card}-h">{_e(title)}</h3>\n<p class="meta">{meta}</p>\n'
                f'<p class="post">{body}</p>\n{meters}'
                + (f'<ul class="findings" aria-label="Findings">{items}</ul>\n' if items else
                   '<p class="meta">No findings.</p>\n')
                + "</article>\n")

    @staticmethod
    def _title(draft, post, platform) -> str:
        where = draft.path
        if getattr(draft, "note", None):
            where += f", {draft.note}"
        elif len(draft.posts) > 1:
            where += f", post {post.index + 1} of {len(draft.posts)}"
        return f"{where} on {platform.title or platform.name}" if platform else where

    @staticmethod
    def _meta(draft, post, profile) -> list[str]:
        parts = [f"line {draft.position(post.start)[0]}"]
        if profile:
            parts.append(f"profile {profile}")
        fields = getattr(draft, "fields", None) or {}
        if "post_id" in fields:  # a post of a data export: its date and link follow
            return parts + [f"post {fields['post_id']}"]
        for key, value in fields.items():
            if key not in ("row",) and value not in (None, ""):
                parts.append(f"{key.replace('_', ' ')} {value}")
        when = draft.front_matter.get("datetime") or draft.front_matter.get("date")
        if when:
            parts.append(f"scheduled {when}")
        return parts

    @staticmethod
    def _posted(draft) -> str:
        """A post of a data export: when it was posted, and a link to it on the platform."""
        fields = getattr(draft, "fields", None) or {}
        if "post_id" not in fields:
            return ""
        out = ""
        if fields.get("date"):
            out += (f'<span>posted <time datetime="{_e(fields["date"])}">'
                    f"{_e(fields['date'][:10])}</time></span>")
        url = str(fields.get("url") or "")
        if url.startswith(("https://", "http://")):  # (never a javascript: link)
            out += (f'<span><a class="permalink" href="{_e(url)}" rel="noopener noreferrer">'
                    f"{_e(url)}</a></span>")
        for flag in ("reply", "repost"):
            if fields.get(flag):
                out += f"<span>{flag}</span>"
        return out

    def _measures(self, text: str, platform):
        """The meters of a platform's limits, where the text first goes over, and folds."""
        if platform is None:
            return "", None, []
        out, first_cross = [], None
        for unit, limit in platform.length.items():
            count, cross = measure(text, platform, unit)
            if cross is not None and (first_cross is None or cross < first_cross):
                first_cross = cross
            over = count > limit
            label = f"{count} of {limit} {UNIT_NAMES.get(unit, unit)}"
            out.append(f'<label>Length <meter min="0" max="{limit}" value="{min(count, limit)}" '
                       f'high="{limit * 0.9:g}" optimum="0">{count}/{limit}</meter>'
                       f'<span class="{"too-long" if over else ""}">{_e(label)}'
                       f'{" (too long)" if over else ""}</span></label>')
        folds = []
        for name, at in sorted(platform.folds.items(), key=lambda kv: kv[1]):
            cut = fold_offset(text, platform, at)
            if cut is not None and 0 < cut < len(text):
                folds.append((cut, name))
        meters = f'<div class="meters">{"".join(out)}</div>\n' if out else ""
        return meters, first_cross, folds

    def _text(self, card: str, text: str, placed, folds, cross) -> str:
        """The post's text with findings marked, fold markers, the over-limit part, and
        everything after the first fold behind a "more" button."""
        cuts = {0, len(text)} | {s for _, s, _ in placed} | {e for _, _, e in placed}
        cuts |= {at for at, _ in folds}
        if cross is not None:
            cuts.add(cross)
        bounds = sorted(c for c in cuts if 0 <= c <= len(text))
        more_at = folds[0][0] if folds else None
        fold_names: dict[int, list[str]] = {}
        for at, name in folds:
            fold_names.setdefault(at, []).append(name)
        out = []
        for a, b in zip(bounds, bounds[1:]):
            if a in fold_names:
                if a == more_at:
                    out.append(f'<button type="button" class="more" aria-expanded="false" '
                               f'aria-controls="{card}-rest">\u2026more</button>'
                               f'<span class="rest" id="{card}-rest" hidden>')
                for name in fold_names[a]:
                    out.append(f'<span class="fold" role="separator" aria-label="{_e(name)} '
                               f'fold: the preview ends here">{_e(name)} fold</span>')
            piece = _e(text[a:b])
            if cross is not None and a >= cross:
                piece = f'<span class="over" title="over the length limit">{piece}</span>'
            covering = [f for f, s, e in placed if s <= a and e >= b]
            if covering:
                piece = self._mark(piece, covering)
            out.append(piece)
        if more_at is not None:
            out.append("</span>")
        return "".join(out)

    def _mark(self, piece: str, covering) -> str:
        self._ids += 1
        tip = f"t{self._ids}"
        worst = max(covering, key=lambda f: LEVELS.index(f.level))
        names = " ".join(sorted({f.name for f in covering}))
        lines = "".join(f"<b>{_e(f.code)} {_e(f.level)}: {_e(f.message)}</b>"
                        f"<span>({_e(f.name)}) {_e(self._why(f))}</span>" for f in covering)
        return (f'<mark class="{_e(worst.level)}" data-level="{_e(worst.level)}" '
                f'data-rule="{_e(worst.name)}" data-rules="{_e(names)}" tabindex="0" '
                f'aria-describedby="{tip}">{piece}<span class="tip" role="tooltip" id="{tip}">'
                f"{lines}</span></mark>")

    def _why(self, finding) -> str:
        rule = self._rules.get(finding.name)
        return " ".join(str(rule.why).split()) if rule is not None and rule.why else ""

    def _item(self, report, f) -> str:
        where = f"{f.line}:{f.column}" + (f" ({f.note})" if f.note else "")
        return (f'<li data-level="{_e(f.level)}" data-rule="{_e(f.name)}">'
                f'<span class="level {_e(f.level)}">{_e(f.level)}</span> '
                f"<code>{_e(f.code)}</code> {_e(f.message)} <code>({_e(f.name)})</code> "
                f'<span class="meta">at {_e(where)}</span></li>')

    def _loose(self, report, loose) -> str:
        if not loose:
            return ""
        items = "".join(self._item(report, f).replace("<li ", f"<li title=\"{_e(f.path)}\" ", 1)
                        for f in loose)
        return (f'<h3>Findings outside the posts shown</h3>\n<ul class="findings">{items}</ul>\n')


def _assign(drafts, findings) -> dict:
    """Each finding by (draft, post index): a record's by its key, a draft's by offset."""
    by_key = {getattr(d, "key", None): d for d in drafts if hasattr(d, "locate")}
    by_path: dict[str, list] = {}
    for d in drafts:
        if not hasattr(d, "locate"):
            by_path.setdefault(d.path, []).append(d)
    out: dict = {}
    for f in findings:
        if f.key is not None and f.key in by_key:
            out.setdefault((id(by_key[f.key]), 0), []).append(f)
            continue
        for draft in by_path.get(f.path, ()):
            post = next((p for p in draft.posts if p.start <= f.start < p.end or
                         (f.start == f.end == p.end)), draft.posts[-1] if draft.posts else None)
            if post is not None:
                out.setdefault((id(draft), post.index), []).append(f)
    return out


@hookimpl
def postlint_formats():
    return [Html]
