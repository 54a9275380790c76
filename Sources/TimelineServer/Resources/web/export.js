// Exporting the current view: the listed events as CSV, files as downloads.
import { dateWords, typeName } from "./i18n.js";

const CSV_COLUMNS = ["id", "date", "precision", "date_words", "type", "type_label", "title", "park_id", "park", "subjects", "evidence", "source", "published", "reports"];

function csvField(value) {
  let text = String(value ?? "");
  // A cell starting with = + - @ is a formula to spreadsheets: keep it text.
  if (/^[=+\-@]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

/** `events` as CSV (UTF-8 with a byte-order mark, for spreadsheets). */
export function csvText(events) {
  const rows = events.map((event) => [
    event.id, event.date, event.precision, dateWords(event.precision, event.lower), event.type, typeName(event.type), event.title,
    event.park.id, event.park.name, (event.subjects || []).join("；"), event.evidence,
    (event.reports?.[0]?.outlet) || event.source?.document, event.first_reported, (event.reports || []).length,
  ]);
  return "\ufeff" + [CSV_COLUMNS, ...rows].map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}

/** Save `blob` as the file `name`. */
export function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
