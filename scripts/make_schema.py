"""Write the JSON Schema of the interchange format (default: docs/schema.json).

The schema is generated from the pydantic models in `sprintjournal.exchange.schema`; a test
checks that the committed file is what this script writes, so run it after changing them:

    .venv/bin/python scripts/make_schema.py
"""

import json
import sys
from pathlib import Path

from sprintjournal.exchange.schema import json_schema

DEFAULT = Path(__file__).resolve().parents[1] / "docs" / "schema.json"


def main(argv: list[str]) -> int:
    target = Path(argv[0]) if argv else DEFAULT
    text = json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
    target.write_text(text, encoding="utf-8")
    print(target)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
