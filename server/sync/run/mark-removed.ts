import { rowReader } from "../../db/row-reader";
import { quote, whereIn } from "../../db/sql-dialect";
import type { EntityType } from "../../domain/vocabulary";
import { keepingConfirmedTime } from "../full-sync-confirmation";
import { updated } from "../write/entity-outcomes";
import { commitOutcomes } from "../write/record-outcomes";
import type { RunContext } from "../run-context";

/**
 * Marks entities Stash no longer has as removed (kept, not deleted: their history stays) and
 * logs each as updated, with changed_fields saying so.
 */
export async function markRemoved(ctx: RunContext, type: EntityType, ids: string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += ctx.perPage) {
    const batch = ids.slice(i, i + ctx.perPage);
    const outcomes = batch.map((entityId) =>
      updated(type, entityId, { removed_from_stash: { from: false, to: true } }),
    );
    const removal = { set: '"removed_at" = ?', params: [new Date()] };
    // A removed scene keeps the time its last full sync confirmed it.
    const { set, params } =
      type === "scene"
        ? keepingConfirmedTime(ctx.fullSyncStart, removal.set, removal.params)
        : removal;
    await commitOutcomes(
      ctx,
      whereIn(`UPDATE "${type}" SET ${set}`, "id", batch, params),
      outcomes,
    );
  }
}

/**
 * Stored, not-removed ids of a type that this run did not see, read as one plain column on
 * this thread: an object per row for every scene of the library is measurable (docs/decisions.md).
 */
export async function unseenIds(type: EntityType, seen: Set<string>): Promise<string[]> {
  const ids = await rowReader().column<string>({
    sql: `SELECT "id" FROM ${quote(type)} WHERE "removed_at" IS NULL`,
    params: [],
  });
  return ids.filter((id) => !seen.has(id));
}
