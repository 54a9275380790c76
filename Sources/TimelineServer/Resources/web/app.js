// Parkline's web page: a park's timeline with its activity chart, filters
// kept in the URL, an event's own view, parks compared, live updates.
// No build step and no dependencies: ES modules served by the daemon, and
// nothing the HTTP API does not offer to everyone.
import { t, typeName, dateWords, setLanguage, translatePage } from "./i18n.js";
import { TYPE_ORDER, typeIcon, statusMark, glyph, svg } from "./icons.js";
import { drawBars, periodRange, bucketFor, sparkline, chartSVGText, chartPNG } from "./chart.js";
import { $, element, enc, getJSON, cursorBefore } from "./dom.js";
import { csvText as eventsCSV, download } from "./export.js";
import { eventView } from "./event-view.js";

/** What the URL says: the view. */
const view = { park: null, types: [], from: "", to: "", q: "", event: null, compare: [], lang: "zh" };

/** Events drawn at a time; "more" draws as many again. */
const PAGE = 300;

/** What the page holds for the view. */
const state = {
  parks: [], sparks: new Map(), sparkBucket: "quarter",
  park: null, events: new Map(), matches: null, activity: null, bucket: "month",
  loadedPark: null, loadedQ: null, generation: 0,
  source: null, streamPark: null, cursor: null, status: "connecting",
  unseen: 0, fresh: new Set(), loads: 0, streams: [], refreshTimer: null, parksLoadedAt: 0,
  complete: false, readAt: null, shown: PAGE, resets: 0, lastReset: 0,
};

// ---- the URL ---------------------------------------------------------------

function readURL() {
  const params = new URLSearchParams(location.search);
  view.park = params.get("park");
  view.types = params.getAll("type").flatMap((value) => value.split(",")).filter((type) => TYPE_ORDER.includes(type));
  view.from = monthOf(params.get("from"));
  view.to = monthOf(params.get("to"));
  view.q = (params.get("q") || "").slice(0, 100);
  view.event = /^[0-9a-f-]{36}$/i.test(params.get("event") || "") ? params.get("event").toLowerCase() : null;
  view.compare = [...new Set((params.get("compare") || "").split(",").filter(Boolean))].slice(0, 4);
  view.lang = params.get("lang") === "en" ? "en" : "zh";
}

function monthOf(text) {
  return /^\d{4}-\d{2}(-\d{2})?$/.test(text || "") ? text.slice(0, 7) : "";
}

function urlOf(next) {
  const params = new URLSearchParams();
  if (next.park) params.set("park", next.park);
  for (const type of next.types) params.append("type", type);
  if (next.from) params.set("from", next.from);
  if (next.to) params.set("to", next.to);
  if (next.q) params.set("q", next.q);
  if (next.compare.length) params.set("compare", next.compare.join(","));
  if (next.event) params.set("event", next.event);
  if (next.lang === "en") params.set("lang", "en");
  const query = params.toString();
  return query ? `?${query}` : location.pathname;
}

/** Change the view; a new history entry unless `replace`, so Back undoes it. */
function navigate(changes, { replace = false } = {}) {
  const next = { ...view, ...changes };
  const url = urlOf(next);
  if (url !== location.search && !(url === location.pathname && !location.search)) {
    history[replace ? "replaceState" : "pushState"](null, "", url);
  }
  Object.assign(view, next);
  state.shown = PAGE;
  apply();
}

// ---- loading ---------------------------------------------------------------

async function loadParks() {
  const [{ parks }, activity] = await Promise.all([getJSON("/v1/parks"), getJSON(`/v1/activity?bucket=${state.sparkBucket}`)]);
  state.parks = parks;
  state.parksLoadedAt = Date.now();
  state.sparks = new Map(activity.parks.map((park) => [park.id, park.periods]));
  renderParkList();
}

/** Every page of a listing; the log cursor of its first page (the earliest, so nothing is missed). */
async function readListing(path) {
  const events = [];
  let cursor = null;
  let logCursor = null;
  let park = null;
  do {
    const page = await getJSON(`${path}${path.includes("?") ? "&" : "?"}limit=1000${cursor ? `&cursor=${enc(cursor)}` : ""}`);
    if (logCursor === null) logCursor = page.log_cursor || null;
    park = page.park || park;
    events.push(...page.events);
    cursor = page.next_cursor;
  } while (cursor);
  return { events, logCursor, park };
}

