"""Content calendars: layouts, exact cell positions, per-row settings, schedule rules,
suppression, --fix written back into the cell, and XLSX read-only."""

from __future__ import annotations

import shutil

import pytest

from postlint.readers.calendar import delimiter_of, quote, scan

import datetime
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

EXAMPLES = ROOT / "examples" / "calendars"


def lines(result):
    return [line for line in result.out.splitlines() if not line.startswith(("Found", "All"))]


@pytest.fixture
def examples(tmp_path):
    for path in EXAMPLES.iterdir():
        shutil.copy(path, tmp_path / path.name)
    return tmp_path


# -- layouts of real-shaped exports ------------------------------------------------------


def test_hootsuite_export_without_header(examples, run):
    result = run("--today", "2027-01-01", "--fail-on", "info", "hootsuite.csv")
    assert lines(result) == [
        "hootsuite.csv:1:1: S101 '01/11/2027 09:00' is read month first, as 11 January 2027, "
        "but row 4 writes the day first, so 1 November 2027 may be meant; write the date as "
        "YYYY-MM-DD (schedule-date) [row 1]",
        "hootsuite.csv:1:48: T102 repeated punctuation: '!!!'; one '!' is enough, and only "
        "where it counts (exclamation-run) [row 1]",
        "hootsuite.csv:2:1: S101 '01/11/2027 09:05' is read month first, as 11 January 2027, "
        "but row 4 writes the day first, so 1 November 2027 may be meant; write the date as "
        "YYYY-MM-DD (schedule-date) [row 2]",
        "hootsuite.csv:2:1: S102 scheduled 5 minutes after row 1 (09:00) on the same "
        "platform; leave at least 10 minutes between posts (calendar.min-gap) "
        "(schedule-conflict) [row 2]",
        "hootsuite.csv:3:1: S101 '01/12/2027 14:30' is read month first, as 12 January 2027, "
        "but row 4 writes the day first, so 1 December 2027 may be meant; write the date as "
        "YYYY-MM-DD (schedule-date) [row 3]",
        "hootsuite.csv:3:51: T106 'game-changing' is hype or a buzzword; say concretely what "
        "it does or changed (hype) [row 3]",
        "hootsuite.csv:3:110: T106 'leverage' is hype or a buzzword; say concretely what it "
        "does or changed (hype) [row 3]",
        "hootsuite.csv:3:119: T106 'synergies' is hype or a buzzword; say concretely what it "
        "does or changed (hype) [row 3]",
        "hootsuite.csv:3:132: T106 'revolutionize' is hype or a buzzword; say concretely what "
        "it does or changed (hype) [row 3]",
        "hootsuite.csv:4:1: S101 cannot read the date '13/01/2027 08:00'; write it as "
        "MM/DD/YYYY HH:mm or MM/DD/YY HH:mm or YYYY-MM-DD; or, if the calendar writes the day "
        "first, set calendar.date-format to '%d/%m/%Y %H:%M' (schedule-date) [row 4]",
    ]
    assert result.code == 1


def test_sprout_export_reads_date_and_24_hour_time(examples, run):
    result = run("--today", "2027-01-01", "--format", "json", "sprout.csv")
    found = {(f["line"], f["column"], f["name"], f["row"], f["column_name"])
             for f in result.json()}
    assert found == {
        (4, 12, "schedule-conflict", 4, "time_24hr"),  # 11:05 after 11:00
        (4, 19, "shouting", 4, "message_text"),
        (4, 75, "exclamation-run", 4, "message_text"),
        (5, 12, "schedule-date", 5, "time_24hr"),  # 25:00
    }


