"""The `sprintjournal` command line: the same core functions the desktop app calls.

Exit codes: 0 success, 1 an error (one clear line on stderr), 2 a usage error. With no verb the
desktop app starts; that and the PDF exporter live in `ui/`, which the core may not import, so
the `sprintjournal_ui.launcher` entry point hands them in as `extras`.
"""

import argparse
import sys
import textwrap
from collections.abc import Callable, Collection, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from sprintjournal import __version__
from sprintjournal.app_options import APP_DESCRIPTION, add_app_options
from sprintjournal.errors import JournalError, UsageError
from sprintjournal.paths import demo_journal, resolve_journal
from sprintjournal.terminal import printable

if TYPE_CHECKING:  # the verbs import the journal (SQLAlchemy): loaded when a verb runs
    from sprintjournal.cli_verbs import Extras


class ExportFormats(Collection[str]):
    """`export --format`: JSON, the report formats of the registry (`report.formats`), PDF
    (written by the app's Qt part) and people.txt.

    Read when a format is checked or help is shown, not when the parser is built: the
    registry imports the renderer and Pillow, and the app's own start passes through this
    parser before its first paint.
    """

    def _all(self) -> tuple[str, ...]:
        from sprintjournal.report.formats import formats  # start-up speed (see the docstring)

        return ("json", *formats(), "pdf", "people-txt")

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())

    def __contains__(self, key: object) -> bool:
        return key in self._all()


EXPORT_FORMATS = ExportFormats()

USAGE = """sprintjournal [--journal PATH | --demo] [--color-scheme SCHEME]   start the app
       sprintjournal [--journal PATH] VERB [options]                     command line"""
EPILOG = """\
With no verb, the desktop app starts (the options above choose what it opens and how it looks):
  sprintjournal                      your default journal
  sprintjournal --demo               the demo journal
  sprintjournal --journal PATH       another journal file

Every verb also takes --journal PATH (default: $SPRINTJOURNAL_JOURNAL, else the journal in the
user-data folder). Exit codes: 0 success, 1 an error, 2 a usage error."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sprintjournal", usage=USAGE, description=textwrap.fill(APP_DESCRIPTION, 79),
        epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"SprintJournal {__version__}")
    add_app_options(parser)
    verbs = parser.add_subparsers(dest="verb", metavar="VERB", title="verbs", prog="sprintjournal")
    for verb, (help_text, add_arguments) in VERBS.items():
        sub = verbs.add_parser(verb, help=help_text, description=help_text)
        # After the verb too; SUPPRESS keeps a --journal given before the verb.
        sub.add_argument("--journal", metavar="PATH", type=Path, default=argparse.SUPPRESS,
                         help="the journal file")
        add_arguments(sub)
    return parser


def _import_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", type=Path)
    p.add_argument("--sprint", help="sprint id or title to import people.txt / planning.txt into")
    p.add_argument("--day", help="day of a planning.txt stand-up (YYYY-MM-DD)")


def _export_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--sprint", help="sprint id or title (default: all sprints for JSON, "
                                    "else the newest)")
    p.add_argument("--format", choices=EXPORT_FORMATS, default="json", metavar="FORMAT",
                   help="one of: %(choices)s (default: %(default)s)")
    p.add_argument("--out", type=Path, required=True, help="output folder")
    p.add_argument("--long-edge", type=_within(16, 10_000), default=1600,
                   help="photo long edge in pixels (16-10000)")
    p.add_argument("--quality", type=_within(1, 95), default=85,
                   help="JPEG quality of exported photos (1-95; above 95 files grow, not quality)")
    p.add_argument("--page-size", choices=("A4", "Letter"), default="A4")
    p.add_argument(
        "--group-by", choices=("person", "branch"), default=None,
        help="report formats: compose a fresh draft told person by person or topic by topic "
        "(default: the saved draft, else a fresh one by person)",
    )
    p.add_argument(
        "--image-base-url", default=None, metavar="URL",
        help="blogger, wordpress, md: refer to the photos at URL/<file name>, the web folder you "
        "upload the exported images/ folder to (default: the relative images/ folder)",
    )


def _within(low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a whole number in [low, high], else a one-line usage error."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{value} is outside {low}-{high}")
        return value

    return parse


def _new_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("path", type=Path, nargs="?", help="where to create it (default: --journal)")


def _restore_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("backup", type=Path)


def _desktop_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--remove", action="store_true", help="take the menu entry away again")


def _no_arguments(_p: argparse.ArgumentParser) -> None:
    pass


VERBS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None]]] = {
    "new": ("create an empty journal and print its path", _new_arguments),
    "import": ("import JSON, people.txt or planning.txt (detected from content)",
               _import_arguments),
    "export": ("export a sprint (JSON, report formats, PDF, people.txt)", _export_arguments),
    "sprints": ("list the sprints of the journal", _no_arguments),
    "check": ("check the journal's integrity (reads only)", _no_arguments),
    "backup": ("back the journal up now (while the app has it open: what it saved)",
               _no_arguments),
    "backups": ("list the journal's backups", _no_arguments),
    "restore": ("restore a backup (the current file is backed up first)", _restore_arguments),
    "demo": ("create (or open) the demo journal and print its path", _no_arguments),
    "schema": ("print the JSON Schema of the interchange format", _no_arguments),
    "install-desktop": ("add SprintJournal to your desktop's application menu (this user only)",
                        _desktop_arguments),
}


def main(argv: Sequence[str] | None = None, extras: "Extras | None" = None) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(arguments)
    extras = extras or {}
    if args.verb is None:
        if "gui" in extras:
            return int(extras["gui"](arguments))
        print("The desktop app is started by `sprintjournal` or `sprintjournal-gui` as installed.",
              file=sys.stderr)
        return 2
    try:
        return run_verb(args, extras)
    except UsageError as exc:
        _error(f"sprintjournal {args.verb}: {exc}")
        return 2
    except JournalError as exc:
        _error(f"sprintjournal {args.verb}: {exc}")
        return 1
    except OSError as exc:
        _error(f"sprintjournal {args.verb}: {exc.strerror or exc}: {exc.filename or ''}"
               .rstrip(": "))
        return 1


def _error(message: str) -> None:
    """Messages quote user text (titles, file names): escaped like every line we print."""
    print(printable(message), file=sys.stderr)


def run_verb(args: argparse.Namespace, extras: "Extras") -> int:
    from sprintjournal import cli_verbs  # start-up speed: the app's start needs no verb

    if args.verb == "demo":
        return cli_verbs.demo(Path(args.journal) if args.journal else demo_journal())
    if args.verb == "schema":
        return cli_verbs.schema()
    if args.verb == "install-desktop":
        return cli_verbs.install_desktop(args.remove)
    path = resolve_journal(args.journal)
    if args.verb == "new":
        return cli_verbs.new(args.path.expanduser() if args.path else path)
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
