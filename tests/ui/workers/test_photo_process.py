"""Photo preparation in helper processes gives the core's answers, errors included."""

import pytest
from factories import jpeg_bytes
from sprintjournal_ui.workers.photo_process import HelperPool

from sprintjournal.photos import NotAnImageError
from sprintjournal.usecases import gallery


def test_helper_answers_like_the_core_and_survives_a_killed_helper() -> None:
    pool = HelperPool()
    try:
        data = jpeg_bytes(120, 80, orientation=6)
        info, thumbnail = pool.prepare(data, "pairing.jpg")
        expected_info, expected_thumbnail = gallery.prepare(data, "pairing.jpg")
        assert info == expected_info and (info.width, info.height) == (80, 120)
        assert thumbnail == expected_thumbnail

        with pytest.raises(NotAnImageError, match=r"^notes\.txt: not an image"):
            pool.prepare(b"STM: first transactional run\n", "notes.txt")

        [helper] = pool._idle  # the same helper served both requests
        helper.proc.kill()
        helper.proc.wait()
        assert pool.prepare(data, "again.jpg")[1] == expected_thumbnail
    finally:
        pool.close()
