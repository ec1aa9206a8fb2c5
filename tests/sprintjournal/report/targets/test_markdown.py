"""`report.targets.markdown`: posts and headers as the engines' own readers read them.

Pelican's headers are read with Pelican's MarkdownReader, Hugo's and Jekyll's front matter with
Ruby's YAML (Psych, the parser Jekyll uses; Ruby comes with kramdown in `scripts/setup test`)."""

import io
import json
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from blog_engines import need
from pelican.readers import MarkdownReader
from pelican.settings import DEFAULT_CONFIG
from PIL import Image

from sprintjournal.photos import Rendition
from sprintjournal.records import SprintRec
from sprintjournal.report.context import ExportContext, ExportPhoto, OutFile
from sprintjournal.report.targets.markdown import (
    FORMATS,
    body,
    hugo,
    jekyll,
    nikola,
    nikola_meta,
    pelican,
    plain,
)

TITLE = 'PyPy: the "Göteborg" sprint #2 <b>\nsecond line'
SPRINT = SprintRec(1, "Gothenburg", start=date(2011, 11, 2), end=date(2011, 11, 9),
                   description="What we did,\n  in short: a lot",
                   blog_authors=("Armin Rigo", "Ada, Lovelace"), blog_tags=("pypy", "jit, stm"))


def photo(pid: int) -> ExportPhoto:
    out = io.BytesIO()
    Image.new("RGB", (32, 24), "teal").save(out, "JPEG")
    return ExportPhoto(pid, Rendition(out.getvalue(), "image/jpeg", 32, 24, "jpg"),
                       f"images/photo-{pid}.jpg", "", "")


def context(text: str = "Body *text*.", sprint: SprintRec = SPRINT,
            title: str = TITLE) -> ExportContext:
    return ExportContext(title, text, sprint, "pypy-goteborg", {1: photo(1)})


def post(files: list[OutFile]) -> tuple[str, str]:
    name, data = files[-1]
    return name, data.decode()


def front_matter(text: str) -> dict[str, Any]:
    """The YAML between the --- lines, as Jekyll reads it (dates as ISO text)."""
    assert text.startswith("---\n")
    yaml_text = text.split("---\n", 2)[1]
    script = ('require "yaml"; require "json"; require "date"; '
              "puts JSON.generate(YAML.safe_load(STDIN.read, permitted_classes: [Date]))")
    done = subprocess.run([need("ruby"), "-e", script], input=yaml_text, capture_output=True,
                          text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    found: dict[str, Any] = json.loads(done.stdout)
    return found


def test_the_body_points_photos_at_their_files_and_drops_unknown_ones() -> None:
    text = body(context("![Cake](photo:1) and ![gone](photo:2) and ![web](https://x.org/a.png)"))
    assert text == "![Cake](images/photo-1.jpg) and  and ![web](https://x.org/a.png)\n"


def test_plain_markdown_has_the_title_as_an_escaped_heading() -> None:
    files = plain(context())
    assert [name for name, _ in files] == ["images/photo-1.jpg", "pypy-goteborg.md"]
    assert post(files)[1] == (
        "# PyPy: the \"Göteborg\" sprint \\#2 &lt;b&gt; second line\n\nBody *text*.\n")


def test_pelican_reads_every_header_as_written(tmp_path: Path) -> None:
    name, text = post(pelican(context()))
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    content, meta = MarkdownReader(dict(DEFAULT_CONFIG)).read(str(path))
    assert meta["title"] == "PyPy: the ”Göteborg” sprint #2 ‹b› second line"
    assert meta["date"].date() == date(2011, 11, 9)
    assert meta["slug"] == "pypy-goteborg"
    assert [str(t) for t in meta["tags"]] == ["pypy", "jit‚ stm"]  # one tag, not two
    assert [str(a) for a in meta["authors"]] == ["Armin Rigo", "Ada‚ Lovelace"]
    assert "What we did, in short: a lot" in str(meta["summary"])
    assert content == "<p>Body <em>text</em>.</p>"


def test_pelican_leaves_out_headers_with_nothing_to_say() -> None:
    bare = SprintRec(1, "G", start=date(2011, 11, 2))
    _name, text = post(pelican(context(sprint=bare, title="Report")))
    assert text == "Title: Report\nDate: 2011-11-02\nSlug: pypy-goteborg\n\nBody *text*.\n"


def test_hugo_front_matter_is_yaml_with_a_real_date_and_boolean() -> None:
    name, text = post(hugo(context()))
    assert name == "pypy-goteborg.md"
    assert front_matter(text) == {
        "title": 'PyPy: the "Göteborg" sprint #2 <b> second line', "date": "2011-11-09",
        "slug": "pypy-goteborg", "draft": False, "authors": ["Armin Rigo", "Ada, Lovelace"],
        "tags": ["pypy", "jit, stm"], "description": "What we did, in short: a lot"}
    assert text.endswith("---\n\nBody *text*.\n")


def test_jekyll_posts_are_named_by_date_and_never_run_liquid() -> None:
    name, text = post(jekyll(context()))
    assert name == "2011-11-09-pypy-goteborg.md"
    matter = front_matter(text)
    assert (matter["layout"], matter["render_with_liquid"], matter["author"]) == (
        "post", False, "Armin Rigo, Ada, Lovelace")


def test_the_post_date_falls_back_to_the_start() -> None:
    started = SprintRec(1, "G", start=date(2011, 11, 2))
    name, text = post(jekyll(context(sprint=started)))
    assert name == "2011-11-02-pypy-goteborg.md"
    assert front_matter(text)["date"] == "2011-11-02"
    assert "tags" not in front_matter(text) and "author" not in front_matter(text)


def test_the_nikola_sidecar_has_every_field_on_one_line() -> None:
    assert nikola_meta(context(), date(2011, 11, 9)) == (
        ".. title: PyPy: the ”Göteborg” sprint #2 ‹b› second line\n"
        ".. slug: pypy-goteborg\n"
        ".. date: 2011-11-09 12:00:00 UTC\n"
        ".. tags: pypy, jit‚ stm\n"
        ".. category:\n"
        ".. link:\n"
        ".. description: What we did, in short: a lot\n"
        ".. type: text\n"
        ".. author: Armin Rigo, Ada, Lovelace\n")


def test_nikola_writes_the_sidecar_before_the_post() -> None:
    files = nikola(context())
    assert [name for name, _ in files] == [
        "images/photo-1.jpg", "pypy-goteborg.meta", "pypy-goteborg.md"]
    assert post(files)[1] == "Body *text*.\n"


@pytest.mark.parametrize("fmt", FORMATS, ids=lambda f: f.key)
def test_every_markdown_format_writes_a_md_post_last(fmt: Any) -> None:
    assert fmt.suffix == ".md" and fmt.image_base
    assert fmt.build(context())[-1][0].endswith(".md")
