"""Files that are not what they seem: FIFOs, devices, links out of the tree, and drafts
that `--fix` must not damage. Nothing hangs, nothing outside the linted folder is read
or written, and nothing a user (or another program) wrote is lost."""

from __future__ import annotations

import os
import socket
import stat
import threading

import pytest

from postlint.lint import fix, parallel
from postlint.load import filesystem

LOL = "We moved to Github, lol.\n"


@pytest.fixture
def config(write):
    write(".postlint.yaml", "extend-select: [chatspeak]\n")


def fifo(path):
    os.mkfifo(path)
    return path


def zero(path):
    """A character device like /dev/zero (endless), made where the test needs it."""
    try:
        os.mknod(path, stat.S_IFCHR | 0o600, os.makedev(1, 5))
    except (PermissionError, AttributeError):
        pytest.skip("cannot make a device here")
    return path


@pytest.mark.parametrize("make, what", [
    (fifo, "error: is a FIFO (named pipe), not a regular file"),
    (zero, "error: is a character device, not a regular file"),
    (lambda p: (zero(p.parent / "z"), p.symlink_to("z")),
     "error: is a character device, not a regular file"),
    (lambda p: p.symlink_to("/dev/zero"),
     "skipped: a symbolic link to a file outside the folder being linted"),
    (lambda p: p.symlink_to("/dev/null"),
     "skipped: a symbolic link to a file outside the folder being linted"),
])
def test_a_named_draft_that_is_no_regular_file_is_an_error_not_a_hang(
        tmp_path, write, run, config, make, what):
    make(tmp_path / "odd.md")
    write("good.md", LOL)
    result = run("odd.md", "good.md")
    assert f"odd.md: {what}" in result.err
    assert "good.md:1:21: T104 'lol'" in result.out
    assert result.code == (2 if "error" in what else 0)


@pytest.mark.parametrize("make, what", [
    (fifo, "a FIFO (named pipe)"),
    (lambda p: os.symlink("/dev/zero", p), "a character device"),
])
def test_a_config_named_that_is_no_regular_file_says_what_it_is(tmp_path, write, run,
                                                                 make, what):
    # it was "config file not found", for a file that is there
    make(tmp_path / "odd.yaml")
    write("a.md", LOL)
    result = run("--config", "odd.yaml", "a.md")
    assert result.code == 2 and result.out == ""
    assert result.err == f"odd.yaml: config file is {what}, not a regular file\n"


def test_a_folder_walk_skips_fifos_sockets_and_devices_with_a_notice(tmp_path, write, run,
                                                                      config):
    write("drafts/good.md", LOL)
    fifo(tmp_path / "drafts" / "pipe.md")
    zero(tmp_path / "drafts" / "zero.md")
    (tmp_path / "drafts" / "link.md").symlink_to("/dev/zero")
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(tmp_path / "drafts" / "sock.md"))
    try:
        result = run("drafts")
    finally:
        server.close()
    assert result.err.splitlines() == [
        "drafts/link.md: skipped: a symbolic link to a file outside the folder being linted",
        "drafts/pipe.md: skipped: a FIFO (named pipe), not a regular file",
        "drafts/sock.md: skipped: a socket, not a regular file",
        "drafts/zero.md: skipped: a character device, not a regular file",
    ]
    assert "drafts/good.md:1:21: T104" in result.out and "1 draft" in result.out
    assert result.code == 0  # a notice is no error


@pytest.mark.parametrize("name", [".postlint.yaml", "pyproject.toml"])
def test_a_config_that_is_a_fifo_or_a_device_is_never_read(tmp_path, write, run, name):
    fifo(tmp_path / name)
    write("a.md", "lol\n")
    assert run("a.md").code in (0, 1)  # (not a config: not looked for; no hang)
    result = run("--config", name, "a.md")
    assert result.code == 2 and "Traceback" not in result.err
    (tmp_path / name).unlink()
    (tmp_path / name).symlink_to("/dev/zero")
    result = run("--config", name, "a.md")
    assert result.code == 2 and "Traceback" not in result.err


@pytest.mark.parametrize("make, what", [
    (fifo, "cannot read: is a FIFO (named pipe), not a regular file"),
    (zero, "cannot read: is a character device, not a regular file"),
    (lambda p: p.symlink_to("/dev/zero"),
     "a symbolic link to a file outside the rule folder; not read"),
])
def test_a_rule_file_that_is_no_regular_file_is_a_rule_error(tmp_path, write, run, make, what):
    write(".postlint.yaml", "rule-dirs: [myrules]\n")
    (tmp_path / "myrules" / "custom").mkdir(parents=True)
    make(tmp_path / "myrules" / "custom" / "rule.yaml")
    write("a.md", "hello\n")
    result = run("a.md")
    assert f"myrules/custom/rule.yaml: {what}" in result.err
    assert result.code == 2