def test_publer_template_with_its_twelve_columns(examples, run):
    result = run("--today", "2027-01-01", "--format", "json", "publer.csv")
    by_name = {f["name"]: f for f in result.json()}
    # (the studio's own "Use code SPRING20 for 20% off everything" names no one else's
    # goods: its own offer, which needs no #ad)
    assert set(by_name) == {"schedule-conflict", "exclamation-run"}
    # the second row's text spans two lines of the file: row 3 starts on line 3
    assert (by_name["schedule-conflict"]["line"], by_name["schedule-conflict"]["row"]) == (3, 3)
    bang = by_name["exclamation-run"]
    assert (bang["line"], bang["column"], bang["row"]) == (5, 105, 4)
    assert bang["column_name"] == "Text"


def test_generic_tsv_gives_each_row_its_platform_profile_and_suppression(examples, run):
    result = run("--today", "2027-01-01", "--format", "json", "generic.tsv")
    found = [(f["line"], f["name"], f.get("platform")) for f in result.json()]
    # row 3 claims a cure ("cures eczema overnight"), which #ad does not make right;
    # row 4 disables shouting in its `postlint` column; its '!!!' is still flagged
    assert found == [(3, "unsubstantiated-claim", None), (4, "exclamation-run", None)]
    result = run("--today", "2027-01-01", "--format", "json", "--select", "post-length",
                 "generic.tsv")
    assert result.json() == []


def test_rows_use_their_platform_and_profile(write, run):
    long = "Ship it. " * 40  # 360 characters: too long for X, fine for LinkedIn
    write("c.csv", f"platform,profile,text\nx,public,{long}\nlinkedin,public,{long}\n"
                   "x,nobody,Hello there.\n")
    result = run("--select", "post-length", "--format", "json", "c.csv")
    assert [(f["row"], f["platform"]) for f in result.json()] == [(2, "x")]
    assert "c.csv: error: line 4 (row 4): unknown profile 'nobody'" in result.err
    assert result.code == 2


def test_a_rows_unknown_platform_names_its_row_alone(write, run):
    # it said "line 2 (row 2): line 1: unknown platform", the line of no front matter
    write("c.csv", "platform,text\ntwiter,Hello there.\n")
    result = run("c.csv")
    assert result.err == ("c.csv: error: line 2 (row 2): unknown platform 'twiter' (did you "
                          "mean 'twitter', that is 'x'?)\n")
    assert result.code == 2


def test_measure_names_the_row_of_an_unknown_platform_and_measures_the_other_rows(write, run):
    write("c.csv", "platform,text\nx,Hello there.\nlinkedln,Typo.\nlinkedin,After it.\n")
    result = run("--measure", "c.csv")
    assert result.err == ("c.csv: error: line 3 (row 3): unknown platform 'linkedln' (did you "
                          "mean 'linkedin'?)\n")
    assert "c.csv [row 2] (platforms: x)" in result.out
    assert "c.csv [row 4] (platforms: linkedin)" in result.out
    assert result.code == 2


def test_a_platform_column_may_name_several_and_twitter_is_x(write, run):
    write("c.csv", "platform,text\n\"Twitter, LinkedIn\",Hello there.\n")
    result = run("--measure", "c.csv")
    assert result.code == 0
    assert "x" in result.out and "linkedin" in result.out


# -- positions ---------------------------------------------------------------------------


def test_positions_count_quotes_doubled_quotes_and_line_breaks(write, run):
    write("c.csv", 'date,text\n2027-03-01,"He said ""wow"", it is\namazing!!! and\r\n'
                   'really game-changing"\n')
    result = run("--select", "exclamation-run,hype", "--format", "json", "c.csv")
    found = [(f["line"], f["column"], f["end_line"], f["end_column"], f["name"])
             for f in result.json()]
    assert found == [(3, 8, 3, 11, "exclamation-run"), (4, 8, 4, 21, "hype")]
    assert {(f["row"], f["column_name"]) for f in result.json()} == {(2, "text")}


def test_scan_reads_what_the_csv_module_reads():
    import csv
    import io

    text = ('a,"b ""q"" c",d\r\n"multi\nline",,"x"y\n\n"",plain "quote" mid,"end\n')
    expected = list(csv.reader(io.StringIO(text, newline="")))
    assert [[c.value for c in row] for row in scan(text, ",")] == [r for r in expected if r]


