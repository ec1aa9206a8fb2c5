"""make_renditions: every photo rendered once on the pool, reported, and cached for next time."""

import io
from datetime import date

from PIL import Image

from sprintjournal.journal import Journal
from sprintjournal.report.renditions import make_renditions


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
