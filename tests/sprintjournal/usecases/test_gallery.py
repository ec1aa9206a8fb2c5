"""The photo use cases on a real journal's session: the day a photo was taken, the gallery's
order, the stored original and thumbnail, and the rendition cache."""

import io
from datetime import date, datetime

import pytest
from factories import jpeg_bytes
from PIL import Image

from sprintjournal import photos
from sprintjournal.errors import NotFoundError
from sprintjournal.journal import Journal
from sprintjournal.row_ids import saved
from sprintjournal.usecases import gallery
from sprintjournal.usecases.common import reads


def taken_on(when: str, colour: tuple[int, int, int] = (90, 90, 200)) -> bytes:
    """A real JPEG whose EXIF says when it was taken (DateTimeOriginal)."""
    exif = Image.Exif()
    exif.get_ifd(0x8769)[0x9003] = when
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), colour).save(buffer, "JPEG", exif=exif.tobytes())
    return buffer.getvalue()


@pytest.fixture
def sprint(journal: Journal) -> int:
    return journal.add_sprint("Gothenburg", start=date(2011, 11, 2), end=date(2011, 11, 9)).id


def test_a_photo_falls_on_the_day_its_camera_says(journal: Journal, sprint: int) -> None:
    with journal.write() as s:
        photo = gallery.add(s, sprint, taken_on("2011:11:04 21:30:00"), "dinner.jpg")
    assert photo.day == date(2011, 11, 4)
    assert photo.taken_at == datetime(2011, 11, 4, 21, 30)


def test_a_day_given_by_the_organiser_wins_over_the_camera(journal: Journal, sprint: int) -> None:
    with journal.write() as s:
        photo = gallery.add(s, sprint, taken_on("2011:11:04 21:30:00"), "dinner.jpg",
                            day=date(2011, 11, 5))
    assert photo.day == date(2011, 11, 5) and photo.taken_at == datetime(2011, 11, 4, 21, 30)


def test_a_photo_without_a_date_has_no_day(journal: Journal, sprint: int) -> None:
    with journal.write() as s:
        photo = gallery.add(s, sprint, jpeg_bytes(), "plain.jpg")
    assert photo.day is None and photo.taken_at is None


def test_prepared_work_is_used_as_given(journal: Journal, sprint: int) -> None:
    """The worker thread's decoding is not done again inside the write."""
    data = jpeg_bytes()
    info, thumb = gallery.prepare(data, "p.jpg")
    with journal.write() as s:
        photo_id = gallery.add(s, sprint, data, "p.jpg", prepared=(info, b"THUMB")).id
    assert photo_id is not None
    assert thumb != b"THUMB"
    with journal.read() as s:
        assert reads(s).photo_thumbnail(photo_id) == b"THUMB"
        assert reads(s).photo_bytes(photo_id) == data


def test_an_unknown_sprint_is_refused_before_decoding(journal: Journal) -> None:
    with journal.write() as s, pytest.raises(NotFoundError, match="No sprint with id 7 "):
        gallery.add(s, 7, b"not even an image", "x.jpg")


def test_the_gallery_lists_by_position_and_photos_of_one_sprint_only(
    journal: Journal, sprint: int
) -> None:
    other = journal.add_sprint("Leysin").id
    with journal.write() as s:
        ids = [saved(gallery.add(s, sprint, jpeg_bytes(colour=(n * 40, 0, 0)), f"{n}.jpg").id)
               for n in range(3)]
        gallery.add(s, other, jpeg_bytes(), "elsewhere.jpg")
    journal.reorder("photo", [ids[2], ids[0], ids[1]])
    with journal.read() as s:
        listed = reads(s).list_photos(sprint)
    assert [p.filename for p in listed] == ["2.jpg", "0.jpg", "1.jpg"]
    assert [p.position for p in listed] == [0, 1, 2]


def test_a_listed_photo_carries_its_fields_and_people(journal: Journal, sprint: int) -> None:
    data = jpeg_bytes(64, 48)
    with journal.write() as s:
        gallery.add(s, sprint, data, "p.jpg", caption="Hall", alt="the hallway",
                    people=["Laura Creighton", "lac"])
    with journal.read() as s:
        (rec,) = reads(s).list_photos(sprint)
    assert (rec.filename, rec.mime, rec.width, rec.height, rec.byte_size) == (
        "p.jpg", "image/jpeg", 64, 48, len(data))
    assert (rec.caption, rec.alt) == ("Hall", "the hallway")
    assert [p.name for p in rec.people] == ["Laura Creighton", "lac"]


def test_the_original_of_a_missing_photo_is_named(journal: Journal) -> None:
    with journal.read() as s, pytest.raises(NotFoundError, match="No photo with id 5 "):
        reads(s).photo_bytes(5)


def test_a_rendition_is_cached_per_parameters_and_replaced_when_stored_again(
    journal: Journal, sprint: int
) -> None:
    with journal.write() as s:
        photo_id = gallery.add(s, sprint, jpeg_bytes(400, 300), "p.jpg").id
    assert photo_id is not None
    small = photos.web_rendition(journal.photo_bytes(photo_id), 100, 80)
    again = photos.web_rendition(journal.photo_bytes(photo_id), 100, 30)
    with journal.write() as s:
        assert gallery.cached_rendition(s, photo_id, "100/80") is None
        gallery.store_rendition(s, photo_id, "100/80", small)
    with journal.write() as s:
        gallery.store_rendition(s, photo_id, "100/80", again)
    with journal.read() as s:
        cached = gallery.cached_rendition(s, photo_id, "100/80")
        assert cached is not None and cached.data == again.data
        assert (cached.width, cached.height, cached.mime) == (100, 75, "image/jpeg")
        assert gallery.cached_rendition(s, photo_id, "200/80") is None
