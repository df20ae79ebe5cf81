"""Open a page in Debian's headless Chromium and tell what happened, for the tests.

Chromium is driven over the DevTools protocol through a pipe (--remote-debugging-pipe:
the browser reads commands on its fd 3 and answers on fd 4, messages ended by NUL), so
nothing is downloaded and no port is opened. The network is cut twice: the browser's
proxy and host resolver lead nowhere, and the page's network is emulated offline. Every
request the page makes is recorded, as is every console message, exception and log entry.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import re
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")


def find_chromium() -> str | None:
    for candidate in CANDIDATES:
        if os.access(candidate, os.X_OK):
            return candidate
    return shutil.which("chromium")


@dataclass
class Visit:
    """What one page load showed."""

    requests: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)  # errors and warnings, any source
    marks: list[dict[str, Any]] = field(default_factory=list)  # per chart
    page_width: int = 0
    content_width: int = 0
    texts: list[dict[str, Any]] = field(default_factory=list)  # per chart, TEXT_SCRIPT


# Per chart: its id, its drawn marks (dots, bars, lines with a real size on the screen)
# and marks in all, and its series with something to draw against those with a drawn mark
# (a one-point line has no size, but its dot has).
MARKS_SCRIPT = """
JSON.stringify([...document.querySelectorAll('svg.chart-svg')].map(svg => {
  const shown = m => {
    const box = m.getBoundingClientRect();
    return (box.width > 0 || box.height > 0) && getComputedStyle(m).display !== 'none';
  };
  const marksOf = s => [...s.querySelectorAll('circle, path, rect')];
  const marks = [...svg.querySelectorAll('.plot .series')].flatMap(marksOf);
  const series = [...svg.querySelectorAll('.plot .series')].filter(s => marksOf(s).length);
  const box = svg.getBoundingClientRect();
  return {id: svg.id, marks: marks.length, drawn: marks.filter(shown).length,
          series: series.length,
          series_drawn: series.filter(s => marksOf(s).some(shown)).length,
          width: box.width, height: box.height};
}))
"""
WIDTH_SCRIPT = "JSON.stringify([innerWidth, document.documentElement.scrollWidth])"

# Per chart: the boxes of its texts as drawn (labels, values, legend, title), every pair of
# them that overlaps by more than half a pixel either way, and the smallest text's size on
# the screen (its font size times the drawing's scale).
TEXT_SCRIPT = """
JSON.stringify([...document.querySelectorAll('svg.chart-svg')].map(svg => {
  const scale = svg.getBoundingClientRect().width / (svg.viewBox.baseVal.width || 1);
  const texts = [...svg.querySelectorAll('text')].map(t => {
    const box = t.getBoundingClientRect();
    return {text: t.textContent.trim(), box: [box.left, box.top, box.right, box.bottom],
            size: parseFloat(getComputedStyle(t).fontSize) * scale,
            shown: getComputedStyle(t).display !== 'none' &&
                   getComputedStyle(t).visibility !== 'hidden' && box.width > 0};
  }).filter(t => t.shown && t.text);
  const overlaps = [];
  for (let i = 0; i < texts.length; i++) for (let j = i + 1; j < texts.length; j++) {
    const a = texts[i].box, b = texts[j].box;
    const dx = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
    const dy = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
    if (dx > 0.5 && dy > 0.5) overlaps.push([texts[i].text, texts[j].text]);
  }
  return {id: svg.id, texts: texts.length, overlaps: overlaps,
          smallest: Math.min(...texts.map(t => t.size))};
}))
"""


def pdf_pages(pdf: bytes) -> int:
    """Pages of a PDF as Chromium writes it (Skia: page objects uncompressed), counted by
    their '/Type /Page' dictionaries; pdfinfo agrees (test_browser checks it where present)."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