def test_semicolon_csv_as_excel_saves_it_in_comma_decimal_locales(write, run):
    # Excel in German, French, Spanish... saves "CSV" with semicolons, sometimes after a
    # `sep=;` line, which is no row; commas inside a cell are text
    write("c.csv", 'text;date;platform\r\n"Launch day, friends!!!";2027-03-02;x\r\n')
    write("d.csv", 'sep=;\r\ntext;date\r\nWild, so amazing!!!;2027-03-02\r\n')
    result = run("--select", "exclamation-run", "--format", "json", "c.csv", "d.csv")
    assert [(f["path"], f["line"], f["column"], f["row"], f["column_name"])
            for f in result.json()] == [("c.csv", 2, 21, 2, "text"),
                                        ("d.csv", 3, 17, 2, "text")]


def test_fix_keeps_a_semicolon_csv_semicolon_separated(write, run):
    write(".postlint.yaml", "brand:\n  terms: [GitHub]\n")
    before = b'text;date\r\n"On github; today";2027-01-01\r\ngithub rocks;2027-01-02\r\n'
    path = write("c.csv", before)
    run("--fix", "--select", "brand-term-case", "c.csv")
    assert path.read_bytes() == before.replace(b"github", b"GitHub")


def test_delimiter_is_read_from_the_first_line():
    assert delimiter_of("a.tsv", "a;b,c") == ("\t", 0)
    assert delimiter_of("a.csv", "text,date\n") == (",", 0)
    assert delimiter_of("a.csv", "text;date;time\n") == (";", 0)
    assert delimiter_of("a.csv", '"a;b;c",date\n') == (",", 0)  # (quoted: text)
    assert delimiter_of("a.csv", "sep=;\r\ntext;date\n") == (";", 7)


def test_a_bom_shifts_nothing(write, run):
    write("c.csv", "\ufefftext\nso amazing!!!\n")
    result = run("--select", "exclamation-run", "c.csv")
    assert lines(result)[0].startswith("c.csv:2:11: T102")


# -- mistakes are one clear line -----------------------------------------------------------


def test_missing_text_column_is_one_line(write, run):
    write(".postlint.yaml", "calendar:\n  format: sprout\n")
    write("c.csv", "date,time_24hr,message\n01/11/2027,09:00,Hello\n")
    result = run("c.csv")
    assert result.err.splitlines() == [
        "c.csv: error: line 1: calendar: no column for the post text (the sprout layout "
        "reads it from 'message_text'; the header has: date, time_24hr, message); name it "
        "under calendar.columns.text"]
    assert result.code == 2


def test_a_teams_own_headers_are_read_by_their_usual_names(write, run):
    write("plan.csv", "Publish Date,Time,Network,Post Copy,Alt Text\n"
                      "2027-01-04,9:00 AM,LinkedIn,\"We are hiring, see the jobs page.\",\n"
                      "2027-01-04,9:05 AM,LinkedIn,Our new office opens TODAY!!,\n"
                      "2027-01-04,9:05 AM,X,Our new office opens today.,\n")
    result = run("--today", "2027-01-01", "--select", "schedule-conflict,exclamation-run",
                 "plan.csv")
    assert lines(result) == [
        "plan.csv:3:12: S102 scheduled 5 minutes after row 2 (09:00) on the same platform; "
        "leave at least 10 minutes between posts (calendar.min-gap) [linkedin] "
        "(schedule-conflict) [row 3]",
        "plan.csv:3:55: T102 repeated punctuation: '!!'; one '!' is enough, and only where "
        "it counts (exclamation-run) [row 3]"]


