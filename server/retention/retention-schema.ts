import { z } from "zod";
import { ChangeType } from "../domain/vocabulary";

/** How long sync_log rows are kept; the defaults are the issue's. */
export const RetentionSettings = z.object({
  /** Days to keep `skipped` rows (unchanged entities: the bulk of the table). */
  skippedDays: z.number().int().min(1).max(3650).default(30),
  /** Days to keep `created`, `updated` and `failed` rows. */
  changedDays: z.number().int().min(1).max(3650).default(365),
  /** The newest rows of each entity that are always kept, however old. */
  keepLastPerEntity: z.number().int().min(1).max(1000).default(10),
});
export type RetentionSettings = z.infer<typeof RetentionSettings>;
export type RetentionSettingsInput = z.input<typeof RetentionSettings>;

export const RetentionReport = z.object({
  startedAt: z.date(),
  finishedAt: z.date(),
  /** sync_log rows removed, by outcome. */
  removed: z.record(ChangeType, z.number().int()),
  /** sync_history rows removed (runs with no rows left, older than the longest window). */
  removedRuns: z.number().int(),
  /** Delete statements run (each its own transaction). */
  batches: z.number().int(),
});
export type RetentionReport = z.infer<typeof RetentionReport>;

export const RetentionView = z.object({
  settings: RetentionSettings,
  lastReport: RetentionReport.nullable(),
});
export type RetentionView = z.infer<typeof RetentionView>;