/**
 * Load the park's timeline (and matches of the search), then follow its
 * stream from where the timeline's first page was read. The first page is
 * drawn at once; the rest are read behind it (a busy park has tens of
 * thousands of events), each page's events kept unless the stream already
 * brought a newer state.
 */
async function loadPark(name, { restartStream = false } = {}) {
  const generation = ++state.generation;
  const first = await getJSON(`/v1/parks/${enc(name)}/timeline?limit=1000`);
  if (generation !== state.generation) return;
  // A link may name the park by a name or alias (?park=苏锡通): keep its id.
  const id = first.park.id;
  const path = `/v1/parks/${enc(id)}/timeline?limit=1000`;
  if (view.park === name && name !== id) {
    view.park = id;
    history.replaceState(null, "", urlOf(view));
  }
  state.park = first.park;
  state.events = new Map(first.events.map((event) => [event.id, event]));
  state.complete = !first.next_cursor;
  state.bucket = bucketFor(first.park.first, first.park.last);
  state.loadedPark = id;
  state.readAt = first.log_cursor || null;
  state.loads += 1;
  await Promise.all([loadMatches(generation), loadActivity(generation)]);
  if (generation !== state.generation) return;
  if (restartStream || state.streamPark !== id) follow(id, first.log_cursor || null);
  if (first.next_cursor) readRest(path, first.next_cursor, generation);
}

async function readRest(path, cursor, generation) {
  try {
    while (cursor) {
      const page = await getJSON(`${path}&cursor=${enc(cursor)}`);
      if (generation !== state.generation) return;
      for (const event of page.events) if (!state.events.has(event.id)) state.events.set(event.id, event);
      cursor = page.next_cursor;
      state.complete = !cursor;
      render();
    }
  } catch (error) {
    if (generation === state.generation) $("summary").textContent = `${t("loadFailed")}${error.message}`;
  }
}

async function loadMatches(generation = state.generation) {
  const q = view.q;
  if (!q) { state.matches = null; state.loadedQ = ""; return; }
  const { events } = await readListing(`/v1/parks/${enc(state.loadedPark)}/timeline?q=${enc(q)}`);
  if (generation !== state.generation || q !== view.q) return;
  state.matches = new Set(events.map((event) => event.id));
  state.loadedQ = q;
}

async function loadActivity(generation = state.generation) {
  const q = view.q;
  const activity = await getJSON(`/v1/parks/${enc(state.loadedPark)}/activity?bucket=${state.bucket}${q ? `&q=${enc(q)}` : ""}`);
  if (generation !== state.generation || q !== view.q) return;
  state.activity = activity;
}

/**
 * After live changes: counts, matches and the park list again, once things
 * settle. The stream can deliver an event before the read models hold it:
 * until the counts were read at the stream's cursor, ask again (a few times).
 */
function scheduleRefresh(attempt = 0) {
  clearTimeout(state.refreshTimer);
  state.refreshTimer = setTimeout(async () => {
    try {
      // The park list's counts and sparklines (every park counted) at most twice a minute.
      const parksDue = Date.now() - state.parksLoadedAt > 30_000;
      await Promise.all([loadMatches(), loadActivity(), parksDue ? loadParks() : null]);
      render();
      if (attempt < 20 && state.activity && cursorBefore(state.activity.log_cursor, state.cursor)) scheduleRefresh(attempt + 1);
    } catch (error) {
      console.warn("refresh failed", error);
      if (attempt < 20) scheduleRefresh(attempt + 1);
    }
  }, 250 + attempt * 250);
}

// ---- live ------------------------------------------------------------------

function setStatus(kind) {
  state.status = kind;
  const status = $("status");
  status.dataset.state = kind;
  status.querySelector(".mark").replaceChildren(statusMark(kind));
  status.querySelector(".text").textContent = t(kind);
}