def test_snake_case_headers_are_read_and_an_unread_date_column_is_told(write, run):
    write("plan.csv", "scheduled_at;post_text;channel\n2026-12-14 09:00;Happy Friday team!;"
                      "linkedin\n")
    assert lines(run("--select", "wrong-day", "plan.csv")) == [
        "plan.csv:2:18: D106 'Happy Friday' greets a Friday, but this draft is published on "
        "14 December 2026, a Monday: change the greeting or the publish date (wrong-day) "
        "[row 2]"]
    # a date column under a name no layout knows would leave every date rule off
    write("own.csv", "publish_datetime_utc,post_text\n2026-12-14,Happy Friday!\n")
    result = run("own.csv")
    assert result.code == 2
    assert result.err.strip() == (
        "own.csv: error: line 1: calendar: no column is read as the publish date, but "
        "'publish_datetime_utc' looks like one; name it under calendar.columns.date (or the "
        "one that is)")
    write(".postlint.yaml", "calendar:\n  columns: {date: publish_datetime_utc}\n")
    assert len(lines(run("--select", "wrong-day", "own.csv"))) == 1
    write("plain.csv", "post,notes\nHappy Friday!,for the blog\n")  # (no date: none read)
    write("flag.csv", "Post,Publish,Time\nHappy Friday!,yes,09:00\n")  # (whether, not when)
    assert run("plain.csv", "flag.csv", "--isolated").code == 0


def test_a_date_read_both_ways_is_flagged_where_another_row_writes_the_day_first(write, run):
    # a UK team's plan in a layout that reads MM/DD/YYYY: 04/12 would go out on 12 April
    write("plan.csv", "date,text\n2026-12-01,Hello\n04/12/2026,Our webinar is live.\n"
                      "12/12/2026,Twelve days to go.\n25/12/2026,Merry Christmas!\n")
    result = run("--today", "2026-12-01", "--select", "schedule-date", "plan.csv")
    assert lines(result) == [
        "plan.csv:3:1: S101 '04/12/2026' is read month first, as 12 April 2026, but row 5 "
        "writes the day first, so 4 December 2026 may be meant; write the date as YYYY-MM-DD "
        "(schedule-date) [row 3]",
        "plan.csv:5:1: S101 cannot read the date '25/12/2026'; write it as MM/DD/YYYY HH:mm or "
        "MM/DD/YYYY hh:mm AM/PM or MM/DD/YYYY or YYYY-MM-DD; or, if the calendar writes the "
        "day first, set calendar.date-format to '%d/%m/%Y' (schedule-date) [row 5]"]
    # the setting it names reads the plan as meant: every date is then one day
    write(".postlint.yaml", "calendar:\n  date-format: '%d/%m/%Y'\n")
    assert lines(run("--today", "2026-12-01", "--select", "schedule-date", "plan.csv")) == []


def test_dates_that_read_both_ways_pass_where_no_row_says_otherwise(write, run):
    write("plan.csv", "date,text\n04/12/2026,Our webinar is live.\n12/25/2026,Merry Christmas!\n")
    assert lines(run("--today", "2026-04-01", "--select", "schedule-date", "plan.csv")) == []


def test_a_date_with_the_months_name_is_read(write, run):
    write("plan.csv", "date,text\n\"Jan 4, 2027\",Happy new year!\n4 January 2027 9:30,Hello\n"
                      "\"Monday, January 4, 2027\",Hi\nJan 40 2027,Oops\n")
    result = run("--today", "2027-01-01", "--select", "schedule-date", "plan.csv")
    assert lines(result) == [
        "plan.csv:5:1: S101 cannot read the date 'Jan 40 2027'; write it as MM/DD/YYYY HH:mm "
        "or MM/DD/YYYY hh:mm AM/PM or MM/DD/YYYY or YYYY-MM-DD (schedule-date) [row 5]"]


def test_unknown_layout_is_one_line(write, run):
    write("c.csv", "when,what\nsoon,Hello\n")
    result = run("c.csv")
    assert result.err.startswith("c.csv: error: line 1: calendar: cannot tell the layout "
                                 "from the first row ('when', 'what'); set calendar.format")
    assert result.code == 2


