import { whereIn } from "../../db/sql-dialect";
import type { EntityType } from "../../domain/vocabulary";
import { commitOutcomes, type EntityOutcome } from "../write/record-outcomes";
import type { RunContext } from "./run-context";

/**
 * Marks entities Stash no longer has as removed (kept, not deleted: their history stays) and
 * logs each as updated, with changed_fields saying so.
 */
export async function markRemoved(ctx: RunContext, type: EntityType, ids: string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += ctx.perPage) {
    const batch = ids.slice(i, i + ctx.perPage);
    const outcomes: EntityOutcome[] = batch.map((entityId) => ({
      entityType: type,
      entityId,
      changeType: "updated",
      changedFields: { removed_from_stash: { from: false, to: true } },
      error: null,
    }));
    await commitOutcomes(
      ctx,
      whereIn(`UPDATE "${type}" SET "removed_at" = ?`, "id", batch, [new Date()]),
      outcomes,
    );
  }
}

/** Stored, not-removed ids of a type that this run did not see. */
export async function unseenIds(
  ctx: RunContext,
  type: EntityType,
  seen: Set<string>,
): Promise<string[]> {
  const select = { where: { removedAt: null }, select: { id: true } } as const;
  const rows =
    type === "scene"
      ? await ctx.db.scene.findMany(select)
      : type === "performer"
        ? await ctx.db.performer.findMany(select)
        : type === "tag"
          ? await ctx.db.tag.findMany(select)
          : await ctx.db.studio.findMany(select);
  return rows.map((r) => r.id).filter((id) => !seen.has(id));
}