/** Follow the park's new events from `after` (the cursor its timeline was read at). */
function follow(id, after) {
  if (state.source) state.source.close();
  state.streamPark = id;
  state.cursor = after;
  setStatus("connecting");
  const url = `/v1/stream?park=${enc(id)}${after ? `&after=${enc(after)}` : ""}`;
  state.streams.push(url);
  // The browser resends Last-Event-ID when it reconnects, so nothing is missed.
  const source = new EventSource(url);
  state.source = source;
  source.onopen = () => setStatus("live");
  source.onerror = () => setStatus(source.readyState === EventSource.CLOSED ? "stopped" : "reconnecting");
  const seen = (message) => { if (message.lastEventId) state.cursor = message.lastEventId; };
  const onNew = (message) => {
    seen(message);
    const body = JSON.parse(message.data);
    if (!body.event || state.streamPark !== id || state.loadedPark !== id) return;
    for (const report of body.event.reports || []) if (report.id !== body.event.id) state.events.delete(report.id);
    const known = state.events.has(body.event.id);
    state.events.set(body.event.id, body.event);
    if (!known) arrived(body.event.id);
    render();
    scheduleRefresh();
  };
  source.addEventListener("TimelineEventExtracted", onNew);
  source.addEventListener("TimelineEventRecorded", onNew);
  // Another outlet's report of a known event: the same event, updated.
  source.addEventListener("updated", onNew);
  const reload = (message) => {
    seen(message);
    if (state.streamPark === id) reloadView(false);
  };
  for (const kind of ["TimelineEventCorrected", "TimelineEventRetracted", "ReportsSplit"]) source.addEventListener(kind, reload);
  // Too far behind: resume from the last event received.
  source.addEventListener("overflow", () => { source.close(); follow(id, state.cursor); });
  // The log no longer has the position we follow from (restored onto
  // another database): start over from what the timeline says now.
  source.addEventListener("reset", () => {
    source.close();
    state.streamPark = null;
    // Resets in a row (the read models not yet caught up with a restored
    // log) back off, up to half a minute, rather than hammer the server.
    const now = Date.now();
    state.resets = now - state.lastReset < 30_000 ? state.resets + 1 : 0;
    state.lastReset = now;
    setTimeout(() => reloadView(true), state.resets ? Math.min(30_000, 500 * 2 ** state.resets) : 0);
  });
}

async function reloadView(restartStream, attempt = 0) {
  try {
    await loadPark(view.park, { restartStream });
    render();
    if (view.event) await openPanel(view.event);
    // The stream can tell of a change before the read models hold it: read
    // again until the timeline was read at the stream's position.
    if (!restartStream && attempt < 20 && cursorBefore(state.readAt, state.cursor)) {
      setTimeout(() => reloadView(false, attempt + 1), 250 + attempt * 250);
    }
  } catch (error) {
    setStatus("stopped");
    $("summary").textContent = `${t("loadFailed")}${error.message}`;
    // Starting over needs the database (a restore may still be running): try again.
    if (restartStream) setTimeout(() => reloadView(true), 5000);
  }
}

function arrived(id) {
  state.fresh.add(id);
  setTimeout(() => state.fresh.delete(id), 4000);
  if (document.visibilityState === "hidden") {
    state.unseen += 1;
    showUnseen();
  }
}

function showUnseen() {
  const banner = $("unseen");
  banner.hidden = state.unseen === 0;
  banner.querySelector(".text").textContent = t("unseen", { n: state.unseen });
  const base = "Parkline · " + t("subtitle");
  document.title = state.unseen && document.visibilityState === "hidden" ? `(${state.unseen}) ${base}` : base;
}

// ---- applying the view -------------------------------------------------------

let applying = Promise.resolve();

/** Bring the page to the view: load what changed, draw, open or close the event. */
function apply() {
  applying = applying.then(applyNow).catch((error) => {
    $("summary").textContent = `${t("loadFailed")}${error.message}`;
  });
  return applying;
}

async function applyNow() {
  setLanguage(view.lang);
  translatePage();
  $("lang").textContent = t("lang");
  setStatus(state.status);
  showUnseen();
  if (!view.park && state.parks.length) view.park = state.parks[0].id;
  if (view.park && view.park !== state.loadedPark) {
    await loadPark(view.park);
  } else if (view.park && view.q !== state.loadedQ) {
    await Promise.all([loadMatches(), loadActivity()]);
  }
  render();
  await renderCompare();
  if (view.event) await openPanel(view.event);
  else closePanel();
}

