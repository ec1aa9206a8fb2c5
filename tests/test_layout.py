"""The tests mirror the source, so a newcomer finds a module's tests without searching.

`sprintjournal/a/b.py` is tested in `tests/sprintjournal/a/test_b.py`, `ui/a/b.py` in
`tests/ui/a/test_b.py`. A new module without its own test file fails here, and so does a test
file that no longer has a module beside it (the module was renamed and its tests were not).
Test modules never import one another: shared helpers live in tests/support/.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TESTS = ROOT / "tests"
SOURCES = ("sprintjournal", "ui")
CROSS_CUTTING = {"faults", "install", "support", "data", "fixtures"}
"""Folders of tests that follow a theme across modules rather than one module."""


def source_modules() -> list[Path]:
    """Every module of the core and the UI, relative to the checkout, bar package markers."""
    return sorted(
        path.relative_to(ROOT)
        for source in SOURCES
        for path in (ROOT / source).rglob("*.py")
        if path.name != "__init__.py"
    )


def expected_test(module: Path) -> Path:
    return Path("tests") / module.parent / f"test_{module.stem}.py"


def mirrored_test_files() -> list[Path]:
    return sorted(
        path.relative_to(ROOT)
        for source in SOURCES
        for path in (TESTS / source).rglob("test_*.py")
    )


def has_own_tests(module: Path) -> bool:
    """test_<name>.py beside the mirrored path, or, for a façade whose flows fill many files,
    a folder of tests named after it (tests/sprintjournal/journal/ for journal.py)."""
    folder = ROOT / expected_test(module).with_name(module.stem)
    return (ROOT / expected_test(module)).is_file() or any(folder.glob("test_*.py"))


def test_every_module_has_its_own_test_file() -> None:
    missing = [str(m) for m in source_modules() if not has_own_tests(m)]
    assert missing == [], f"modules without tests/<same path>/test_<name>.py: {missing}"


def test_every_mirrored_test_file_has_its_module_or_package() -> None:
    """A topic file (test_<topic>.py) may sit in a mirrored folder: a package of the source,
    or a folder named after the module whose flows it drives (tests/sprintjournal/journal/)."""
    orphans = []
    for test in mirrored_test_files():
        folder = ROOT / Path(*test.parts[1:-1])
        if not (folder.is_dir() or folder.with_suffix(".py").is_file()):
            orphans.append(str(test))
    assert orphans == [], f"test files in folders the source does not have: {orphans}"


def names_module(test_file: Path, dotted: str) -> bool:
    """Whether the test file imports `dotted`, or names it as a program (`-m dotted`)."""
    package, _, stem = dotted.rpartition(".")
    text = test_file.read_text(encoding="utf-8")
    program = package if stem == "__main__" else dotted  # `python -m package` runs __main__
    if f'"{program}"' in text:
        return True
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Import) and any(a.name == dotted for a in node.names):
            return True
        if isinstance(node, ast.ImportFrom) and node.level == 0 and (
            node.module == dotted
            or (node.module == package and any(a.name == stem for a in node.names))
        ):
            return True
    return False


def test_modules_are_imported_by_their_own_tests() -> None:
    """A test file named after a module exercises that module directly, not only through
    others: it imports it, or starts it as a program with `-m`."""
    indirect = []
    for module in source_modules():
        test_file = ROOT / expected_test(module)
        dotted = ".".join(module.with_suffix("").parts)
        if dotted.startswith("ui."):
            dotted = "sprintjournal_ui." + dotted.removeprefix("ui.")
        if test_file.is_file() and not names_module(test_file, dotted):
            indirect.append(str(expected_test(module)))
    assert indirect == [], f"test files that never import their module: {indirect}"


def imported_names(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_no_test_module_imports_another() -> None:
    test_stems = {p.stem for p in TESTS.rglob("test_*.py")}
    offenders = sorted(
        f"{path.relative_to(ROOT)} imports {name}"
        for path in TESTS.rglob("*.py")
        for name in imported_names(path) & test_stems
    )
    assert offenders == []
