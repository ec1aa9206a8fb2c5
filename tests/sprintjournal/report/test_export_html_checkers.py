"""Real tools judge the HTML exports: the Nu HTML checker and a headless Chromium.

They run when the tools are installed (`.ci/run` installs both: `npm install vnu-jar` into
.cache/vnu and the Debian package `chromium`); without them the tests are skipped, saying why.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from browser_tools import CHROMIUM, IN_CI, chromium_check, needs_chromium
from locations import ROOT

from sprintjournal.demo import build_demo
from sprintjournal.journal import Journal
from sprintjournal.report.export import export_report

VNU = ROOT / ".cache" / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
FRAGMENT_PAGE = ('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
                 "<title>fragment</title></head><body>\n{}\n</body></html>\n")

pytestmark = pytest.mark.slow


@pytest.fixture
def exports(journal: Journal, tmp_path: Path) -> dict[str, Path]:
    """The demo report in every HTML format, each in its own folder."""
    sid = build_demo(journal)
    return {fmt: export_report(journal, sid, fmt, tmp_path / fmt)[-1]
            for fmt in ("html", "html-dir", "blogger", "wordpress")}




def validate(files: list[Path]) -> list[dict[str, object]]:
    """One checker run for all files (the JVM start is the expensive part)."""
    java = shutil.which("java")
    assert java is not None
    run = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--format", "json",
                          *map(str, files)], capture_output=True, text=True, timeout=180)
    messages: list[dict[str, object]] = json.loads(run.stderr or run.stdout)["messages"]
    return messages


@pytest.mark.skipif(not IN_CI and (not VNU.is_file() or not shutil.which("java")),
                    reason="Nu HTML checker not installed (npm install vnu-jar in .cache/vnu)")
def test_every_html_export_validates_with_the_nu_checker(exports: dict[str, Path],
                                                         tmp_path: Path) -> None:
    files = [exports["html"], exports["html-dir"]]
    for fmt in ("blogger", "wordpress"):
        page = tmp_path / f"{fmt}-in-a-page.html"
        page.write_text(FRAGMENT_PAGE.format(exports[fmt].read_text()), encoding="utf-8")
        files.append(page)
    assert validate(files) == []


@pytest.mark.skipif(not IN_CI and (not VNU.is_file() or not shutil.which("java")),
                    reason="Nu HTML checker not installed (npm install vnu-jar in .cache/vnu)")
def test_the_checker_does_report_invalid_html(tmp_path: Path) -> None:
    bad = tmp_path / "bad.html"
    bad.write_text("<!DOCTYPE html><html lang=en><head><title>x</title></head>"
                   "<body><img src=a.jpg><p><div></div></p></body></html>")
    assert len(validate([bad])) >= 2


def screenshot(page: Path, out: Path, profile: Path) -> None:
    assert CHROMIUM is not None
    subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", f"--user-data-dir={profile}",
         "--window-size=1000,2600", f"--screenshot={out}", page.as_uri()],
        capture_output=True, timeout=120, check=True,
    )


@needs_chromium
def test_chromium_renders_the_self_contained_page_with_every_image(exports: dict[str, Path],
                                                                   tmp_path: Path) -> None:
    assert chromium_check(exports["html"], tmp_path / "profile") == "images=1 broken=0"
    png = tmp_path / "page.png"
    screenshot(exports["html"], png, tmp_path / "profile")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 20_000


@needs_chromium
def test_the_chromium_check_does_detect_a_broken_image(exports: dict[str, Path],
                                                       tmp_path: Path) -> None:
    page = exports["html"]
    broken = page.with_name("broken.html")
    broken.write_text(page.read_text().replace(
        "</article>", '<img src="data:image/jpeg;base64,AAAA" alt="broken"></article>'))
    assert chromium_check(broken, tmp_path / "profile") == "images=2 broken=1"
