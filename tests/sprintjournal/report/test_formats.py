"""The registry of export formats: each module in report/targets declares its own formats.

Adding a format is adding one module: a module dropped into the targets package is listed by
the registry, exported by `export_report` and offered by the command line, with no other edit.
"""

import importlib
import pkgutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from sprintjournal import cli
from sprintjournal.demo import build_demo
from sprintjournal.journal import Journal
from sprintjournal.report import targets
from sprintjournal.report.export import export_report
from sprintjournal.report.formats import formats

EXTRA = '''
"""A test-only format: the report's text in a .txt file."""

from sprintjournal.report.context import ExportContext, ExportFormat, OutFile


def plain_text(ctx: ExportContext) -> list[OutFile]:
    return [(f"{ctx.slug}.txt", ctx.text.encode())]


FORMATS = (ExportFormat("txt", "Plain text", ".txt", 55, plain_text, image_base=False),)
'''


def test_every_module_in_targets_declares_formats_and_the_registry_lists_them_all() -> None:
    declared: list[str] = []
    for info in pkgutil.iter_modules(targets.__path__):
        module = importlib.import_module(f"{targets.__name__}.{info.name}")
        keys = [fmt.key for fmt in module.FORMATS]
        assert keys, f"{info.name} declares no format"
        assert all(fmt.build.__module__ == module.__name__ for fmt in module.FORMATS)
        declared += keys
    assert sorted(formats()) == sorted(declared)
    assert len(set(declared)) == len(declared)


def test_the_registry_keeps_the_order_the_formats_ask_for() -> None:
    assert list(formats()) == ["md", "pelican", "hugo", "jekyll", "nikola", "html", "html-dir",
                               "blogger", "wordpress"]
    assert list(cli.EXPORT_FORMATS) == ["json", *formats(), "pdf", "people-txt"]


@pytest.mark.parametrize("key", list(formats()))
def test_a_format_that_says_so_refers_to_the_photos_at_a_web_address(
    key: str, journal: Journal, tmp_path: Path
) -> None:
    """`image_base` is what the format does with --image-base-url, not a claim."""
    base = "https://example.org/uploads/2011/11"
    page = export_report(journal, build_demo(journal), key, tmp_path, image_base=base)[-1]
    assert (f"{base}/cake.jpg" in page.read_text(encoding="utf-8")) == formats()[key].image_base


@pytest.fixture
def extra_format(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A new module in the targets package (on a second folder of its path)."""
    folder = tmp_path / "more_targets"
    folder.mkdir()
    (folder / "plain_text.py").write_text(EXTRA, encoding="utf-8")
    monkeypatch.setattr(targets, "__path__", [*targets.__path__, str(folder)])
    formats.cache_clear()
    yield "txt"
    formats.cache_clear()
    sys.modules.pop(f"{targets.__name__}.plain_text", None)


def test_a_new_module_is_a_new_format_everywhere(extra_format: str, journal: Journal,
                                                 tmp_path: Path) -> None:
    assert list(formats())[5] == extra_format  # rank 55: between nikola and html
    assert extra_format in cli.EXPORT_FORMATS
    sprint_id = journal.add_sprint("PyPy Gothenburg sprint").ids[0]
    journal.save_report(sprint_id, title="Report", text="# Report\n\nJIT work.")
    written = export_report(journal, sprint_id, extra_format, tmp_path / "out")
    assert [p.name for p in written] == ["report.txt"]
    assert written[0].read_text(encoding="utf-8") == "# Report\n\nJIT work."


def test_the_command_line_refuses_an_unknown_format(tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        cli.main(["--journal", str(tmp_path / "j.sprintjournal"), "export", "--format", "docx",
                  "--out", str(tmp_path)])
    assert stop.value.code == 2
    assert "invalid choice: 'docx'" in capsys.readouterr().err
