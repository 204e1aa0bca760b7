"""Imports only point down the data flow: corpus → index → answering → products → interfaces.

The modules are parsed with ``ast`` (nothing is imported), so this runs in milliseconds and
also catches imports inside functions.
"""

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "assistant"
BASE = {"settings", "constants", "errors", "citation"}  # the top: anything may import these
MAX_LINES = 350
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


def test_no_module_is_over_the_size_limit():
    long = [f"{p.relative_to(PACKAGE)}: {n}" for _, p in modules() if (n := len(p.read_text().splitlines())) > MAX_LINES]
    assert not long, f"modules over {MAX_LINES} lines (split them by concept): {long}"


def test_rank_of_examples():
    assert rank("assistant.errors") == 0 and rank("assistant.index.store") == 2 and rank("assistant.interfaces.api") == 5


def test_readme_layout_names_every_module():
    readme = (PACKAGE.parent / "README.md").read_text(encoding="utf-8")
    layout = readme[readme.index("### Layout"):]
    layout = layout[: layout.index("\n```\n", layout.index("```\n") + 4)]
    missing = [name for name, p in modules()
               if p.stem not in ("__init__", "__main__") and not re.search(rf"\b{p.stem}\b", layout)]
    assert not missing, f"add these modules to README.md's Layout section: {missing}"
