"""A private Xvfb server and a watcher of its root window, for bench/startup_x.py.

The watcher is a second X client (libX11 through ctypes, no extra dependency) that selects
SubstructureNotify on the root window: the server sends it a MapNotify the moment a top-level
window is mapped, so "window mapped" is an X event timed in this process, not a poll.
Xvfb comes from `scripts/setup bench`.
"""

import ctypes
import ctypes.util
import os
import select
import shutil
import subprocess
import threading
import time
from dataclasses import dataclass, field

MAP_NOTIFY = 19
SUBSTRUCTURE_NOTIFY_MASK = 1 << 19


class XMapEvent(ctypes.Structure):
    _fields_ = [("type", ctypes.c_int), ("serial", ctypes.c_ulong), ("send_event", ctypes.c_int),
                ("display", ctypes.c_void_p), ("event", ctypes.c_ulong),
                ("window", ctypes.c_ulong), ("override_redirect", ctypes.c_int)]


class XEvent(ctypes.Union):
    _fields_ = [("type", ctypes.c_int), ("xmap", XMapEvent), ("pad", ctypes.c_long * 24)]


@dataclass
class MapWatcher:
    """Wall-clock times of MapNotify events of top-level (not override-redirect) windows."""

    display: str
    maps: list[float] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def start(self) -> None:
        name = ctypes.util.find_library("X11")
        if name is None:
            raise SystemExit("libX11 not found: run scripts/setup bench")
        xlib = ctypes.CDLL(name)
        xlib.XOpenDisplay.restype = ctypes.c_void_p
        xlib.XOpenDisplay.argtypes = [ctypes.c_char_p]
        xlib.XDefaultRootWindow.restype = ctypes.c_ulong
        xlib.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        xlib.XSelectInput.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_long]
        xlib.XNextEvent.argtypes = [ctypes.c_void_p, ctypes.POINTER(XEvent)]
        xlib.XFlush.argtypes = [ctypes.c_void_p]
        xlib.XPending.argtypes = [ctypes.c_void_p]
        xlib.XConnectionNumber.argtypes = [ctypes.c_void_p]
        xlib.XCloseDisplay.argtypes = [ctypes.c_void_p]
        conn = xlib.XOpenDisplay(self.display.encode())
        if not conn:
            raise SystemExit(f"cannot open X display {self.display}")
        xlib.XSelectInput(conn, xlib.XDefaultRootWindow(conn), SUBSTRUCTURE_NOTIFY_MASK)
        xlib.XFlush(conn)

        fd = xlib.XConnectionNumber(conn)

        def loop() -> None:
            event = XEvent()
            while not self._stop.is_set():
                select.select([fd], [], [], 0.1)  # wakes as soon as the server writes
                now = time.time()
                while xlib.XPending(conn):
                    xlib.XNextEvent(conn, ctypes.byref(event))
                    if event.type == MAP_NOTIFY and not event.xmap.override_redirect:
                        with self._lock:
                            self.maps.append(now)
            xlib.XCloseDisplay(conn)  # before the server goes, or libX11 exits the process

        self._thread = threading.Thread(target=loop, daemon=True, name="x-map-watcher")
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()

    def first_map_after(self, start: float, timeout: float = 5.0) -> float | None:
        """The first map at or after `start` (waiting a little for the event to arrive)."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            with self._lock:
                later = [t for t in self.maps if t >= start]
            if later:
                return min(later)
            time.sleep(0.01)
        return None


class Xvfb:
    """`with Xvfb() as display:` a fresh server on a free display number."""

    def __init__(self, size: str = "1920x1080x24") -> None:
        self.size = size
        self.process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> str:
        if shutil.which("Xvfb") is None:
            raise SystemExit("Xvfb is not installed: run scripts/setup bench")
        read, write = os.pipe()
        self.process = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", self.size, "-nolisten", "tcp",
             "-noreset"], pass_fds=(write,), stderr=subprocess.DEVNULL)
        os.close(write)
        with os.fdopen(read) as pipe:
            number = pipe.readline().strip()
        if not number:
            raise SystemExit("Xvfb did not start")
        return f":{number}"

    def __exit__(self, *exc: object) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
