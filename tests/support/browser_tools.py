"""A headless Chromium as a judge of exported pages: does every image load?

Shared by the HTML-tool tests and the publishing tests. CI installs Chromium
(`scripts/setup test`); elsewhere the tests that need it are skipped, saying why.
"""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHECK_SCRIPT = """<script>
window.addEventListener("load", () => {
  const images = Array.from(document.images);
  const broken = images.filter(i => !(i.complete && i.naturalWidth > 0)).length;
  document.body.setAttribute("data-check", "images=" + images.length + " broken=" + broken);
});
</script>"""

IN_CI = bool(os.environ.get("CI"))
"""CI installs the checker and Chromium (scripts/setup test): there a missing tool fails."""
needs_chromium = pytest.mark.skipif(
    not IN_CI and CHROMIUM is None, reason="chromium not installed (apt-get install chromium)"
)


def chromium_check(page: Path, profile: Path) -> str:
    """Load a copy of the page with a checking script added; return what it found."""
    checked = page.with_name(f"checked-{page.name}")
    checked.write_text(page.read_text().replace("</body>", CHECK_SCRIPT + "</body>"))
    assert CHROMIUM is not None
    run = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", f"--user-data-dir={profile}",
         "--virtual-time-budget=5000", "--dump-dom", checked.as_uri()],
        capture_output=True, text=True, timeout=120,
    )
    start = run.stdout.find('data-check="')
    assert start >= 0, f"the check did not run: {run.stderr[-500:]}"
    return run.stdout[start + 12:run.stdout.index('"', start + 12)]
