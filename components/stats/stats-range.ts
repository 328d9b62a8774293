/** The Statistics page's date range from its URL: `from` and `to` as YYYY-MM-DD (UTC days). */
export interface StatsRange {
  from: Date;
  /** Exclusive: the day after the last day shown. */
  to: Date;
  fromDay: string;
  toDay: string;
}

const DAY_MS = 86_400_000;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export const statsPresets = [7, 30, 90, 365] as const;

function parseDay(value: string | undefined): Date | null {
  if (!value || !DAY_PATTERN.test(value)) return null;
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

export const dayString = (date: Date) => date.toISOString().slice(0, 10);

/** The last `days` days up to today (UTC), the page's default being 30. */
export function lastDays(days: number, now: Date = new Date()): { fromDay: string; toDay: string } {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return {
    fromDay: dayString(new Date(today - (days - 1) * DAY_MS)),
    toDay: dayString(new Date(today)),
  };
}

/** A missing or unreadable range falls back to the last 30 days; a reversed one is swapped. */
export function statsRangeFrom(
  params: { from?: string; to?: string },
  now = new Date(),
): StatsRange {
  const fallback = lastDays(30, now);
  let first = parseDay(params.from) ?? parseDay(fallback.fromDay)!;
  let last = parseDay(params.to) ?? parseDay(fallback.toDay)!;
  if (first > last) [first, last] = [last, first];
  return {
    from: first,
    to: new Date(last.getTime() + DAY_MS),
    fromDay: dayString(first),
    toDay: dayString(last),
  };
}
