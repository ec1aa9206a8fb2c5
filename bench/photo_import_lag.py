"""Event-loop lag while 20 phone-sized photos are imported through the Photos panel.

A 5 ms QTimer probe records how late each tick fires (the GUI thread's longest stall). Three
runs side by side, in the same process:
  (a) idle: the panel shown, nothing happening (the floor of the probe itself);
  (b) the panel importing 20 photos (decode, checks and thumbnails in helper processes, the
      writes on a pool thread, only the announcement and the thumbnail swap on the GUI thread);
  (c) for contrast, the same 20 photos prepared and added synchronously on the GUI thread, as a
      naive implementation would.
Target (issue 3): no stall over 50 ms during (b).

    QT_QPA_PLATFORM=offscreen python bench/photo_import_lag.py [--photos 20] [--size 4000x3000]
"""

import argparse
import io
import os
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image, ImageDraw, ImageFilter
from PySide6.QtCore import QCoreApplication, QElapsedTimer, QThreadPool, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication
from scratch import scratch_folder
from sprintjournal_ui.panels.photos import PhotosPanel
from sprintjournal_ui.store import JournalStore

from sprintjournal.journal import Journal
from sprintjournal.usecases import gallery

TICK_MS = 5


def make_photo(width: int, height: int, seed: int) -> bytes:
    """A noisy, camera-like JPEG (noise keeps it at a realistic few MB); every 3rd is portrait."""
    image = Image.effect_noise((width, height), 60).convert("RGB")
    draw = ImageDraw.Draw(image)
    draw.ellipse((width // 4, height // 4, 3 * width // 4, 3 * height // 4),
                 fill=(200, 60 + seed * 7 % 190, 40))
    image = image.filter(ImageFilter.GaussianBlur(1))
    buffer = io.BytesIO()
    exif = Image.Exif()
    exif[0x0112] = 6 if seed % 3 == 0 else 1
    image.save(buffer, "JPEG", quality=92, exif=exif.tobytes())
    return buffer.getvalue()


class LagProbe:
    """Records the delay of each 5 ms tick beyond its due time."""

    def __init__(self) -> None:
        self.delays: list[float] = []
        self._clock = QElapsedTimer()
        self._timer = QTimer()
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self.delays.clear()
        self._clock.start()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        elapsed = self._clock.nsecsElapsed() / 1e6
        self.delays.append(max(0.0, elapsed - TICK_MS))
        self._clock.restart()

    def summary(self) -> str:
        if not self.delays:
            return "no ticks"
        p95 = statistics.quantiles(self.delays, n=20)[-1] if len(self.delays) > 20 else 0.0
        worst = max(self.delays)
        return f"max stall {worst:6.1f} ms   p95 {p95:5.1f} ms   ticks {len(self.delays)}"


def wait_until(app: QCoreApplication, done: object, timeout_s: float = 300) -> float:
    start = time.perf_counter()
    while not done():  # type: ignore[operator]
        app.processEvents()
        time.sleep(0.001)
        if time.perf_counter() - start > timeout_s:
            raise TimeoutError
    return time.perf_counter() - start


def run(count: int, width: int, height: int) -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    folder = scratch_folder("sj-photo-lag-")
    print(f"making {count} photos of {width}×{height}…", flush=True)
    paths = []
    for n in range(count):
        path = folder / f"IMG_{n:04d}.jpg"
        path.write_bytes(make_photo(width, height, n))
        paths.append(path)
    size_mb = sum(p.stat().st_size for p in paths) / 1e6
    threads = QThreadPool.globalInstance().maxThreadCount()
    print(f"{count} photos, {size_mb:.1f} MB; pool threads: {threads}")

    journal = Journal(folder / "bench.sprintjournal")
    sid = journal.add_sprint("Gothenburg").id
    store = JournalStore(journal)
    panel = PhotosPanel(store, QUndoStack())
    panel.resize(1000, 700)
    panel.show()
    panel.set_sprint(sid)
    probe = LagProbe()

    probe.start()
    idle = wait_until(app, lambda: len(probe.delays) >= 200)
    probe.stop()
    print(f"(a) idle            {probe.summary()}   ({idle:.1f} s)")

    probe.start()
    panel.add_files(paths)
    took = wait_until(app, lambda: not panel.importer.busy and panel.model.rowCount() == count
                      and panel.model.pending() == 0)
    probe.stop()
    background = max(probe.delays)
    print(f"(b) panel import    {probe.summary()}   ({took:.1f} s for {count} photos)")

    sid2 = journal.add_sprint("Leysin").id
    probe.start()
    start = time.perf_counter()
    for path in paths:
        data = path.read_bytes()
        journal.add_photo(sid2, data, path.name, prepared=gallery.prepare(data, path.name))
        app.processEvents()
    sync = time.perf_counter() - start
    probe.stop()
    print(f"(c) synchronous     {probe.summary()}   ({sync:.1f} s for {count} photos)")
    worst_sync = max(probe.delays) if probe.delays else sync * 1000
    print(f"longest stall, panel vs synchronous: {background:.1f} ms vs {worst_sync:.1f} ms "
          f"(ratio {background / worst_sync:.2f}); target ≤ 50 ms: "
          f"{'met' if background <= 50 else 'NOT met'}")
    panel.close()
    QThreadPool.globalInstance().waitForDone()
    journal.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--photos", type=int, default=20)
    parser.add_argument("--size", default="4000x3000")
    args = parser.parse_args()
    width, height = (int(v) for v in args.size.split("x"))
    run(args.photos, width, height)


if __name__ == "__main__":
    main()
