"""The `sprintjournal` command line: the same core functions the desktop app calls.

Exit codes: 0 success, 1 an error (one clear line on stderr), 2 a usage error. With no verb the
desktop app starts; that and the PDF exporter live in `ui/`, which the core may not import, so
the `ui.launcher` entry point hands them in as `extras`.
"""

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from sprintjournal import __version__
from sprintjournal.errors import JournalError
from sprintjournal.paths import demo_journal, resolve_journal

Extras = dict[str, Callable[..., Any]]
REPORT_FORMATS = (
    "md",
    "pelican",
    "hugo",
    "jekyll",
    "nikola",
    "html",
    "html-dir",
    "blogger",
    "wordpress",
)
EXPORT_FORMATS = ("json", *REPORT_FORMATS, "pdf", "people-txt")


class UsageError(Exception):
    """A verb was used with arguments that do not fit; exit code 2."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sprintjournal", description="An offline journal for developer sprints."
    )
    parser.add_argument("--version", action="version", version=f"SprintJournal {__version__}")
    parser.add_argument(
        "--journal", metavar="PATH", help="journal file (default: the user-data journal)"
    )
    verbs = parser.add_subparsers(dest="verb", metavar="VERB")
    imp = verbs.add_parser(
        "import", help="import JSON, people.txt or planning.txt (detected from content)"
    )
    imp.add_argument("file", type=Path)
    imp.add_argument("--sprint", help="sprint id or title to import people.txt / planning.txt into")
    imp.add_argument("--day", help="day of a planning.txt stand-up (YYYY-MM-DD)")
    exp = verbs.add_parser("export", help="export a sprint (JSON, report formats, PDF, people.txt)")
    exp.add_argument(
        "--sprint", help="sprint id or title (default: all sprints for JSON, else the newest)"
    )
    exp.add_argument("--format", choices=EXPORT_FORMATS, default="json")
    exp.add_argument("--out", type=Path, required=True, help="output folder")
    exp.add_argument("--long-edge", type=int, default=1600, help="photo long edge in pixels")
    exp.add_argument("--quality", type=int, default=85, help="JPEG quality of exported photos")
    exp.add_argument("--page-size", choices=("A4", "Letter"), default="A4")
    verbs.add_parser("sprints", help="list the sprints of the journal")
    verbs.add_parser("check", help="check the journal's integrity (reads only)")
    verbs.add_parser("backup", help="back the journal up now")
    verbs.add_parser("backups", help="list the journal's backups")
    res = verbs.add_parser("restore", help="restore a backup (the current file is backed up first)")
    res.add_argument("backup", type=Path)
    verbs.add_parser("demo", help="create (or open) the demo journal and print its path")
    verbs.add_parser("schema", help="print the JSON Schema of the interchange format")
    return parser


def main(argv: Sequence[str] | None = None, extras: Extras | None = None) -> int:
    parser = build_parser()
    args, unknown = parser.parse_known_args(argv)
    extras = extras or {}
    if args.verb is None:
        if "gui" in extras:  # the app's own options (--demo, --trace-startup) are the app's
            return int(extras["gui"](list(sys.argv[1:] if argv is None else argv)))
        if unknown:
            parser.error(f"unrecognized arguments: {' '.join(unknown)}")
        print(
            "The desktop app is started by `sprintjournal-gui` or `python main.py`.",
            file=sys.stderr,
        )
        return 2
    if unknown:
        parser.error(f"unrecognized arguments: {' '.join(unknown)}")
    try:
        return run_verb(args, extras)
    except UsageError as exc:
        print(f"sprintjournal {args.verb}: {exc}", file=sys.stderr)
        return 2
    except JournalError as exc:
        print(f"sprintjournal {args.verb}: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(
            f"sprintjournal {args.verb}: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "),
            file=sys.stderr,
        )
        return 1


def run_verb(args: argparse.Namespace, extras: Extras) -> int:
    from sprintjournal import cli_verbs

    if args.verb == "demo":
        return cli_verbs.demo(Path(args.journal) if args.journal else demo_journal())
    if args.verb == "schema":
        return cli_verbs.schema()
    path = resolve_journal(args.journal)
    if args.verb == "check":
        return cli_verbs.check(path)
    if args.verb == "restore":
        return cli_verbs.restore(path, args.backup)
    if args.verb == "backups":
        return cli_verbs.backups(path)
    handlers: dict[str, Callable[..., int]] = {
        "import": cli_verbs.import_,
        "export": cli_verbs.export,
        "sprints": cli_verbs.sprints,
        "backup": cli_verbs.backup,
    }
    return handlers[args.verb](path, args, extras)
