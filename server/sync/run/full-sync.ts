import { loadKnownRefs } from "../write/ensure-linked-refs";
import { writeScenePage } from "../write/write-scene-page";
import { throwIfCancelled, type RunContext } from "../run-context";
import { withSceneBulkLoad } from "./bulk-load";
import { markRemoved, unseenIds } from "./mark-removed";
import {
  refTypes,
  syncRefType,
  syncSceneType,
  withFirstPages,
  type PageOrder,
} from "./sync-entity-type";
import { probeWatermarks, type Watermarks } from "./watermarks";

export const fullSyncOrder: PageOrder = "scenes first";

/**
 * Full sync: every scene, then performers, tags and studios; whatever Stash no longer has is
 * marked removed. Returns the watermarks the next incremental sync starts from. Scenes come
 * first so that a first sync builds its scene indexes while the other pages come in; the
 * performers, tags and studios scenes link are stored as stubs until their pages fill them in
 * (ensure-linked-refs.ts).
 */
export async function runFullSync(ctx: RunContext): Promise<Watermarks> {
  const [{ watermarks, counts }] = await Promise.all([probeWatermarks(ctx), loadKnownRefs(ctx)]);
  const scenes = await withFirstPages(ctx, { counts, order: fullSyncOrder }, (first) =>
    withSceneBulkLoad(
      ctx,
      () => syncSceneType(ctx, undefined, first),
      async () => {
        for (const type of refTypes) {
          const result = await syncRefType(ctx, type, undefined, first);
          // If Stash's count moved mid-run, offsets shifted and "unseen" may mean "skipped
          // over": leave removals to the next full sync rather than remove what exists.
          if (!result.countChanged)
            await markRemoved(ctx, type, await unseenIds(type, result.seen));
        }
      },
    ),
  );
  // Filling an empty library stored only scenes its pages returned: none can be unseen.
  if (!scenes.intoEmptyLibrary) await resolveUnseenScenes(ctx, scenes.value.seen);
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
    // A cancel aborts the requests themselves (the run's signal).
    const { found, missing } = await ctx.client.findScenesByIds(
      unseen.slice(i, i + ctx.perPage),
      ctx.signal,
    );
    if (found.length) await writeScenePage(ctx, found);
    if (missing.length) await markRemoved(ctx, "scene", missing);
  }
}
