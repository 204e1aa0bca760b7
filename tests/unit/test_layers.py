"""Imports only point down the data flow: corpus → index → answering → products → interfaces.

The modules are parsed with ``ast`` (nothing is imported), so this runs in milliseconds and
also catches imports inside functions.
"""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "assistant"
BASE = {"settings", "constants", "errors", "citation"}  # the top: anything may import these
RANK = {"corpus": 1, "index": 2, "answering": 3, "products": 4, "evaluate": 4, "interfaces": 5, "__main__": 6}


def rank(module: str) -> int:
    """0 for the top-level base modules, else the layer of the first part after 'assistant.'."""
    part = module.split(".")[1] if "." in module else ""
    return 0 if part in BASE or part in ("", "__init__") else RANK[part]


def imports(path: Path) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("assistant"):
            found.append((node.lineno, node.module))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.startswith("assistant")]
    return found


def modules() -> list[tuple[str, Path]]:
    return [("assistant." + ".".join(p.relative_to(PACKAGE).with_suffix("").parts), p) for p in sorted(PACKAGE.rglob("*.py"))]


def test_imports_point_down_the_flow():
    upward = [f"{name}:{line} imports {target}" for name, path in modules() for line, target in imports(path)
              if rank(target) > rank(name)]
    assert not upward, "imports pointing up the flow:\n" + "\n".join(upward)


def test_every_module_has_a_known_layer():
    for name, _ in modules():
        rank(name)  # raises KeyError for a module outside the agreed layout


def test_rank_of_examples():
    assert rank("assistant.errors") == 0 and rank("assistant.index.store") == 2 and rank("assistant.interfaces.api") == 5
