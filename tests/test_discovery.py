"""Which drafts a run finds (.gitignore, exclude, --no-ignore, --force-exclude, no path),
and the config nearest to each draft (--show-settings, --isolated --config)."""

from __future__ import annotations

import os

import pytest

SHOUT = "So AMAZING.\n"


def paths(result):
    return sorted({f["path"] for f in result.json()})


@pytest.fixture
def repo(write, tmp_path):
    """A content repository: drafts, a .gitignore, a README, tools' folders."""
    (tmp_path / ".git").mkdir()
    write(".gitignore", "secret/\n*.tmp.md\n!keep.tmp.md\n")
    write("README.md", "# Our DRAFTS\n")
    write("CHANGELOG.md", "AMAZING changes\n")
    write("drafts/a.md", SHOUT)
    write("drafts/b.tmp.md", SHOUT)
    write("drafts/keep.tmp.md", SHOUT)
    write("drafts/archive/old.md", SHOUT)
    write("secret/s.md", SHOUT)
    write("node_modules/pkg/readme.md", SHOUT)
    write("notes/.gitignore", "private.md\n")
    write("notes/private.md", SHOUT)
    write("notes/public.md", SHOUT)
    return tmp_path


def test_no_path_lints_the_current_folder_respecting_gitignore_and_defaults(run, repo):
    result = run("--format", "json")
    assert paths(result) == ["drafts/a.md", "drafts/archive/old.md", "drafts/keep.tmp.md",
                             "notes/public.md"]
    assert paths(run("--format", "json", ".")) == paths(result)


def test_no_ignore_lints_what_gitignore_excludes(run, repo):
    assert paths(run("--format", "json", "--no-ignore")) == [
        "drafts/a.md", "drafts/archive/old.md", "drafts/b.tmp.md", "drafts/keep.tmp.md",
        "notes/private.md", "notes/public.md", "secret/s.md"]
    assert paths(run("--format", "json", "--no-respect-gitignore", "secret")) == ["secret/s.md"]


def test_gitignore_counts_only_inside_a_work_tree(run, repo):
    (repo / ".git").rmdir()
    assert "secret/s.md" in paths(run("--format", "json"))


def test_exclude_replaces_the_defaults_and_extend_exclude_adds(run, write, repo):
    write(".postlint.yaml", "extend-exclude: [drafts/archive]\n")
    assert paths(run("--format", "json")) == ["drafts/a.md", "drafts/keep.tmp.md",
                                              "notes/public.md"]
    write(".postlint.yaml", "exclude: [drafts/archive]\n")
    assert paths(run("--format", "json")) == [
        "CHANGELOG.md", "README.md", "drafts/a.md", "drafts/keep.tmp.md",
        "node_modules/pkg/readme.md", "notes/public.md"]
    write(".postlint.yaml", "respect-gitignore: false\nextend-exclude: [notes]\n")
    assert "secret/s.md" in paths(run("--format", "json"))


def test_named_files_are_linted_unless_force_exclude(run, write, repo):
    named = ["README.md", "secret/s.md", "drafts/b.tmp.md", "drafts/archive/old.md",
             "drafts/a.md"]
    write(".postlint.yaml", "extend-exclude: [drafts/archive]\n")
    assert paths(run("--format", "json", *named)) == sorted(named)
    assert paths(run("--format", "json", "--force-exclude", *named)) == ["drafts/a.md"]
    write(".postlint.yaml", "extend-exclude: [drafts/archive]\nforce-exclude: true\n")
    assert paths(run("--format", "json", *named)) == ["drafts/a.md"]
    result = run("--force-exclude", "README.md")
    assert (result.code, result.out) == (0, "All clear: 0 drafts checked.\n")


# -- the nearest config of each draft --------------------------------------------------

