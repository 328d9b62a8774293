import type { StashClient } from "../../stash/client";
import type { RefType } from "../compare/ref-specs";
import { throwIfCancelled, type RunContext } from "../run-context";
import { refTypes, type TypeCounts } from "./sync-entity-type";

/** Where a sync got to, per type: the newest updated_at Stash had when it began. */
export type Watermarks = Partial<Record<RefType | "scene", string>>;

/**
 * The newest updated_at of each type in Stash now, before any page is read: the watermarks
 * the next incremental sync may start from. Anything edited later (during this run too) has a
 * newer updated_at and is read again next time. Asked all at once, with each type's count (a
 * full sync then knows its pages before the first answer): one round trip, not four.
 */
export async function probeWatermarks(
  ctx: RunContext,
): Promise<{ watermarks: Watermarks; counts: TypeCounts }> {
  const probe = ctx.watermarkProbe ?? sendWatermarkProbe(ctx.client, ctx.signal);
  ctx.watermarkProbe = null;
  // The run's signal aborts the request; a cancel that came after the answer stops here.
  const latest = await probe;
  throwIfCancelled(ctx.signal);
  return readWatermarkProbe(latest);
}

/** The probe's answer as each type's watermark and count. */
export function readWatermarkProbe(latest: Awaited<NonNullable<RunContext["watermarkProbe"]>>): {
  watermarks: Watermarks;
  counts: TypeCounts;
} {
  const watermarks: Watermarks = {};
  const counts: TypeCounts = {};
  for (const [type, mark] of Object.entries(latest)) {
    if (mark.latest) watermarks[type as keyof Watermarks] = mark.latest;
    counts[type as keyof TypeCounts] = mark.count;
  }
  return { watermarks, counts };
}

/**
 * Sends the watermark probe now: a full or incremental run sends it beside the compatibility
 * check, so a slow Stash answers both in one round trip before the first page. Every Stash
 * release we support answers it; until a run awaits it, a failure is the check's to report.
 * The run's signal aborts the request: on a cancel, or when the check fails.
 */
export function sendWatermarkProbe(
  client: StashClient,
  signal?: AbortSignal,
): NonNullable<RunContext["watermarkProbe"]> {
  const probe = client.latestUpdates([...refTypes, "scene"], signal);
  probe.catch(() => {});
  return probe;
}
