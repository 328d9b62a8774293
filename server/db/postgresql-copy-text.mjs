// COPY's text format for the PostgreSQL writer's thread (postgresql-writer-worker.mjs). Plain
// JavaScript, loaded by that thread as is; postgresql-raw-pool.types.d.ts gives it types.

const special = /[\\\t\n\r]/;
const specials = new RegExp(special.source, "g");
const escapes = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

/** One value as COPY reads it: \N for NULL, booleans as t/f, the rest as text, escaped. */
function field(value) {
  if (value === null || value === undefined) return "\\N";
  if (typeof value === "boolean") return value ? "t" : "f";
  const text = String(value);
  return special.test(text) ? text.replace(specials, (c) => escapes[c]) : text;
}

/** The rows held by `columns` (one array of values per column) as COPY's text, a line a row. */
export function copyText(columns) {
  const rowCount = columns[0]?.length ?? 0;
  const lines = new Array(rowCount);
  for (let r = 0; r < rowCount; r++) {
    let line = field(columns[0][r]);
    for (let c = 1; c < columns.length; c++) line += "\t" + field(columns[c][r]);
    lines[r] = line;
  }
  return rowCount === 0 ? "" : lines.join("\n") + "\n";
}