class Browser:
    def __init__(self, executable: str) -> None:
        self.profile = tempfile.mkdtemp(prefix="kehoach-chromium-")
        to_browser_r, self._to_browser = os.pipe()
        self._from_browser, from_browser_w = os.pipe()

        def wire() -> None:  # in the child: fd 3 reads commands, fd 4 writes answers
            # copies first: a pipe's own fd may already be 3 or 4 (dup2 onto itself would
            # keep it close-on-exec)
            reading, writing = os.dup(to_browser_r), os.dup(from_browser_w)
            os.dup2(reading, 3)
            os.dup2(writing, 4)
            os.set_inheritable(3, True)
            os.set_inheritable(4, True)

        self.process = subprocess.Popen(
            [
                executable,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--hide-scrollbars",
                "--remote-debugging-pipe",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--proxy-server=http://127.0.0.1:9",
                "--host-resolver-rules=MAP * ~NOTFOUND",
                f"--user-data-dir={self.profile}",
                "about:blank",
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            preexec_fn=wire,  # the only way to place the pipe at fds 3 and 4
            close_fds=False,
        )
        os.close(to_browser_r)
        os.close(from_browser_w)
        self._next = 0
        self._buffer = b""
        self.events: list[dict[str, Any]] = []

    def close(self) -> None:
        with contextlib.suppress(OSError, RuntimeError, TimeoutError):
            self.call("Browser.close")
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self._to_browser)
        os.close(self._from_browser)
        shutil.rmtree(self.profile, ignore_errors=True)

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _read_message(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            if time.monotonic() > deadline:
                raise TimeoutError("Chromium did not answer in time")
            chunk = os.read(self._from_browser, 1 << 16)
            if not chunk:
                raise RuntimeError("Chromium closed the pipe")
            self._buffer += chunk
        message, _, self._buffer = self._buffer.partition(b"\0")
        return json.loads(message)

    def call(
        self, method: str, session: str | None = None, timeout: float = 60, **params: Any
    ) -> dict[str, Any]:
        self._next += 1
        ident = self._next
        message: dict[str, Any] = {"id": ident, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self._to_browser, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            answer = self._read_message(deadline)
            if answer.get("id") == ident:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                result: dict[str, Any] = answer.get("result", {})
                return result
            self.events.append(answer)

    def wait_for(self, method: str, timeout: float = 60) -> dict[str, Any]:
        for index, event in enumerate(self.events):
            if event.get("method") == method:
                return self.events.pop(index)
        deadline = time.monotonic() + timeout
        while True:
            event = self._read_message(deadline)
            if event.get("method") == method:
                return event
            self.events.append(event)

    def visit(self, page: Path, width: int, screenshot: Path | None = None) -> Visit:
        """Load `page` in a new tab `width` CSS pixels wide; screenshot the whole page."""
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.call(f"{domain}.enable", session)
        self.call(
            "Network.emulateNetworkConditions",
            session,
            offline=True,
            latency=0,
            downloadThroughput=-1,
            uploadThroughput=-1,
        )
        self.call(
            "Emulation.setDeviceMetricsOverride",
            session,
            width=width,
            height=900,
            deviceScaleFactor=1,
            mobile=width < 600,
        )
        self.events.clear()
        self.call("Page.navigate", session, url=page.resolve().as_uri())
        self.wait_for("Page.loadEventFired")
        visit = Visit()
        visit.marks = json.loads(self._evaluate(session, MARKS_SCRIPT))
        visit.page_width, visit.content_width = json.loads(self._evaluate(session, WIDTH_SCRIPT))
        visit.texts = json.loads(self._evaluate(session, TEXT_SCRIPT))
        if screenshot is not None:
            self._screenshot(session, width, screenshot)
        self._collect(visit)
        self.call("Target.closeTarget", targetId=target)
        return visit

    def style_of(self, page: Path, selector: str, prop: str) -> str:
        """The computed value of `prop` for the first element `selector` finds."""
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        self.call("Page.enable", session)
        self.events.clear()
        self.call("Page.navigate", session, url=page.resolve().as_uri())
        self.wait_for("Page.loadEventFired")
        expression = (
            f"getComputedStyle(document.querySelector({json.dumps(selector)}))"
            f".getPropertyValue({json.dumps(prop)})"
        )
        value: str = self._evaluate(session, expression)
        self.events.clear()
        self.call("Target.closeTarget", targetId=target)
        return value

    def print_pdf(self, page: Path) -> bytes:
        """`page` printed as Chromium prints it (the page's own @page size and margins,
        backgrounds on), as PDF bytes."""
        target = self.call("Target.createTarget", url="about:blank")["targetId"]
        session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        self.call("Page.enable", session)
        self.events.clear()
        self.call("Page.navigate", session, url=page.resolve().as_uri())
        self.wait_for("Page.loadEventFired")
        answer = self.call("Page.printToPDF", session, preferCSSPageSize=True, printBackground=True)
        self.events.clear()
        self.call("Target.closeTarget", targetId=target)
        return base64.b64decode(answer["data"])

    def _evaluate(self, session: str, expression: str) -> Any:
        answer = self.call("Runtime.evaluate", session, expression=expression, returnByValue=True)
        if "exceptionDetails" in answer:
            raise RuntimeError(f"evaluation failed: {answer['exceptionDetails']}")
        return answer["result"]["value"]

    def _screenshot(self, session: str, width: int, path: Path) -> None:
        metrics = self.call("Page.getLayoutMetrics", session)
        height = int(metrics["cssContentSize"]["height"]) + 1
        self.call(
            "Emulation.setDeviceMetricsOverride",
            session,
            width=width,
            height=min(height, 16000),
            deviceScaleFactor=1,
            mobile=width < 600,
        )
        shot = self.call(
            "Page.captureScreenshot", session, format="png", captureBeyondViewport=True
        )
        path.write_bytes(base64.b64decode(shot["data"]))

    def _collect(self, visit: Visit) -> None:
        for event in self.events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Network.requestWillBeSent":
                visit.requests.append(params["request"]["url"])
            elif method == "Runtime.consoleAPICalled" and params.get("type") in (
                "error",
                "warning",
                "assert",
            ):
                visit.console.append(f"console.{params['type']}: {params.get('args')}")
            elif method == "Runtime.exceptionThrown":
                visit.console.append(f"exception: {params['exceptionDetails']}")
            elif method == "Log.entryAdded" and params["entry"]["level"] in ("error", "warning"):
                entry = params["entry"]
                visit.console.append(f"{entry['source']} {entry['level']}: {entry['text']}")
        self.events.clear()