/** The publication date a day's events are ordered by, as the server orders them (`YYYY-MM-DD`, else none). */
const firstKnown = (event) => (/^\d{4}-\d{2}-\d{2}$/.test(event.first_reported || "") ? event.first_reported : "");

/** The events the filters let through, in time order; a day's events in the order they became known. */
function visibleEvents({ ignoreTypes = false } = {}) {
  const from = view.from ? `${view.from}-01` : null;
  const to = view.to ? `${view.to}-31` : null;
  return [...state.events.values()]
    .filter((event) => ignoreTypes || !view.types.length || view.types.includes(event.type))
    .filter((event) => (!from || event.upper >= from) && (!to || event.lower <= to))
    .filter((event) => !state.matches || state.matches.has(event.id))
    .sort((a, b) => a.lower.localeCompare(b.lower) || a.precision.localeCompare(b.precision)
      || firstKnown(a).localeCompare(firstKnown(b)) || a.id.localeCompare(b.id));
}

function render() {
  renderParkList();
  if (!state.park) return;
  const park = state.park;
  $("park-name").textContent = park.name;
  $("summary").textContent = [park.city, park.first && park.last ? `${park.first} – ${park.last}` : null, `${state.events.size} ${t("events")}`]
    .filter(Boolean).join(" · ");
  $("from").value = view.from;
  $("to").value = view.to;
  if (document.activeElement !== $("q")) $("q").value = view.q;
  renderTypeBoxes();
  renderChart();
  renderList();
}

function renderTypeBoxes() {
  const counts = {};
  for (const event of visibleEvents({ ignoreTypes: true })) counts[event.type] = (counts[event.type] || 0) + 1;
  const boxes = TYPE_ORDER.map((type) => {
    const label = document.createElement("label");
    label.className = "type-box";
    const box = document.createElement("input");
    box.type = "checkbox";
    box.name = "type";
    box.value = type;
    box.checked = view.types.includes(type);
    box.addEventListener("change", () => {
      const types = TYPE_ORDER.filter((each) => (each === type ? box.checked : view.types.includes(each)));
      navigate({ types, event: null });
    });
    const count = document.createElement("span");
    count.className = "n";
    count.textContent = counts[type] || 0;
    label.append(box, typeIcon(type), ` ${typeName(type)} `, count);
    return label;
  });
  const focused = document.activeElement && document.activeElement.name === "type" ? document.activeElement.value : null;
  $("type-boxes").replaceChildren(...boxes);
  if (focused) $("type-boxes").querySelector(`input[value="${focused}"]`).focus();
}

function shownTypes() {
  return view.types.length ? TYPE_ORDER.filter((type) => view.types.includes(type)) : TYPE_ORDER;
}

function renderChart() {
  const activity = state.activity;
  const box = $("chart");
  $("chart-title").textContent = state.bucket === "quarter" ? t("chartQuarter") : t("chart");
  if (!activity || !activity.periods.length) { box.replaceChildren(); $("legend").replaceChildren(); return; }
  const axis = periodRange(activity.bucket, activity.periods[0].start, activity.periods[activity.periods.length - 1].start);
  const range = view.from || view.to ? { from: view.from ? `${view.from}-01` : null, to: view.to ? `${view.to}-31` : null } : null;
  const focused = document.activeElement && document.activeElement.closest && document.activeElement.closest("#chart .bar");
  const focusedPeriod = focused ? focused.dataset.period : null;
  const chart = drawBars({
    rows: [{ label: state.park.name, id: state.park.id, periods: activity.periods }], axis, types: shownTypes(),
    width: Math.max(300, box.clientWidth || 600), rowHeight: 150, range, id: "activity",
    onSelect: (period) => {
      const from = period.start.slice(0, 7);
      const to = period.end.slice(0, 7);
      navigate(view.from === from && view.to === to ? { from: "", to: "", event: null } : { from, to, event: null });
    },
  });
  chart.setAttribute("aria-label", `${t("chart")}: ${state.park.name}`);
  box.replaceChildren(chart);
  if (focusedPeriod) chart.querySelector(`.bar[data-period="${focusedPeriod}"]`)?.focus();
  $("legend").replaceChildren(...shownTypes().map((type) => {
    const item = document.createElement("span");
    item.className = "legend-item";
    const swatch = svg("svg", { viewBox: "0 0 12 12", width: 12, height: 12, "aria-hidden": "true" });
    swatch.append(svg("rect", { width: 12, height: 12, fill: `url(#activity-pattern-${type})` }));
    item.append(swatch, typeIcon(type, 14), ` ${typeName(type)} ${activity.totals[type] || 0}`);
    return item;
  }));
}

