#!/usr/bin/env python3
"""Drive Parkline's web page in headless Chromium over the DevTools protocol.

    scripts/browser_check.py http://127.0.0.1:8080/ --park suxitong --expect 懋略 \
        [--token "$PARKLINE_API_TOKEN"] [--screenshots docs/]

Checks, each against what the HTTP API answers (exit 0 when all pass, 1 with
the reason otherwise; a JSON report on stdout):

- the park's timeline lists an event whose title contains --expect, years in order;
- the chart's bars carry exactly the counts of /v1/parks/{id}/activity;
- the stream is opened from the log cursor the timeline was read at
  (after= equal to the timeline page's log_cursor);
- a deep link (type, from, q) restores the filters, and the back button
  returns to the view before a bar was clicked; a park named by an alias
  shows under its id;
- an event's own URL opens its view: evidence highlighted in its paragraph,
  the date in words, every version;
- compare shows the parks on one time axis;
- the English toggle relabels the page;
- a `reset` message makes the page reload its view and reopen its stream
  from the fresh cursor;
- no character of U+2600–27BF or U+1F300–1FAFF in the page or its files;
- no console errors or uncaught exceptions;
- the page fits a 390 px wide phone without sideways scrolling;
- with --token: an event recorded through the API appears in its place in
  time without a reload, and one recorded while the tab is hidden is counted;
  a correction shows without a reload, and the event's view, once it is
  retracted, marks it retracted and corrected with its three versions.

With --screenshots DIR it writes page-desktop.png (1280 px), page-phone.png
(390 px) and page-event.png (an event's view) there.
"""
import argparse, base64, json, os, re, shutil, subprocess, sys, tempfile, time, urllib.parse, urllib.request, uuid

import websocket  # pip install websocket-client

