// The activity chart (SVG bars stacked by type), the compare chart, park
// sparklines, and the chart's export as SVG or PNG. Pure drawing: data in,
// SVG out; what a click means is the caller's.
import { TYPE_ORDER, TYPE_COLOURS, typePatterns, svg } from "./icons.js";
import { t, typeName, periodWords } from "./i18n.js";

/** Every period of `bucket` from the one starting on `first` to the one starting on `last` (YYYY-MM-DD). */
export function periodRange(bucket, first, last) {
  const step = bucket === "month" ? 1 : bucket === "quarter" ? 3 : 12;
  let [y, m] = first.split("-").map(Number);
  const [ly, lm] = last.split("-").map(Number);
  const result = [];
  while ((y < ly || (y === ly && m <= lm)) && result.length < 2000) {
    const start = `${y}-${String(m).padStart(2, "0")}-01`;
    const endMonth = m + step - 1;
    const end = `${y}-${String(endMonth).padStart(2, "0")}-${String(new Date(Date.UTC(y, endMonth, 0)).getUTCDate()).padStart(2, "0")}`;
    const label = bucket === "month" ? start.slice(0, 7) : bucket === "quarter" ? `${y}-Q${(m - 1) / 3 + 1}` : `${y}`;
    result.push({ period: label, start, end });
    m += step;
    if (m > 12) { m -= 12; y += 1; }
  }
  return result;
}

/** The bucket for a span: months up to four years, quarters beyond. */
export function bucketFor(first, last) {
  if (!first || !last) return "month";
  const months = (Number(last.slice(0, 4)) - Number(first.slice(0, 4))) * 12 + Number(last.slice(5, 7)) - Number(first.slice(5, 7));
  return months > 48 ? "quarter" : "month";
}

/** A bucket's first day for a date: the month's, quarter's or year's. */
export function bucketStart(bucket, date) {
  const y = date.slice(0, 4);
  const m = Number(date.slice(5, 7));
  if (bucket === "month") return `${date.slice(0, 7)}-01`;
  if (bucket === "quarter") return `${y}-${String(Math.floor((m - 1) / 3) * 3 + 1).padStart(2, "0")}-01`;
  return `${y}-01-01`;
}

function niceMax(value) {
  if (value <= 4) return Math.max(1, value);
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= value) return step * power;
  return value;
}

/**
 * Rows of stacked bars on one time axis. `rows`: [{label, periods: [{period, start, end, counts}]}];
 * `axis`: every period to draw; `types`: the types shown. One row is the park's chart, several the compare view.
 */
