"""Start-up's import hook: PySide's per-import check answered without reading the source
through linecache (that `main` leaves the collector as it found it: test_app.py)."""

import importlib
import linecache
import subprocess
import sys
import types
from pathlib import Path

import pytest
from sprintjournal_ui import import_hook


@pytest.fixture
def module_dir(tmp_path: Path) -> Path:
    (tmp_path / "sj_uses_qt.py").write_text("import PySide6.QtCore\nVALUE = 1\n")
    (tmp_path / "sj_plain.py").write_text("VALUE = 2\n")
    sys.path.insert(0, str(tmp_path))
    yield tmp_path
    sys.path.remove(str(tmp_path))
    for name in ("sj_uses_qt", "sj_plain"):
        sys.modules.pop(name, None)


def test_the_check_gives_pysides_answer_without_keeping_the_source(module_dir: Path) -> None:
    feature = sys.modules.get("shibokensupport.feature")
    if feature is None:
        importlib.import_module("PySide6.QtCore")
        feature = sys.modules["shibokensupport.feature"]
    assert import_hook.install()
    assert import_hook.install()  # a second call keeps the one hook
    uses_qt = __import__("sj_uses_qt")  # PySide hooks the import statement, not importlib
    plain = __import__("sj_plain")
    assert feature.pyside_feature_dict["sj_uses_qt"] == 0  # PySide's "uses PySide"
    assert feature.pyside_feature_dict["sj_plain"] == -1  # "ignore this module"
    cached = {Path(name).name for name in linecache.cache}
    assert not {"sj_uses_qt.py", "sj_plain.py"} & cached
    fallback_calls: list[str] = []

    def fallback(module: object) -> bool:
        fallback_calls.append(getattr(module, "__name__", "?"))
        return False

    assert import_hook.uses_pyside(uses_qt, fallback) is True
    assert import_hook.uses_pyside(plain, fallback) is False
    no_file = types.ModuleType("sj_no_file")  # no source (an extension module): PySide's check
    assert import_hook.uses_pyside(no_file, fallback) is False
    assert fallback_calls == ["sj_no_file"]


def test_the_standard_librarys_modules_are_answered_unread_as_pyside_answers() -> None:
    """Python's own modules, built in or not, get PySide's answer without a file read."""
    import json
    import sqlite3.dbapi2

    read: list[str] = []

    def fallback(module: types.ModuleType) -> bool:
        read.append(module.__name__)
        return True

    for module in (sys, json, sqlite3.dbapi2):
        assert import_hook.uses_pyside(module, fallback) is False
    assert read == []
    for module in (json, sqlite3.dbapi2):  # what PySide's own check looks for
        assert b"PySide6" not in Path(module.__file__ or "").read_bytes()


def test_the_apps_own_packages_are_answered_by_their_layer_unread(module_dir: Path) -> None:
    """The core never imports Qt (whatever its text says), the UI is the Qt layer."""
    import types

    mentions = module_dir / "mentions.py"
    mentions.write_text('"""Not a line of PySide6 here."""\n')
    plain = module_dir / "plain.py"
    plain.write_text("VALUE = 3\n")

    def fallback(module: object) -> bool:
        raise AssertionError("our modules never reach PySide's own check")

    core = types.ModuleType("sprintjournal.mentions")
    core.__file__ = str(mentions)
    ui = types.ModuleType("sprintjournal_ui.plain")
    ui.__file__ = str(plain)
    other = types.ModuleType("sprintjournalist")  # only the packages themselves
    other.__file__ = str(mentions)
    assert import_hook.uses_pyside(core, fallback) is False
    assert import_hook.uses_pyside(ui, fallback) is True
    assert import_hook.uses_pyside(other, fallback) is True  # read: it mentions PySide6


HOOK_WHEN_PARSING = """
from sprintjournal_ui import app, import_hook
parse = app.parse_args

def parse_and_tell(argv):
    print("installed" if import_hook._INSTALLED else "not yet", flush=True)
    return parse(argv)

app.parse_args = parse_and_tell
try:
    app.main(["--help"])
except SystemExit:
    pass
"""


def test_the_cheaper_check_is_in_place_before_the_arguments_are_parsed() -> None:
    """argparse asks gettext for its words, and gettext imports `locale`: PySide's own check
    read that module's source (6 M instructions before the window maps)."""
    done = subprocess.run([sys.executable, "-c", HOOK_WHEN_PARSING], capture_output=True,
                          text=True, timeout=120, check=True)
    assert done.stdout.splitlines()[0] == "installed"


HOOK_WHEN_THE_APP_IS_IMPORTED = """
import sys
seen = []

class Watch:
    def find_spec(self, name, path=None, target=None):
        if name == "sprintjournal_ui.app" and not seen:
            from sprintjournal_ui import import_hook
            seen.append(bool(import_hook._INSTALLED))

sys.meta_path.insert(0, Watch())
from sprintjournal_ui import launcher
sys.argv = ["sprintjournal-gui", "--help"]
try:
    launcher.gui()
except SystemExit:
    pass
print(seen)
"""


def test_the_desktop_command_puts_the_check_in_place_before_the_apps_modules() -> None:
    """PySide6 asks its question of every module named in an import after its own: the app's
    modules (and the standard library's they import) get the cheaper answer too."""
    done = subprocess.run([sys.executable, "-c", HOOK_WHEN_THE_APP_IS_IMPORTED],
                          capture_output=True, text=True, timeout=120, check=True)
    assert done.stdout.splitlines()[-1] == "[True]"
