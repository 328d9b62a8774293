/**
 * The simulator's own clock and Stash's way of writing time. Stash stores created_at and
 * updated_at as RFC3339 text in the server's local time zone, with second precision, and Go
 * writes a zero offset as "Z". Tests move this clock instead of waiting.
 */

export type TimezoneOffset = string;

/** "+02:00", "-05:30", "Z" or "UTC" → minutes east of UTC. */
export function parseTimezoneOffset(tz: TimezoneOffset): number {
  if (tz === "Z" || tz.toUpperCase() === "UTC") return 0;
  const match = /^([+-])(\d{2}):?(\d{2})$/.exec(tz);
  if (!match) throw new Error(`Invalid timezone offset "${tz}": use e.g. +02:00, -05:30 or Z`);
  const [, sign, hours, minutes] = match;
  const total = Number(hours) * 60 + Number(minutes);
  if (total > 14 * 60) throw new Error(`Invalid timezone offset "${tz}": beyond ±14:00`);
  return sign === "-" ? -total : total;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** Epoch milliseconds → "2026-11-27T14:03:11+01:00" (seconds truncated, as Stash stores them). */
export function formatStashTime(epochMs: number, offsetMinutes: number): string {
  const local = new Date(Math.floor(epochMs / 1000) * 1000 + offsetMinutes * 60_000);
  const date = `${local.getUTCFullYear()}-${pad2(local.getUTCMonth() + 1)}-${pad2(local.getUTCDate())}`;
  const time = `${pad2(local.getUTCHours())}:${pad2(local.getUTCMinutes())}:${pad2(local.getUTCSeconds())}`;
  if (offsetMinutes === 0) return `${date}T${time}Z`;
  const abs = Math.abs(offsetMinutes);
  const sign = offsetMinutes < 0 ? "-" : "+";
  return `${date}T${time}${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
}

export class SimClock {
  private offsetMinutes: number;

  constructor(
    private nowMs: number,
    timezone: TimezoneOffset,
    /** Each write moves the clock on by this much, so consecutive edits get distinct seconds. */
    public autoTickMs: number,
  ) {
    this.offsetMinutes = parseTimezoneOffset(timezone);
  }

  now(): number {
    return this.nowMs;
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new Error("The clock only moves forward");
    this.nowMs += ms;
  }

  /** The current time as Stash would write it, then the auto tick. */
  stampForWrite(): string {
    const stamp = this.format(this.nowMs);
    this.nowMs += this.autoTickMs;
    return stamp;
  }

  format(epochMs: number): string {
    return formatStashTime(epochMs, this.offsetMinutes);
  }

  /** Like moving the Stash server to another zone: new writes use the new offset, old rows keep theirs. */
  setTimezone(tz: TimezoneOffset): void {
    this.offsetMinutes = parseTimezoneOffset(tz);
  }

  timezone(): string {
    return this.format(0).slice(19) || "Z";
  }
}
