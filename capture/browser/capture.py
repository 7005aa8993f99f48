"""Chromium's own WebSocket: the CloseEvent a page sees, what close() throws,
and what Chromium prints to the console. Driven through ChromeDriver.

Usage: capture.py PLAN.json; prints JSON lines (see capture/lib/collect.py).
"""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import chrome  # noqa: E402

PLAN = json.load(open(sys.argv[1]))

# Opens a socket, runs `action` on open, and reports what the page saw.
SCRIPT = """
const [url, action, code, reason, done] = arguments;
const seen = [];
let socket;
try {
  socket = new WebSocket(url);
} catch (err) {
  done([{kind: "exception", text: err.message}]);
  return;
}
socket.onopen = () => {
  if (action !== "close") return;
  try {
    socket.close(code, reason);
  } catch (err) {
    seen.push({kind: "exception", text: err.message, refused: true});
    socket.close();
  }
};
if (action === "close-now") socket.close(code, reason);
socket.onclose = (e) => {
  seen.push({kind: "close-event", code: e.code,
             text: `code=${e.code} reason=${JSON.stringify(e.reason)} wasClean=${e.wasClean}`});
  done(seen);
};
setTimeout(() => done(seen.concat([{kind: "timeout"}])), 5000);
"""


def emit(scenario, code, kind, text, seen=None):
    line = {"scenario": scenario, "code": code, "side": "client", "kind": kind, "text": text}
    if seen is not None:
        line["seen"] = seen
    print(json.dumps(line), flush=True)


def run(driver, scenario, code, url, action="", close_code=None, reason=""):
    driver.get_log("browser")  # drop what earlier scenarios left
    events = driver.execute_async_script(SCRIPT, url, action, close_code, reason)
    refused = any(e.get("refused") for e in events)
    for event in events:
        if event["kind"] == "timeout":
            raise SystemExit(f"{scenario}: no close event within 5 s")
        if event["kind"] == "close-event":
            if not refused:  # after a refused close() the page closed without a code
                emit(scenario, event["code"], "close-event", event["text"], event["code"])
        else:
            emit(scenario, code, event["kind"], event["text"])
    if not refused:
        for text in chrome.console(driver):
            emit(scenario, code, "console", text)


def main():
    with chrome.session(PLAN["port"]) as (driver, version):
        print(json.dumps({"meta": {"library": "browser", "version": version}}), flush=True)
        peer = PLAN["peer"]
        for code, reason in PLAN["codes"]:
            run(driver, f"server-close-{code}", code, f"{peer}/close/{code}?reason={reason.replace(' ', '%20')}")
            run(driver, f"client-close-{code}", code, f"{peer}/echo", "close", code, reason)
        run(driver, "close-while-connecting", 1006, f"{peer}/echo", "close-now", 1000, "")
        run(driver, "bad-server-reset", 1006, f"{peer}/reset")
        run(driver, "bad-server-eof", 1006, f"{peer}/eof")
        run(driver, "bad-server-close-empty", 1005, f"{peer}/close-empty")
        run(driver, "bad-server-invalid-utf8", 1007, f"{peer}/utf8")
        run(driver, "bad-server-rsv-bit", 1002, f"{peer}/rsv")
        run(driver, "bad-server-masked-frame", 1002, f"{peer}/masked")
        run(driver, "bad-server-ping-too-big", 1002, f"{peer}/ping-big")
        run(driver, "handshake-403", 1006, f"{peer}/403")
        run(driver, "handshake-404", 1006, f"{peer}/404")
        run(driver, "tls-self-signed", 1015, PLAN["tls_peer"])
        run(driver, "connection-refused", 1006, PLAN["refused"])


main()
