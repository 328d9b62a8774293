import { readSettings, writeSetting } from "../settings/setting-store";
import {
  ScheduleSettingsInput,
  ScheduledAttemptOutcome,
  ScheduleView,
  type ScheduledAttemptOutcome as Outcome,
} from "./schedule-schema";

export const scheduleSettingKeys = {
  intervalMinutes: "schedule.interval_minutes",
  /** When the current interval was chosen: the first run is one interval after it. */
  anchorAt: "schedule.anchor_at",
  /** JSON { at, outcome, jobId } of the last due tick, whatever it did. */
  lastAttempt: "schedule.last_attempt",
} as const;

/**
 * The schedule, read from the database only: any process (the dashboard's render, the CLI)
 * sees the same next run time as the scheduler that will act on it.
 */
export async function readSchedule(): Promise<ScheduleView> {
  const saved = await readSettings(Object.values(scheduleSettingKeys));
  const interval = Number(saved.get(scheduleSettingKeys.intervalMinutes)?.value ?? "0");
  const anchorText = saved.get(scheduleSettingKeys.anchorAt)?.value;
  const lastAttempt = parseLastAttempt(saved.get(scheduleSettingKeys.lastAttempt)?.value);
  if (!Number.isFinite(interval) || interval <= 0 || !anchorText) {
    return ScheduleView.parse({ intervalMinutes: null, nextRunAt: null, lastAttempt });
  }
  return ScheduleView.parse({
    intervalMinutes: interval,
    nextRunAt: nextRunAfter(new Date(anchorText), lastAttempt?.at ?? null, interval),
    lastAttempt,
  });
}

/**
 * One interval after the later of "when the schedule was set" and "the last due tick". A tick
 * that was skipped (a sync was running) counts as a tick, so the schedule moves on instead of
 * retrying every poll; a server that was down for days runs once, not once per missed slot.
 */
export function nextRunAfter(anchor: Date, lastAttemptAt: Date | null, intervalMinutes: number) {
  const base = lastAttemptAt && lastAttemptAt.getTime() > anchor.getTime() ? lastAttemptAt : anchor;
  return new Date(base.getTime() + intervalMinutes * 60_000);
}

/** Saves the interval; a changed interval starts counting from `now`. */
export async function saveScheduleSettings(
  input: ScheduleSettingsInput,
  now: Date = new Date(),
): Promise<ScheduleView> {
  const { intervalMinutes } = ScheduleSettingsInput.parse(input);
  const saved = await readSettings([scheduleSettingKeys.intervalMinutes]);
  if (saved.get(scheduleSettingKeys.intervalMinutes)?.value !== String(intervalMinutes)) {
    await writeSetting(scheduleSettingKeys.intervalMinutes, String(intervalMinutes));
    await writeSetting(scheduleSettingKeys.anchorAt, now.toISOString());
  }
  return readSchedule();
}

export async function recordScheduledAttempt(
  at: Date,
  outcome: Outcome,
  jobId: string | null,
): Promise<void> {
  await writeSetting(
    scheduleSettingKeys.lastAttempt,
    JSON.stringify({ at: at.toISOString(), outcome, jobId }),
  );
}

function parseLastAttempt(text: string | undefined) {
  if (!text) return null;
  try {
    const raw = JSON.parse(text) as { at?: unknown; outcome?: unknown; jobId?: unknown };
    const outcome = ScheduledAttemptOutcome.safeParse(raw.outcome);
    if (typeof raw.at !== "string" || !outcome.success) return null;
    return {
      at: new Date(raw.at),
      outcome: outcome.data,
      jobId: typeof raw.jobId === "string" ? raw.jobId : null,
    };
  } catch {
    // A hand-edited or truncated value: treat as "never ran" rather than failing the page.
    return null;
  }
}
