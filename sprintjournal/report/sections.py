"""Regenerate one section of the draft and leave every other section as the user edited it.

A section is the text from one `## ` heading to the next (outside code fences); the text before
the first heading is the opening, named "" here.
"""

import re

OPENING = ""
_H2 = re.compile(r"^## (.+?)\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")


def split_sections(text: str) -> list[tuple[str, str]]:
    """[(title, text including its heading line)], the opening first (title "")."""
    parts: list[tuple[str, list[str]]] = [(OPENING, [])]
    in_code = False
    for line in text.splitlines(keepends=True):
        if _FENCE.match(line):
            in_code = not in_code
        heading = None if in_code else _H2.match(line.rstrip("\n"))
        if heading:
            parts.append((heading.group(1), []))
        parts[-1][1].append(line)
    return [(title, "".join(lines)) for title, lines in parts if lines or title]


def section_titles(text: str) -> list[str]:
    return [title for title, _ in split_sections(text)]


def replace_section(current: str, fresh: str, title: str) -> str:
    """`current` with its section `title` replaced by the one in `fresh`.

    A section the fresh draft has but the current one lacks is inserted where the fresh draft
    puts it (after the section that precedes it there); one the fresh draft dropped is removed.
    """
    mine = split_sections(current)
    new = dict(split_sections(fresh))
    titles = [t for t, _ in mine]
    if title in titles:
        index = titles.index(title)
        if title in new:
            mine[index] = (title, _ending(new[title], mine[index][1]))
        else:
            del mine[index]
    elif title in new:
        order = [t for t, _ in split_sections(fresh)]
        before = [t for t in order[:order.index(title)] if t in titles]
        at = titles.index(before[-1]) + 1 if before else len(mine)
        if at > 0:
            prev_title, prev_text = mine[at - 1]
            mine[at - 1] = (prev_title, prev_text.rstrip("\n") + "\n\n")
        mine.insert(at, (title, new[title]))
    return "".join(text for _, text in mine)


def _ending(new_text: str, old_text: str) -> str:
    """Keep the blank line that separated the old section from the next one."""
    trailing = old_text[len(old_text.rstrip("\n")):]
    return new_text.rstrip("\n") + (trailing or "\n")