def test_configured_columns_are_checked_against_the_header(write, run):
    write(".postlint.yaml", "calendar:\n  columns: {text: Caption, date: Publish}\n")
    write("c.csv", "Publish,Captions\n2027-01-01,Hi\n")
    result = run("c.csv")
    assert result.err.splitlines() == [
        "c.csv: error: line 1: calendar: no column 'caption' for 'text' (the header has: "
        "Publish, Captions); did you mean 'captions'?"]


def test_configured_columns_map_any_header(write, run):
    write(".postlint.yaml", "calendar:\n  columns: {text: Caption, date: Publish on}\n")
    write("c.csv", "Publish on,Caption\n2027-01-01,so amazing!!!\n")
    result = run("--select", "exclamation-run", "--format", "json", "c.csv")
    assert [(f["line"], f["column"], f["column_name"]) for f in result.json()] == \
        [(2, 22, "Caption")]


@pytest.mark.parametrize("section, message", [
    ("format: hootsuit", "calendar.format: unknown format 'hootsuit'; did you mean 'hootsuite'?"),
    ("colums: {text: a}", "calendar.colums: unknown key; did you mean 'columns'?"),
    ("columns: {txt: a}", "calendar.columns.txt: unknown column key; did you mean 'text'?"),
    ("min-gap: soon", "calendar.min-gap: expected minutes (10) or a duration such as"),
    ("header: maybe", "calendar.header: expected true or false, got 'maybe'; write true or "
                      "false, without quotes"),
    ("columns: {text: 0}", "calendar.columns.text: expected a header name, or a column number "
                           "from 1, got 0"),
    # a bad directive made every date of the column unreadable, and only said so per row
    ("date-format: '%d/%m/%Q'", "calendar.date-format: 'Q' is a bad directive in format "
                                "'%d/%m/%Q'; see the strptime codes such as %d, %m, %Y, %H, %M"),
])
def test_config_mistakes_name_file_line_and_key(write, run, section, message):
    write(".postlint.yaml", f"calendar:\n  {section}\n")
    write("c.csv", "text\nHello\n")
    result = run("c.csv")
    assert result.code == 2
    assert len(result.err.splitlines()) == 1
    assert result.err.startswith(".postlint.yaml:2: ")
    assert message.split(": ", 1)[-1] in result.err
    assert message.split(":")[-2].strip().split()[-1] in result.err


def test_malformed_suppression_cell_is_an_error(write, run):
    write("c.csv", "text,postlint\nHello,off please\n")
    result = run("c.csv")
    assert result.err.strip() == ("c.csv: error: line 2: column 'postlint': expected "
                                  "'disable: RULE,...', got 'off please'")


def test_suppression_cell_naming_no_rule_is_an_error(write, run):
    write("c.csv", "text,postlint\nSO LOUD,\"disable: shoutng\"\n")
    result = run("c.csv")
    assert "line 2 (row 2): disable: 'shoutng' names no rule" in result.err
    assert result.code == 2


# -- schedule rules ------------------------------------------------------------------------


def test_schedule_date_against_today(write, run):
    write("c.csv", "date,time,text\n2027-01-09,23:59,Hi\n2027-01-10,00:00,Hi again\n")
    result = run("--select", "schedule-date", "--today", "2027-01-10", "c.csv")
    assert lines(result) == [
        "c.csv:2:1: S101 scheduled for 2027-01-09 23:59, 1 day ago (today is 2027-01-10); "
        "move it to a future slot or drop the row (schedule-date) [row 2]"]
    assert result.code == 1


def test_bad_today_is_a_usage_error(write, run):
    write("c.csv", "text\nHi\n")
    result = run("--today", "10/01/2027", "c.csv")
    assert result.code == 2 and "--today" in result.err and "2026-05-10" in result.err


