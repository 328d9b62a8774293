import { rowReader } from "../../db/row-reader";
import { whereIn } from "../../db/sql-dialect";
import { failed } from "../write/entity-outcomes";
import { loadKnownRefs } from "../write/ensure-linked-refs";
import { commitOutcomes } from "../write/record-outcomes";
import { writeScenePage } from "../write/write-scene-page";
import { throwIfCancelled, type RunContext } from "../run-context";
import { markRemoved } from "./mark-removed";

export const sceneNotFoundMessage = "Scene not found in Stash";

/**
 * Specific sync: the listed scenes only, one log row each. With `missingRemoved` (Stash said it
 * destroyed them, through its plugin hook) a stored scene Stash no longer has is marked removed
 * instead of failed.
 */
export async function runSpecificSync(
  ctx: RunContext,
  sceneIds: string[],
  { missingRemoved = false }: { missingRemoved?: boolean } = {},
): Promise<void> {
  await loadKnownRefs(ctx);
  ctx.progress.setPhase("scenes", sceneIds.length);
  for (let i = 0; i < sceneIds.length; i += ctx.perPage) {
    throwIfCancelled(ctx.signal);
    // A cancel aborts the requests themselves (the run's signal).
    const { found, missing } = await ctx.client.findScenesByIds(
      sceneIds.slice(i, i + ctx.perPage),
      ctx.signal,
    );
    if (found.length) await writeScenePage(ctx, found);
    const stored = missingRemoved ? await storedOf(missing) : new Set<string>();
    if (stored.size > 0) await markRemoved(ctx, "scene", [...stored]);
    await commitOutcomes(
      ctx,
      [],
      missing
        .filter((entityId) => !stored.has(entityId))
        .map((entityId) => failed("scene", entityId, sceneNotFoundMessage)),
    );
  }
}

/** Which of these scene ids are stored and not yet marked removed. */
async function storedOf(ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const stored = new Set<string>();
  for (const statement of whereIn('SELECT "id", "removed_at" FROM "scene"', "id", ids)) {
    const rows = await rowReader().all<{ id: string; removed_at: unknown }>(statement);
    for (const row of rows) if (row.removed_at === null) stored.add(row.id);
  }
  return stored;
}
