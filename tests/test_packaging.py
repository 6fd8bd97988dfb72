"""A built wheel (not the editable install) carries the built-in rules and works anywhere."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """The checkout built into a wheel and installed into a folder of its own, offline."""
    pytest.importorskip("hatchling")
    if not (ROOT / "pyproject.toml").is_file():
        pytest.skip("not a checkout")
    base = tmp_path_factory.mktemp("wheel")
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--no-input", "-q"]
    subprocess.run([*pip, "wheel", "--no-deps", "--no-build-isolation", "--no-index",
                    "-w", str(base / "dist"), str(ROOT)], check=True, timeout=120)
    wheels = list((base / "dist").glob("postlint-*.whl"))
    assert len(wheels) == 1
    target = base / "target"
    subprocess.run([*pip, "install", "--no-deps", "--no-index", "--target", str(target),
                    str(wheels[0])], check=True, timeout=120)
    return target


def run_installed(target: Path, cwd: Path, *args, stdin: str | None = None):
    env = {**os.environ, "PYTHONPATH": str(target), "POSTLINT_DISABLE_PLUGIN_AUTOLOAD": "1",
           "NO_COLOR": "1"}
    return subprocess.run([sys.executable, *args], cwd=cwd, env=env, input=stdin,
                          capture_output=True, text=True, timeout=60)


def test_wheel_carries_the_rules_and_lints_from_another_folder(installed, tmp_path):
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "rant.md").write_text(
        "---\nprofile: professional\n---\nThis is AMAZING, lol.\n", encoding="utf-8")
    probe = run_installed(installed, tmp_path, "-c",
                          "import postlint, postlint.load.builtin as b; "
                          "print(postlint.__file__); print(b.folder())")
    module, folder = probe.stdout.split()
    assert Path(module).is_relative_to(installed), "the wheel, not the checkout, was imported"
    assert Path(folder) == installed / "postlint" / "rules"
    assert (installed / "postlint" / "rules" / "profiles" / "public.yaml").is_file()

    result = run_installed(installed, tmp_path, "-m", "postlint", "drafts/")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert [line.split(" ")[:3] for line in lines[:-1]] == [
        ["drafts/rant.md:4:9:", "T101", "'AMAZING'"], ["drafts/rant.md:4:18:", "T104", "'lol'"]]
    assert lines[-1] == "Found 2 problems (2 warnings) in 1 of 1 draft."
    listed = run_installed(installed, tmp_path, "-m", "postlint", "--list-profiles")
    assert "friends-family" in listed.stdout and "professional (extends public)" in listed.stdout


def test_console_script_in_the_wheel(installed, tmp_path):
    scripts = installed / "bin"
    script = scripts / "postlint"
    if sysconfig.get_platform().startswith("win") or not script.is_file():
        pytest.skip("no POSIX console script")
    result = run_installed(installed, tmp_path, str(script), "-", "--stdin-filename", "x.md",
                           stdin="So AMAZING\n")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0].startswith("x.md:1:4: T101 'AMAZING'")
    result = run_installed(installed, tmp_path, str(script), "--version")
    assert result.stdout.strip() == "postlint, version 0.1.0"
