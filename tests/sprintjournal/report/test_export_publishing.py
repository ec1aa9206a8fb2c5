"""Blogger and WordPress: photos found where the post says, text not dropped, in Chromium.

See docs/publishing.md: an upload folder plus a fragment that refers to it (relative, or at the
address given with --image-base-url), and a preview page to check before posting.
"""

import re
import shutil
from pathlib import Path

import pytest
from browser_tools import chromium_check, needs_chromium

from sprintjournal.cli import main as cli_main
from sprintjournal.demo import build_demo
from sprintjournal.journal import Journal
from sprintjournal.report.export import export_report

BASE = "https://example.org/wp-content/uploads/2011/11/"
HIDDEN = ("Intro.\n\n<details><summary>More</summary>\nHidden text inside details\n</details>\n\n"
          "<center>Centred words</center>\n\nAfter <center>inline centre</center> text.\n")


def _words(html_text: str) -> list[str]:
    text = re.sub(r"<!--.*?-->", " ", html_text, flags=re.DOTALL)
    return re.sub(r"<[^>]+>", " ", text).split()


@pytest.mark.parametrize("fmt", ["wordpress", "blogger"])
def test_no_text_is_dropped_that_the_page_keeps(journal: Journal, tmp_path: Path,
                                                fmt: str) -> None:
    sid = journal.add_sprint("T", project="PyPy", place="X").id
    journal.save_report(sid, text=HIDDEN)
    page = export_report(journal, sid, "html-dir", tmp_path / "page")[-1].read_text()
    body = page.split("<article>", 1)[1].split("</article>", 1)[0]
    body = re.sub(r"<h1>.*?</h1>|<p class=\"dates\">.*?</p>", "", body)
    fragment = export_report(journal, sid, fmt, tmp_path / fmt)[-1].read_text()
    assert _words(fragment) == _words(body)
    for words in ("Hidden text inside details", "Centred words", "inline centre text"):
        assert words in " ".join(_words(fragment))


@pytest.mark.parametrize("fmt", ["wordpress", "blogger"])
def test_image_base_url_points_every_photo_there(journal: Journal, tmp_path: Path,
                                                 fmt: str) -> None:
    sid = build_demo(journal)
    files = export_report(journal, sid, fmt, tmp_path, image_base=BASE)
    fragment = files[-1].read_text()
    sources = re.findall(r'<img src="([^"]+)"', fragment)
    links = re.findall(r'<a href="([^"]+\.jpg)"', fragment)
    assert sources == [f"{BASE}cake.jpg"] and links == [f"{BASE}cake.jpg"]
    assert (tmp_path / "images" / "cake.jpg").is_file(), "the folder to upload"
    preview = next(f for f in files if f.name.endswith("-preview.html")).read_text()
    assert re.findall(r'<img src="([^"]+)"', preview) == ["images/cake.jpg"]


def test_image_base_url_must_be_a_web_address(journal: Journal, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str],
                                              journal_path: Path) -> None:
    build_demo(journal)
    journal.close()
    code = cli_main(["--journal", str(journal_path), "export", "--format", "wordpress",
                     "--sprint", "November", "--out", str(tmp_path / "o"),
                     "--image-base-url", "file:///etc/"])
    assert code == 2 and "must be a web address" in capsys.readouterr().err
    assert not (tmp_path / "o").exists()


@needs_chromium
@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["wordpress", "blogger"])
def test_the_preview_page_shows_every_photo_in_chromium(journal: Journal, tmp_path: Path,
                                                        fmt: str) -> None:
    sid = build_demo(journal)
    files = export_report(journal, sid, fmt, tmp_path / fmt, image_base=BASE)
    preview = next(f for f in files if f.name.endswith("-preview.html"))
    assert chromium_check(preview, tmp_path / "profile") == "images=1 broken=0"
    shutil.rmtree(tmp_path / fmt / "images")  # without the folder beside it, Chromium says so
    assert chromium_check(preview, tmp_path / "profile") == "images=1 broken=1"
