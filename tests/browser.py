"""A headless Chromium for tests, driven over the Chrome DevTools protocol.

`Browser()` starts Debian's `chromium` with a throwaway profile and no network, opens one
page, and offers `load(path)`, `js(expression)` (the value, after the page's scripts ran),
`key(name)` (a real key press) and `screenshot()` (PNG bytes). `available()` says whether
a browser and the websocket client are installed; tests skip otherwise.
"""

from __future__ import annotations

import base64
import itertools
import json
import os
import re
import shutil
import subprocess
import tempfile
import time

NAMES = ("chromium", "chromium-browser", "google-chrome")


def executable() -> str | None:
    return next((path for path in map(shutil.which, NAMES) if path), None)


def available() -> bool:
    try:
        import websocket  # noqa: F401  (websocket-client, a test dependency)
    except ImportError:
        return False
    return executable() is not None


class Browser:
    def __init__(self, width: int = 1000, height: int = 1400, scale: float = 1):
        import websocket

        self.profile = tempfile.mkdtemp(prefix="postlint-chromium-")
        self.process = subprocess.Popen(
            [executable(), "--headless=new", "--no-sandbox", "--disable-gpu",
             "--no-first-run", "--no-default-browser-check", "--disable-extensions",
             "--disable-background-networking", "--disable-sync", "--mute-audio",
             "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
             f"--user-data-dir={self.profile}", "--remote-debugging-port=0",
             f"--window-size={width},{height}", f"--force-device-scale-factor={scale}",
             "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        url = self._devtools_url()
        port = re.search(r":(\d+)/", url).group(1)
        page = self._page_url(port)
        self.socket = websocket.create_connection(page, timeout=30, suppress_origin=True)
        self.ids = itertools.count(1)
        self.call("Page.enable")
        self.call("Runtime.enable")

    def _devtools_url(self) -> str:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            line = self.process.stderr.readline()
            found = re.search(r"DevTools listening on (ws://\S+)", line)
            if found:
                return found.group(1)
            if not line and self.process.poll() is not None:
                break
        self.close()
        raise RuntimeError("chromium did not start")

    def _page_url(self, port: str) -> str:
        import urllib.request

        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list") as answer:
                pages = [t for t in json.load(answer) if t.get("type") == "page"]
            if pages:
                return pages[0]["webSocketDebuggerUrl"]
            time.sleep(0.1)
        raise RuntimeError("chromium opened no page")

    def call(self, method: str, **params) -> dict:
        """Send one DevTools command; its result (events in between are skipped)."""
        number = next(self.ids)
        self.socket.send(json.dumps({"id": number, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv())
            if message.get("id") == number:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    def load(self, path) -> None:
        """Open a file and wait until its script has marked the page ready."""
        self.call("Page.navigate", url=f"file://{os.path.abspath(path)}")
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.js("document.readyState === 'complete' && "
                       "document.documentElement.dataset.ready === 'true'"):
                return
            time.sleep(0.05)
        raise RuntimeError(f"{path} never finished loading")

    def js(self, expression: str):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True,
                           awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(result["exceptionDetails"].get("text", "script error"))
        return result["result"].get("value")

    def key(self, name: str, code: int, shift: bool = False) -> None:
        """Press and release a key (e.g. "Tab", 9) as a user would."""
        modifiers = 8 if shift else 0
        for kind in ("rawKeyDown", "keyUp"):
            self.call("Input.dispatchKeyEvent", type=kind, key=name, code=name,
                      windowsVirtualKeyCode=code, modifiers=modifiers)

    def screenshot(self, clip: tuple | None = None) -> bytes:
        """PNG bytes of the page, or of the (x, y, width, height) `clip` of it."""
        params = {"format": "png"}
        if clip:
            x, y, width, height = clip
            params["clip"] = dict(x=x, y=y, width=width, height=height, scale=1)
        return base64.b64decode(self.call("Page.captureScreenshot", **params)["data"])

    def close(self) -> None:
        try:
            self.socket.close()
        except Exception:
            pass
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        shutil.rmtree(self.profile, ignore_errors=True)
