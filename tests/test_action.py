"""The composite GitHub Action: its inputs reach postlint as the right options."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
ACTION = yaml.safe_load((ROOT / "action.yml").read_text("utf-8"))
EXPRESSION = re.compile(r"\$\{\{\s*inputs\.([\w-]+)\s*\}\}")


def step(name: str) -> dict:
    return next(s for s in ACTION["runs"]["steps"] if s["name"] == name)


def run_action(tmp_path: Path, **given) -> subprocess.CompletedProcess:
    """Run the action's 'Run postlint' step as GitHub would: bash -eo pipefail, inputs
    (defaults filled in) through the step's env, GITHUB_ACTIONS=true."""
    inputs = {name: spec.get("default", "") for name, spec in ACTION["inputs"].items()}
    inputs.update({k.replace("_", "-"): v for k, v in given.items()})
    venv_bin = tmp_path / "runner" / "postlint-venv" / "bin"
    postlint = shutil.which("postlint", path=str(Path(sys.executable).parent))
    if postlint is None:
        pytest.skip("postlint is not installed beside this Python")
    if not venv_bin.exists():
        venv_bin.mkdir(parents=True)
        (venv_bin / "postlint").symlink_to(postlint)
    env = {**os.environ, "GITHUB_ACTIONS": "true", "RUNNER_TEMP": str(tmp_path / "runner"),
           "POSTLINT_DISABLE_PLUGIN_AUTOLOAD": "1"}
    for key, value in step("Run postlint")["env"].items():
        env[key] = EXPRESSION.sub(lambda m: str(inputs[m[1]]), value)
    return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c",
                           step("Run postlint")["run"]], cwd=tmp_path, env=env,
                          capture_output=True, text=True)


def test_action_is_composite_and_installs_itself_with_pip():
    assert ACTION["runs"]["using"] == "composite"
    assert '-m pip install -q "$GITHUB_ACTION_PATH"' in step("Install postlint")["run"]
    assert {"paths", "profile", "format", "fail-on", "output-file", "diff-base"} <= set(
        ACTION["inputs"])
    assert "${{" not in step("Run postlint")["run"]  # inputs only through env


def test_action_annotates_and_writes_sarif(tmp_path, write):
    write("drafts/a b.md", "What a load of bullsh1t.\n")
    write("drafts/ok.md", "Hello there.\n")
    result = run_action(tmp_path, paths="drafts", profile="professional", format="sarif",
                        output_file="postlint.sarif")
    assert result.returncode == 1, result.stderr
    assert result.stdout.startswith("::error file=drafts/a b.md,line=1,endLine=1,col=16,")
    assert "Found 1 problem (1 error) in 1 of 2 drafts." in result.stdout
    sarif = json.loads((tmp_path / "postlint.sarif").read_text("utf-8"))
    assert [r["ruleId"] for r in sarif["runs"][0]["results"]] == ["R101"]


def test_action_fail_on_and_extra_args(tmp_path, write):
    write("drafts/a.md", "What a load of bullsh1t.\n")
    clean = run_action(tmp_path, paths="drafts", args="--ignore R101")
    assert clean.returncode == 0 and clean.stdout == "All clear: 1 draft checked.\n"
    warned = run_action(tmp_path, paths="drafts", fail_on="warning", format="json")
    assert warned.returncode == 1
    assert [f["code"] for f in json.loads(warned.stdout)] == ["R101"]
