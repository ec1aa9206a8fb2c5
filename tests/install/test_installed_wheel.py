"""What users run: the built wheel, installed into a fresh virtual environment, driven from outside
the checkout. The editable install the other tests use cannot notice a missing package or
resource; these tests can (the wheel once shipped without `sprintjournal.report.targets`).

`python -m build` writes the sdist and builds the wheel from it (so the sdist is complete too);
the wheel goes into a new venv in a temporary folder; pipx installs a clone as README says.
Every verb, every export format and the GUI (offscreen) run there, with the temporary folder as
the working directory so nothing can be imported from the checkout by accident.
"""

import dataclasses
import json
import os
import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from filelock import FileLock

from sprintjournal.cli import EXPORT_FORMATS, VERBS

ROOT = Path(__file__).resolve().parents[2]
INSTALLED_NAMES = {"sprintjournal": "sprintjournal", "sprintjournal_ui": "ui",
                   "sprintjournal_resources": "resources"}
NOT_SOURCE = shutil.ignore_patterns(".git", ".venv", ".cache", "build", "dist", "*.egg-info",
                                    "__pycache__", ".*_cache", ".hypothesis", "out")
PIP_CACHE = ROOT / ".cache" / "pip"  # scripts/setup test fills it: the installs here reuse it
pytestmark = pytest.mark.slow


@dataclass(frozen=True)
class Installed:
    wheel: Path
    sdist: Path
    source: Path  # a copy of the checkout's files, as a clone has them
    venv: Path
    work: Path  # the working directory for every command: outside the checkout
    home: Path  # SPRINTJOURNAL_HOME: each test gets its own (tests run side by side)

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items()
               if k not in ("PYTHONPATH", "VIRTUAL_ENV", "SPRINTJOURNAL_JOURNAL")}
        return env | {"SPRINTJOURNAL_HOME": str(self.home), "QT_QPA_PLATFORM": "offscreen",
                      "PIP_CACHE_DIR": os.environ.get("PIP_CACHE_DIR", str(PIP_CACHE))}

    def run(self, program: str, *argv: str, timeout: int = 300) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(self.venv / "bin" / program), *argv], cwd=self.work,
                              env=self.env(), capture_output=True, text=True, timeout=timeout,
                              check=False)

    def ok(self, program: str, *argv: str) -> str:
        done = self.run(program, *argv)
        assert done.returncode == 0, f"{program} {' '.join(argv)}:\n{done.stdout}\n{done.stderr}"
        return done.stdout


def _step(argv: list[str], cwd: Path, env: dict[str, str]) -> None:
    done = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, timeout=900,
                          check=False)
    assert done.returncode == 0, f"{' '.join(argv)}:\n{done.stdout[-4000:]}\n{done.stderr[-4000:]}"


def _build_and_install(base: Path) -> Installed:
    source = base / "source"
    shutil.copytree(ROOT, source, ignore=NOT_SOURCE)  # build never writes into the checkout
    dist, work = base / "dist", base / "work"
    work.mkdir()
    probe = Installed(Path(), Path(), source, base / "venv", work, base / "home")
    _step([sys.executable, "-m", "build", "--outdir", str(dist), str(source)], base, probe.env())
    _step([sys.executable, "-m", "venv", str(probe.venv)], base, probe.env())
    wheel, sdist = next(dist.glob("*.whl")), next(dist.glob("*.tar.gz"))
    _step([str(probe.venv / "bin" / "python"), "-m", "pip", "install", "-q", str(wheel)], work,
          probe.env())
    return Installed(wheel, sdist, source, probe.venv, work, probe.home)


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Installed:
    """Built and installed once per test run, whichever worker asks first (the others wait)."""
    base = tmp_path_factory.getbasetemp()
    shared = base if worker_id == "master" else base.parent  # this run's, never an earlier one's
    with FileLock(str(shared / "installed-wheel.lock")):
        record = shared / "installed-wheel.json"
        if record.is_file():
            fields = json.loads(record.read_text(encoding="utf-8"))
            return Installed(**{k: Path(v) for k, v in fields.items()})
        made = _build_and_install(shared / "installed-wheel")
        record.write_text(json.dumps({k: str(v) for k, v in vars(made).items()}), encoding="utf-8")
        return made


@pytest.fixture
def installed(built: Installed, tmp_path: Path) -> Installed:
    """The shared installation, with a data folder of this test's own."""
    return dataclasses.replace(built, home=tmp_path / "home")


def expected_entries() -> set[str]:
    """Every package and every resource file of the checkout, under its installed name."""
    wanted = set()
    for name, folder in INSTALLED_NAMES.items():
        for path in (ROOT / folder).rglob("*"):
            if "__pycache__" in path.parts or not path.is_file() or path.suffix == ".pyc":
                continue
            if folder == "resources" or path.suffix == ".py":
                wanted.add(f"{name}/{path.relative_to(ROOT / folder).as_posix()}")
    return wanted


def test_the_wheel_holds_every_module_and_resource(installed: Installed) -> None:
    names = set(zipfile.ZipFile(installed.wheel).namelist())
    missing = expected_entries() - names
    assert not missing, f"the wheel lacks: {sorted(missing)}"


