"""Full-text search over notes, stand-up items, branches, people and photo captions (FTS5)."""

import re

from sqlalchemy import text
from sqlmodel import Session

from sprintjournal.records import SearchHit

_WORD = re.compile(r"\w+", re.UNICODE)


def fts_query(user_text: str) -> str:
    """Every word must match, the last one as a prefix (search as you type); no FTS syntax leaks."""
    words = _WORD.findall(user_text)
    if not words:
        return ""
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


def search(
    session: Session, user_text: str, sprint_id: int | None = None, limit: int = 100
) -> list[SearchHit]:
    query = fts_query(user_text)
    if not query:
        return []
    sql = (
        "SELECT kind, item_id, sprint_id, snippet(search_index, 0, '[', ']', '…', 12), "
        "bm25(search_index) AS score FROM search_index WHERE search_index MATCH :q"
    )
    params: dict[str, object] = {"q": query, "limit": limit}
    if sprint_id is not None:
        sql += " AND (sprint_id = :sprint OR sprint_id IS NULL)"
        params["sprint"] = sprint_id
    # bm25() rather than the hidden `rank` column: with the sprint filter, ordering by `rank`
    # ranks every match in the journal (65 ms at 20,000 notes); bm25() only the sprint's (17 ms).
    sql += " ORDER BY score LIMIT :limit"
    rows = session.connection().execute(text(sql), params).all()
    return [
        SearchHit(k, int(i), None if s is None else int(s), snip, float(r))
        for k, i, s, snip, r in rows
    ]
