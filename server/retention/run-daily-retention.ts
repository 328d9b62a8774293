import type { RetentionReport } from "./retention-schema";
import { readRetentionView } from "./retention-settings";
import { runRetentionAndRecord } from "./run-retention";

const DAY_MS = 86_400_000;

/**
 * The daily cleanup: runs when the last cleanup (daily or "Run cleanup now") started a day or
 * more before `now`. Null when it was not due.
 */
export async function runDailyRetentionIfDue(now: Date): Promise<RetentionReport | null> {
  const { lastReport } = await readRetentionView();
  if (lastReport && now.getTime() - lastReport.startedAt.getTime() < DAY_MS) return null;
  return runRetentionAndRecord({ now });
}
