"""Compose the report draft: journal data -> `ReportData` -> Markdown, through Jinja2 templates.

The draft is prose, not a data dump: the templates in `resources/report/` choose sentences by the
data (one person or several, done or in progress). A user may bring a template of their own; it
sees the same `ReportData` and filters, and may import our `macros.md.j2`.

Regenerating never overwrites what the user wrote: `regenerate` only says what would change.
"""

import difflib
import re
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from sprintjournal.errors import JournalError
from sprintjournal.journal import Journal
from sprintjournal.paths import resource_text
from sprintjournal.report.data import gather
from sprintjournal.report.prose import FILTERS
from sprintjournal.report.sections import replace_section

if TYPE_CHECKING:  # Jinja2 loads when a draft is composed, not when the report panel is made
    import jinja2

DEFAULT_TEMPLATE = "draft.md.j2"


class ReportTemplateError(JournalError):
    """A user's report template that cannot be read or rendered."""


@dataclass(frozen=True)
class RegenerateResult:
    """What a fresh draft would be, and whether it would replace text the user edited."""

    new_text: str
    user_edited: bool
    diff: str


def environment() -> "jinja2.Environment":
    """Markdown templates: no HTML autoescape (the `md` filter escapes for Markdown instead)."""
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FunctionLoader(partial(resource_text, "report")),
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters.update(FILTERS)
    return env


def default_title(journal: Journal, sprint_id: int) -> str:
    sprint = journal.get_sprint(sprint_id)
    parts = [p for p in (sprint.project, sprint.place) if p.strip()]
    return f"{' '.join(parts)} sprint report" if parts else f"{sprint.title}: report"


def report_title(journal: Journal, sprint_id: int) -> str:
    """The title the user gave the report, else one made from the sprint."""
    return (journal.get_report(sprint_id).title or "").strip() or default_title(journal, sprint_id)


def compose_draft(journal: Journal, sprint_id: int, group_by: str = "person",
                  template: Path | None = None) -> str:
    """A fresh Markdown draft of the sprint's report (not saved: see `generate`)."""
    import jinja2

    data = gather(journal, sprint_id, group_by)
    env = environment()
    try:
        tpl = (env.from_string(template.read_text(encoding="utf-8")) if template is not None
               else env.get_template(DEFAULT_TEMPLATE))
        text = tpl.render(r=data)
    except (OSError, UnicodeDecodeError, jinja2.TemplateError) as exc:
        raise _template_error(template, exc) from exc
    return _tidy(text)


def _template_error(template: Path | None, exc: Exception) -> ReportTemplateError:
    """Name the file and line, so the author of a template can fix it."""
    where = str(template) if template is not None else DEFAULT_TEMPLATE
    line = getattr(exc, "lineno", None)
    at = f", line {line}" if line else ""
    return ReportTemplateError(f"The report template {where}{at} cannot be used: {exc}")


def _tidy(text: str) -> str:
    """At most one blank line in a row, no trailing spaces, one final newline."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    tidy = re.sub(r"\n{3,}", "\n\n", "\n".join(lines))
    return tidy.strip() + "\n"


def generate(journal: Journal, sprint_id: int, group_by: str = "person",
             template: Path | None = None) -> str:
    """Compose and save a draft as both the text and the generated text; returns it."""
    text = compose_draft(journal, sprint_id, group_by, template)
    fields: dict[str, str | None] = {"text": text, "generated_text": text}
    if journal.get_report(sprint_id).title is None:
        fields["title"] = default_title(journal, sprint_id)
    journal.save_report(sprint_id, **fields)
    return text


def regenerate_section(journal: Journal, sprint_id: int, title: str, group_by: str = "person",
                       template: Path | None = None) -> str:
    """The saved draft with one section (by its `## ` title; "" = the opening) composed afresh.

    Nothing is written: the caller saves the result, so the other sections keep the user's edits.
    """
    fresh = compose_draft(journal, sprint_id, group_by, template)
    current = journal.get_report(sprint_id).text
    if not current:
        return fresh
    return replace_section(current, fresh, title)


def user_edited(journal: Journal, sprint_id: int) -> bool:
    """True when the saved text differs from what was last generated."""
    report = journal.get_report(sprint_id)
    return bool(report.text) and report.text != report.generated_text


def regenerate(journal: Journal, sprint_id: int, group_by: str = "person",
               template: Path | None = None) -> RegenerateResult:
    """A fresh draft compared with the saved text; nothing is written (the caller asks first)."""
    new_text = compose_draft(journal, sprint_id, group_by, template)
    current = journal.get_report(sprint_id).text or ""
    diff = "".join(difflib.unified_diff(
        current.splitlines(keepends=True), new_text.splitlines(keepends=True),
        fromfile="your draft", tofile="regenerated draft",
    ))
    return RegenerateResult(new_text, user_edited(journal, sprint_id), diff)
