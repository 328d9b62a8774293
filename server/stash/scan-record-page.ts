/**
 * Finds the records of a page answer in Stash's JSON text without parsing it, so the sync can
 * tell which records are byte for byte what it stored last time and parse only the others
 * (an unchanged re-sync of a large library then parses almost nothing).
 *
 * Only the exact compact shape Stash (gqlgen) and the simulator send is accepted:
 * `{"data":{"page":{"count":N,"<list>":[{…},{…}]}}}`. Anything else (errors, extensions,
 * whitespace, a truncated body) gives null, and the caller parses the answer the ordinary way,
 * which reports whatever is wrong with it.
 */

export interface ScannedRecordPage {
  /** Stash's `count`. */
  count: number;
  /** Start and end (exclusive) offsets of each record, as pairs: [start0, end0, start1, …]. */
  spans: number[];
}

const QUOTE = 34; // "
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const COMMA = 44;

/** Offset just past the string whose opening quote is at `open`; -1 if it never closes. */
function skipString(text: string, open: number): number {
  let close = text.indexOf('"', open + 1);
  while (close !== -1) {
    // A quote preceded by an odd number of backslashes is escaped.
    let backslashes = 0;
    while (text.charCodeAt(close - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return close + 1;
    close = text.indexOf('"', close + 1);
  }
  return -1;
}

/** Offset just past the object or array that opens at `open`; -1 if it never closes. */
function skipComposite(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length;) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      i = skipString(text, i);
      if (i === -1) return -1;
      continue;
    }
    if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
    else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
      if (depth === 0) return i + 1;
    }
    i++;
  }
  return -1;
}

export function scanRecordPage(body: string, listKey: string): ScannedRecordPage | null {
  const head = '{"data":{"page":{"count":';
  if (!body.startsWith(head)) return null;
  const countText = /^(0|[1-9]\d{0,14})(?=\D)/.exec(body.slice(head.length, head.length + 16));
  if (!countText) return null;
  const count = Number(countText[1]);
  let i = head.length + countText[1]!.length;
  const listHead = `,"${listKey}":[`;
  if (!body.startsWith(listHead, i)) return null;
  i += listHead.length;

  const spans: number[] = [];
  if (body.charCodeAt(i) === CLOSE_BRACKET) i++;
  else {
    for (;;) {
      if (body.charCodeAt(i) !== OPEN_BRACE) return null;
      const end = skipComposite(body, i);
      if (end === -1) return null;
      spans.push(i, end);
      i = end;
      const c = body.charCodeAt(i++);
      if (c === CLOSE_BRACKET) break;
      if (c !== COMMA) return null;
    }
  }
  if (!body.startsWith("}}}", i)) return null;
  // Only JSON's whitespace may follow (a trailing newline).
  if (!/^[ \t\r\n]*$/.test(body.slice(i + 3))) return null;
  return { count, spans };
}

/** The record's id when it is its first field and a plain string (our queries ask for it first). */
export function leadingId(body: string, start: number): string | null {
  const prefix = '{"id":"';
  if (!body.startsWith(prefix, start)) return null;
  const from = start + prefix.length;
  const close = body.indexOf('"', from);
  if (close <= from) return null;
  const id = body.slice(from, close);
  return id.includes("\\") ? null : id;
}
