"""The report's photos as web copies: one per photo, upright and without metadata, made once
and then taken from the journal's cache; progress counted, Cancel honoured."""

import io
import threading
from concurrent.futures import ProcessPoolExecutor
from datetime import date

import pytest
from factories import jpeg_bytes
from photo_checks import assert_no_metadata, open_image, pixel
from PIL import Image

from sprintjournal.journal import Journal
from sprintjournal.photos import web_rendition
from sprintjournal.report import renditions
from sprintjournal.report.renditions import ExportCancelledError, make_renditions


@pytest.fixture
def three(journal: Journal) -> list[int]:
    """Three photos; the first stored on its side (EXIF orientation 6), 400 x 300 as shot."""
    sid = journal.add_sprint("Gothenburg", start=date(2011, 11, 2)).id
    return [journal.add_photo(sid, data, f"p{n}.jpg").id for n, data in enumerate([
        jpeg_bytes(400, 300, orientation=6), jpeg_bytes(300, 200), jpeg_bytes(64, 48)])]


def test_one_upright_metadata_free_copy_per_photo_in_the_order_asked(
    journal: Journal, three: list[int]
) -> None:
    made = make_renditions(journal, [three[2], three[0], three[2], three[1]], long_edge=200)
    assert list(made) == [three[2], three[0], three[1]]
    turned = open_image(made[three[0]].data)
    assert turned.size == (150, 200)  # 400 x 300 on its side, long edge bounded to 200
    assert pixel(turned, (140, 5))[2] > 150  # the blue marker, now in the top-right corner
    assert open_image(made[three[1]].data).size == (200, 133)
    assert open_image(made[three[2]].data).size == (64, 48)  # never enlarged
    for rendition in made.values():
        assert_no_metadata(rendition.data)
        assert rendition.mime == "image/jpeg"


def test_made_copies_are_cached_and_cached_ones_are_not_made_again(
    journal: Journal, three: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    first = make_renditions(journal, three[:2], long_edge=200, quality=70)
    assert journal.cached_rendition(three[0], 200, 70) == first[three[0]]
    assert journal.cached_rendition(three[0], 200, 71) is None  # other parameters, other copy

    def refuse(*_args: object) -> None:
        raise AssertionError("a cached rendition was made again")

    monkeypatch.setattr(renditions, "web_rendition", refuse)
    assert make_renditions(journal, three[:2], long_edge=200, quality=70) == first


def test_progress_counts_the_cached_at_once_then_each_made_one(
    journal: Journal, three: list[int]
) -> None:
    make_renditions(journal, [three[0]], long_edge=120)
    seen: list[tuple[int, int, str]] = []
    make_renditions(journal, three, long_edge=120, progress=lambda *a: seen.append(a))
    assert seen[0] == (1, 3, "Preparing photos (1 of 3)")
    assert [n for n, _total, _m in seen] == [1, 2, 3]
    assert seen[-1] == (3, 3, "Preparing photos (3 of 3)")


def test_nothing_to_do_reports_zero_of_zero(journal: Journal) -> None:
    seen: list[tuple[int, int, str]] = []
    assert make_renditions(journal, [], progress=lambda *a: seen.append(a)) == {}
    assert seen == [(0, 0, "Preparing photos (0 of 0)")]


def test_cancel_stops_before_any_copy_is_made_or_cached(
    journal: Journal, three: list[int]
) -> None:
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(ExportCancelledError, match="nothing was written"):
        make_renditions(journal, three, long_edge=100, cancel=cancel)
    assert all(journal.cached_rendition(pid, 100, 85) is None for pid in three)


def test_a_cancel_does_not_matter_once_everything_is_cached(
    journal: Journal, three: list[int]
) -> None:
    make_renditions(journal, three, long_edge=100)
    cancel = threading.Event()
    cancel.set()
    assert len(make_renditions(journal, three, long_edge=100, cancel=cancel)) == 3


def test_a_read_only_journal_gets_copies_but_keeps_no_cache(
    journal: Journal, three: list[int]
) -> None:
    journal.close()
    with Journal(journal.path, readonly=True) as reader:
        made = make_renditions(reader, three, long_edge=100)
        assert len(made) == 3
        assert all(reader.cached_rendition(pid, 100, 85) is None for pid in three)


def test_a_process_pool_makes_the_same_copies(journal: Journal, three: list[int]) -> None:
    """Processes get the original's bytes (a journal cannot cross to another process)."""
    with ProcessPoolExecutor(max_workers=2) as pool:
        made = make_renditions(journal, three, long_edge=90, quality=60, executor=pool)
    for pid in three:
        assert made[pid].data == web_rendition(journal.photo_bytes(pid), 90, 60).data
        assert journal.cached_rendition(pid, 90, 60) == made[pid]


def _jpeg(seed: int) -> bytes:
    image = Image.new("RGB", (900, 600), (seed * 20 % 256, 90, 140))
    image.paste((250, 250, 20), (0, 0, 100 + seed * 10, 80))
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90)
    return out.getvalue()


def test_each_photo_is_made_once_reported_and_cached(journal: Journal) -> None:
    sprint = journal.add_sprint("Gothenburg 2011", start=date(2011, 11, 2)).id
    for n in range(7):
        journal.add_photo(sprint, _jpeg(n), f"IMG_{n}.jpg")
    ids = [p.id for p in journal.list_photos(sprint)]
    reports: list[tuple[int, int]] = []

    made = make_renditions(journal, [*ids, ids[0]], 300, 80,
                           progress=lambda n, total, _text: reports.append((n, total)))

    assert list(made) == ids  # in the order asked, each once
    assert all((r.width, r.height) == (300, 200) and r.mime == "image/jpeg"
               for r in made.values())
    assert reports[0] == (0, 7) and reports[-1] == (7, 7)
    assert [n for n, _total in reports] == sorted(n for n, _total in reports)
    assert journal.cached_renditions(ids, 300, 80) == made  # kept, as made
    assert journal.cached_renditions(ids, 301, 80) == {}  # other parameters: other copies
    assert make_renditions(journal, ids, 300, 80) == made


def test_the_cache_is_read_and_written_many_at_once(journal: Journal) -> None:
    sprint = journal.add_sprint("Leysin").id
    first = journal.add_photo(sprint, _jpeg(1), "a.jpg").id
    second = journal.add_photo(sprint, _jpeg(2), "b.jpg").id
    copies = make_renditions(journal, [first, second], 200, 70)
    journal.store_renditions({first: copies[second]}, 200, 70)  # replaces what was cached
    assert journal.cached_renditions([first, second, 999], 200, 70) == {
        first: copies[second], second: copies[second]}
    assert journal.cached_rendition(first, 200, 70) == copies[second]
