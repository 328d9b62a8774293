import { loadKnownRefs } from "../write/ensure-linked-refs";
import { commitOutcomes } from "../write/record-outcomes";
import { writeScenePage } from "../write/write-scene-page";
import { withSceneBulkLoad } from "./bulk-load";
import { markRemoved, unseenIds } from "./mark-removed";
import {
  probeWatermarks,
  refTypes,
  syncRefType,
  syncSceneType,
  type PhaseResult,
  type Watermarks,
} from "./phases";
import { throwIfCancelled, type RunContext } from "../run-context";

/**
 * Full sync: performers, tags, studios, then every scene; whatever Stash no longer has is
 * marked removed. Returns the watermarks the next incremental sync starts from.
 */
export async function runFullSync(ctx: RunContext): Promise<Watermarks> {
  const [watermarks] = await Promise.all([probeWatermarks(ctx), loadKnownRefs(ctx)]);
  for (const type of refTypes) {
    const result = await syncRefType(ctx, type);
    // If Stash's count moved mid-run, offsets shifted and "unseen" may mean "skipped over":
    // leave removals to the next full sync rather than remove something that exists.
    if (!result.countChanged) await markRemoved(ctx, type, await unseenIds(type, result.seen));
  }
  const scenes = await withSceneBulkLoad(ctx, () => syncSceneType(ctx));
  await resolveUnseenScenes(ctx, scenes.seen);
  return watermarks;
}

/**
 * Scenes we have that the pages did not return are asked for by id: a scene skipped over
 * because the library changed mid-run is synced, one Stash no longer has is marked removed.
 */
async function resolveUnseenScenes(ctx: RunContext, seen: Set<string>) {
  const unseen = await unseenIds("scene", seen);
  if (unseen.length === 0) return;
  ctx.progress.setPhase("checking scenes missing from Stash", unseen.length);
  for (let i = 0; i < unseen.length; i += ctx.perPage) {
    throwIfCancelled(ctx.signal);
    const { found, missing } = await ctx.client.findScenesByIds(unseen.slice(i, i + ctx.perPage));
    if (found.length) await writeScenePage(ctx, found);
    if (missing.length) await markRemoved(ctx, "scene", missing);
  }
}

/** Incremental sync: each type, only what changed since the previous watermarks. */
export async function runIncrementalSync(
  ctx: RunContext,
  previous: Watermarks,
): Promise<Watermarks> {
  const [now] = await Promise.all([probeWatermarks(ctx), loadKnownRefs(ctx)]);
  const next: Watermarks = { ...previous };
  const advance = (type: keyof Watermarks, result: PhaseResult) => {
    // A count that moved mid-run may have shifted a record past us: keep the old watermark so
    // the next run reads this window again (re-reading is fine, missing is not).
    const mark = now[type];
    if (!result.countChanged && mark) next[type] = mark;
  };
  for (const type of refTypes) advance(type, await syncRefType(ctx, type, previous[type]));
  advance("scene", await syncSceneType(ctx, previous.scene));
  return next;
}

export const sceneNotFoundMessage = "Scene not found in Stash";

/** Specific sync: the listed scenes only, one log row each. */
export async function runSpecificSync(ctx: RunContext, sceneIds: string[]): Promise<void> {
  await loadKnownRefs(ctx);
  ctx.progress.setPhase("scenes", sceneIds.length);
  for (let i = 0; i < sceneIds.length; i += ctx.perPage) {
    throwIfCancelled(ctx.signal);
    const { found, missing } = await ctx.client.findScenesByIds(sceneIds.slice(i, i + ctx.perPage));
    if (found.length) await writeScenePage(ctx, found);
    await commitOutcomes(
      ctx,
      [],
      missing.map((entityId: string) => ({
        entityType: "scene" as const,
        entityId,
        changeType: "failed" as const,
        changedFields: null,
        error: sceneNotFoundMessage,
      })),
    );
  }
}