@pytest.mark.parametrize("make", [fifo, lambda p: p.symlink_to("/dev/zero")])
def test_a_cache_file_that_is_no_regular_file_is_ignored(tmp_path, monkeypatch, make):
    from postlint.load import cache
    monkeypatch.setenv("POSTLINT_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "cache").mkdir(mode=0o700)
    make(tmp_path / "cache" / "kind.marshal")
    assert cache.Store("kind", "code").get("key") is cache.MISSING


def test_every_read_has_a_cap(tmp_path):
    path = tmp_path / "a"
    path.write_bytes(b"x" * 100)
    assert filesystem.read_bytes(path, 100) == b"x" * 100
    with pytest.raises(filesystem.TooLarge):
        filesystem.read_bytes(path, 99)


def test_drafts_large_enough_for_workers_skip_special_files_too(tmp_path, write, run, config,
                                                                monkeypatch):
    monkeypatch.setattr(parallel, "THRESHOLD", 3)
    for i in range(4):
        write(f"drafts/{i}.md", LOL)
    fifo(tmp_path / "drafts" / "pipe.md")
    result = run("drafts")
    assert result.err == "drafts/pipe.md: skipped: a FIFO (named pipe), not a regular file\n"
    assert result.out.count("T104") == 4


# -- symbolic links out of the tree ------------------------------------------------------

@pytest.fixture
def secret(tmp_path):
    """A file outside the linted folder, which drafts may link to."""
    outside = tmp_path / "home"
    outside.mkdir()
    path = outside / "notes.md"
    path.write_text("my password is hunter2, lol\n")
    return path


@pytest.mark.parametrize("target", ["absolute", "relative", "chain"])
def test_a_link_out_of_the_linted_folder_is_neither_shown_nor_fixed(tmp_path, write, run,
                                                                    config, secret, target):
    repo = tmp_path / "repo"
    write("repo/drafts/good.md", LOL)
    link = repo / "drafts" / "evil.md"
    if target == "absolute":
        link.symlink_to(secret)
    elif target == "relative":
        link.symlink_to(os.path.relpath(secret, link.parent))
    else:  # a link to a link inside the folder that leads out
        (repo / "drafts" / "hop.md").symlink_to(secret)
        link.symlink_to("hop.md")
    os.chdir(repo)
    before = secret.read_bytes()
    result = run("--fix", "--show-source", "drafts")
    assert "hunter2" not in result.out + result.err
    assert "drafts/evil.md: skipped: a symbolic link to a file outside the folder being " \
           "linted" in result.err
    assert secret.read_bytes() == before
    result = run("--fix", "drafts/evil.md", "drafts/good.md")  # named, as pre-commit does
    assert "hunter2" not in result.out and secret.read_bytes() == before
    assert "drafts/evil.md: skipped" in result.err


def test_a_link_inside_the_linted_folder_is_linted_and_fixed_in_its_target(tmp_path, write,
                                                                          run):
    write("drafts/real.md", "We use Github.\n")
    (tmp_path / "drafts" / "alias.md").symlink_to("real.md")
    write(".postlint.yaml", "brand:\n  terms: [GitHub]\n")
    result = run("--fix", "drafts/alias.md")
    assert (tmp_path / "drafts" / "real.md").read_text() == "We use GitHub.\n"
    assert (tmp_path / "drafts" / "alias.md").is_symlink() and result.code == 0


# -- what --fix must keep ---------------------------------------------------------------

@pytest.fixture
def brand(write):
    write(".postlint.yaml", "brand:\n  terms: [GitHub]\n")


def test_a_draft_changed_while_it_is_fixed_keeps_the_other_writer_s_lines(
        tmp_path, write, run, brand, monkeypatch):
    path = write("a.md", "We use Github.\n")
    real_plan = fix.plan
    calls = []

    def plan_while_someone_appends(linter, display, where, data):
        calls.append(data)
        if len(calls) == 1:  # another program saves the draft while --fix works on it
            with open(where, "a") as handle:
                handle.write("A line another editor added about Github.\n")
        return real_plan(linter, display, where, data)

    monkeypatch.setattr(fix, "plan", plan_while_someone_appends)
    result = run("--fix", "a.md")
    assert path.read_text() == "We use GitHub.\nA line another editor added about GitHub.\n"
    assert len(calls) == 2 and result.code == 0


def test_a_draft_that_keeps_changing_is_left_with_a_message(tmp_path, write, run, brand,
                                                            monkeypatch):
    path = write("a.md", "We use Github.\n")
    real_plan = fix.plan

    def plan_while_someone_keeps_writing(linter, display, where, data):
        change = real_plan(linter, display, where, data)
        with open(where, "a") as handle:
            handle.write("more\n")
        return change

    monkeypatch.setattr(fix, "plan", plan_while_someone_keeps_writing)
    result = run("--fix", "a.md")
    assert ("a.md: error: cannot fix: the file kept changing while it was fixed (another "
            "program is writing it); it was left as it was: run again") in result.err
    assert path.read_text() == "We use Github.\n" + "more\n" * fix.ATTEMPTS
    assert result.code == 2


def test_a_concurrent_appender_loses_no_line(tmp_path, write, run, brand):
    path = write("a.md", "We use Github.\n")
    stop = threading.Event()
    written = []

    def append():
        n = 0
        while not stop.is_set() and n < 2000:
            with open(path, "a") as handle:
                handle.write(f"line {n}\n")
            written.append(n)
            n += 1

    writer = threading.Thread(target=append)
    writer.start()
    try:
        for _ in range(5):
            run("--fix", "a.md")
    finally:
        stop.set()
        writer.join()
    lines = path.read_text().splitlines()
    assert [int(line.split()[1]) for line in lines[1:]] == written  # every line, in order


def test_owner_and_group_are_kept(tmp_path, write, run, brand):
    if os.geteuid() != 0:
        pytest.skip("only root may give a file to another user")
    path = write("a.md", "We use Github.\n")
    os.chown(path, 1234, 5678)
    path.chmod(0o640)
    assert run("--fix", "a.md").code == 0
    info = path.stat()
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (1234, 5678, 0o640)
    assert path.read_text() == "We use GitHub.\n"


def test_an_owner_that_cannot_be_kept_leaves_the_draft(tmp_path, write, run, brand,
                                                        monkeypatch):
    path = write("a.md", "We use Github.\n")
    info = path.stat()
    real_stat = os.stat

    def stat_of_a_file_someone_else_owns(where, *args, **kwargs):
        found = real_stat(where, *args, **kwargs)
        if str(where) == os.path.realpath(path):
            return os.stat_result(tuple(found)[:4] + (found.st_uid + 1,) + tuple(found)[5:10])
        return found

    monkeypatch.setattr(os, "stat", stat_of_a_file_someone_else_owns)
    monkeypatch.setattr(os, "chown", lambda *a: (_ for _ in ()).throw(PermissionError(1, "no")))
    result = run("--fix", "a.md")
    assert "a.md: error: cannot fix: the file belongs to user" in result.err
    assert path.read_text() == "We use Github.\n" and path.stat().st_ino == info.st_ino
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".postlint")] == []


