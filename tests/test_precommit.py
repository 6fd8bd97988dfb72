"""The pre-commit hooks, end to end: the real pre-commit installs this checkout (its
working tree, as `pre-commit try-repo` would) and runs on `git commit` in a content
repository made by the test. Needs git, and PyPI for the hook's dependencies."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
GIT_ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com",
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
BAD = "Launch day!\n\nWhat a load of bullsh1t.\n"
CLEAN = "Our spring sale starts on Monday. See you there.\n"

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def sh(*args, cwd, env, check=True):
    result = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True)
    if check and result.returncode:
        raise AssertionError(f"{args} failed ({result.returncode}):\n{result.stdout}"
                             f"{result.stderr}")
    return result


@pytest.fixture(scope="module")
def env(tmp_path_factory):
    home = tmp_path_factory.mktemp("pre-commit-home")
    return {**os.environ, **GIT_ENV, "PRE_COMMIT_HOME": str(home),
            "PRE_COMMIT_COLOR": "never"}


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory, env):
    """A one-commit copy of this checkout's working tree (tracked and untracked files that
    git does not ignore), so uncommitted work is what the hooks run."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others",
                             "--exclude-standard"], cwd=ROOT, capture_output=True)
    if listed.returncode:
        pytest.skip("this checkout is not a git repository")
    shadow = tmp_path_factory.mktemp("postlint-repo")
    for name in sorted(set(listed.stdout.decode().split("\0")) - {""}):
        source = ROOT / name
        if source.is_file():
            (shadow / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, shadow / name)
    sh("git", "init", "-q", cwd=shadow, env=env)
    sh("git", "add", ".", cwd=shadow, env=env)
    sh("git", "commit", "-q", "-m", "snapshot", cwd=shadow, env=env)
    return shadow, sh("git", "rev-parse", "HEAD", cwd=shadow, env=env).stdout.strip()


def content_repo(path: Path, hook_repo, env, hook: str, args: list[str]) -> Path:
    shadow, rev = hook_repo
    path.mkdir()
    (path / ".pre-commit-config.yaml").write_text(
        "repos:\n"
        f"  - repo: {shadow}\n"
        f"    rev: {rev}\n"
        "    hooks:\n"
        f"      - id: {hook}\n"
        "        files: ^drafts/\n"
        f"        args: [{', '.join(args)}]\n", encoding="utf-8")
    sh("git", "init", "-q", cwd=path, env=env)
    sh(sys.executable, "-m", "pre_commit", "install", cwd=path, env=env)
    sh("git", "add", ".pre-commit-config.yaml", cwd=path, env=env)
    sh("git", "commit", "-q", "-m", "config", cwd=path, env=env)
    return path


def commits(repo: Path, env) -> int:
    return int(sh("git", "rev-list", "--count", "HEAD", cwd=repo, env=env).stdout)


def test_hook_stops_a_bad_draft_and_lets_a_clean_one_through(tmp_path, hook_repo, env):
    repo = content_repo(tmp_path / "content", hook_repo, env, "postlint",
                        ["--fail-on", "warning"])
    (repo / "drafts").mkdir()
    (repo / "drafts" / "bad.md").write_text(BAD, encoding="utf-8")
    (repo / "notes.md").write_text(BAD, encoding="utf-8")  # outside files: ^drafts/
    sh("git", "add", ".", cwd=repo, env=env)
    refused = sh("git", "commit", "-m", "bad draft", cwd=repo, env=env, check=False)
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0, output
    assert "drafts/bad.md:3:16: R101 'bullsh1t' is profanity" in output
    assert "notes.md" not in output.replace("drafts/bad.md", "")
    assert commits(repo, env) == 1

    sh("git", "rm", "-q", "--cached", "drafts/bad.md", cwd=repo, env=env)
    (repo / "drafts" / "bad.md").unlink()
    (repo / "drafts" / "clean.md").write_text(CLEAN, encoding="utf-8")
    sh("git", "add", ".", cwd=repo, env=env)
    accepted = sh("git", "commit", "-m", "clean draft", cwd=repo, env=env, check=False)
    output = accepted.stdout + accepted.stderr
    assert accepted.returncode == 0, output
    assert re.search(r"^postlint\.+Passed$", output, re.M), output
    assert commits(repo, env) == 2