def test_schedule_conflict_gap_comes_from_config(write, run):
    body = "date,time,platform,text\n2027-01-10,09:00,x,One\n2027-01-10,09:20,x,Two\n"
    write("c.csv", body)
    assert run("--select", "schedule-conflict", "c.csv").code == 0
    write(".postlint.yaml", "calendar:\n  min-gap: 30m\n")
    result = run("--select", "schedule-conflict", "--fail-on", "warning", "c.csv")
    assert lines(result) == [
        "c.csv:3:12: S102 scheduled 20 minutes after row 2 (09:00) on the same platform; "
        "leave at least 30 minutes between posts (calendar.min-gap) [x] "
        "(schedule-conflict) [row 3]"]


def test_run_rules_see_rows_and_drafts_together(write, run):
    write("a.md", "Our colour range is new.\nEvery colour is vegan.\n")
    write("c.csv", "text\nPick a color you love.\n")
    result = run("--select", "term-consistency", "--fail-on", "info", "a.md", "c.csv")
    assert lines(result) == [
        "c.csv:2:8: B106 'color' is also written 'colour' (twice) in these drafts; pick "
        "one (term-consistency) [row 2]"]


def test_folders_hold_calendars_only_when_configured(write, run):
    write("plan/data.csv", "id,value\n1,2\n")
    write("plan/a.md", "Hello.\n")
    assert run("plan").code == 0  # data.csv is not read
    write(".postlint.yaml", "calendar:\n  columns: {text: value}\n")
    result = run("--format", "json", "plan")
    assert result.code == 0 and "2 drafts" in run("plan").out


def test_a_calendar_on_standard_input(run):
    result = run("-", "--stdin-filename", "plan.csv", "--select", "exclamation-run",
                 "--format", "json", stdin="date,text\n2027-01-01,\"so\nloud!!!\"\n")
    assert [(f["path"], f["line"], f["column"], f["row"]) for f in result.json()] == \
        [("plan.csv", 3, 5, 2)]


def test_sarif_results_carry_row_and_column_name(write, run):
    write("c.csv", "text\nso amazing!!!\n")
    sarif = run("--select", "exclamation-run", "--format", "sarif", "c.csv").json()
    result = sarif["runs"][0]["results"][0]
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == 2
    assert result["properties"]["row"] == 2 and result["properties"]["column_name"] == "text"


# -- --fix ---------------------------------------------------------------------------------


def test_fix_rewrites_only_the_cells(write, run):
    write(".postlint.yaml", "brand:\n  terms: [GitHub, iPhone]\n")
    before = ('\ufeffdate,text,link\r\n2027-01-01,"Moved to github, ""iphone"" fans",'
              'https://github.com/x\r\n2027-01-02,github rocks,\r\n'
              '2027-01-03,"Two\nlines, github",\r\n').encode("utf-8")
    path = write("c.csv", before)
    result = run("--fix", "--select", "brand-term-case", "c.csv")
    assert path.read_bytes() == (before.replace(b"github,", b"GitHub,")
                                 .replace(b"iphone", b"iPhone")
                                 .replace(b",github rocks", b",GitHub rocks")
                                 .replace(b"lines, github", b"lines, GitHub"))
    assert "Fixed 4 problems in 1 file." in result.err
    assert run("--fix", "--select", "brand-term-case", "c.csv").err.startswith("Fixed 0")


def test_quote_adds_quotes_only_where_needed():
    assert quote("plain", ",", False) == "plain"
    assert quote("a, b", ",", False) == '"a, b"'
    assert quote('say "hi"', ",", False) == '"say ""hi"""'
    assert quote("a, b", "\t", False) == "a, b"
    assert quote("two\nlines", "\t", False) == '"two\nlines"'
    assert quote("was quoted", ",", True) == '"was quoted"'


# -- XLSX (read-only) ------------------------------------------------------------------------


