import type { RefType } from "../compare/ref-specs";
import type { RunContext } from "../run-context";
import { refTypes } from "./sync-entity-type";

/** Where a sync got to, per type: the newest updated_at Stash had when it began. */
export type Watermarks = Partial<Record<RefType | "scene", string>>;

/**
 * The newest updated_at of each type in Stash now, before any page is read: the watermarks
 * the next incremental sync may start from. Anything edited later (during this run too) has a
 * newer updated_at and is read again next time. Asked all at once: one round trip, not four.
 */
export async function probeWatermarks(ctx: RunContext): Promise<Watermarks> {
  const marks = await ctx.client.latestUpdatedAts([...refTypes, "scene"]);
  const result: Watermarks = {};
  for (const [type, mark] of Object.entries(marks)) {
    if (mark) result[type as keyof Watermarks] = mark;
  }
  return result;
}
