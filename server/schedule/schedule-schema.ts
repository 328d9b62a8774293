import { z } from "zod";

/**
 * How often the server runs an incremental sync on its own. 0 is off (the default): a person
 * opts in, since every run asks Stash for changes.
 */
export const scheduleIntervalChoices = [0, 15, 30, 60, 180, 360, 720, 1440] as const;

export const ScheduleIntervalMinutes = z
  .number()
  .int()
  .refine((v) => (scheduleIntervalChoices as readonly number[]).includes(v), {
    message: `must be one of ${scheduleIntervalChoices.join(", ")} (minutes; 0 is off)`,
  });

export const ScheduleSettingsInput = z.object({ intervalMinutes: ScheduleIntervalMinutes });
export type ScheduleSettingsInput = z.infer<typeof ScheduleSettingsInput>;

/** What the last tick that was due did. */
export const ScheduledAttemptOutcome = z.enum(["started", "skipped_running", "failed_to_start"]);
export type ScheduledAttemptOutcome = z.infer<typeof ScheduledAttemptOutcome>;

export const ScheduleView = z.object({
  /** null when the schedule is off. */
  intervalMinutes: z.number().int().nullable(),
  /** When the next scheduled incremental sync is due; null when off. */
  nextRunAt: z.date().nullable(),
  lastAttempt: z
    .object({
      at: z.date(),
      outcome: ScheduledAttemptOutcome,
      jobId: z.string().nullable(),
    })
    .nullable(),
});
export type ScheduleView = z.infer<typeof ScheduleView>;
