import { bulkWriter } from "../../db/bulk-writer";
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

/**
 * Stored, not-removed ids of a type that this run did not see. Read through the bulk reader:
 * a full sync asks this of every scene id, and Prisma's per-row overhead on 100,000 rows
 * would cost more than the question.
 */
export async function unseenIds(
  ctx: RunContext,
  type: EntityType,
  seen: Set<string>,
): Promise<string[]> {
  const rows = await bulkWriter().query<{ id: string }>({
    sql: `SELECT "id" FROM "${type}" WHERE "removed_at" IS NULL`,
    params: [],
  });
  return rows.map((r) => r.id).filter((id) => !seen.has(id));
}
