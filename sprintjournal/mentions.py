"""`@Name`, `@[Full Name]` and `#branch` mentions inside Markdown notes."""

import re
from dataclasses import dataclass

MENTION = re.compile(r"(?<![\w@])@(?:\[(?P<full>[^\]\n]+)\]|(?P<word>[\w][\w.\-]*[\w]|\w))")
BRANCH = re.compile(r"(?<![\w#&])#(?P<name>[A-Za-z0-9][\w.\-/]*[\w])")


@dataclass(frozen=True)
class Mention:
    kind: str  # "person" | "branch"
    text: str  # as written, without the sigil
    start: int
    end: int


def find_mentions(text: str) -> list[Mention]:
    """Mentions in document order; headings such as `# Title` are not branch mentions."""
    found = [
        Mention("person", m.group("full") or m.group("word"), m.start(), m.end())
        for m in MENTION.finditer(text)
    ]
    found += [Mention("branch", m.group("name"), m.start(), m.end()) for m in BRANCH.finditer(text)]
    return sorted(found, key=lambda m: m.start)
