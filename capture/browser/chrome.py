"""Headless Chromium through ChromeDriver (Debian's chromium and
chromium-driver), with a blank page served from 127.0.0.1 to run scripts in."""

import contextlib
import http.server
import json
import re
import shutil
import tempfile
import threading

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage",
]


class Blank(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = b"<!doctype html><html lang=en><title>capture</title><body></body></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def session(port):
    """(driver, "Chromium <version>") with the blank page at 127.0.0.1:port open."""
    http.server.ThreadingHTTPServer.allow_reuse_address = True
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), Blank)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    profile = tempfile.mkdtemp(prefix="capture-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for flag in FLAGS + [f"--user-data-dir={profile}"]:
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    driver = webdriver.Chrome(options=options, service=service)
    try:
        driver.set_script_timeout(15)
        driver.get(f"http://127.0.0.1:{port}/")
        yield driver, f"Chromium {driver.capabilities['browserVersion']}"
    finally:
        driver.quit()
        server.shutdown()
        shutil.rmtree(profile, ignore_errors=True)


# ChromeDriver puts the page URL and line:column before a console message,
# and quotes messages that came from console.log and friends.
PREFIX = re.compile(r"^\S+ (\d+(:\d+)? |- )?")


def console(driver):
    """Console messages since the last call, as the page's DevTools show them."""
    out = []
    for entry in driver.get_log("browser"):
        text = PREFIX.sub("", entry["message"], count=1)
        if len(text) >= 2 and text[0] == '"' and text[-1] == '"':
            try:
                text = json.loads(text)
            except ValueError:
                pass
        out.append(text)
    return out
