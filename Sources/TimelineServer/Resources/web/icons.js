// Type icons and marks as inline SVG: distinct shapes, so a type is told by
// shape and label as well as colour (no emoji, which many systems lack).
const NS = "http://www.w3.org/2000/svg";

// Okabe–Ito colours, readable with the common colour-vision deficiencies.
export const TYPE_ORDER = ["signing", "groundbreaking", "opening", "completion", "meeting", "visit", "award", "policy"];
export const TYPE_COLOURS = {
  signing: "#0072B2", groundbreaking: "#E69F00", opening: "#009E73", completion: "#56B4E9",
  meeting: "#CC79A7", visit: "#D55E00", award: "#B59A00", policy: "#444444",
};

// 16×16 shapes: pen on a line, spade, open door, flag, speech bubble, pin, star, page.
const SHAPES = {
  signing: "M2 13h12v1.5H2zM10.6 1.6l2.8 2.8-7 7H3.6V8.6z",
  groundbreaking: "M8 1l5 7H9.5v6h-3V8H3z",
  opening: "M3 1.5h10v13H3zM5 3.5v9h4.5l1-1v-7l-1-1zM8.2 7.3a.9.9 0 1 0 0 1.8.9.9 0 0 0 0-1.8z",
  completion: "M3 1h1.8v14H3zM5.5 1.5h8l-2 3 2 3h-8z",
  meeting: "M1.5 2.5h13v8.5H7l-3.5 3v-3h-2z",
  visit: "M8 1a5 5 0 0 1 5 5c0 3.5-5 9-5 9S3 9.5 3 6a5 5 0 0 1 5-5zm0 3a2 2 0 1 0 0 4 2 2 0 0 0 0-4z",
  award: "M8 .8l2.2 4.6 5 .6-3.7 3.5 1 5L8 12l-4.5 2.5 1-5L.8 6l5-.6z",
  policy: "M3 1h7l3 3v11H3zM5 6v1.3h6V6zm0 3v1.3h6V9zm0 3v1.3h4V12z",
};

function svg(tag, attributes = {}) {
  const node = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
}

/** The type's icon, coloured, with its name for assistive technology. */
export function typeIcon(type, size = 16) {
  const icon = svg("svg", { viewBox: "0 0 16 16", width: size, height: size, class: "icon", "aria-hidden": "true", focusable: "false" });
  icon.append(svg("path", { d: SHAPES[type] || "M4 4h8v8H4z", fill: TYPE_COLOURS[type] || "#66788a", "fill-rule": "evenodd" }));
  return icon;
}

/** The connection state's mark: filled circle (live), ring (connecting), square (stopped). */
export function statusMark(state) {
  const mark = svg("svg", { viewBox: "0 0 12 12", width: 12, height: 12, class: "icon", "aria-hidden": "true" });
  if (state === "live") mark.append(svg("circle", { cx: 6, cy: 6, r: 5, fill: "#009E73" }));
  else if (state === "stopped") mark.append(svg("rect", { x: 1.5, y: 1.5, width: 9, height: 9, fill: "#D55E00" }));
  else mark.append(svg("circle", { cx: 6, cy: 6, r: 4, fill: "none", stroke: "#E69F00", "stroke-width": 2.5 }));
  return mark;
}

/** A small line icon: close, download, search. */
export function glyph(name, size = 14) {
  const paths = {
    close: "M3 3l10 10M13 3L3 13",
    download: "M8 2v8M4.5 6.5L8 10l3.5-3.5M2.5 13.5h11",
    link: "M6.5 9.5l3-3M7 4.5l1.2-1.2a2.5 2.5 0 0 1 3.5 3.5L10.5 8M5.5 8L4.3 9.2a2.5 2.5 0 0 0 3.5 3.5L9 11.5",
  };
  const icon = svg("svg", { viewBox: "0 0 16 16", width: size, height: size, class: "icon", "aria-hidden": "true" });
  icon.append(svg("path", { d: paths[name], fill: "none", stroke: "currentColor", "stroke-width": 1.6, "stroke-linecap": "round", "stroke-linejoin": "round" }));
  return icon;
}

/**
 * One fill pattern per type for the chart: the type's colour with its own
 * texture (stripes, dots, grid…), so stacked segments differ without colour.
 */
export function typePatterns(prefix) {
  const defs = svg("defs");
  const textures = {
    signing: null,
    groundbreaking: "M0 6L6 0M-1 1L1 -1M5 7L7 5",
    opening: "dots",
    completion: "M0 1.5h6M0 4.5h6",
    meeting: "M0 0L6 6M-1 5L1 7M5 -1L7 1",
    visit: "M0 3h6M3 0v6",
    award: "M1.5 0v6M4.5 0v6",
    policy: "M0 0h3v3H0zM3 3h3v3H3z",
  };
  for (const type of TYPE_ORDER) {
    const pattern = svg("pattern", { id: `${prefix}-${type}`, width: 6, height: 6, patternUnits: "userSpaceOnUse" });
    pattern.append(svg("rect", { width: 6, height: 6, fill: TYPE_COLOURS[type] }));
    const texture = textures[type];
    if (texture === "dots") pattern.append(svg("circle", { cx: 3, cy: 3, r: 1.1, fill: "#ffffff", "fill-opacity": 0.75 }));
    else if (texture && type === "policy") pattern.append(svg("path", { d: texture, fill: "#ffffff", "fill-opacity": 0.35 }));
    else if (texture) pattern.append(svg("path", { d: texture, stroke: "#ffffff", "stroke-opacity": 0.7, "stroke-width": 1.1 }));
    defs.append(pattern);
  }
  return defs;
}

export { svg };