@pytest.fixture
def projects(write):
    write(".postlint.yaml", "profile: friends-family\n")
    write("site/.postlint.yaml", "profile: professional\nextend-exclude: [skip]\n")
    write("site/post.md", "lol great\n")
    write("site/skip/x.md", "lol\n")
    write("blog/post.md", "lol great\n")
    write("other/pyproject.toml", "[tool.postlint]\nprofile = 'professional'\n"
                                  "fail-on = 'warning'\n")
    write("other/deep/post.md", "lol great\n")


def test_each_draft_gets_its_nearest_config(run, projects):
    result = run("--format", "json", "site", "blog", "other")
    assert [(f["path"], f["code"], f["profile"]) for f in result.json()] == [
        ("site/post.md", "T104", "professional"),
        ("other/deep/post.md", "T104", "professional")]
    os.chdir("site")
    assert [(f["path"], f["profile"]) for f in run("--format", "json", "../blog", ".").json()] \
        == [("post.md", "professional")]


def test_a_named_file_gets_its_nearest_config_too(run, projects):
    assert [f["profile"] for f in run("--format", "json", "site/post.md").json()] == \
        ["professional"]


def test_a_broken_config_of_another_project_stops_the_run(run, projects, write):
    write("blog/.postlint.yaml", "profiel: brand\n")
    result = run("site", "blog")
    assert (result.code, result.err) == (
        2, "blog/.postlint.yaml:1: profiel: unknown key (did you mean 'profile'?)\n")


def test_config_or_isolated_applies_one_config_to_every_draft(run, projects, write):
    result = run("--format", "json", "--isolated", "site", "blog")
    assert result.json() == []  # public: chatspeak is off
    write("ci.yaml", "profile: professional\n")
    result = run("--format", "json", "--isolated", "--config", "ci.yaml", "site", "blog")
    assert [(f["path"], f["profile"]) for f in result.json()] == [
        ("site/post.md", "professional"), ("site/skip/x.md", "professional"),
        ("blog/post.md", "professional")]
    result = run("--format", "json", "--config", "ci.yaml", "blog")
    assert [f["profile"] for f in result.json()] == ["professional"]


def test_show_settings(run, projects, write):
    write("site/launch.md", "---\nplatforms: [twitter, linkedin]\ndisable: [T1]\n---\nHi\n")
    out = run("--show-settings", "site/launch.md").out.splitlines()
    assert out[:6] == ["path: site/launch.md", "config: site/.postlint.yaml",
                       "profile: professional (config)",
                       "platforms: x, linkedin (front matter)",
                       "disabled in front matter: T1", "rules:"]
    assert "  T103   emoji-overload           warning (max: 3, max_run: 2)" in out
    out = run("--show-settings", "blog/post.md", "--profile", "brand").out.splitlines()
    assert out[:4] == ["path: blog/post.md", "config: .postlint.yaml", "profile: brand (--profile)",
                       "platforms: - (none)"]
    out = run("--isolated", "--show-settings", "blog").out.splitlines()
    assert out[1:3] == ["config: none (--isolated)", "profile: public (default)"]


def test_show_settings_of_a_draft_that_cannot_be_read_exits_2(run, projects, write):
    # it exited 0, as if the settings shown were the draft's, which a run could not lint
    write("site/launch.md", "---\nprofile: brnd\n---\nHi\n")
    result = run("--show-settings", "site/launch.md")
    assert (result.code, result.out.splitlines()[4]) == (
        2, "error: line 2: front matter: unknown profile 'brnd' (did you mean 'brand'?)")
    assert result.err == ("site/launch.md: error: line 2: front matter: unknown profile 'brnd' "
                          "(did you mean 'brand'?)\n")


def test_show_settings_of_a_path_that_is_not_there_says_so(run, projects):
    # `site/` misspelt showed the root config's settings as those of the draft
    out = run("--show-settings", "sitte/launch.md").out.splitlines()
    assert out[:2] == ["path: sitte/launch.md (no such file: the settings a draft there "
                       "would get)", "config: .postlint.yaml"]


