"""Rebuild docs/dashboard.png, docs/items.png and docs/item.png from the bundled demo.

Builds the demo database in a temporary folder, serves it, logs in as the demo's 只读
account (every page needs a login) and photographs the pages with Debian's Chromium driven
by Playwright — the browser the tests use, launched by path; nothing is downloaded.

    .venv/bin/python scripts/screenshot_dashboard.py      # needs: apt-get install -y chromium fonts-noto-cjk

The CJK font is only for this machine's screenshot; the app itself names the client's
system fonts and ships none.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
AS_OF = "2025-06-30"
READER, PASSWORD = "lingdao", "demo-lingdao-2025"  # printed by planwatch demo, demo-only


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> None:
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        raise SystemExit("没有找到 /usr/bin/chromium：请先运行 apt-get install -y chromium fonts-noto-cjk")
    planwatch = [sys.executable, "-m", "planwatch"]
    with tempfile.TemporaryDirectory() as work:
        subprocess.run([*planwatch, "demo"], cwd=work, check=True, capture_output=True)
        db = f"sqlite:///{work}/planwatch-demo.sqlite"
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen([*planwatch, "serve", "--db", db, "--port", str(port)], cwd=work,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            for _ in range(100):
                try:
                    urllib.request.urlopen(f"{base}/healthz")
                    break
                except OSError:
                    time.sleep(0.2)
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"])
                page = browser.new_page(base_url=base, locale="zh-CN", viewport={"width": 1400, "height": 1000})
                page.goto("/login")
                page.fill("input[name=name]", READER)
                page.fill("input[name=password]", PASSWORD)
                page.click("form.login-form button[type=submit]")
                plan = json.loads(page.request.get("/api/plans").text())[0]["code"]
                query = f"plan={plan}&as_of={AS_OF}"
                shots = [
                    ("docs/dashboard.png", f"/?{query}"),
                    ("docs/items.png", f"/items?{query}&kind=project&sort=gap"),
                ]
                alerts = json.loads(page.request.get(f"/api/status?{query}").text())["alerts"]
                # a project shows the most: figures, history with sources; else the worst alert
                pick = next((a for a in alerts if a["kind"] == "project" and a["last_report"]), None)
                if pick is not None:
                    shots.append(("docs/item.png", f"/items/{pick['code']}?{query}"))
                for out, path in shots:
                    page.goto(path)
                    page.screenshot(path=str(ROOT / out), full_page=True)
                    print(out)
                browser.close()
        finally:
            server.terminate()
            server.wait(30)


if __name__ == "__main__":
    main()
