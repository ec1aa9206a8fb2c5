"""The interchange JSON schema: generated from the documents, committed, valid for a real export."""

import copy
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema  # type: ignore[import-untyped]
from locations import ROOT

from sprintjournal.demo import build_demo
from sprintjournal.exchange.schema import json_schema
from sprintjournal.journal import Journal


def export_text(journal: Journal, out: Path) -> str:
    return journal.export_json(out).read_text(encoding="utf-8")


def _validate_with_jsonschema(schema: dict[str, Any], instance: Any) -> list[str]:
    jsonschema.Draft202012Validator.check_schema(schema)
    return [e.message for e in jsonschema.Draft202012Validator(schema).iter_errors(instance)]


def test_the_json_schema_validates_the_demo_export(journal: Journal, tmp_path: Path) -> None:
    build_demo(journal)
    exported = json.loads(export_text(journal, tmp_path / "out"))
    assert _validate_with_jsonschema(json_schema(), exported) == []
    broken = copy.deepcopy(exported)
    broken["sprints"][0]["branches"][0]["status"] = "finished"
    broken["sprints"][0]["colour"] = "blue"
    assert len(_validate_with_jsonschema(json_schema(), broken)) == 2


def test_the_committed_schema_is_the_generated_one() -> None:
    committed = json.loads((ROOT / "docs" / "schema.json").read_text(encoding="utf-8"))
    assert committed == json_schema(), "run scripts/make_schema.py and commit docs/schema.json"


def test_the_schema_script_writes_the_schema(tmp_path: Path) -> None:
    target = tmp_path / "schema.json"
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "make_schema.py"), str(target)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(target.read_text(encoding="utf-8")) == json_schema()
