"""Version 1: the tables, their indexes and the first search index. Frozen: never edit.

The text is what version 1 shipped (SQLAlchemy's DDL of the models of that day, as the version-1
files hold it); later versions change a file only through their own steps.
"""

import sqlite3

TABLES = (
    """CREATE TABLE meta (
        "key" VARCHAR NOT NULL,
        value VARCHAR NOT NULL,
        PRIMARY KEY ("key")
    )""",
    """CREATE TABLE person (
        id INTEGER NOT NULL,
        name VARCHAR NOT NULL,
        name_key VARCHAR NOT NULL,
        email VARCHAR,
        url VARCHAR,
        PRIMARY KEY (id)
    )""",
    """CREATE TABLE sprint (
        id INTEGER NOT NULL,
        title VARCHAR NOT NULL,
        project VARCHAR NOT NULL,
        place VARCHAR NOT NULL,
        venue VARCHAR,
        start DATE,
        "end" DATE,
        description VARCHAR NOT NULL,
        blog_authors JSON NOT NULL,
        blog_tags JSON NOT NULL,
        created_at DATETIME NOT NULL,
        PRIMARY KEY (id)
    )""",
    """CREATE TABLE attendance (
        id INTEGER NOT NULL,
        sprint_id INTEGER NOT NULL,
        person_id INTEGER NOT NULL,
        arrive DATE,
        depart DATE,
        dates_text VARCHAR,
        accommodation VARCHAR,
        diet VARCHAR,
        host BOOLEAN NOT NULL,
        newcomer BOOLEAN,
        notes VARCHAR,
        needs_review BOOLEAN NOT NULL,
        review_reason VARCHAR,
        position INTEGER NOT NULL,
        PRIMARY KEY (id),
        UNIQUE (sprint_id, person_id),
        FOREIGN KEY(sprint_id) REFERENCES sprint (id) ON DELETE CASCADE,
        FOREIGN KEY(person_id) REFERENCES person (id) ON DELETE CASCADE
    )""",
    """CREATE TABLE branch (
        id INTEGER NOT NULL,
        sprint_id INTEGER NOT NULL,
        name VARCHAR NOT NULL,
        kind VARCHAR NOT NULL,
        goal VARCHAR NOT NULL,
        status VARCHAR NOT NULL,
        results JSON NOT NULL,
        links JSON NOT NULL,
        notes VARCHAR,
        position INTEGER NOT NULL,
        PRIMARY KEY (id),
        UNIQUE (sprint_id, name),
        FOREIGN KEY(sprint_id) REFERENCES sprint (id) ON DELETE CASCADE
    )""",
    """CREATE TABLE note (
        id INTEGER NOT NULL,
        sprint_id INTEGER NOT NULL,
        day DATE,
        text VARCHAR NOT NULL,
        sha256 VARCHAR NOT NULL,
        position INTEGER NOT NULL,
        created_at DATETIME NOT NULL,
        updated_at DATETIME NOT NULL,
        PRIMARY KEY (id),
        FOREIGN KEY(sprint_id) REFERENCES sprint (id) ON DELETE CASCADE
    )""",
    """CREATE TABLE person_alias (
        id INTEGER NOT NULL,
        person_id INTEGER NOT NULL,
        alias VARCHAR NOT NULL,
        alias_key VARCHAR NOT NULL,
        PRIMARY KEY (id),
        UNIQUE (person_id, alias_key),
        FOREIGN KEY(person_id) REFERENCES person (id) ON DELETE CASCADE
    )""",
    """CREATE TABLE photo (
        id INTEGER NOT NULL,
        sprint_id INTEGER NOT NULL,
        filename VARCHAR NOT NULL,
        mime VARCHAR NOT NULL,
        width INTEGER NOT NULL,
        height INTEGER NOT NULL,
        byte_size INTEGER NOT NULL,
        sha256 VARCHAR NOT NULL,
        caption VARCHAR NOT NULL,
        alt VARCHAR,
        day DATE,
        taken_at DATETIME,
        thumbnail BLOB NOT NULL,
        position INTEGER NOT NULL,
        PRIMARY KEY (id),
        FOREIGN KEY(sprint_id) REFERENCES sprint (id) ON DELETE CASCADE
    )""",
    """CREATE TABLE report (
        sprint_id INTEGER NOT NULL,
        title VARCHAR,
        text VARCHAR,
        generated_text VARCHAR,
        updated_at DATETIME NOT NULL,
        PRIMARY KEY (sprint_id),
        FOREIGN KEY(sprint_id) REFERENCES sprint (id) ON DELETE CASCADE
    )""",
    """CREATE TABLE branch_person (
        branch_id INTEGER NOT NULL,
        person_id INTEGER NOT NULL,
        position INTEGER NOT NULL,
        PRIMARY KEY (branch_id, person_id),
        FOREIGN KEY(branch_id) REFERENCES branch (id) ON DELETE CASCADE,
        FOREIGN KEY(person_id) REFERENCES person (id) ON DELETE CASCADE
    )""",
    """CREATE TABLE note_version (
        id INTEGER NOT NULL,
        note_id INTEGER NOT NULL,
        text VARCHAR NOT NULL,
        sha256 VARCHAR NOT NULL,
        saved_at DATETIME NOT NULL,
        PRIMARY KEY (id),
        FOREIGN KEY(note_id) REFERENCES note (id) ON DELETE CASCADE
    )""",
    """CREATE TABLE photo_data (
        photo_id INTEGER NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (photo_id),
        FOREIGN KEY(photo_id) REFERENCES photo (id) ON DELETE CASCADE
    )""",
    """CREATE TABLE photo_person (
        photo_id INTEGER NOT NULL,
        person_id INTEGER NOT NULL,
        position INTEGER NOT NULL,
        PRIMARY KEY (photo_id, person_id),
        FOREIGN KEY(photo_id) REFERENCES photo (id) ON DELETE CASCADE,
        FOREIGN KEY(person_id) REFERENCES person (id) ON DELETE CASCADE
    )""",
    """CREATE TABLE rendition (
        photo_id INTEGER NOT NULL,
        params VARCHAR NOT NULL,
        mime VARCHAR NOT NULL,
        width INTEGER NOT NULL,
        height INTEGER NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (photo_id, params),
        FOREIGN KEY(photo_id) REFERENCES photo (id) ON DELETE CASCADE
    )""",
    """CREATE TABLE standup_item (
        id INTEGER NOT NULL,
        sprint_id INTEGER NOT NULL,
        day DATE NOT NULL,
        section VARCHAR NOT NULL,
        text VARCHAR NOT NULL,
        status VARCHAR,
        branch_id INTEGER,
        position INTEGER NOT NULL,
        needs_review BOOLEAN NOT NULL,
        review_reason VARCHAR,
        PRIMARY KEY (id),
        FOREIGN KEY(sprint_id) REFERENCES sprint (id) ON DELETE CASCADE,
        FOREIGN KEY(branch_id) REFERENCES branch (id) ON DELETE SET NULL
    )""",
    """CREATE TABLE standup_person (
        item_id INTEGER NOT NULL,
        person_id INTEGER NOT NULL,
        position INTEGER NOT NULL,
        PRIMARY KEY (item_id, person_id),
        FOREIGN KEY(item_id) REFERENCES standup_item (id) ON DELETE CASCADE,
        FOREIGN KEY(person_id) REFERENCES person (id) ON DELETE CASCADE
    )""",
    "CREATE UNIQUE INDEX ix_person_name_key ON person (name_key)",
    "CREATE INDEX ix_attendance_sprint_id ON attendance (sprint_id)",
    "CREATE INDEX ix_attendance_person_id ON attendance (person_id)",
    "CREATE INDEX ix_branch_sprint_id ON branch (sprint_id)",
    "CREATE INDEX ix_note_sprint_day ON note (sprint_id, day)",
    "CREATE INDEX ix_person_alias_person_id ON person_alias (person_id)",
    "CREATE INDEX ix_person_alias_alias_key ON person_alias (alias_key)",
    "CREATE INDEX ix_photo_sprint_id ON photo (sprint_id)",
    "CREATE INDEX ix_note_version_note_id ON note_version (note_id)",
    "CREATE INDEX ix_standup_sprint_day ON standup_item (sprint_id, day)",
    "CREATE INDEX ix_standup_item_branch_id ON standup_item (branch_id)",
)