def test_the_wheel_installs_no_generic_top_level_names(installed: Installed) -> None:
    names = zipfile.ZipFile(installed.wheel).namelist()
    top = {n.split("/")[0] for n in names if not n.split("/")[0].endswith(".dist-info")}
    assert top == set(INSTALLED_NAMES)


def test_the_installed_modules_come_from_the_venv(installed: Installed) -> None:
    code = "import sprintjournal, sprintjournal_ui; print(sprintjournal.__file__); " \
           "print(sprintjournal_ui.__file__)"
    for line in installed.ok("python", "-c", code).splitlines():
        assert Path(line).is_relative_to(installed.venv), line


def test_every_verb_runs_from_the_installed_wheel(installed: Installed, tmp_path: Path) -> None:
    journal = tmp_path / "new.sprintjournal"
    ran = {"new": installed.ok("sprintjournal", "new", str(journal))}
    demo = installed.ok("sprintjournal", "demo").strip()
    ran["demo"] = demo
    ran["sprints"] = installed.ok("sprintjournal", "--journal", demo, "sprints")
    assert "Gothenburg, November 2011" in ran["sprints"]
    ran["export"] = installed.ok("sprintjournal", "--journal", demo, "export", "--out",
                                 str(tmp_path / "json"))
    ran["import"] = installed.ok("sprintjournal", "--journal", str(journal), "import",
                                 str(tmp_path / "json" / "journal.json"))
    ran["check"] = installed.ok("sprintjournal", "--journal", str(journal), "check")
    ran["backup"] = installed.ok("sprintjournal", "--journal", str(journal), "backup")
    ran["backups"] = installed.ok("sprintjournal", "--journal", str(journal), "backups")
    ran["restore"] = installed.ok("sprintjournal", "--journal", str(journal), "restore",
                                  ran["backup"].strip())
    ran["schema"] = installed.ok("sprintjournal", "schema")
    assert json.loads(ran["schema"])["title"]
    desktop_home = tmp_path / "xdg-data"
    done = subprocess.run([str(installed.venv / "bin" / "sprintjournal"), "install-desktop"],
                          cwd=installed.work, env=installed.env() | {"XDG_DATA_HOME":
                          str(desktop_home)}, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    ran["install-desktop"] = done.stdout
    assert (desktop_home / "applications" / "org.sprintjournal.SprintJournal.desktop").is_file()
    assert set(ran) == set(VERBS), "a verb was added: run it here too"
    assert "With no verb, the desktop app starts" in installed.ok("sprintjournal", "--help")
    assert installed.ok("python", "-m", "sprintjournal", "--version").startswith("SprintJournal")


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_every_export_format_from_the_installed_wheel(
    installed: Installed, fmt: str, tmp_path: Path
) -> None:
    demo = installed.ok("sprintjournal", "demo").strip()
    out = tmp_path / fmt
    written = installed.ok("sprintjournal", "--journal", demo, "export", "--format", fmt,
                           "--out", str(out)).splitlines()
    assert written and all(Path(p).is_file() and Path(p).stat().st_size > 0 for p in written)


def test_the_installed_gui_starts_exports_and_quits(installed: Installed, tmp_path: Path) -> None:
    driver = installed.work / "drive_gui.py"
    shutil.copyfile(Path(__file__).with_name("drive_gui.py"), driver)
    done = installed.run("python", str(driver), str(tmp_path / "gui"), timeout=300)
    assert done.returncode == 0, f"{done.stdout}\n{done.stderr[-4000:]}"
    written = [Path(line) for line in done.stdout.splitlines()]
    assert {p.suffix for p in written} >= {".html", ".pdf"}
    assert all(p.is_file() and p.is_relative_to(tmp_path) for p in written)
    assert "Traceback" not in done.stderr and "went wrong" not in done.stderr


def test_the_desktop_entrys_command_starts_the_app(installed: Installed) -> None:
    """`sprintjournal-gui`, as the menu entry runs it: the demo opened, every panel filled, quit;
    its start-up trace shows the whole start."""
    done = installed.run("sprintjournal-gui", "--demo", "--quit-after-startup", "--trace-startup",
                         timeout=300)
    assert done.returncode == 0, f"{done.stdout}\n{done.stderr[-4000:]}"
    phases = [line.removeprefix("startup ").split("  ")[0].strip()
              for line in done.stdout.splitlines() if line.startswith("startup ")]
    assert phases[0] == "qapplication" and "ready for input" in phases
    assert phases[-1] == "all panels filled"
    assert "Traceback" not in done.stderr


def test_pipx_installs_a_clone_as_the_readme_says(installed: Installed, tmp_path: Path) -> None:
    """`pipx install .` in a clone (here: the copy the wheel was built from)."""
    env = installed.env() | {"PIPX_HOME": str(tmp_path / "pipx"),
                             "PIPX_BIN_DIR": str(tmp_path / "bin"),
                             "PIPX_MAN_DIR": str(tmp_path / "man")}
    pipx = [sys.executable, "-m", "pipx"]
    _step([*pipx, "install", "."], installed.source, env)
    done = subprocess.run([str(tmp_path / "bin" / "sprintjournal"), "demo"], cwd=installed.work,
                          env=env, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"{installed.home / 'demo.sprintjournal'}\n"
    assert (tmp_path / "bin" / "sprintjournal-gui").is_file()
