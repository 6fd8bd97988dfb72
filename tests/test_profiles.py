"""Audience profiles: choosing one, the default, extends, user profiles, listing them."""

from __future__ import annotations

import pytest

TEXT = "lol this is AMAZING and bullshit\n"  # T104 at 1, T101 at 13, R101 at 25


def levels(run, *args):
    data = run("--format", "json", *args).json()
    return {(f["code"], f["level"], f["profile"]) for f in data}


def test_default_profile_is_public(run, write):
    write("a.md", TEXT)
    assert levels(run, "a.md") == {("T101", "warning", "public"), ("R101", "warning", "public")}


@pytest.mark.parametrize("profile, expected", [
    ("professional", {("T104", "warning"), ("T101", "warning"), ("R101", "error")}),
    ("friends-family", {("T101", "info"), ("R101", "info")}),
    ("colleagues", {("T104", "info"), ("T101", "warning"), ("R101", "warning")}),
    ("brand", {("T104", "warning"), ("T101", "error"), ("R101", "error")}),
])
def test_profile_option(run, write, profile, expected):
    write("a.md", TEXT)
    got = levels(run, "--profile", profile, "a.md")
    assert {(c, lvl) for c, lvl, _ in got} == expected
    assert {p for _, _, p in got} == {profile}


def test_profile_in_front_matter(run, write):
    write("a.md", "---\nprofile: friends-family\n---\n" + TEXT)
    assert levels(run, "a.md") == {("T101", "info", "friends-family"),
                                   ("R101", "info", "friends-family")}


def test_extends_inherits_and_overrides(catalog):
    from postlint.load.profiles import resolve
    brand, _ = resolve("brand", catalog.profiles, catalog.rules, catalog.types)
    professional, _ = resolve("professional", catalog.profiles, catalog.rules, catalog.types)
    assert brand["profanity"].level == professional["profanity"].level == "error"  # inherited
    assert brand["shouting"].level == "error" and professional["shouting"].level == "warning"
    assert brand["emoji-overload"].options["max"] == 3


def test_user_profile_in_config(run, write):
    write(".postlint.yaml", "profile: team\n"
                            "profiles:\n"
                            "  team:\n"
                            "    description: Our team channel\n"
                            "    extends: friends-family\n"
                            "    rules:\n"
                            "      chatspeak: info\n"
                            "      T101: off\n"
                            "      readability: {level: error, max: 5}\n")
    write("a.md", TEXT)
    assert levels(run, "a.md") == {("T104", "info", "team"), ("R101", "info", "team")}
    out = run("--list-profiles").out
    assert "team (extends friends-family) [default]\n  Our team channel\n" \
           "  - T101 shouting: off\n" \
           "  + T104 chatspeak: info\n" \
           "  + T109 readability: error (max: 5)\n" in out


def test_user_profile_can_replace_a_built_in_one(run, write):
    write(".postlint.yaml", "profiles:\n  public:\n    rules: {chatspeak: error}\n")
    write("a.md", TEXT)
    assert levels(run, "a.md") == {("T104", "error", "public")}


def test_profile_cycle_and_unknown_parent(run, write):
    write(".postlint.yaml", "profiles:\n  a:\n    extends: b\n  b:\n    extends: a\n"
                            "  c:\n    extends: nobody\n")
    result = run("x.md")
    assert result.code == 2
    lines = result.err.splitlines()
    assert ".postlint.yaml:7: profiles.c.extends: unknown profile 'nobody' (known: a, b, brand, " \
           "c, colleagues, friends-family, professional, public)" in lines
    assert any(line.startswith(".postlint.yaml:3: profiles.a.extends: profiles extend each "
                               "other in a cycle: a -> b -> a") for line in lines)


def test_list_profiles_shows_what_each_changes(run):
    out = run("--list-profiles").out
    blocks = {b.split("\n")[0]: b for b in out.strip().split("\n\n")
              if not b.startswith("Levels by profile")}
    assert set(blocks) == {"brand (extends professional)", "colleagues (extends public)",
                           "friends-family", "professional (extends public)", "public [default]"}
    professional = blocks["professional (extends public)"].splitlines()
    assert "  ~ R101 profanity: warning -> error" in professional
    assert "  + T104 chatspeak: warning" in professional
    assert "  ~ T109 readability: info -> warning (max: 13, max_sentence_words: 30)" \
        in professional
    assert "  + T101 shouting: warning" in blocks["public [default]"]


def test_list_profiles_marks_the_chosen_default(run):
    assert "professional (extends public) [default]" in \
        run("--list-profiles", "--profile", "professional").out


@pytest.mark.parametrize("text", ["Wine pairing dinner on Friday 🍷🍷 Four courses, four wines, bottomless refills.",
                                  "Free beer tasting Thursday 5-8pm 🍺🍻 21+ only, ID required"])
def test_a_brand_pours_drinks_a_professional_is_seen_with_them(run, write, text):
    # (substances weighs a person's night out as a recruiter would, not a business's trade)
    write("a.md", text + "\n")
    assert levels(run, "--profile", "brand", "a.md") == set()
    assert {c for c, _, _ in levels(run, "--profile", "professional", "a.md")} == {"R109"}