def test_hard_links_are_not_split_unless_asked(tmp_path, write, run, brand):
    path = write("a.md", "We use Github.\n")
    other = tmp_path / "elsewhere.md"
    os.link(path, other)
    result = run("--fix", "a.md")
    assert ("a.md: error: cannot fix: the file has 2 hard links and replacing it would "
            "split them; it was left as it was (--fix-hard-links fixes it anyway)") in result.err
    assert path.read_text() == other.read_text() == "We use Github.\n" and result.code == 2
    assert run("--fix", "--fix-hard-links", "a.md").code == 0
    assert path.read_text() == "We use GitHub.\n" and other.read_text() == "We use Github.\n"


def test_read_only_drafts_are_not_rewritten_unless_asked(tmp_path, write, run, brand):
    path = write("a.md", "We use Github.\n")
    path.chmod(0o444)
    result = run("--fix", "a.md")
    assert ("a.md: error: cannot fix: the file is read-only; it was left as it was "
            "(--fix-read-only fixes it anyway)") in result.err
    assert path.read_text() == "We use Github.\n" and result.code == 2
    assert run("--fix", "--fix-read-only", "a.md").code == 0
    assert path.read_text() == "We use GitHub.\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o444  # still read-only


def test_diff_never_refuses_what_it_does_not_write(tmp_path, write, run, brand):
    path = write("a.md", "We use Github.\n")
    path.chmod(0o444)
    result = run("--diff", "a.md")
    assert "+We use GitHub." in result.out and result.code == 1


@pytest.mark.parametrize("name, what", [
    ("plan.csv", "odd/plan.csv: error: is a FIFO (named pipe), not a regular file"),
    ("export.zip", "odd/export.zip: error: is a FIFO (named pipe), not a regular file"),
    ("tweets.js", "odd/tweets.js: error: is a FIFO (named pipe), not a regular file"),
])
def test_a_calendar_or_export_named_that_is_a_fifo_is_an_error_not_a_hang(
        tmp_path, write, run, config, name, what):
    (tmp_path / "odd").mkdir()
    fifo(tmp_path / "odd" / name)
    write("good.md", LOL)
    result = run(f"odd/{name}", "good.md")
    assert what in result.err, result.err
    assert "good.md:1:21: T104 'lol'" in result.out
    assert result.code == 2
