// An event's own view: each report's evidence highlighted in its paragraph,
// the source, the date in words with its precision, every version with when
// it was known and what changed; retracted and corrected events marked.
import { $, element, enc, getJSON } from "./dom.js";
import { t, typeName, dateWords, momentWords } from "./i18n.js";
import { typeIcon, glyph } from "./icons.js";

/**
 * The panel over the page. `view` and `state` are the page's; `navigate`
 * changes the view (closing is a history entry too); `eventURL` is an event's link.
 */
export function eventView({ view, state, navigate, eventURL }) {
  let panelFor = null;
  let returnFocus = null;

  async function openPanel(id) {
    const panel = $("panel");
    if (panelFor === `${id}|${view.lang}|${state.loads}` && !panel.hidden) return;
    panelFor = `${id}|${view.lang}|${state.loads}`;
    if (panel.hidden) returnFocus = document.activeElement;
    panel.hidden = false;
    panel.replaceChildren(element("p", "loading", t("loading")));
    let detail, sources;
    try {
      [detail, sources] = await Promise.all([getJSON(`/v1/events/${enc(id)}`), getJSON(`/v1/events/${enc(id)}/sources`)]);
    } catch (error) {
      panel.replaceChildren(closeButton(), element("p", "error", `${t("loadFailed")}${error.message}`));
      return;
    }
    if (view.event !== id) return;
    const event = detail.event;
    const header = element("header", "panel-head");
    const type = element("span", `type type-${event.type}`);
    type.append(typeIcon(event.type, 16), ` ${typeName(event.type)}`);
    const title = element("h2", "panel-title", event.title);
    title.id = "panel-title";
    title.tabIndex = -1;
    header.append(closeButton(), type, title);
    const marks = element("p", "marks");
    const corrected = detail.history.some((version, index) => index > 0 && ["date", "type", "title"].some((field) =>
      version.event[field] !== detail.history[index - 1].event[field]));
    if (detail.retracted) marks.append(badge("retracted", t("retracted")));
    if (corrected) marks.append(badge("corrected", t("corrected")));
    if ((event.reports || []).length > 1) marks.append(badge("merged", `${t("merged")} ${event.reports.length}`));
    const facts = element("dl", "facts");
    const fact = (name, value) => { facts.append(element("dt", "", name)); const dd = element("dd", ""); dd.append(value); facts.append(dd); };
    fact(t("dateWords"), `${dateWords(event.precision, event.lower)}（${t("precision")[event.precision] || event.precision}）`);
    if (event.expression) fact(t("expression"), event.expression);
    fact(t("park"), event.park.name);
    const permalink = element("a", "permalink");
    permalink.href = eventURL(event.id);
    permalink.append(glyph("link"), ` ${t("permalink")}`);
    fact("URL", permalink);
    const reports = element("section", "reports");
    reports.append(element("h3", "", `${t("source")} · ${sources.reports.length} ${t("reports")}`));
    for (const report of sources.reports) reports.append(renderReport(report));
    const versions = element("section", "versions");
    versions.append(element("h3", "", t("versions")));
    const list = element("ol", "version-list");
    detail.history.forEach((version, index) => {
      const item = element("li", `version${version.retracted ? " retracted" : ""}`);
      item.dataset.version = version.version;
      const when = `${t("knownFrom")} ${momentWords(version.known_from)} ${t("knownUntil")} ${version.known_until ? momentWords(version.known_until) : t("now")}`;
      item.append(element("strong", "", t("version", { n: version.version })), ` · ${when}`);
      item.append(element("div", "version-change", versionChange(detail.history[index - 1], version).join("；")));
      const what = element("div", "version-what", `${dateWords(version.event.precision, version.event.lower)} · ${typeName(version.event.type)} · ${version.event.title}`);
      if (version.retracted) what.prepend(badge("retracted", t("retracted")), " ");
      item.append(what);
      list.append(item);
    });
    versions.append(list);
    panel.replaceChildren(header, marks, facts, reports, versions);
    panel.classList.toggle("is-retracted", detail.retracted);
    title.focus();
    for (const item of $("timeline").querySelectorAll(".event")) item.classList.toggle("current", item.dataset.id === id);
  }

  /** What a version changed from the one before, in words. */
  function versionChange(before, version) {
    const words = t("changed");
    if (!before) return [words.first];
    const notes = [];
    for (const field of ["date", "type", "title"]) if (before.event[field] !== version.event[field]) notes.push(words[field]);
    const added = (version.event.reports || []).length - (before.event.reports || []).length;
    if (added > 0) notes.push(words.reports.replace("{n}", added));
    if (version.retracted && !before.retracted) notes.push(words.retracted);
    return notes;
  }

  function renderReport(report) {
    const block = element("article", "report");
    block.dataset.id = report.id;
    const quote = element("blockquote", "paragraph");
    if (report.paragraph) {
      const mark = element("mark", "", report.paragraph.evidence);
      quote.append(report.paragraph.before, mark, report.paragraph.after);
    } else {
      quote.append(report.evidence ? element("mark", "", report.evidence) : element("span", "muted", t("noText")));
    }
    const origin = element("p", "origin");
    if (report.outlet) origin.append(element("strong", "", report.outlet), " · ");
    if (report.url) {
      const link = element("a", "", report.url);
      link.href = report.url;
      link.rel = "noopener noreferrer";
      link.target = "_blank";
      origin.append(link);
    } else if (report.recorded_by) {
      origin.append(`${report.document ? `${report.document} · ` : ""}${t("recordedBy")}`);
    } else {
      origin.append(report.document);
    }
    if (report.published) origin.append(` · ${t("published")} ${dateWords("day", report.published)}`);
    block.append(quote, origin);
    return block;
  }

  function badge(kind, text) {
    return element("span", `badge badge-${kind}`, text);
  }

  function closeButton() {
    const button = element("button", "close");
    button.type = "button";
    button.setAttribute("aria-label", t("close"));
    button.append(glyph("close", 16));
    button.addEventListener("click", () => navigate({ event: null }));
    return button;
  }

  function closePanel() {
    const panel = $("panel");
    if (panel.hidden) return;
    panel.hidden = true;
    panelFor = null;
    for (const item of $("timeline").querySelectorAll(".event.current")) item.classList.remove("current");
    if (returnFocus && document.contains(returnFocus)) returnFocus.focus();
    returnFocus = null;
  }

  return { openPanel, closePanel };
}