@pytest.fixture
def workbook(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["date", "time", "platform", "text"])
    sheet.append(["2027-01-10", "09:00", "x", "We moved to github!!!"])
    sheet.append([None, None, None, None])
    sheet.append(["2027-01-10", "09:03", "x", "Line one\nand then amazing!!!"])
    sheet.append([datetime.datetime(2026, 1, 2, 8, 30), None, "x", "A real Excel date."])
    path = tmp_path / "plan.xlsx"
    book.save(path)
    (tmp_path / ".postlint.yaml").write_text("brand:\n  terms: [GitHub]\n")
    return path


def _rewritten(path, sheet):
    """The workbook at `path` with its first sheet's XML replaced by `sheet(xml)`."""
    import zipfile

    with zipfile.ZipFile(path) as book:
        parts = {info.filename: book.read(info.filename) for info in book.infolist()}
    name = "xl/worksheets/sheet1.xml"
    parts[name] = sheet(parts[name])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        for part, data in parts.items():
            book.writestr(part, data)


LAUGHS = (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
          + b"".join(b'<!ENTITY %s "%s">' % (bytes([c + 1]), b"&%s;" % bytes([c]) * 10)
                     for c in b"abcdefgh") + b"]>")


@pytest.mark.parametrize("sheet, message", [
    # the XML parser's refusal of an entity bomb was an internal error
    (lambda xml: LAUGHS + re.sub(rb"^<\?xml[^>]*\?>", b"", xml).replace(
        b"<sheetData>", b"<sheetData>&i;"),
     "not a readable .xlsx workbook (limit on input amplification factor"),
    # a 300 KB file of 300 MB of XML was parsed to the last byte
    (lambda xml: xml.replace(b"<sheetData>", b"<sheetData>" + b" " * (64 << 20)),
     "not a readable .xlsx workbook (its part xl/worksheets/sheet1.xml expands"),
])
def test_a_hostile_workbook_is_one_read_error(workbook, run, sheet, message):
    _rewritten(workbook, sheet)
    result = run("plan.xlsx")
    assert result.code == 2
    assert result.err.startswith(f"plan.xlsx: error: {message}"), result.err


def test_xlsx_positions_are_row_and_character_in_cell(workbook, run):
    result = run("--select", "exclamation-run,schedule-conflict,brand-term-case",
                 "--format", "json", "plan.xlsx")
    found = [(f["line"], f["column"], f["name"], f["cell"], f["column_name"])
             for f in result.json()]
    assert found == [(2, 13, "brand-term-case", "D2", "text"),
                     (2, 19, "exclamation-run", "D2", "text"),
                     (4, 1, "schedule-conflict", "B4", "time"),
                     (4, 26, "exclamation-run", "D4", "text")]
    text = run("--select", "exclamation-run", "--fail-on", "info", "plan.xlsx").out
    assert "plan.xlsx:2:19: T102" in text and "[cell D2]" in text
    past = run("--select", "schedule-date", "--today", "2027-01-01", "plan.xlsx").out
    assert past.splitlines()[0] == (
        "plan.xlsx:5:1: S101 scheduled for 2026-01-02 08:30, 364 days ago (today is "
        "2027-01-01); move it to a future slot or drop the row (schedule-date) [cell A5]")


def test_xlsx_is_never_written(workbook, run):
    before = workbook.read_bytes()
    result = run("--fix", "--select", "brand-term-case", "plan.xlsx")
    assert workbook.read_bytes() == before
    assert ("plan.xlsx: error: cannot fix: .xlsx calendars are never written; edit the "
            "spreadsheet, or export it as CSV") in result.err
    assert result.code == 2


def test_a_file_that_is_not_a_workbook(write, run):
    pytest.importorskip("openpyxl")
    write("plan.xlsx", b"PK\x03\x04 not really")
    result = run("plan.xlsx")
    assert result.code == 2 and "plan.xlsx: error: not a readable .xlsx workbook" in result.err
