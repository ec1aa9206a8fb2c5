"""Start-up's import steps: derived from the core's source, each step loads one core module."""

import json
import subprocess
import sys

CHECK = """
import importlib, json, sys
from sprintjournal_ui.startup import CORE_ROOTS, import_steps
steps, extra = [], {}
for name in import_steps():
    before = {m for m in sys.modules if m.startswith("sprintjournal.")}
    importlib.import_module(name)
    steps.append(name)
    came = sorted(m for m in {m for m in sys.modules if m.startswith("sprintjournal.")} - before
                  if m != name and not m.startswith(name + "."))  # a package brings its own
    if came:
        extra[name] = came
print(json.dumps({"steps": steps, "extra": extra,
                  "loaded": all(root in sys.modules for root in CORE_ROOTS)}))
"""


def run_steps() -> dict[str, object]:
    """In a fresh interpreter: nothing of the core is loaded yet, as at start-up."""
    out = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True,
                         check=True, timeout=120)
    result: dict[str, object] = json.loads(out.stdout)
    return result


def test_each_step_imports_one_core_module_after_its_dependencies() -> None:
    result = run_steps()
    steps = result["steps"]
    assert isinstance(steps, list)
    assert result["extra"] == {}, "a step pulled in other core modules not yet imported"
    assert result["loaded"] is True
    for module in ("sprintjournal.models", "sprintjournal.db", "sprintjournal.journal_file",
                   "sprintjournal.exchange.schema", "sprintjournal.usecases.notes",
                   "sprintjournal.migrations"):
        assert module in steps
    assert steps.index("sprintjournal.models") < steps.index("sprintjournal.journal")
    assert steps.index("sqlalchemy.util") < steps.index("sprintjournal.db")
    assert len(steps) == len(set(steps))
    assert "sprintjournal.demo" not in steps  # loaded only for --demo