export function drawBars({ rows, axis, types, width, rowHeight = 150, range, onSelect, id }) {
  const left = rows.length > 1 ? 112 : 30;
  const right = 8, top = 10, gap = rows.length > 1 ? 26 : 0, bottom = 30;
  const height = top + rows.length * rowHeight + (rows.length - 1) * gap + bottom;
  const root = svg("svg", {
    xmlns: "http://www.w3.org/2000/svg", viewBox: `0 0 ${width} ${height}`, width, height, class: "chart", role: "group",
    "font-family": "Noto Sans CJK SC, Noto Sans SC, PingFang SC, Microsoft YaHei, sans-serif", "font-size": 11,
  });
  root.append(typePatterns(`${id}-pattern`));
  const plot = width - left - right;
  const slot = axis.length ? plot / axis.length : plot;
  const barWidth = Math.max(1, Math.min(40, slot * 0.78));
  const max = niceMax(Math.max(1, ...rows.flatMap((row) => row.periods.map((p) => types.reduce((sum, type) => sum + ((p.counts || {})[type] || 0), 0)))));
  const inRange = (p) => range && (!range.from || p.end >= range.from) && (!range.to || p.start <= range.to);
  rows.forEach((row, rowIndex) => {
    const y0 = top + rowIndex * (rowHeight + gap);
    const base = y0 + rowHeight;
    const scale = (rowHeight - 4) / max;
    const group = svg("g", { class: "row", "data-label": row.label });
    if (rows.length > 1) {
      const name = svg("text", { x: 0, y: y0 + rowHeight / 2, "dominant-baseline": "middle", fill: "#1f2933", "font-size": 12 });
      name.textContent = row.label.length > 9 ? `${row.label.slice(0, 8)}…` : row.label;
      group.append(name);
    }
    for (const tick of [0, max / 2, max]) {
      if (tick !== Math.round(tick)) continue;
      const y = base - tick * scale;
      group.append(svg("line", { x1: left, x2: width - right, y1: y, y2: y, stroke: "#d9e2ec", "stroke-width": 1 }));
      const label = svg("text", { x: left - 4, y, "text-anchor": "end", "dominant-baseline": "middle", fill: "#66788a" });
      label.textContent = String(tick);
      group.append(label);
    }
    const byPeriod = new Map(row.periods.map((p) => [p.period, p]));
    axis.forEach((period, index) => {
      const data = byPeriod.get(period.period) || { counts: {} };
      const counts = data.counts || {};
      const total = types.reduce((sum, type) => sum + (counts[type] || 0), 0);
      const x = left + index * slot + (slot - barWidth) / 2;
      const words = periodWords(period.period);
      const bar = svg("g", {
        class: `bar${inRange(period) ? " selected" : ""}${range && !inRange(period) ? " dimmed" : ""}`,
        "data-period": period.period, "data-start": period.start, "data-end": period.end, "data-total": total,
        "data-row": row.id || "", tabindex: rows.length > 1 || !onSelect ? -1 : 0, role: "button",
        "aria-label": `${words}: ${total}${types.filter((type) => counts[type]).map((type) => `, ${typeName(type)} ${counts[type]}`).join("")}`,
      });
      const hit = svg("rect", { x: left + index * slot, y: y0, width: slot, height: rowHeight, fill: "transparent", class: "hit" });
      const tip = svg("title");
      tip.textContent = bar.getAttribute("aria-label");
      bar.append(tip, hit);
      let y = base;
      for (const type of types) {
        const count = counts[type] || 0;
        if (!count) continue;
        const h = count * scale;
        y -= h;
        bar.append(svg("rect", {
          class: "seg", "data-type": type, "data-count": count, x, y, width: barWidth, height: Math.max(0.5, h - 0.5),
          fill: `url(#${id}-pattern-${type})`, stroke: TYPE_COLOURS[type], "stroke-width": 0.6,
        }));
      }
      if (onSelect) {
        bar.addEventListener("click", () => onSelect(period));
        bar.addEventListener("keydown", (event) => {
          if (event.key === "Enter" || event.key === " ") { event.preventDefault(); onSelect(period); }
          const sibling = event.key === "ArrowRight" ? bar.nextElementSibling : event.key === "ArrowLeft" ? bar.previousElementSibling : null;
          if (sibling && sibling.classList.contains("bar")) { event.preventDefault(); sibling.focus(); }
        });
      }
      group.append(bar);
    });
    root.append(group);
  });
  // Axis labels: every period when there is room, else each year's first.
  const axisGroup = svg("g", { class: "axis" });
  let lastX = -Infinity;
  axis.forEach((period, index) => {
    const yearStart = period.start.slice(5, 7) === "01";
    const text = slot >= 48 ? period.period : index === 0 || yearStart ? period.period.slice(0, 4) : "";
    const x = left + index * slot + slot / 2;
    if (!text || x - lastX < 34) return;
    lastX = x;
    const label = svg("text", { x, y: height - bottom + 16, "text-anchor": "middle", fill: "#3e4c59" });
    label.textContent = text;
    axisGroup.append(label);
  });
  root.append(axisGroup);
  return root;
}

/** A park's sparkline: its totals per period as tiny bars, oldest to newest. */
export function sparkline(periods, bucket) {
  const root = svg("svg", { viewBox: "0 0 64 18", width: 64, height: 18, class: "spark", "aria-hidden": "true" });
  if (!periods || !periods.length) return root;
  const axis = periodRange(bucket, periods[0].start, periods[periods.length - 1].start);
  const totals = new Map(periods.map((p) => [p.period, p.total]));
  const max = Math.max(1, ...periods.map((p) => p.total));
  const slot = 64 / Math.max(axis.length, 1);
  axis.forEach((period, index) => {
    const value = totals.get(period.period) || 0;
    const h = value ? Math.max(1.5, (value / max) * 16) : 0.6;
    root.append(svg("rect", { x: index * slot + slot * 0.1, y: 18 - h, width: Math.max(0.8, slot * 0.8), height: h, fill: value ? "#0072B2" : "#b8c4ce" }));
  });
  return root;
}

/** The chart as a standalone SVG document (white background, a title). */
export function chartSVGText(chart, title) {
  const copy = chart.cloneNode(true);
  copy.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  const width = Number(copy.getAttribute("width"));
  const height = Number(copy.getAttribute("height"));
  copy.setAttribute("height", height + 24);
  copy.setAttribute("viewBox", `0 -24 ${width} ${height + 24}`);
  copy.insertBefore(svg("rect", { x: 0, y: -24, width, height: height + 24, fill: "#ffffff" }), copy.firstChild.nextSibling);
  const heading = svg("text", { x: 4, y: -8, "font-size": 13, fill: "#1f2933" });
  heading.textContent = title;
  copy.append(heading);
  for (const node of copy.querySelectorAll("[tabindex]")) node.removeAttribute("tabindex");
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
}

/** The chart drawn on a canvas at twice its size, as a PNG blob. */
export function chartPNG(svgText, width, height) {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(new Blob([svgText], { type: "image/svg+xml" }));
    const image = new Image();
    image.onload = () => {
      const canvas = document.createElement("canvas");
      canvas.width = width * 2;
      canvas.height = height * 2;
      const context = canvas.getContext("2d");
      context.scale(2, 2);
      context.drawImage(image, 0, 0, width, height);
      URL.revokeObjectURL(url);
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("PNG encoding failed"))), "image/png");
    };
    image.onerror = () => { URL.revokeObjectURL(url); reject(new Error("the chart could not be drawn as an image")); };
    image.src = url;
  });
}

export { TYPE_ORDER, t };