def test_invalid_yaml_in_another_projects_config_is_one_line(run, projects, write):
    write("blog/.postlint.yaml", "profile: [brand\n")
    result = run("site", "blog")
    assert result.code == 2
    assert result.err.startswith("blog/.postlint.yaml:2: invalid YAML")


def test_another_folders_config_may_name_a_platform_alias(run, projects, write):
    write("blog/.postlint.yaml", "platforms: [twitter]\n")
    write("blog/post.md", "x" * 300 + "\n")
    result = run("--format", "json", "site", "blog")
    assert result.err == "blog/.postlint.yaml:1: platforms: note: 'twitter' is taken as 'x' (X)\n"
    assert [(f["path"], f["code"], f["platform"]) for f in result.json()
            if f["code"] == "P101"] == [("blog/post.md", "P101", "x")]


@pytest.mark.parametrize("exclude", ["drafts/archive/", "/drafts/archive", "./drafts/archive/",
                                     "{root}/drafts/archive"])
def test_a_folder_excluded_as_gitignore_writes_it_is_excluded(run, write, repo, exclude):
    # `archive/` and `/archive` matched nothing, and every draft below was linted
    write(".postlint.yaml", f"extend-exclude: ['{exclude.format(root=repo)}']\n")
    assert paths(run("--format", "json")) == ["drafts/a.md", "drafts/keep.tmp.md",
                                              "notes/public.md"]


def test_a_glob_anchored_with_a_slash_fits_the_config_folder_alone(run, write, repo):
    write("notes/a.md", SHOUT)
    write(".postlint.yaml", "extend-exclude: [/a.md]\n")
    write("a.md", SHOUT)
    assert "a.md" not in paths(run("--format", "json"))
    assert "notes/a.md" in paths(run("--format", "json"))


@pytest.mark.parametrize("config, error", [
    ('include: ""', ".postlint.yaml:1: include[0]: expected a glob such as '*.md' or "
                    "'drafts/old', got '', which matches nothing"),
    ("include: [md, '*.txt']", ".postlint.yaml:1: include[0]: 'md' matches only a file named "
                               "'md', not the files of that type (did you mean '*.md'?)"),
    ("include:\n  - '*.txt'\n  - .markdown", ".postlint.yaml:3: include[1]: '.markdown' "
                                             "matches only a file named '.markdown', not the "
                                             "files of that type (did you mean '*.markdown'?)"),
    ("include: '*.md, *.txt'", ".postlint.yaml:1: include[0]: several globs in one string; "
                               "write a list: ['*.md', '*.txt']"),
    ("extend-exclude: ['drafts', ' ']", ".postlint.yaml:1: extend-exclude[1]: expected a "
                                        "glob such as '*.md' or 'drafts/old', got ' ', which "
                                        "excludes nothing"),
])
def test_a_glob_that_cannot_mean_what_it_says_is_a_mistake(run, write, repo, config, error):
    # each linted nothing ("All clear: 0 drafts checked", exit 0) or excluded nothing
    write(".postlint.yaml", config + "\n")
    result = run()
    assert (result.code, result.out, result.err) == (2, "", error + "\n")


def test_the_default_globs_fit_names_in_any_case(run, write, tmp_path):
    # NOTES.MD and post.Txt were passed over in a folder (0 drafts, exit 0) while named
    # files of any case were read; readme.md was linted while README.md was excluded
    for name in ("NOTES.MD", "drafts/post.Txt", "drafts/b.md", "readme.md", "Changelog.MD",
                 "drafts/Build/x.md"):
        write(name, SHOUT)
    assert paths(run("--format", "json")) == ["NOTES.MD", "drafts/b.md", "drafts/post.Txt"]
    # a config's own globs are matched as written
    write(".postlint.yaml", "include: ['*.md']\nexclude: [readme.md]\n")
    assert paths(run("--format", "json")) == ["drafts/Build/x.md", "drafts/b.md"]
