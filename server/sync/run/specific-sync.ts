import { failed } from "../write/entity-outcomes";
import { loadKnownRefs } from "../write/ensure-linked-refs";
import { commitOutcomes } from "../write/record-outcomes";
import { writeScenePage } from "../write/write-scene-page";
import { throwIfCancelled, type RunContext } from "../run-context";

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
      missing.map((entityId) => failed("scene", entityId, sceneNotFoundMessage)),
    );
  }
}
