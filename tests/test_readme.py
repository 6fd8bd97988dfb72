"""The README's first commands: the second is exactly what CI runs."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Try it", 1)[1].split("\n## ", 1)[0]
    return [block.strip() for block in re.findall(r"```sh\n(.*?)```", section, re.DOTALL)]


def test_first_command_installs_and_runs_on_the_examples():
    first = commands()[0]
    assert "pip install" in first and first.endswith("postlint examples/drafts/")


def test_ci_runs_exactly_the_second_command():
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()
    assert script[-1] == commands()[1]


def test_first_example_is_the_real_output_of_the_try_it_command(script):
    gen = script("gen_readme_example")
    assert commands()[0].endswith(gen.COMMAND)
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert text.index(f"$ {gen.COMMAND}\n") < text.index("## Try it")  # the first example
    assert gen.render(text, gen.output()) == text, \
        "README.md's first example is stale: run python scripts/gen_readme_example.py"


def test_readme_says_what_exit_1_means():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "Exit code 1 means problems were found" in text.split("## Try it")[0]
    assert "| 1 | problems found:" in text
