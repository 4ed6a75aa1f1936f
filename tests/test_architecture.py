"""The house rules of framing's package layout (see CONTRIBUTING.md).

Each layer imports only the layers below it, imports written inside functions
counted; no module is longer than 800 lines. A module's layer is the first
entry of ``LAYERS`` whose prefix it matches.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "framing"

#: Bottom first. Inside one layer, imports must not form a cycle.
LAYERS = (
    ("data", ("framing.lexicons", "framing.models", "framing._version", "framing._validate")),
    ("text engine", ("framing._nlp",)),
    ("corpus", ("framing.corpus", "framing._tabular", "framing._readers", "framing._parallel", "framing.datasets")),
    ("measures", ("framing.measures",)),
    ("plotting", ("framing.plot",)),
    ("registry", ("framing.analyses",)),
    ("article features", ("framing.features",)),
    ("report", ("framing.report",)),
    ("comparison", ("framing.comparison",)),
    ("stream", ("framing.stream",)),
    ("command", ("framing.cli",)),
    ("public face", ("framing",)),
)

#: Third-party packages that may be imported inside a function (heavy and optional).
LAZY_ALLOWED = {"dask", "distributed", "ipykernel", "IPython"}


def modules() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


def layer_of(module: str) -> int:
    for rank, (_, prefixes) in enumerate(LAYERS):
        if any(module == p or module.startswith(p + ".") for p in prefixes):
            return rank
    raise AssertionError(f"{module} is in no layer; add it to LAYERS in {__file__}")


def imports(module: str, path: Path, known: set[str]) -> list[tuple[str, int, bool]]:
    """(imported framing module, line, inside a function) for every import of ``module``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    inside: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            inside.update(id(n) for n in ast.walk(node) if n is not node)
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            names = [target] + [f"{target}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        else:
            continue
        for name in names:
            if name in known and name != module:
                out.append((name, node.lineno, id(node) in inside))
    return out


def absolute_imports(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, module) of every absolute import under ``tree``."""
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and not node.level:
            out.append((node.lineno, node.module or ""))
    return out


def edges():
    mods = modules()
    known = set(mods)
    return {m: imports(m, p, known) for m, p in mods.items()}


def test_every_module_has_a_layer():
    for module in modules():
        layer_of(module)


def test_layers_import_only_downward():
    bad = []
    for module, targets in edges().items():
        if module == "framing":
            continue
        for target, line, _ in targets:
            if target == "framing":
                bad.append(f"{module}:{line} imports the package face")
            elif layer_of(target) > layer_of(module):
                bad.append(f"{module}:{line} imports {target} ({LAYERS[layer_of(target)][0]} is above "
                           f"{LAYERS[layer_of(module)][0]})")
    assert not bad, "\n".join(bad)


def test_no_import_cycle():
    graph = {m: {t for t, _, _ in ts} - {"framing"} for m, ts in edges().items()}
    graph["framing"] = set()
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(v: str) -> list[str] | None:
        state[v] = 1
        stack.append(v)
        for w in sorted(graph[v]):
            if state.get(w) == 1:
                return stack[stack.index(w):] + [w]
            if w not in state and (cycle := visit(w)):
                return cycle
        state[v] = 2
        stack.pop()
        return None

    for v in sorted(graph):
        if v not in state and (cycle := visit(v)):
            pytest.fail("import cycle: " + " -> ".join(cycle))


def test_no_function_level_imports_of_framing():
    lazy = [f"{m}:{line} imports {t} inside a function" for m, ts in edges().items() for t, line, inner in ts
            if inner and m != "framing"]
    assert not lazy, "\n".join(lazy)


def test_third_party_imports_inside_functions_are_optional_heavy_packages():
    bad = []
    for module, path in modules().items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for fn in ast.walk(tree):
            if not isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            for line, name in absolute_imports(fn):
                top = name.split(".")[0]
                if top != "framing" and top not in LAZY_ALLOWED:
                    bad.append(f"{module}:{line} imports {name} inside a function")
    assert not bad, "\n".join(bad)


def test_no_module_over_800_lines():
    long = {m: n for m, p in modules().items() if (n := len(p.read_text(encoding="utf-8").splitlines())) > 800}
    assert not long, long


def test_public_surface_is_small():
    import framing

    assert len(framing.__all__) <= 26, framing.__all__
    for name in framing.__all__:
        assert hasattr(framing, name), name


# -- the tests' own layout -------------------------------------------------------------------

TESTS = Path(__file__).resolve().parent

#: Folders of tests/ that hold data or helpers, not tests of a package folder.
TEST_FOLDERS_APART = {"golden"}


def test_test_folders_mirror_package_folders():
    """Every tests/<sub>/ (with tests in it) is named after a folder of framing/."""
    packages = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists()}
    bad = []
    for folder in sorted(p for p in TESTS.iterdir() if p.is_dir() and p.name != "__pycache__"):
        if folder.name in TEST_FOLDERS_APART:
            continue
        if folder.name not in packages:
            bad.append(f"tests/{folder.name}/ has no framing/{folder.name}/")
        if not (folder / "__init__.py").exists():
            bad.append(f"tests/{folder.name}/ has no __init__.py (test modules of two folders may share a name)")
    assert not bad, "\n".join(bad)


def test_tests_never_import_validation():
    """validation/ is run as scripts (tests/scripts.py), never imported by a test."""
    bad = []
    for path in sorted(TESTS.rglob("*.py")):
        for line, name in absolute_imports(ast.parse(path.read_text(encoding="utf-8"))):
            if name.split(".")[0] == "validation":
                bad.append(f"{path.relative_to(TESTS.parent)}:{line} imports {name}")
    assert not bad, "\n".join(bad)