/** The list, at most `state.shown` events of it (a busy park has tens of thousands). */
function renderList() {
  const events = visibleEvents();
  const items = [];
  let year = null;
  for (const event of events.slice(0, state.shown)) {
    const eventYear = event.lower.slice(0, 4);
    if (eventYear !== year) {
      year = eventYear;
      const heading = element("li", "year", year);
      heading.setAttribute("aria-hidden", "true");
      items.push(heading);
    }
    items.push(renderEvent(event));
  }
  const focusedID = document.activeElement && document.activeElement.closest && document.activeElement.closest("#timeline .event")?.dataset.id;
  $("timeline").replaceChildren(...items);
  if (focusedID) $("timeline").querySelector(`.event[data-id="${focusedID}"] a`)?.focus();
  $("empty").hidden = events.length > 0 || !state.complete;
  $("more").hidden = events.length <= state.shown;
  $("more").textContent = t("more", { n: Math.min(PAGE, events.length - state.shown) });
  $("count").textContent = t("count", { shown: Math.min(state.shown, events.length), matching: events.length, all: state.events.size })
    + (state.complete ? "" : ` ${t("loading")}`);
}

function eventURL(id) {
  return urlOf({ ...view, event: id });
}

function renderEvent(event) {
  const item = element("li", `event${state.fresh.has(event.id) ? " fresh" : ""}${view.event === event.id ? " current" : ""}`);
  item.dataset.id = event.id;
  item.dataset.lower = event.lower;
  item.dataset.type = event.type;
  const link = element("a", "event-link");
  link.href = eventURL(event.id);
  link.addEventListener("click", (click) => {
    if (click.button !== 0 || click.metaKey || click.ctrlKey || click.shiftKey || click.altKey) return;
    click.preventDefault();
    navigate({ event: event.id });
  });
  const meta = element("span", "meta");
  const type = element("span", `type type-${event.type}`);
  type.append(typeIcon(event.type, 14), ` ${typeName(event.type)}`);
  meta.append(element("span", "date", dateWords(event.precision, event.lower)), type);
  link.append(meta, element("span", "title", event.title));
  item.append(link);
  if (event.evidence) item.append(element("p", "evidence", event.evidence));
  const reports = event.reports || [];
  const first = reports[0] || {};
  const origin = [first.outlet || event.source?.document, event.first_reported && `${t("published")} ${event.first_reported}`,
    reports.length > 1 ? `${reports.length} ${t("reports")}` : null].filter(Boolean).join(" · ");
  if (origin) item.append(element("p", "source", origin));
  return item;
}

// ---- parks: the picker and compare --------------------------------------------