_SOURCES = {
    # kind: (table, body expression, sprint expression), over a row named {r}
    "note": ("note", "{r}.text", "{r}.sprint_id"),
    "standup": ("standup_item", "{r}.text || ' ' || coalesce({r}.status, '')", "{r}.sprint_id"),
    "branch": ("branch", "{r}.name || ' ' || {r}.goal || ' ' || coalesce({r}.notes, '') || ' ' || "
               "{r}.results", "{r}.sprint_id"),
    "person": ("person", "{r}.name || ' ' || coalesce({r}.email, '')", "NULL"),
    "photo": ("photo", "{r}.caption || ' ' || coalesce({r}.alt, '')", "{r}.sprint_id"),
}
SEARCH_INDEX = (
    "CREATE VIRTUAL TABLE search_index USING fts5(body, kind UNINDEXED, item_id UNINDEXED, "
    "sprint_id UNINDEXED, tokenize='unicode61 remove_diacritics 2')"
)


def _triggers() -> list[str]:
    """The index kept by triggers on each source table (text fixed by the constants above)."""
    made = []
    for kind, (table, body, sprint) in _SOURCES.items():
        new_body, new_sprint = body.format(r="new"), sprint.format(r="new")
        insert = (f"INSERT INTO search_index(body, kind, item_id, sprint_id) "
                  f"VALUES ({new_body}, '{kind}', new.id, {new_sprint});")
        delete = f"DELETE FROM search_index WHERE kind = '{kind}' AND item_id = old.id;"
        made += [f"CREATE TRIGGER {table}_ai AFTER INSERT ON {table} BEGIN {insert} END",
                 f"CREATE TRIGGER {table}_ad AFTER DELETE ON {table} BEGIN {delete} END",
                 f"CREATE TRIGGER {table}_au AFTER UPDATE ON {table} BEGIN {delete} {insert} END"]
    return made


def step(conn: sqlite3.Connection) -> None:
    for statement in (*TABLES, SEARCH_INDEX, *_triggers()):
        conn.execute(statement)
