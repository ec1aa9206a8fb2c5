"""Full-text search over notes, stand-up items, branches, people and photo captions (FTS5)."""

import re

from sqlalchemy import text
from sqlmodel import Session

from sprintjournal.db import GLOBAL_SCOPE
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
    words = fts_query(user_text)
    if not words:
        return []
    # Column filters keep the user's words off the scope tokens and vice versa; FTS5 itself then
    # narrows to the sprint (plus people, who belong to none), so only its matches are ranked.
    query = f"body : ({words})"
    if sprint_id is not None:
        query = f"scope : (s{int(sprint_id)} OR {GLOBAL_SCOPE}) AND {query}"
    # bm25() with the scope column weighted 0, rather than the hidden `rank` column, so the
    # scope token never changes the order.
    sql = (
        "SELECT kind, item_id, sprint_id, snippet(search_index, 0, '[', ']', '…', 12), "
        "bm25(search_index, 1.0, 0.0) AS score FROM search_index "
        "WHERE search_index MATCH :q ORDER BY score LIMIT :limit"
    )
    rows = session.connection().execute(text(sql), {"q": query, "limit": limit}).all()
    return [
        SearchHit(k, int(i), None if s is None else int(s), snip, float(r))
        for k, i, s, snip, r in rows
    ]