function renderParkList() {
  const needle = $("park-search").value.trim().toLowerCase();
  const parks = state.parks.filter((park) => !needle || [park.id, park.name, park.city || "", ...park.aliases]
    .some((name) => name.toLowerCase().includes(needle)));
  const items = parks.map((park) => {
    const item = element("li", `park${park.id === view.park ? " current" : ""}`);
    item.dataset.id = park.id;
    const link = element("a", "park-link");
    link.href = urlOf({ ...view, park: park.id, event: null, from: "", to: "", types: [], q: "" });
    if (park.id === view.park) link.setAttribute("aria-current", "page");
    link.addEventListener("click", (click) => {
      if (click.button !== 0 || click.metaKey || click.ctrlKey || click.shiftKey || click.altKey) return;
      click.preventDefault();
      navigate({ park: park.id, event: null, from: "", to: "", types: [], q: "" });
    });
    const name = element("span", "park-title", park.name);
    const detail = element("span", "park-detail", [park.city, `${park.events}`].filter(Boolean).join(" · "));
    link.append(name, sparkline(state.sparks.get(park.id), state.sparkBucket), detail);
    const compare = element("label", "compare-box");
    const box = document.createElement("input");
    box.type = "checkbox";
    box.checked = view.compare.includes(park.id);
    box.disabled = !box.checked && view.compare.length >= 4;
    box.setAttribute("aria-label", `${t("compare")} ${park.name}`);
    box.addEventListener("change", () => {
      const compare = box.checked ? [...view.compare, park.id].slice(0, 4) : view.compare.filter((id) => id !== park.id);
      navigate({ compare });
    });
    compare.append(box, element("span", "", t("compare")));
    item.append(link, compare);
    return item;
  });
  const focused = document.activeElement && document.activeElement.closest && document.activeElement.closest("#park-list .park");
  const focusKey = focused ? [focused.dataset.id, document.activeElement.type === "checkbox"] : null;
  $("park-list").replaceChildren(...items);
  if (focusKey) $("park-list").querySelector(`.park[data-id="${focusKey[0]}"] ${focusKey[1] ? "input" : "a"}`)?.focus();
  $("no-parks").hidden = parks.length > 0;
}

async function renderCompare() {
  const section = $("compare");
  const ids = view.compare.filter((id) => state.parks.some((park) => park.id === id));
  if (ids.length < 2) { section.hidden = true; $("compare-chart").replaceChildren(); return; }
  const parks = ids.map((id) => state.parks.find((park) => park.id === id));
  const firsts = parks.map((park) => park.first).filter(Boolean).sort();
  const lasts = parks.map((park) => park.last).filter(Boolean).sort();
  const bucket = bucketFor(firsts[0], lasts[lasts.length - 1]);
  const activities = await Promise.all(ids.map((id) => getJSON(`/v1/parks/${enc(id)}/activity?bucket=${bucket}`)));
  const starts = activities.flatMap((activity) => activity.periods.map((period) => period.start)).sort();
  section.hidden = false;
  if (!starts.length) { $("compare-chart").replaceChildren(); return; }
  const axis = periodRange(bucket, starts[0], starts[starts.length - 1]);
  const box = $("compare-chart");
  const chart = drawBars({
    rows: activities.map((activity) => ({ label: activity.park.name, id: activity.park.id, periods: activity.periods })),
    axis, types: TYPE_ORDER, width: Math.max(300, box.clientWidth || 600), rowHeight: 70, id: "compare",
  });
  chart.setAttribute("aria-label", `${t("compareTitle")}: ${parks.map((park) => park.name).join("、")}`);
  box.replaceChildren(chart);
}

// ---- export --------------------------------------------------------------------

function csvText() {
  return eventsCSV(visibleEvents());
}

function exportName(extension) {
  const range = [view.from, view.to].filter(Boolean).join("_");
  return `parkline-${view.park}${range ? `-${range}` : ""}.${extension}`;
}

function chartTitle() {
  return `${state.park ? state.park.name : ""} · ${$("chart-title").textContent}`;
}

function chartSVG() {
  const chart = $("chart").querySelector("svg");
  return chart ? chartSVGText(chart, chartTitle()) : null;
}

async function chartPNGBlob() {
  const chart = $("chart").querySelector("svg");
  if (!chart) return null;
  return chartPNG(chartSVG(), Number(chart.getAttribute("width")), Number(chart.getAttribute("height")) + 24);
}

// ---- wiring ----------------------------------------------------------------------

