"""The package's folders are its layers: no module imports a higher layer (docs/architecture.md)."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "postlint"
# top to bottom; a module may import its own layer or a lower one
LAYERS = [("cli", "lsp"), ("formats",), ("lint", "plugins"), ("checks",), ("text", "readers"),
          ("load",), ("hookspecs",)]
RANK = {room: len(LAYERS) - i for i, rooms in enumerate(LAYERS) for room in rooms}


def room(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "postlint" else None


def imports(path: Path):
    """(line, imported postlint module) for every import in the file, relative ones resolved."""
    module = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    package = package.removesuffix(".__init__")
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")[:len(package.split(".")) - node.level + 1] if node.level \
                else []
            target = ".".join(base + ([node.module] if node.module else []))
            for alias in node.names:  # `from . import x` may name a module
                yield node.lineno, f"{target}.{alias.name}" if not node.module else target


MODULES = sorted(p for p in PACKAGE.rglob("*.py") if p.name not in ("__main__.py",))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_imports_a_higher_layer(path):
    own = room("postlint." + ".".join(path.relative_to(PACKAGE).with_suffix("").parts))
    if own not in RANK:
        pytest.skip("the package's face")
    upward = [(line, target) for line, target in imports(path)
              if room(target) in RANK and RANK[room(target)] > RANK[own]]
    assert not upward, f"{path.name} imports a higher layer: {upward}"


def test_every_room_is_in_a_layer():
    rooms = {p.name.removesuffix(".py") for p in PACKAGE.iterdir()
             if p.name not in ("__init__.py", "__main__.py", "__pycache__", "rules")}
    assert rooms <= set(RANK), f"unplaced: {rooms - set(RANK)} (add them to LAYERS and docs)"
