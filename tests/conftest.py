"""Shared helpers: run the command line in a folder and read its findings."""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from postlint import plugins
from postlint.lint.catalog import Catalog
from postlint.cli.main import main

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(autouse=True, scope="session")
def _own_cache_folder(tmp_path_factory):
    """Tests keep postlint's cache in a folder of their own, never the user's."""
    os.environ["POSTLINT_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))


@pytest.fixture(autouse=True)
def _no_third_party_plugins(monkeypatch):
    """Tests see the built-ins only, whatever else is installed."""
    monkeypatch.setenv(plugins.AUTOLOAD_SWITCH, "1")
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)


class Result:
    def __init__(self, result):
        self.code = result.exit_code
        self.out = result.stdout
        self.err = result.stderr
        self.exception = result.exception

    def json(self):
        return json.loads(self.out)


@pytest.fixture
def run(tmp_path, monkeypatch):
    """`run("a.md", "--profile", "x", stdin=None)` in tmp_path; returns exit code and output."""
    monkeypatch.chdir(tmp_path)

    def _run(*args, stdin=None):
        result = CliRunner().invoke(main, list(args), input=stdin, catch_exceptions=True)
        if result.exception and not isinstance(result.exception, SystemExit):
            raise result.exception
        return Result(result)

    return _run


@pytest.fixture
def write(tmp_path):
    """`write("a.md", text)` creates a file (folders too) in tmp_path, as UTF-8 bytes."""

    def _write(name: str, text: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
        return path

    return _write


@pytest.fixture
def mistake(run, write):
    """`mistake(config, draft)`: the error lines of linting `draft` as a.md with `config`
    as .postlint.yaml, once checked that the run exits 2 and reports nothing."""

    def _mistake(config: str, draft: str = "Hello.\n") -> list[str]:
        write(".postlint.yaml", config)
        write("a.md", draft)
        result = run("a.md")
        assert result.code == 2 and result.out == ""
        return result.err.splitlines()

    return _mistake


@pytest.fixture(scope="session")
def catalog():
    os.environ[plugins.AUTOLOAD_SWITCH] = "1"
    return Catalog.load(plugins.manager())


def load_script(name: str):
    """Import `scripts/NAME.py` (the repository's scripts are not a package)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def script():
    """`script("gen_rules_doc")` imports a script of the repository's `scripts/` folder."""
    return load_script
