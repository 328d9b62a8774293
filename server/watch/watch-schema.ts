import { z } from "zod";

/**
 * Watch mode: every interval, ask Stash only whether anything changed since the last sync's
 * watermarks (counts, no records) and start an incremental sync only when something did.
 */
export const watchIntervalBounds = { min: 15, max: 600, default: 60 } as const;

export const WatchIntervalSeconds = z
  .number()
  .int()
  .min(watchIntervalBounds.min, `must be at least ${watchIntervalBounds.min} seconds`)
  .max(watchIntervalBounds.max, `must be at most ${watchIntervalBounds.max} seconds (10 minutes)`);

export const WatchSettingsInput = z.object({
  enabled: z.boolean(),
  intervalSeconds: WatchIntervalSeconds,
});
export type WatchSettingsInput = z.infer<typeof WatchSettingsInput>;

/** What a check found: nothing, a started sync, or why it could not ask. */
export const WatchCheckOutcome = z.enum([
  "no_changes",
  "started",
  "skipped_running",
  "no_baseline",
  "failed",
]);
export type WatchCheckOutcome = z.infer<typeof WatchCheckOutcome>;

export const WatchCheck = z.object({
  at: z.date(),
  outcome: WatchCheckOutcome,
  /** Records Stash reported changed since the watermarks. */
  changes: z.number().int().nonnegative(),
  /** The started sync, or the running one that made the check skip. */
  jobId: z.string().nullable(),
  /** Why a check failed, as a person reads it. */
  message: z.string().nullable(),
});
export type WatchCheck = z.infer<typeof WatchCheck>;

export const WatchView = z.object({
  enabled: z.boolean(),
  intervalSeconds: z.number().int(),
  lastCheck: WatchCheck.nullable(),
  /** When the next check is due; null when watch mode is off. */
  nextCheckAt: z.date().nullable(),
});
export type WatchView = z.infer<typeof WatchView>;
