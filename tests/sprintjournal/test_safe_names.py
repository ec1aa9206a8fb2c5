"""File names made from user text: one plain component, safe on every platform, never escaping."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sprintjournal.safe_names import (
    MAX_LEN,
    MAX_SLUG,
    UniqueNames,
    UnsafePathError,
    confined,
    photo_filename,
    safe_filename,
    slugify,
    unique_path,
)

RESERVED = {
    "con",
    "prn",
    "aux",
    "nul",
    *(f"com{i}" for i in range(1, 10)),
    *(f"lpt{i}" for i in range(1, 10)),
}


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("cake.jpg", "cake.jpg"),
        ("../../x.jpg", "x.jpg"),
        ("/etc/passwd", "passwd"),
        ("C:\\Users\\laura\\cake.JPG", "cake.jpg"),
        ("C:cake.png", "cake.png"),
        ("CON.txt", "file-CON.txt"),
        ("a/NUL", "file-NUL"),
        ("lpt1.jpeg", "file-lpt1.jpeg"),
        ("trailing.", "trailing"),
        ("..", "file"),
        ("", "file"),
        ("   ", "file"),
        ("my photo (1).jpg", "my-photo-1.jpg"),
        ("Göteborg fika.JPG", "Göteborg-fika.jpg"),
        ("x.j p*g", "x.jpg"),
        (".hidden", "file.hidden"),  # never a hidden file
    ],
)
def test_safe_filename(name: str, expected: str) -> None:
    assert safe_filename(name) == expected


def test_long_names_are_cut_keeping_the_extension() -> None:
    name = safe_filename("a" * 300 + ".jpeg")
    assert len(name) <= MAX_LEN and name.endswith(".jpeg")


def test_a_fallback_names_what_has_no_usable_name() -> None:
    assert safe_filename("???", fallback="photo-7") == "photo-7"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=120))
def test_any_text_becomes_one_safe_component(text: str) -> None:
    name = safe_filename(text)
    assert name and len(name) <= MAX_LEN
    assert not set(name) & set('/\\:*?"<>|\x00')
    assert name not in {".", ".."} and not name.endswith((".", " "))
    assert name.split(".")[0].casefold() not in RESERVED
    folder = Path("/tmp/sj-safe-names")
    assert (folder / name).resolve().parent == folder.resolve()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("PyPy sprint in Gothenburg, November 2011", "pypy-sprint-in-gothenburg-november-2011"),
        ("Håkan's café — 5× faster!", "hakan-s-cafe-5-faster"),
        ("🎂🎂", "item"),
        ("", "item"),
    ],
)
def test_slugify(text: str, expected: str) -> None:
    assert slugify(text) == expected


def test_slugify_respects_its_length() -> None:
    slug = slugify("word " * 100, max_len=20)
    assert len(slug) <= 20 and not slug.endswith("-")


def test_unique_path_renames_collisions_case_insensitively(tmp_path: Path) -> None:
    taken: set[str] = set()
    first = unique_path(tmp_path, "cake.jpg", taken)
    second = unique_path(tmp_path, "CAKE.jpg", taken)
    third = unique_path(tmp_path, "cake.jpg", taken)
    assert [p.name for p in (first, second, third)] == ["cake.jpg", "CAKE-2.jpg", "cake-3.jpg"]
    assert all(p.parent == tmp_path.resolve() for p in (first, second, third))
    assert unique_path(tmp_path, "README", taken).name == "README"


def test_unique_path_refuses_to_leave_the_folder(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="outside"):
        unique_path(tmp_path, "../escape.jpg", set())


@pytest.mark.parametrize("relative", ["../x", "/etc/passwd", "a/../../b", "images/../../x",
                                      "C:\\x", "", "."])
def test_confined_refuses_paths_outside_the_folder(tmp_path: Path, relative: str) -> None:
    with pytest.raises(UnsafePathError):
        confined(tmp_path, relative)


def test_slugs_and_unique_names() -> None:
    assert slugify("Håkan Ardö's sprint!") == "hakan-ardo-s-sprint"
    assert slugify("../../etc/passwd") == "etc-passwd"
    assert slugify("CON", fallback="report") == "report-con"
    assert slugify("", fallback="report") == "report"
    assert len(slugify("x" * 300, max_len=MAX_SLUG)) <= 60
    assert photo_filename("C:\\photos\\a/NUL.jpeg", "jpg") == "photo-nul.jpg"
    names = UniqueNames()
    assert [names.claim("a.jpg"), names.claim("A.jpg"), names.claim("a.jpg")] == [
        "a.jpg", "A-2.jpg", "a-3.jpg"]
