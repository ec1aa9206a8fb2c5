"""Full-text search over notes, stand-up items, branches, people and photo captions (FTS5).

Order: bm25 (best match first) over the matches, except that a search matching more than
`RANKED` items ranks only the `RANKED` most recently written of them (the highest rowids of the
index: its triggers give an item a new row each time it is saved). Ranking is what a search
costs: bm25 of 19,000 matches (a word in every note of 200 sprints) took 25–50 ms, ranking 2,000
takes a tenth of it; and when a word is in thousands of items, the recent ones are what a
journal's reader looks for. Up to `RANKED` matches, every match is ranked, as before.

Plain SQL on the reader's sqlite3 connection (`reader.SqliteReader.search`): searching, like
everything else the app shows, needs no ORM.
"""

import re
import sqlite3
from datetime import date

from sprintjournal.db import GLOBAL_SCOPE
from sprintjournal.records import SearchHit

_WORD = re.compile(r"\w+", re.UNICODE)
RANKED = 2000
"""The most matches bm25 ranks; beyond, the most recently written `RANKED` are ranked."""

# bm25() with the scope column weighted 0, rather than the hidden `rank` column, so the scope
# token never changes the order. The rowid floor is that of the RANKED-th newest match (none,
# so every match, when there are fewer). Where a hit is (a note's day, a stand-up item's day
# and branch) is read for the page only, in the same query.
_SQL = """
SELECT hit.kind, hit.item_id, hit.sprint_id, hit.snip, hit.score,
  CASE hit.kind WHEN 'note' THEN (SELECT day FROM note WHERE id = hit.item_id)
                WHEN 'standup' THEN (SELECT day FROM standup_item WHERE id = hit.item_id) END,
  CASE hit.kind WHEN 'standup' THEN (SELECT b.name FROM standup_item AS i
                                     JOIN branch AS b ON b.id = i.branch_id
                                     WHERE i.id = hit.item_id) END
FROM (
  SELECT kind, item_id, sprint_id, snippet(search_index, 0, '[', ']', '…', 12) AS snip,
         bm25(search_index, 1.0, 0.0) AS score
  FROM search_index
  WHERE search_index MATCH :q AND rowid >= coalesce((
    SELECT rowid FROM search_index WHERE search_index MATCH :q
    ORDER BY rowid DESC LIMIT 1 OFFSET :skip), 0)
  ORDER BY score LIMIT :limit
) AS hit
ORDER BY hit.score
"""


def fts_query(user_text: str) -> str:
    """Every word must match, the last one as a prefix (search as you type); no FTS syntax leaks."""
    words = _WORD.findall(user_text)
    if not words:
        return ""
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


def search(
    conn: sqlite3.Connection, user_text: str, sprint_id: int | None = None, limit: int = 100
) -> list[SearchHit]:
    words = fts_query(user_text)
    if not words:
        return []
    # Column filters keep the user's words off the scope tokens and vice versa; FTS5 itself then
    # narrows to the sprint (plus people, who belong to none), so only its matches are ranked.
    query = f"body : ({words})"
    if sprint_id is not None:
        query = f"scope : (s{int(sprint_id)} OR {GLOBAL_SCOPE}) AND {query}"
    params = {"q": query, "limit": limit, "skip": RANKED - 1}
    rows = conn.execute(_SQL, params).fetchall()
    return [
        SearchHit(k, int(i), None if s is None else int(s), snip, float(r),
                  None if day is None else date.fromisoformat(day), branch)
        for k, i, s, snip, r, day, branch in rows
    ]