EMOJI = re.compile("[\u2600-\u27bf\U0001F300-\U0001FAFF]")


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
        self.errors = []
        self.requests = []

    def _event(self, message):
        method, params = message.get("method"), message.get("params", {})
        if method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            self.errors.append(f"uncaught: {details.get('exception', {}).get('description') or details.get('text')}")
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            self.errors.append("console.error: " + " ".join(str(a.get("value", a.get("description"))) for a in params.get("args", [])))
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            self.errors.append(f"log: {params['entry'].get('text')} {params['entry'].get('url', '')}")
        elif method == "Network.requestWillBeSent":
            self.requests.append(params.get("request", {}).get("url", ""))

    def call(self, method, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self._event(message)

    def eval(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"script failed: {result['exceptionDetails'].get('exception', {}).get('description') or result['exceptionDetails'].get('text')}")
        return result["result"].get("value")

    def wait_for(self, expression, what, timeout=30):
        """Poll `expression` until it is truthy; a generous deadline, no fixed sleeps."""
        deadline = time.time() + timeout
        while time.time() < deadline:
            value = self.eval(expression)
            if value:
                return value
            time.sleep(0.1)
        raise TimeoutError(f"timed out waiting for {what}")

    def open(self, url):
        self.call("Page.navigate", url=url)
        self.wait_for("document.readyState === 'complete' && !!window.parkline", "the page to load")

    def key(self, key, code=None, text=None):
        for kind in ("keyDown", "keyUp"):
            params = {"type": kind, "key": key, "code": code or key}
            if key == "Enter":
                params["windowsVirtualKeyCode"] = 13
            if text and kind == "keyDown":
                params["text"] = text
            self.call("Input.dispatchKeyEvent", **params)

    def screenshot(self, path):
        shot = self.call("Page.captureScreenshot", format="png", captureBeyondViewport=False)
        with open(path, "wb") as out:
            out.write(base64.b64decode(shot["data"]))


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


def get_json(base, path):
    with urllib.request.urlopen(base + path.lstrip("/"), timeout=30) as response:
        return json.load(response)


def get_text(base, path):
    with urllib.request.urlopen(base + path.lstrip("/"), timeout=30) as response:
        return response.read().decode("utf-8")


def post_event(base, park, token, title, date, type_="signing"):
    request = urllib.request.Request(
        f"{base}v1/parks/{park}/events", method="POST",
        data=json.dumps({"type": type_, "date": date, "title": title}).encode(),
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        if response.status != 201:
            raise RuntimeError(f"posting an event answered {response.status}")
        return json.load(response)["event"]["id"]


def post_json(base, path, token, body):
    request = urllib.request.Request(
        base + path, method="POST", data=json.dumps(body).encode(),
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.load(response)


def expect(condition, message):
    if not condition:
        raise AssertionError(message)


def listed(page):
    return page.eval("[...document.querySelectorAll('#timeline .event')].map(e => ({id: e.dataset.id, lower: e.dataset.lower,"
                     " type: e.dataset.type, title: e.querySelector('.title').textContent}))")


def check_chart(page, base, park):
    """Every bar's segments equal the activity API's counts for its period; bars of other periods are empty."""
    activity = get_json(base, f"v1/parks/{park}/activity?bucket={page.eval('window.parkline.state.bucket')}")
    bars = page.eval("[...document.querySelectorAll('#chart .bar')].map(b => ({period: b.dataset.period, total: +b.dataset.total,"
                     " counts: Object.fromEntries([...b.querySelectorAll('.seg')].map(s => [s.dataset.type, +s.dataset.count]))}))")
    expect(bars, "the chart has no bars")
    drawn = {bar["period"]: bar for bar in bars}
    for period in activity["periods"]:
        bar = drawn.get(period["period"])
        expect(bar is not None, f"no bar for {period['period']}")
        expect(bar["counts"] == period["counts"], f"bar {period['period']} shows {bar['counts']}, the API counts {period['counts']}")
        expect(bar["total"] == period["total"], f"bar {period['period']} totals {bar['total']}, the API {period['total']}")
    api_periods = {period["period"] for period in activity["periods"]}
    for bar in bars:
        if bar["period"] not in api_periods:
            expect(bar["total"] == 0 and not bar["counts"], f"bar {bar['period']} shows events the API does not count")
    return {"bars": len(bars), "periods_with_events": len(activity["periods"]), "events": sum(p["total"] for p in activity["periods"])}


def check_no_emoji(page, base):
    found = page.eval("document.documentElement.outerHTML + document.body.innerText + document.title")
    match = EMOJI.search(found)
    expect(match is None, f"the page shows U+{ord(match.group()):04X}" if match else "")
    for name in ("index.html", "app.js", "chart.js", "icons.js", "i18n.js", "dom.js", "export.js", "event-view.js", "style.css"):
        match = EMOJI.search(get_text(base, name))
        expect(match is None, f"{name} holds U+{ord(match.group()):04X}" if match else "")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("url")
    parser.add_argument("--park", default="suxitong")
    parser.add_argument("--expect", help="text a listed event's title must contain")
    parser.add_argument("--token", help="API token: also check that recorded events appear live")
    parser.add_argument("--screenshots", help="write page-desktop.png and page-phone.png into this folder")
    args = parser.parse_args()
    base = args.url if args.url.endswith("/") else args.url + "/"
    park = args.park

    profile = tempfile.mkdtemp(prefix="parkline-chromium-")
    process, page = launch(find_chromium(), profile, 1280, 1000)
    report = {}
    try:
        for domain in ("Page", "Runtime", "Log", "Network"):
            page.call(f"{domain}.enable")
        page.call("Emulation.setDeviceMetricsOverride", width=1280, height=1000, deviceScaleFactor=1, mobile=False)

        # The timeline, and the stream opened from where the timeline was read.
        page.open(f"{base}?park={park}")
        page.wait_for("document.querySelectorAll('#timeline .event').length > 0", "the timeline to list events")
        page.wait_for("document.getElementById('status').dataset.state === 'live'", "the live stream to connect")
        page.wait_for("document.querySelectorAll('#chart .bar').length > 0", "the chart")
        events = listed(page)
        years = page.eval("[...document.querySelectorAll('#timeline .year')].map(e => e.textContent)")
        report.update(events=len(events), years=years)
        if args.expect:
            expect(any(args.expect in e["title"] for e in events), f"no listed event mentions {args.expect!r}")
        expect(years == sorted(years), f"years are not in order: {years}")
        lowers = [e["lower"] for e in events]
        expect(lowers == sorted(lowers), "events are not in time order")
        timeline = get_json(base, f"v1/parks/{park}/timeline?limit=1000")
        expect(len(events) == len(timeline["events"]), f"the page lists {len(events)} events, the API {len(timeline['events'])}")
        streams = [url for url in page.requests if "/v1/stream" in url]
        expect(streams, "the page opened no stream")
        after = urllib.parse.parse_qs(urllib.parse.urlparse(streams[-1]).query).get("after", [None])[0]
        expect(after == timeline["log_cursor"], f"the stream opened after={after}, the timeline was read at {timeline['log_cursor']}")
        report["stream_after"] = after

        report["chart"] = check_chart(page, base, park)
        check_no_emoji(page, base)

        # Type counts next to the checkboxes are the listed events by type.
        counts = page.eval("Object.fromEntries([...document.querySelectorAll('.type-box')].map(b => [b.querySelector('input').value, +b.querySelector('.n').textContent]))")
        by_type = {}
        for e in events:
            by_type[e["type"]] = by_type.get(e["type"], 0) + 1
        expect({k: v for k, v in counts.items() if v} == by_type, f"type counts {counts} differ from the list {by_type}")

        # Clicking a bar filters to its period; Back returns.
        bar = page.eval("(() => { const b = [...document.querySelectorAll('#chart .bar')].find(b => +b.dataset.total > 0 && b.dataset.total < " + str(len(events)) + "); b.dispatchEvent(new MouseEvent('click', {bubbles: true})); return {period: b.dataset.period, start: b.dataset.start, end: b.dataset.end, total: +b.dataset.total}; })()")
        page.wait_for(f"new URLSearchParams(location.search).get('from') === {json.dumps(bar['start'][:7])}", "the bar's period in the URL")
        page.wait_for(f"document.querySelectorAll('#timeline .event').length === {bar['total']}", f"the list to show the {bar['total']} events of {bar['period']}")
        inside = listed(page)
        expect(all(e["lower"] <= bar["end"] for e in inside), "the list shows events outside the bar's period")
        page.eval("history.back()")
        page.wait_for(f"!location.search.includes('from=') && document.querySelectorAll('#timeline .event').length === {len(events)}", "Back to restore the whole list")
        report["bar_click"] = bar["period"]

        # Keyboard: a focused bar is chosen with Enter.
        page.eval("document.querySelector('#chart .bar[data-total]:not([data-total=\"0\"])').focus()")
        page.key("Enter")
        page.wait_for("new URLSearchParams(location.search).has('from')", "Enter on a bar to filter")
        page.eval("history.back()")
        page.wait_for("!location.search.includes('from=')", "Back after the keyboard filter")

        # A deep link restores its filters.
        page.open(f"{base}?park={park}&type=signing&from=2022-06&q={urllib.parse.quote(args.expect or '')}")
        page.wait_for("document.querySelectorAll('#timeline .event').length > 0", "the deep-linked list")
        state = page.eval("({checked: [...document.querySelectorAll('.type-box input:checked')].map(b => b.value),"
                          " from: document.getElementById('from').value, q: document.getElementById('q').value})")
        expect(state == {"checked": ["signing"], "from": "2022-06", "q": args.expect or ""}, f"the deep link restored {state}")
        filtered = listed(page)
        expect(all(e["type"] == "signing" and e["lower"] >= "2022-06" for e in filtered), f"the deep link lists {filtered}")
        if args.expect:
            expect(all(args.expect in e["title"] or True for e in filtered), "")
            searched = get_json(base, f"v1/parks/{park}/timeline?type=signing&from=2022-06&q={urllib.parse.quote(args.expect)}")
            expect(sorted(e["id"] for e in filtered) == sorted(e["id"] for e in searched["events"]),
                   f"the page lists {len(filtered)} events, the API's search {len(searched['events'])}")
        report["deep_link_events"] = len(filtered)

        # A link naming the park by an alias shows it, under its id.
        aliases = get_json(base, f"v1/parks/{park}").get("aliases") or []
        if aliases:
            page.open(f"{base}?park={urllib.parse.quote(aliases[0])}")
            page.wait_for(f"new URLSearchParams(location.search).get('park') === {json.dumps(park)}"
                          f" && document.querySelectorAll('#timeline .event').length === {len(events)}"
                          f" && !!document.querySelector('#park-list .park.current[data-id={json.dumps(park)}]')", "the park named by an alias")
            report["alias"] = aliases[0]

        # An event's own view: evidence highlighted in its paragraph.
        target = next(e for e in timeline["events"] if len(e.get("reports", [])) > 1) if any(len(e.get("reports", [])) > 1 for e in timeline["events"]) else timeline["events"][0]
        page.open(f"{base}?park={park}")
        page.wait_for(f"!!document.querySelector('#timeline .event[data-id=\"{target['id']}\"] a')", "the event's link")
        href = page.eval(f"document.querySelector('#timeline .event[data-id=\"{target['id']}\"] a').getAttribute('href')")
        expect(f"event={target['id']}" in href, f"the event's link is {href}")
        page.eval(f"document.querySelector('#timeline .event[data-id=\"{target['id']}\"] a').click()")
        page.wait_for("!document.getElementById('panel').hidden && !!document.querySelector('#panel mark')", "the event's view")
        expect(f"event={target['id']}" in page.eval("location.search"), "the event view has no URL of its own")
        panel = page.eval("({marks: [...document.querySelectorAll('#panel .paragraph mark')].map(m => m.textContent),"
                          " paragraphs: [...document.querySelectorAll('#panel .paragraph')].map(p => p.textContent),"
                          " versions: document.querySelectorAll('#panel .version').length, facts: document.querySelector('#panel .facts').textContent})")
        expect(target["evidence"] in panel["marks"], f"the evidence is not highlighted: {panel['marks']}")
        expect(any(len(p) > len(target["evidence"]) for p in panel["paragraphs"]), "the evidence is shown without its paragraph")
        expect(len(panel["marks"]) == len(target["reports"]), f"{len(panel['marks'])} reports shown, the event has {len(target['reports'])}")
        detail = get_json(base, f"v1/events/{target['id']}")
        expect(panel["versions"] == len(detail["history"]), f"{panel['versions']} versions shown, the API has {len(detail['history'])}")
        words = {"day": "日", "month": "月", "quarter": "季度", "half": "半年", "year": "年", "week": "周"}[target["precision"]]
        expect(words in panel["facts"], f"the date is not in words: {panel['facts']}")
        if args.screenshots:
            os.makedirs(args.screenshots, exist_ok=True)
            page.screenshot(os.path.join(args.screenshots, "page-event.png"))
        page.eval("history.back()")
        page.wait_for("document.getElementById('panel').hidden && !location.search.includes('event=')", "Back to close the event view")
        # The same URL opened directly (shared) shows the view.
        page.open(f"{base}{href}")
        page.wait_for("!document.getElementById('panel').hidden && !!document.querySelector('#panel mark')", "the shared event URL")
        page.key("Escape")
        page.wait_for("document.getElementById('panel').hidden", "Escape to close the event view")
        report["event_view"] = {"id": target["id"], "reports": len(panel["marks"]), "versions": panel["versions"]}

        # Compare: every park of the list, up to four, on one axis.
        parks = [p["id"] for p in get_json(base, "v1/parks")["parks"]][:4]
        if len(parks) >= 2:
            page.open(f"{base}?park={park}&compare={','.join(parks)}")
            page.wait_for(f"document.querySelectorAll('#compare-chart .row').length === {len(parks)}", "the compare chart")
            rows = page.eval("[...document.querySelectorAll('#compare-chart .row')].map(r => [...r.querySelectorAll('.bar')].map(b => b.dataset.period).join())")
            expect(len(set(rows)) == 1, "the compared parks are not on one time axis")
            report["compared"] = len(parks)

        # English labels.
        page.open(f"{base}?park={park}&lang=en")
        page.wait_for("document.querySelectorAll('#timeline .event').length > 0", "the English page")
        expect(page.eval("document.querySelector('.type-box').textContent.includes('Signing') && document.documentElement.lang === 'en'"),
               "the English toggle did not relabel the page")
        page.eval("document.getElementById('lang').click()")
        page.wait_for("document.documentElement.lang === 'zh-CN' && document.querySelector('.type-box').textContent.includes('签约')", "back to Chinese")
        check_no_emoji(page, base)

        # A reset from the stream: reload the view, reopen the stream from the fresh cursor.
        page.wait_for("document.getElementById('status').dataset.state === 'live'", "the stream before the reset")
        loads = page.eval("window.parkline.state.loads")
        streams_before = page.eval("window.parkline.state.streams.length")
        page.eval("window.parkline.state.source.dispatchEvent(new MessageEvent('reset', {data: JSON.stringify({reason: 'test', head: '0-0'})}))")
        page.wait_for(f"window.parkline.state.loads > {loads} && window.parkline.state.streams.length > {streams_before}", "the page to start over after a reset")
        fresh = get_json(base, f"v1/parks/{park}/timeline?limit=1")["log_cursor"]
        reopened = page.eval("window.parkline.state.streams[window.parkline.state.streams.length - 1]")
        expect(f"after={urllib.parse.quote(fresh)}" in reopened or f"after={fresh}" in reopened, f"after a reset the stream reopened as {reopened}, the log is at {fresh}")
        page.wait_for("document.getElementById('status').dataset.state === 'live'", "the stream to be live again after the reset")
        report["reset"] = reopened

        if args.token:
            page.eval("window.__notReloaded = true")
            # Between two listed events in time, not at the top or the bottom.
            lowers = sorted({e["lower"] for e in events})
            middle = lowers[len(lowers) // 2]
            title = f"浏览器测试项目签约 {uuid.uuid4().hex[:8]}"
            signings_before = page.eval(f"+(document.querySelector('#chart .bar[data-start=\"{middle[:7]}-01\"] .seg[data-type=\"signing\"]')?.dataset.count || 0)")
            new_id = post_event(base, park, args.token, title, middle)
            page.wait_for(f"!!document.querySelector('#timeline .event[data-id=\"{new_id}\"]')", "the recorded event to appear", timeout=30)
            expect(page.eval("window.__notReloaded") is True, "the page reloaded to show the new event")
            now = listed(page)
            index = [e["id"] for e in now].index(new_id)
            expect(0 < index < len(now) - 1, f"the new event is at position {index} of {len(now)}")
            expect([e["lower"] for e in now] == sorted(e["lower"] for e in now), "the new event is out of time order")
            page.wait_for(f"+(document.querySelector('#chart .bar[data-start=\"{middle[:7]}-01\"] .seg[data-type=\"signing\"]')?.dataset.count || 0) === {signings_before + 1}",
                          "the chart to count the new event")
            check_chart(page, base, park)
            report["live_event"] = {"title": title, "position": index, "of": len(now)}

            # Hidden tab: what arrives is counted.
            page.eval("Object.defineProperty(document, 'visibilityState', {value: 'hidden', configurable: true});"
                      " document.dispatchEvent(new Event('visibilitychange'))")
            hidden_title = f"隐藏期间签约 {uuid.uuid4().hex[:8]}"
            post_event(base, park, args.token, hidden_title, lowers[-1])
            page.wait_for("!document.getElementById('unseen').hidden && document.title.startsWith('(1)')", "the hidden-tab count")
            page.eval("delete document.visibilityState; document.dispatchEvent(new Event('visibilitychange'))")
            expect(page.eval("!document.title.startsWith('(')"), "the title still counts after the tab came back")
            expect("1" in page.eval("document.getElementById('unseen').textContent"), "the banner does not say how many arrived")
            report["hidden_count"] = 1

            # A correction shows without a reload; a retracted event's own URL still tells its story.
            corrected_title = f"更正后的标题 {uuid.uuid4().hex[:8]}"
            post_json(base, f"v1/events/{new_id}/corrections", args.token, {"title": corrected_title, "reason": "浏览器测试"})
            page.wait_for(f"document.querySelector('#timeline .event[data-id=\"{new_id}\"] .title')?.textContent === {json.dumps(corrected_title)}",
                          "the correction to show")
            expect(page.eval("window.__notReloaded") is True, "the page reloaded to show the correction")
            post_json(base, f"v1/events/{new_id}/retractions", args.token, {"reason": "浏览器测试"})
            page.wait_for(f"!document.querySelector('#timeline .event[data-id=\"{new_id}\"]')", "the retracted event to leave the list")
            page.eval(f"document.querySelector('#timeline .event a').click()")
            page.wait_for("!document.getElementById('panel').hidden", "an event view")
            page.eval(f"history.replaceState(null, '', '?park={park}&event={new_id}'); dispatchEvent(new PopStateEvent('popstate'))")
            page.wait_for(f"!!document.querySelector('#panel .badge-retracted') && !!document.querySelector('#panel .badge-corrected')"
                          f" && document.querySelectorAll('#panel .version').length === 3", "the retracted and corrected marks")
            report["corrected_and_retracted"] = new_id

        # Exports: CSV rows are the listed events, the chart renders to PNG.
        csv_rows = page.eval("window.parkline.csvText().trim().split('\\r\\n').length")
        expect(csv_rows == len(listed(page)) + 1, f"the CSV has {csv_rows} lines for {len(listed(page))} events")
        png = page.eval("window.parkline.chartPNGBlob().then(b => b.type + ' ' + b.size)")
        expect(png.startswith("image/png") and int(png.split()[1]) > 1000, f"the chart PNG is {png}")
        expect(page.eval("window.parkline.chartSVG().includes('<svg')"), "the chart SVG export is empty")
        report["export"] = {"csv_lines": csv_rows, "png": png}

        # Screenshots, and the phone layout fits 390 px.
        page.open(f"{base}?park={park}")
        page.wait_for("document.querySelectorAll('#chart .bar').length > 0 && document.getElementById('status').dataset.state === 'live'", "the page for screenshots")
        if args.screenshots:
            os.makedirs(args.screenshots, exist_ok=True)
            page.screenshot(os.path.join(args.screenshots, "page-desktop.png"))
        page.call("Emulation.setDeviceMetricsOverride", width=390, height=844, deviceScaleFactor=2, mobile=True)
        page.open(f"{base}?park={park}")
        page.wait_for("document.querySelectorAll('#chart .bar').length > 0", "the phone page")
        width = page.eval("document.documentElement.scrollWidth")
        expect(width <= 390, f"the phone page is {width} px wide")
        if args.screenshots:
            page.screenshot(os.path.join(args.screenshots, "page-phone.png"))
            report["screenshots"] = [os.path.join(args.screenshots, name) for name in ("page-desktop.png", "page-phone.png", "page-event.png")]
        report["phone_width"] = width

        expect(not page.errors, "console errors: " + "; ".join(page.errors[:5]))
        print(json.dumps(report, ensure_ascii=False))
        return 0
    except Exception as error:  # report any failure as the script's verdict
        print(f"browser check failed: {error}", file=sys.stderr)
        if page.errors:
            print("console errors: " + "; ".join(page.errors[:5]), file=sys.stderr)
        print(json.dumps(report, ensure_ascii=False), file=sys.stderr)
        try:
            print("page state: " + str(page.eval("JSON.stringify({url: location.search, status: window.parkline.state.status,"
                                              " cursor: window.parkline.state.cursor, counted_at: window.parkline.state.activity?.log_cursor,"
                                              " streams: window.parkline.state.streams})")), file=sys.stderr)
        except Exception:  # the page itself may be what failed
            pass
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
