"""Photos in the journal: original bytes kept whole, thumbnail and web renditions derived."""

from typing import Unpack

from sqlmodel import Session

from sprintjournal import photos
from sprintjournal.models import Photo, PhotoData, PhotoPerson, Rendition, Sprint
from sprintjournal.patches import PhotoDetails, PhotoPatch, patch_fields
from sprintjournal.row_ids import saved
from sprintjournal.usecases.common import (
    apply_fields,
    get_or_fail,
    next_position,
    remove_row,
    texts,
)
from sprintjournal.usecases.links import set_people

FIELDS = patch_fields(PhotoPatch, besides={"people"})


def get(session: Session, photo_id: int) -> Photo:
    return get_or_fail(session, Photo, photo_id, "photo")


def prepare(data: bytes, filename: str) -> tuple[photos.PhotoInfo, bytes]:
    """The slow, session-free part (decode, check, thumbnail): see `photos.prepare`."""
    return photos.prepare(data, filename)


def add(
    session: Session,
    sprint_id: int,
    data: bytes,
    filename: str,
    prepared: tuple[photos.PhotoInfo, bytes] | None = None,
    **details: Unpack[PhotoDetails],
) -> Photo:
    get_or_fail(session, Sprint, sprint_id, "sprint")
    info, thumb = prepared or prepare(data, filename)
    taken_day = info.taken.date() if info.taken else None
    photo = Photo(
        sprint_id=sprint_id,
        filename=filename,
        mime=info.mime,
        width=info.width,
        height=info.height,
        byte_size=len(data),
        sha256=info.sha256,
        caption=details.get("caption", ""),
        alt=details.get("alt"),
        day=details.get("day") or taken_day,
        taken_at=info.taken,
        thumbnail=thumb,
        position=next_position(session, Photo, sprint_id=sprint_id),
    )
    session.add(photo)
    session.flush()
    session.add(PhotoData(photo_id=saved(photo.id), data=data))
    set_people(session, PhotoPerson, "photo_id", saved(photo.id),
               texts(details.get("people", ()), "people"))
    return photo


def update_photo(session: Session, photo_id: int, **fields: object) -> Photo:
    photo = get(session, photo_id)
    names = fields.pop("people", None)
    apply_fields(photo, fields, FIELDS, "photo")
    session.add(photo)
    if names is not None:
        set_people(session, PhotoPerson, "photo_id", photo_id, texts(names, "people"))
    return photo


def remove(session: Session, photo_id: int) -> int:
    return remove_row(session, get(session, photo_id))


def cached_rendition(session: Session, photo_id: int, params: str) -> Rendition | None:
    return session.get(Rendition, (photo_id, params))


def store_rendition(session: Session, photo_id: int, params: str, r: photos.Rendition) -> None:
    session.merge(
        Rendition(
            photo_id=photo_id,
            params=params,
            mime=r.mime,
            width=r.width,
            height=r.height,
            data=r.data,
        )
    )
