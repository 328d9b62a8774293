/**
 * Finds the records of a page answer in Stash's JSON text without parsing it, so the sync can
 * tell which records are byte for byte what it stored last time and parse only the others
 * (an unchanged re-sync of a large library then parses almost nothing).
 *
 * Only the exact compact shape Stash (gqlgen) and the simulator send is accepted:
 * `{"data":{"page":{"count":N,"<list>":[{…},{…}]}}}`. Anything else (errors, extensions,
 * whitespace, a truncated body) gives null, and the caller parses the answer the ordinary way,
 * which reports whatever is wrong with it.
 *
 * Records are found by how they begin, `{"<first>":"…","<second>":`, with native string search
 * instead of a walk over every character: in JSON text a quote inside a string is always
 * escaped, so that opening is never string content, and the objects nested in a record begin
 * otherwise (stash-queries.ts, recordOpening). A record that does not begin so (an id that is
 * not a plain string) is not split from the one before it: the caller checks the number of
 * records against the page's count, and parses the answer whole when they differ. And a text
 * that still splits wrongly cannot be skipped as unchanged: only text that parsed and passed
 * validation has a stored digest.
 */

export interface ScannedRecordPage {
  /** Stash's `count`. */
  count: number;
  /** Start and end (exclusive) offsets of each record, as pairs: [start0, end0, start1, …]. */
  spans: number[];
}

/** Offset of the closing quote of the string opening at `open`; -1 if it has escapes. */
function plainStringEnd(text: string, open: number): number {
  if (text.charCodeAt(open) !== 34 /* " */) return -1;
  const close = text.indexOf('"', open + 1);
  if (close === -1) return -1;
  for (let i = open + 1; i < close; i++) if (text.charCodeAt(i) === 92 /* \\ */) return -1;
  return close;
}

export function scanRecordPage(
  body: string,
  listKey: string,
  [firstField, secondField]: [string, string],
): ScannedRecordPage | null {
  const head = '{"data":{"page":{"count":';
  if (!body.startsWith(head)) return null;
  const countText = /^(0|[1-9]\d{0,14})(?=\D)/.exec(body.slice(head.length, head.length + 16));
  if (!countText) return null;
  const count = Number(countText[1]);
  let i = head.length + countText[1]!.length;
  const listHead = `,"${listKey}":[`;
  if (!body.startsWith(listHead, i)) return null;
  i += listHead.length;

  // Only JSON's whitespace may follow the envelope's end (a trailing newline).
  const tail = "]}}}";
  let end = body.length;
  while (end > i && " \t\r\n".includes(body[end - 1]!)) end--;
  if (!body.startsWith(tail, end - tail.length)) return null;
  end -= tail.length;

  const spans: number[] = [];
  if (end === i) return { count, spans };
  const opening = `{"${firstField}":`;
  const afterFirst = `,"${secondField}":`;
  // A record begins here: its opening, a plain string value, then its second field.
  const beginsRecord = (at: number) => {
    if (!body.startsWith(opening, at)) return false;
    const close = plainStringEnd(body, at + opening.length);
    return close !== -1 && body.startsWith(afterFirst, close + 1);
  };
  if (!beginsRecord(i)) return null;
  const separator = `},${opening}`;
  let start = i;
  for (let at = body.indexOf(separator, start); at !== -1 && at < end;) {
    if (beginsRecord(at + 2)) {
      spans.push(start, at + 1);
      start = at + 2;
    }
    at = body.indexOf(separator, at + 1);
  }
  if (body.charCodeAt(end - 1) !== 125 /* } */) return null;
  spans.push(start, end);
  return { count, spans };
}

/** The record's id when it is its first field and a plain string (our queries ask for it first). */
export function leadingId(body: string, start: number): string | null {
  const prefix = '{"id":';
  if (!body.startsWith(prefix, start)) return null;
  const open = start + prefix.length;
  const close = plainStringEnd(body, open);
  return close > open + 1 ? body.slice(open + 1, close) : null;
}
