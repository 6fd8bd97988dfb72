"""Runs that go wrong, and repositories that try to get in: a dead worker, Ctrl-C, an
unexpected error, code in the current folder, config paths that leave the project, and
a cache that someone else could write."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from postlint.lint import engine, parallel
from postlint.load import cache

LOL = "We moved to Github, lol.\n"


# -- a worker that dies -------------------------------------------------------------------

@pytest.mark.parametrize("death", [signal.SIGKILL, signal.SIGTERM, "exit"])
def test_a_dead_worker_is_reported_and_the_others_findings_kept(write, run, monkeypatch,
                                                                death):
    monkeypatch.setenv(parallel.JOBS_VARIABLE, "2")
    monkeypatch.setattr(parallel, "THRESHOLD", 4)
    monkeypatch.setattr(parallel, "CHUNK", 2)
    write(".postlint.yaml", "extend-select: [chatspeak]\n")
    for i in range(8):
        write(f"drafts/{i}.md", LOL)
    write("drafts/9-boom.md", LOL)
    real = engine.Linter.check_draft

    def check_draft(self, draft):  # (runs in the forked workers)
        if "boom" in draft.path and os.getpid() != parent:
            if death == "exit":
                os._exit(3)
            os.kill(os.getpid(), death)
        return real(self, draft)

    parent = os.getpid()
    monkeypatch.setattr(engine.Linter, "check_draft", check_draft)
    started = time.monotonic()
    result = run("drafts")
    assert time.monotonic() - started < 60  # (it used to wait forever)
    assert "drafts/9-boom.md: error: not linted: a worker process died" in result.err
    assert "drafts/0.md:1:21: T104" in result.out and result.code == 2
    assert "Traceback" not in result.err


def test_workers_keep_few_chunks_in_flight(monkeypatch):
    submitted, done = [], []

    class Pool:
        def __init__(self, *args, **kwargs):
            pass

        def submit(self, function, work, chunk):
            from concurrent.futures import Future
            submitted.append(chunk)
            future = Future()
            future.set_result((([], []), {}))  # (a chunk's results, the cache's additions)
            assert len(submitted) - len(done) <= 4  # never all chunks at once
            return future

        def shutdown(self, **kwargs):
            pass

    import concurrent.futures
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", Pool)
    for _ in parallel._on_workers([[("a", "a")]] * 50, 2, None):
        done.append(1)
    assert len(submitted) == len(done) == 50


def test_no_worker_outlives_the_run_to_hold_a_pipe_open(tmp_path):
    # (`postlint drafts | tail` waited forever when a worker, not told to stop before the
    # run's immediate exit, sat on its queue holding the pipe)
    (tmp_path / "a.md").write_text("Hello there.\n", encoding="utf-8")
    code = ("import multiprocessing, sys, time\n"
            "from postlint.cli import main\n"
            "waiting = multiprocessing.get_context('fork').Process(target=time.sleep,"
            " args=(120,))\n"
            "waiting.start()\n"
            "sys.argv = ['postlint', '--isolated', 'a.md']\n"
            "main.run()\n")
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        out, _ = proc.communicate(timeout=60)  # (the pipe closes: no process holds it)
    finally:
        proc.kill()
    assert "All clear" in out and proc.returncode == 0


# -- Ctrl-C, and errors nobody expected ---------------------------------------------------

def _postlint(*args, cwd, env=None, **kwargs):
    return subprocess.Popen([sys.executable, "-m", "postlint", *args], cwd=cwd,
                            env={**os.environ, **(env or {})}, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, **kwargs)


def _waiting_for_input(pid: int) -> bool:
    """Whether the process sleeps reading a pipe (where Linux says so)."""
    try:
        with open(f"/proc/{pid}/wchan") as handle:
            return "pipe" in handle.read()
    except OSError:
        return False


def test_ctrl_c_exits_130_not_1(tmp_path):
    process = _postlint("--isolated", "-", cwd=tmp_path, stdin=subprocess.PIPE)
    deadline = time.monotonic() + 20  # reading standard input, which never ends
    while time.monotonic() < deadline and not _waiting_for_input(process.pid):
        time.sleep(0.1)
    time.sleep(0.5)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=30)
    assert process.returncode == 130
    assert "Traceback" not in err and "postlint: interrupted" in err


def test_ctrl_c_while_checking_exits_130(write, run, monkeypatch):
    def interrupted(self, draft):
        raise KeyboardInterrupt

    monkeypatch.setattr(engine.Linter, "check_draft", interrupted)
    write("a.md", "hello\n")
    result = run("a.md")
    assert result.code == 130 and result.err == "postlint: interrupted\n"


@pytest.mark.parametrize("error", [RuntimeError("boom\nsecond line"), KeyError("x"),
                                   AttributeError("'NoneType' object has no attribute 'y'"),
                                   RecursionError("maximum recursion depth exceeded")])
def test_an_unexpected_error_is_one_line_and_exit_2(write, run, monkeypatch, error):
    def broken(self, draft):
        raise error

    monkeypatch.setattr(engine.Linter, "check_draft", broken)
    monkeypatch.delenv("POSTLINT_DEBUG", raising=False)
    write("a.md", "hello\n")
    result = run("a.md")
    assert result.code == 2 and len(result.err.splitlines()) == 1
    assert result.err.startswith(f"postlint: internal error: {type(error).__name__}: ")
    assert "POSTLINT_DEBUG=1" in result.err and "Traceback" not in result.err


def test_postlint_debug_shows_the_traceback(write, run, monkeypatch):
    def broken(self, draft):
        raise RuntimeError("boom")

    monkeypatch.setattr(engine.Linter, "check_draft", broken)
    monkeypatch.setenv("POSTLINT_DEBUG", "1")
    write("a.md", "hello\n")
    result = run("a.md")
    assert result.code == 2 and "Traceback" in result.err and "RuntimeError: boom" in result.err


@pytest.mark.parametrize("data, line", [
    (b"[tool.postlint]\nprofile = \"caf\xe9\"\n", 2),
    (b"[tool.postlint]\nprofile = \"\xff\"\n", 2),
    (b"# r\xc3\n[tool.postlint]\n", 1),
])
def test_a_pyproject_that_is_not_utf8_is_one_line_and_exit_2(write, run, data, line):
    write("pyproject.toml", data)
    write("a.md", "hello\n")
    result = run("a.md")
    assert result.code == 2 and "Traceback" not in result.err
    assert result.err.startswith(f"pyproject.toml:{line}: not valid UTF-8 (byte 0x")
    assert len(result.err.splitlines()) == 1


@pytest.mark.parametrize("data, said", [(b"profile: caf\xe9\n", "not valid UTF-8"),
                                        (b"\xff\xfeprofile\n", "saved as UTF-16, not UTF-8")])
def test_a_yaml_config_that_is_not_utf8_is_one_line(write, run, data, said):
    write(".postlint.yaml", data)
    write("a.md", "hello\n")
    result = run("a.md")
    assert result.code == 2 and result.err.startswith(".postlint.yaml:")
    assert said in result.err and len(result.err.splitlines()) == 1


# -- code from the repository -------------------------------------------------------------

EVIL = """\
import pathlib
pathlib.Path({marker!r}).write_text("pwned")
"""


@pytest.mark.parametrize("shape", ["dist-info", "egg-info", "shadowed-module"])
def test_python_m_postlint_runs_no_code_from_the_current_folder(tmp_path, shape):
    marker = tmp_path / "pwned"
    repo = tmp_path / "repo"
    repo.mkdir()
    if shape == "shadowed-module":  # a module postlint imports, shadowed by the checkout
        (repo / "yaml.py").write_text(EVIL.format(marker=str(marker)))
        (repo / ".postlint.yaml").write_text("profile: public\n")
    else:
        meta = repo / f"evil_plugin-1.0.{shape}"
        meta.mkdir()
        (meta / "METADATA").write_text("Metadata-Version: 2.1\nName: evil-plugin\n"
                                       "Version: 1.0\n")
        (meta / "PKG-INFO").write_text("Metadata-Version: 2.1\nName: evil-plugin\n"
                                       "Version: 1.0\n")
        (meta / "entry_points.txt").write_text("[postlint]\nevil = evil_plugin\n")
        (repo / "evil_plugin.py").write_text(EVIL.format(marker=str(marker)))
    (repo / "a.md").write_text("hello\n")
    env = {k: v for k, v in os.environ.items() if k != "POSTLINT_DISABLE_PLUGIN_AUTOLOAD"}
    done = subprocess.run([sys.executable, "-m", "postlint", "a.md"], cwd=repo, env=env,
                          capture_output=True, text=True, timeout=120)
    assert not marker.exists()
    assert done.returncode in (0, 1) and "Traceback" not in done.stderr


def test_rule_dirs_in_a_config_stay_in_its_project(tmp_path, write, run):
    outside = tmp_path / "elsewhere" / "custom"
    outside.mkdir(parents=True)
    (outside / "secret.yaml").write_text("password: hunter2\n")
    os.chdir(tmp_path)
    write("repo/.postlint.yaml", f"rule-dirs:\n  - rules\n  - {tmp_path / 'elsewhere'}\n"
                                 "  - ../elsewhere\n  - /etc\n  - link\n")
    (tmp_path / "repo" / "rules").mkdir()
    (tmp_path / "repo" / "link").symlink_to(tmp_path / "elsewhere")
    write("repo/a.md", "hello\n")
    os.chdir(tmp_path / "repo")
    result = run("a.md")
    errors = result.err.splitlines()
    assert len(errors) == 4 and result.code == 2
    assert all("is outside the project" in e and "--rule-dir" in e for e in errors)
    assert errors[0].startswith(".postlint.yaml:3: rule-dirs[1]: ")
    assert "password" not in result.err
    result = run("--rule-dir", str(tmp_path / "elsewhere"), "--isolated", "a.md")
    assert "secret.yaml" in result.err  # given on the command line: read (and it is no rule)


def test_a_rule_file_linked_out_of_its_folder_is_not_read(tmp_path, write, run):
    (tmp_path / "secret.yaml").write_text("password: hunter2\n")
    write(".postlint.yaml", "rule-dirs: [myrules]\n")
    (tmp_path / "myrules" / "custom").mkdir(parents=True)
    (tmp_path / "myrules" / "custom" / "rule.yaml").symlink_to(tmp_path / "secret.yaml")
    write("a.md", "hello\n")
    result = run("a.md")
    assert "a symbolic link to a file outside the rule folder" in result.err
    assert "password" not in result.err and result.code == 2


# -- the cache ----------------------------------------------------------------------------

@pytest.fixture
def folder(tmp_path, monkeypatch):
    where = tmp_path / "cache"
    monkeypatch.setenv("POSTLINT_CACHE_DIR", str(where))
    monkeypatch.setattr(cache, "_verdicts", {})
    return where


@pytest.mark.parametrize("mode", [0o777, 0o775, 0o757, 0o1777])
def test_a_cache_folder_others_may_write_is_not_used(folder, capsys, mode):
    folder.mkdir()
    folder.chmod(mode)
    store = cache.Store("kind", "code")
    store.put("key", 1)
    store.save()
    assert not (folder / "kind.marshal").exists()
    err = capsys.readouterr().err
    assert err == (f"postlint: not using the cache folder {folder}: others may write to the "
                   f"folder (make it yours alone: chmod go-w {folder})\n")
    cache.Store("kind", "code").get("key")
    assert capsys.readouterr().err == ""  # said once


def test_a_cache_folder_of_another_user_is_not_used(folder, capsys, monkeypatch):
    folder.mkdir(mode=0o700)
    monkeypatch.setattr(os, "geteuid", lambda: os.stat(folder).st_uid + 1)
    assert cache.Store("kind", "code").get("key") is cache.MISSING
    assert "the folder belongs to another user" in capsys.readouterr().err


def test_cache_files_are_private_and_files_others_could_change_are_ignored(folder):
    store = cache.Store("kind", "code")
    store.put("key", 1)
    store.save()
    path = folder / "kind.marshal"
    assert os.stat(path).st_mode & 0o777 == 0o600
    assert os.stat(folder).st_mode & 0o777 == 0o700
    assert cache.Store("kind", "code").get("key") == 1
    path.chmod(0o666)
    assert cache.Store("kind", "code").get("key") is cache.MISSING


def test_a_poisoned_rule_entry_cannot_drop_findings(tmp_path, write, run, folder):
    # An entry written by someone else under a rule file's old name, size and time: with
    # entries keyed by a hash of each file's bytes, it stands for no file postlint reads.
    from postlint.load import yamlfile
    write(".postlint.yaml", "rule-dirs: [myrules]\nextend-select: [X101]\n")
    rule = write("myrules/custom/rule.yaml", "code: X101\nname: custom-rule\ntype: existence\n"
                 "level: error\nmessage: \"'{match}' found\"\nwhy: w\noptions:\n"
                 "  tokens: [zorp]\nexamples:\n  flag: [zorp, a zorp, zorp b]\n"
                 "  pass: [a, b, c]\n")
    write("a.md", "a zorp\n")
    assert "X101" in run("a.md").out
    key = yamlfile.digest(b"something else entirely")
    yamlfile._KEPT.put(key, yamlfile._KEPT.get(yamlfile.digest(rule.read_bytes())))
    poisoned = rule.read_text().replace("zorp]", "none]")
    yamlfile._KEPT.put(yamlfile.digest(rule.read_bytes()) + "x", poisoned)
    assert "X101" in run("a.md").out


def test_a_rule_dir_that_is_no_name_is_an_error(tmp_path, write, run):
    write(".postlint.yaml", "rule-dirs:\n  - rules\n  - ~\n")
    (tmp_path / "rules").mkdir()
    write("a.md", "hello\n")
    os.chdir(tmp_path)
    result = run("a.md")
    assert result.code == 2
    assert result.err.startswith(".postlint.yaml:1: rule-dirs: expected a list of names")