def test_warnings_are_shown_on_a_commit_that_passes_and_exclude_applies(tmp_path, hook_repo,
                                                                        env):
    repo = content_repo(tmp_path / "content", hook_repo, env, "postlint", [])
    (repo / ".postlint.yaml").write_text("extend-exclude: [drafts/archive]\n", encoding="utf-8")
    (repo / "drafts" / "archive").mkdir(parents=True)
    (repo / "drafts" / "loud.md").write_text("Our launch is AMAZING.\n", encoding="utf-8")
    (repo / "drafts" / "archive" / "old.md").write_text(BAD, encoding="utf-8")
    sh("git", "add", ".", cwd=repo, env=env)
    accepted = sh("git", "commit", "-m", "loud draft", cwd=repo, env=env, check=False)
    output = accepted.stdout + accepted.stderr
    assert accepted.returncode == 0, output  # a warning does not fail by default
    assert "drafts/loud.md:1:15: T101 'AMAZING' reads as shouting" in output
    assert "bullsh1t" not in output  # drafts/archive is excluded, though pre-commit named it
    assert "Found 1 problem (1 warning) in 1 of 1 draft." in output


def test_fix_hook_rewrites_the_draft_and_fails_the_commit(tmp_path, hook_repo, env):
    repo = content_repo(tmp_path / "content", hook_repo, env, "postlint-fix", [])
    (repo / ".postlint.yaml").write_text("brand:\n  preferred:\n    e-mail: email\n",
                                         encoding="utf-8")
    (repo / "drafts").mkdir()
    (repo / "drafts" / "mail.md").write_text("Send us an e-mail today.\n", encoding="utf-8")
    sh("git", "add", ".", cwd=repo, env=env)
    first = sh("git", "commit", "-m", "draft", cwd=repo, env=env, check=False)
    assert first.returncode != 0  # pre-commit fails a hook that changed files
    assert "files were modified by this hook" in first.stdout + first.stderr
    assert (repo / "drafts" / "mail.md").read_text("utf-8") == "Send us an email today.\n"
    sh("git", "add", ".", cwd=repo, env=env)
    second = sh("git", "commit", "-m", "draft", cwd=repo, env=env, check=False)
    assert second.returncode == 0, second.stdout + second.stderr


def test_manifest_is_valid_and_hooks_cover_drafts():
    result = subprocess.run([sys.executable, "-m", "pre_commit", "validate-manifest",
                             str(ROOT / ".pre-commit-hooks.yaml")], capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    assert set(hooks) == {"postlint", "postlint-fix"}
    assert hooks["postlint"]["entry"] == "postlint --force-exclude"
    assert hooks["postlint-fix"]["entry"] == "postlint --fix --force-exclude"
    for hook in hooks.values():
        assert hook["types_or"] == ["markdown", "plain-text"] and hook["require_serial"]
        assert hook["verbose"]  # warnings are shown when the commit goes through


@pytest.mark.parametrize("doc", ["README.md", "docs/ci.md"])
def test_pasted_snippets_are_valid_yaml_naming_real_hooks_and_inputs(doc):
    text = (ROOT / doc).read_text("utf-8")
    blocks = re.findall(r"```yaml\n(.*?)```", text, re.S)
    assert blocks
    hook_ids = {h["id"] for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    inputs = set(yaml.safe_load((ROOT / "action.yml").read_text())["inputs"])
    for block in blocks:
        yaml.safe_load(block)
        assert set(re.findall(r"- id: ([\w-]+)", block)) <= hook_ids
        if "OWNER/postlint@" in block and "uses: OWNER/postlint" in block:
            step = block.split("uses: OWNER/postlint")[1].split("\n      - ")[0]
            with_keys = re.findall(r"^ {10}([\w-]+):", step, re.M)
            assert with_keys
            assert set(with_keys) <= inputs, with_keys
