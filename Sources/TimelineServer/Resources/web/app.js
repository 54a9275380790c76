// Parkline's live timeline page: no build step, no dependencies.
"use strict";

const TYPES = {
  signing: ["签约", "✍"], groundbreaking: ["开工", "⛏"], opening: ["启用", "🚪"], completion: ["竣工", "🏁"],
  meeting: ["会议", "🗣"], visit: ["考察", "👣"], award: ["获奖", "🏅"], policy: ["政策", "📜"],
};

const state = { park: null, events: new Map(), source: null };
const $ = (id) => document.getElementById(id);

async function getJSON(path) {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ? body.error.message : response.statusText);
  return body;
}

function setStatus(kind, text) {
  $("status").dataset.state = kind;
  $("status").textContent = text;
}

async function loadParks() {
  const { parks } = await getJSON("/v1/parks");
  const select = $("park");
  select.replaceChildren(...parks.map((park) => {
    const option = document.createElement("option");
    option.value = park.id;
    option.textContent = `${park.name} (${park.events})`;
    return option;
  }));
  const wanted = new URLSearchParams(location.search).get("park");
  if (wanted && parks.some((park) => park.id === wanted)) select.value = wanted;
  select.addEventListener("change", () => choosePark(select.value));
  if (select.value) await choosePark(select.value);
}

async function choosePark(id) {
  state.park = id;
  history.replaceState(null, "", `?park=${encodeURIComponent(id)}`);
  state.events.clear();
  let cursor = null;
  do {
    const page = await getJSON(`/v1/parks/${encodeURIComponent(id)}/timeline?limit=500${cursor ? `&cursor=${cursor}` : ""}`);
    if (state.park !== id) return;
    for (const event of page.events) state.events.set(event.id, event);
    $("summary").textContent = `${page.park.name}${page.park.city ? ` · ${page.park.city}` : ""}`;
    cursor = page.next_cursor;
  } while (cursor);
  render(null);
  follow(id);
}

function follow(id) {
  if (state.source) state.source.close();
  setStatus("connecting", "connecting…");
  // The browser resends Last-Event-ID on reconnects, so nothing is missed.
  const source = new EventSource(`/v1/stream?park=${encodeURIComponent(id)}`);
  state.source = source;
  source.onopen = () => setStatus("live", "live");
  source.onerror = () => setStatus("offline", "reconnecting…");
  const onNew = (message) => {
    const body = JSON.parse(message.data);
    if (!body.event || state.park !== id) return;
    state.events.set(body.event.id, body.event);
    render(body.event.id);
  };
  source.addEventListener("TimelineEventExtracted", onNew);
  source.addEventListener("TimelineEventRecorded", onNew);
  // Another outlet's report of a known event: the same event, updated.
  source.addEventListener("updated", (message) => {
    const body = JSON.parse(message.data);
    if (!body.event || state.park !== id) return;
    for (const report of body.event.reports || []) state.events.delete(report.id);
    state.events.set(body.event.id, body.event);
    render(body.event.id);
  });
  source.addEventListener("ReportsSplit", onChange);
  const onChange = () => { if (state.park === id) choosePark(id); };
  source.addEventListener("TimelineEventCorrected", onChange);
  source.addEventListener("TimelineEventRetracted", onChange);
  source.addEventListener("overflow", () => { source.close(); follow(id); });
}

function render(freshID) {
  const events = [...state.events.values()].sort((a, b) =>
    a.lower.localeCompare(b.lower) || a.precision.localeCompare(b.precision) || a.id.localeCompare(b.id));
  const list = $("timeline");
  const items = [];
  let year = null;
  for (const event of events) {
    const eventYear = event.lower.slice(0, 4);
    if (eventYear !== year) {
      year = eventYear;
      const heading = document.createElement("li");
      heading.className = "year";
      heading.textContent = year;
      items.push(heading);
    }
    items.push(renderEvent(event, event.id === freshID));
  }
  list.replaceChildren(...items);
  $("empty").hidden = events.length > 0;
}

function renderEvent(event, fresh) {
  const [typeName, icon] = TYPES[event.type] || [event.type, "•"];
  const item = document.createElement("li");
  item.className = `event${fresh ? " fresh" : ""}`;
  item.dataset.id = event.id;
  item.style.setProperty("--dot", `var(--${event.type}, #66788a)`);
  const meta = element("div", "meta");
  meta.append(element("span", "date", event.label), element("span", "type", `${icon} ${typeName}`));
  item.append(meta, element("h2", "title", event.title));
  if (event.evidence) item.append(element("p", "evidence", event.evidence));
  const source = event.source || {};
  const origin = [source.document, source.published && `发布 ${source.published}`].filter(Boolean).join(" · ");
  if (origin) item.append(element("div", "source", origin));
  const reports = event.reports || [];
  if (reports.length > 1) {
    const list = element("div", "reports", `${reports.length} reports: `);
    reports.forEach((report, index) => {
      const name = report.outlet || report.document;
      const link = /^https?:\/\//.test(report.document) ? document.createElement("a") : document.createElement("span");
      if (link.tagName === "A") { link.href = report.document; link.rel = "noopener"; }
      link.textContent = `${name} (${report.published})`;
      if (index > 0) list.append(", ");
      list.append(link);
    });
    if (event.dates_reported) list.append(` · dates given: ${event.dates_reported.join(", ")}`);
    item.append(list);
  }
  return item;
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

loadParks().catch((error) => {
  setStatus("offline", "unavailable");
  $("summary").textContent = `Could not load parks: ${error.message}`;
});