function wire() {
  $("lang").addEventListener("click", () => navigate({ lang: view.lang === "en" ? "zh" : "en" }, { replace: true }));
  $("park-search").addEventListener("input", renderParkList);
  $("park-search").addEventListener("keydown", (event) => {
    if (event.key === "Enter") {
      event.preventDefault();
      $("park-list").querySelector(".park-link")?.click();
    } else if (event.key === "ArrowDown") {
      event.preventDefault();
      $("park-list").querySelector(".park-link")?.focus();
    }
  });
  $("park-list").addEventListener("keydown", (event) => {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    const links = [...$("park-list").querySelectorAll(".park-link")];
    const index = links.indexOf(document.activeElement);
    if (index < 0) return;
    event.preventDefault();
    (links[index + (event.key === "ArrowDown" ? 1 : -1)] || (event.key === "ArrowUp" ? $("park-search") : links[index])).focus();
  });
  $("from").addEventListener("change", () => navigate({ from: monthOf($("from").value), event: null }));
  $("to").addEventListener("change", () => navigate({ to: monthOf($("to").value), event: null }));
  let typing = null;
  $("q").addEventListener("input", () => {
    clearTimeout(typing);
    typing = setTimeout(() => {
      const q = $("q").value.trim().slice(0, 100);
      // One history entry per search, not per keystroke.
      if (q !== view.q) navigate({ q, event: null }, { replace: Boolean(view.q) && Boolean(q) });
    }, 300);
  });
  $("filters").addEventListener("submit", (event) => event.preventDefault());
  $("clear").addEventListener("click", () => navigate({ types: [], from: "", to: "", q: "", event: null }));
  $("export-csv").addEventListener("click", () => download(new Blob([csvText()], { type: "text/csv;charset=utf-8" }), exportName("csv")));
  $("export-svg").addEventListener("click", () => {
    const text = chartSVG();
    if (text) download(new Blob([text], { type: "image/svg+xml" }), exportName("svg"));
  });
  $("export-png").addEventListener("click", async () => {
    const blob = await chartPNGBlob();
    if (blob) download(blob, exportName("png"));
  });
  $("export-csv").querySelector(".ico").append(glyph("download"));
  $("export-svg").querySelector(".ico").append(glyph("download"));
  $("export-png").querySelector(".ico").append(glyph("download"));
  $("unseen").querySelector(".dismiss").addEventListener("click", () => { state.unseen = 0; showUnseen(); });
  document.addEventListener("visibilitychange", showUnseen);
  document.addEventListener("keydown", (event) => {
    const typingInField = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement?.tagName || "");
    if (event.key === "Escape" && view.event) { event.preventDefault(); navigate({ event: null }); return; }
    if (typingInField || event.metaKey || event.ctrlKey || event.altKey) return;
    if (event.key === "/") { event.preventDefault(); $("q").focus(); }
    if (event.key === "j" || event.key === "k") {
      const links = [...$("timeline").querySelectorAll(".event-link")];
      if (!links.length) return;
      const index = links.indexOf(document.activeElement);
      const next = index < 0 ? 0 : Math.max(0, Math.min(links.length - 1, index + (event.key === "j" ? 1 : -1)));
      links[next].focus();
    }
  });
  window.addEventListener("popstate", () => { readURL(); state.shown = PAGE; apply(); });
  $("more").addEventListener("click", () => { state.shown += PAGE; renderList(); });
  // A page kept in the back-forward cache would hold its stream's connection
  // (browsers allow six per server): close it, and resume where it was when
  // the page is shown again.
  window.addEventListener("pagehide", () => { if (state.source) state.source.close(); });
  window.addEventListener("pageshow", (event) => {
    if (event.persisted && state.streamPark) follow(state.streamPark, state.cursor);
  });
  let resizing = null;
  window.addEventListener("resize", () => {
    clearTimeout(resizing);
    resizing = setTimeout(() => { if (state.park) { renderChart(); renderCompare(); } }, 150);
  });
}

const { openPanel, closePanel } = eventView({ view, state, navigate: (changes) => navigate(changes), eventURL: (id) => eventURL(id) });

// For tests and people at the console: the page's state and its exports.
window.parkline = { view, state, csvText, chartSVG, chartPNGBlob };

async function start() {
  readURL();
  setLanguage(view.lang);
  translatePage();
  wire();
  setStatus("connecting");
  try {
    await loadParks();
  } catch (error) {
    setStatus("stopped");
    $("summary").textContent = `${t("loadFailed")}${error.message}`;
    return;
  }
  if (!view.park && state.parks.length) navigate({ park: state.parks[0].id }, { replace: true });
  else await apply();
}

start();
