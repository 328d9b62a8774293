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
  const types = [...refTypes, "scene"] as const;
  const marks = await Promise.all(types.map((type) => ctx.client.latestUpdatedAt(type)));
  const result: Watermarks = {};
  types.forEach((type, i) => {
    const mark = marks[i];
    if (mark) result[type] = mark;
  });
  return result;
}
