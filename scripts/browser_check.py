#!/usr/bin/env python3
"""Drive Parkline's web page in headless Chromium over the DevTools protocol.

    scripts/browser_check.py http://127.0.0.1:8080/ --park suxitong --expect 懋略 \
        --token "$PARKLINE_API_TOKEN" [--screenshot page.png]

Loads the page for a park, waits until its timeline lists an event whose title
contains --expect, then (with --token) records a new event through the HTTP
API and waits until the page shows it without a reload. Exits 0 when every
check passed, 1 with the reason otherwise. With only --screenshot (no token)
it just renders the page to a PNG, for people.
"""
import argparse, base64, json, os, shutil, subprocess, sys, tempfile, time, urllib.request, uuid

import websocket  # pip install websocket-client


def find_chromium():
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        path = shutil.which(name)
        if path:
            return path
    sys.exit("no Chromium found: install it (apt-get install -y chromium)")


class Page:
    def __init__(self, ws_url):
        self.ws = websocket.create_connection(ws_url, timeout=30, suppress_origin=True)
        self.next_id = 0

    def call(self, method, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    def eval(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"script failed: {result['exceptionDetails'].get('text')}")
        return result["result"].get("value")

    def wait_for(self, expression, what, timeout=30):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.eval(expression):
                return
            time.sleep(0.2)
        raise TimeoutError(f"timed out waiting for {what}")


def launch(chromium, profile, width, height):
    process = subprocess.Popen(
        [chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
         "--remote-debugging-port=0", f"--user-data-dir={profile}", f"--window-size={width},{height}", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    port_file = os.path.join(profile, "DevToolsActivePort")
    deadline = time.time() + 30
    while not os.path.exists(port_file) or not open(port_file).read().strip():
        if time.time() > deadline or process.poll() is not None:
            raise RuntimeError("Chromium did not start its DevTools endpoint")
        time.sleep(0.1)
    port = open(port_file).read().split()[0]
    targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list"))
    page = next(t for t in targets if t.get("type") == "page")
    return process, Page(page["webSocketDebuggerUrl"])


def post_event(base, park, token, title):
    request = urllib.request.Request(
        f"{base}v1/parks/{park}/events", method="POST",
        data=json.dumps({"type": "signing", "date": "2030-01-15", "title": title}).encode(),
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        if response.status != 201:
            raise RuntimeError(f"posting an event answered {response.status}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("url")
    parser.add_argument("--park", default="suxitong")
    parser.add_argument("--expect", help="text a listed event's title must contain")
    parser.add_argument("--token", help="API token: also check that a posted event appears live")
    parser.add_argument("--screenshot", help="write a PNG of the page here")
    args = parser.parse_args()
    base = args.url if args.url.endswith("/") else args.url + "/"

    profile = tempfile.mkdtemp(prefix="parkline-chromium-")
    process, page = launch(find_chromium(), profile, 1100, 1400)
    try:
        page.call("Page.enable")
        page.call("Page.navigate", url=f"{base}?park={args.park}")
        page.wait_for("document.querySelectorAll('.event').length > 0", "the timeline to list events")
        page.wait_for("document.getElementById('status').dataset.state === 'live'", "the live stream to connect")
        titles = page.eval("[...document.querySelectorAll('.event .title')].map(e => e.textContent)")
        years = page.eval("[...document.querySelectorAll('.year')].map(e => e.textContent)")
        report = {"events": len(titles), "years": years}
        if args.expect and not any(args.expect in title for title in titles):
            raise AssertionError(f"no listed event mentions {args.expect!r}; titles: {titles[:10]}")
        if years != sorted(years):
            raise AssertionError(f"years are not in order: {years}")
        if args.token:
            page.eval("window.__notReloaded = true")
            title = f"浏览器测试项目签约 {uuid.uuid4().hex[:8]}"
            post_event(base, args.park, args.token, title)
            page.wait_for(f"[...document.querySelectorAll('.event .title')].some(e => e.textContent === {json.dumps(title)})",
                          "the posted event to appear", timeout=20)
            if page.eval("window.__notReloaded") is not True:
                raise AssertionError("the page reloaded to show the new event")
            report["live_event"] = title
        if args.screenshot:
            shot = page.call("Page.captureScreenshot", format="png", captureBeyondViewport=True)
            with open(args.screenshot, "wb") as out:
                out.write(base64.b64decode(shot["data"]))
            report["screenshot"] = args.screenshot
        print(json.dumps(report, ensure_ascii=False))
        return 0
    except Exception as error:  # report any failure as the script's verdict
        print(f"browser check failed: {error}", file=sys.stderr)
        return 1
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
