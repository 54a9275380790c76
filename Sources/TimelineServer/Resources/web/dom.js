// Small helpers the page's modules share: elements, the API, log cursors.

export const $ = (id) => document.getElementById(id);

export const enc = encodeURIComponent;

/** An element with a class and text. */
export function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A JSON answer of the API; its error message when it refuses. */
export async function getJSON(path) {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ? body.error.message : response.statusText);
  return body;
}

/** Whether log cursor `a` (`<tx>-<position>`) comes before `b`. */
export function cursorBefore(a, b) {
  if (!a || !b) return false;
  const [ta, pa] = a.split("-").map(BigInt);
  const [tb, pb] = b.split("-").map(BigInt);
  return ta < tb || (ta === tb && pa < pb);
}
