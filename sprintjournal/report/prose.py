"""Small language helpers the report templates use as Jinja filters.

They make sentences follow the data ("Armin", "Armin and Maciej", "Armin, Maciej and Antonio";
"one person" / "eight people"), and `md` makes any user text (a name, a caption) literal in
Markdown, so `*x*` or `<b>x</b>` in a name is shown as typed and never becomes markup.
"""

import re
from collections.abc import Iterable
from datetime import date

_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve")
_ORDINALS = ("zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh",
             "eighth", "ninth", "tenth", "eleventh", "twelfth")
# Inline markup characters (both Python-Markdown and CommonMark accept these escapes); with
# brackets escaped no link or image can form, so parentheses and "!" can stay as typed.
_BACKSLASHED = re.compile(r"([\\`*_\[\]])")
# Block markers matter only where user text starts a line (a bullet item, a heading).
_BLOCK_START = re.compile(r"^([#+\-]|\d+(?=[.)]))")
_NUMBERED = re.compile(r"^(\d+)([.)])")

STATUS_PHRASES = {
    "planned": "is planned but was not started yet",
    "in progress": "is still in progress",
    "blocked": "is blocked for now",
    "done": "is done",
    "merged": "has been merged",
    "abandoned": "was abandoned",
}


def md(text: object) -> str:
    """User text as literal Markdown inline content: one line, no markup, no raw HTML."""
    flat = " ".join(str(text or "").split())
    flat = flat.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    flat = _BACKSLASHED.sub(r"\\\1", flat)
    flat = _NUMBERED.sub(r"\1\\\2", flat, count=1)
    return _BLOCK_START.sub(_escape_block_start, flat, count=1)


def _escape_block_start(m: re.Match[str]) -> str:
    """'#', '-', '+' get a backslash, so no list or heading can start inside user text."""
    mark = m.group(1)
    return mark if mark.isdigit() else "\\" + mark


_RAW_TAG = re.compile(r"<(?=[A-Za-z/!?])(?!(?:https?|mailto):[^\s<>]*>)")
_CODE_SPAN = re.compile(r"(`+)(.+?)\1")
_FENCE = re.compile(r"^\s*(```|~~~)")


def neutralise_html(markdown_text: str) -> str:
    """Raw HTML in Markdown shown as text, code left alone.

    A note is Markdown, not HTML: an unclosed `<style>` or `<script>` in one note must not
    swallow the rest of the report, nor pass through a static-site generator as markup.
    Autolinks (`<https://...>`) stay links.
    """
    out, in_fence = [], False
    for line in markdown_text.split("\n"):
        if _FENCE.match(line):
            in_fence = not in_fence
        elif not in_fence:
            line = _outside_code(line)
        out.append(line)
    return "\n".join(out)


def _outside_code(line: str) -> str:
    """Neutralise tags in a line, leaving `code spans` exactly as written."""
    out, last = [], 0
    for span in _CODE_SPAN.finditer(line):
        out += [_RAW_TAG.sub("&lt;", line[last:span.start()]), span.group(0)]
        last = span.end()
    return "".join([*out, _RAW_TAG.sub("&lt;", line[last:])])


def md_url(url: str) -> str:
    """A link destination that cannot end the Markdown link early."""
    return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29").replace("<", "%3C")


def join_names(names: Iterable[object], conjunction: str = "and") -> str:
    """'A', 'A and B', 'A, B and C' — the way people write lists in a sentence."""
    items = [str(n) for n in names if str(n)]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def number_word(n: int) -> str:
    return _WORDS[n] if 0 <= n < len(_WORDS) else str(n)


def ordinal_word(n: int) -> str:
    return _ORDINALS[n] if 0 <= n < len(_ORDINALS) else f"{n}th"


def count(n: int, singular: str, plural: str | None = None) -> str:
    """'one person', 'eight people'."""
    return f"{number_word(n)} {singular if n == 1 else (plural or singular + 's')}"


def first_name(name: str) -> str:
    return name.split()[0] if name.split() else name


def status_phrase(status: str) -> str:
    return STATUS_PHRASES.get(status, f"is {status}")


def date_range(start: date | None, end: date | None) -> str:
    """'from 2 to 9 November 2011', 'from 30 October to 2 November 2011', or ''."""
    if start is None:
        return ""
    if end is None or end == start:
        return f"on {_day(start)} {start.year}"
    if start.year != end.year:
        return f"from {_day(start)} {start.year} to {_day(end)} {end.year}"
    if start.month != end.month:
        return f"from {_day(start)} to {_day(end)} {end.year}"
    return f"from {start.day} to {_day(end)} {end.year}"


def _day(d: date) -> str:
    return f"{d.day} {d.strftime('%B')}"


def sentence(text: str) -> str:
    """Capitalise the first letter and end with a full stop, unless it already ends a sentence."""
    text = text.strip()
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?" else text + "."


FILTERS = {
    "md": md,
    "md_url": md_url,
    "join_names": join_names,
    "number_word": number_word,
    "ordinal_word": ordinal_word,
    "count": count,
    "first_name": first_name,
    "status_phrase": status_phrase,
    "date_range": date_range,
    "sentence": sentence,
}


def paragraphs(parts: Iterable[tuple[str, bool]]) -> list[str]:
    """Consecutive short sentences (True) run together into one paragraph; a passage (False),
    such as a note paragraph, stands as a paragraph of its own."""
    paras: list[str] = []
    run: list[str] = []
    for text, is_sentence in parts:
        if is_sentence:
            run.append(text)
            continue
        if run:
            paras.append(" ".join(run))
            run = []
        paras.append(text)
    if run:
        paras.append(" ".join(run))
    return paras
