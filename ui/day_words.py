"""How a day is named in lists, tabs and undo steps: "Tue 8 Nov", or "No day"."""

from datetime import date


def day_label(day: date | None, count: int | None = None) -> str:
    """"Tue 8 Nov" (with the number of notes when given); "No day" for undated notes."""
    text = "No day" if day is None else f"{day:%a} {day.day} {day:%b}"
    return f"{text} · {count}" if count else text
