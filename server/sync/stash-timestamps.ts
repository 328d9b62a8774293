/**
 * Stash compares `updated_at` filters as text against RFC3339 strings in its server's local
 * time zone, so a "changed since" value must be a string Stash itself produced: our clock and
 * time zone would compare wrongly. To re-read (rather than miss) anything written in the same
 * second as the watermark, the filter goes one second below it, in Stash's own format and
 * offset.
 */
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/;

export function oneSecondBefore(stashTimestamp: string): string {
  const m = RFC3339.exec(stashTimestamp);
  if (!m) return stashTimestamp;
  const [, y, mo, d, h, mi, s, , zone = ""] = m;
  // Arithmetic on the wall-clock fields only; the offset text is kept as Stash wrote it.
  const t = new Date(Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +s! - 1));
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  return (
    `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}` +
    `T${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}${zone}`
  );
}

/** The larger of two Stash timestamps, compared as Stash compares them: as text. */
export function laterStashTimestamp(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a > b ? a : b;
}
