import { loadKnownRefs } from "../write/ensure-linked-refs";
import type { RunContext } from "../run-context";
import {
  refTypes,
  syncRefType,
  syncSceneType,
  withFirstPages,
  type PagedResult,
} from "./sync-entity-type";
import { probeWatermarks, type Watermarks } from "./watermarks";

/** Incremental sync: each type, only what changed since the previous watermarks. */
export async function runIncrementalSync(
  ctx: RunContext,
  previous: Watermarks,
): Promise<Watermarks> {
  const [{ watermarks: now }] = await Promise.all([probeWatermarks(ctx), loadKnownRefs(ctx)]);
  const next: Watermarks = { ...previous };
  const advance = (type: keyof Watermarks, result: PagedResult) => {
    // A count that moved mid-run may have shifted a record past us: keep the old watermark so
    // the next run reads this window again (re-reading is fine, missing is not).
    const mark = now[type];
    if (!result.countChanged && mark) next[type] = mark;
  };
  await withFirstPages(ctx, { since: previous }, async (first) => {
    for (const type of refTypes) advance(type, await syncRefType(ctx, type, previous[type], first));
    advance("scene", await syncSceneType(ctx, previous.scene, first));
  });
  return next;
}
