import { isListChange, type FieldChange } from "../domain/changed-fields";
import { db } from "../db/client";
import type { RestoreField } from "./restore-schema";

type LinkTable = "performer" | "tag" | "studio";

const tableOf: Partial<Record<RestoreField, LinkTable>> = {
  studio: "studio",
  performers: "performer",
  tags: "tag",
};

/**
 * Entries written before changed_fields kept Stash ids name their links only. Such a name is
 * matched against the library when exactly one performer, tag or studio has it; a name that
 * matches none or several leaves the change without ids, which the planner refuses by field.
 */
export async function fillLegacyLinkIds(
  changes: Map<RestoreField, FieldChange>,
): Promise<Map<RestoreField, FieldChange>> {
  const filled = new Map(changes);
  for (const [field, change] of changes) {
    const table = tableOf[field];
    if (!table || change.ids) continue;
    const names = isListChange(change)
      ? [...change.added, ...change.removed]
      : [change.from, change.to].filter((n): n is string => typeof n === "string");
    const idOf = await uniqueIdsByName(table, names);
    const id = (name: string) => idOf.get(name);
    if (isListChange(change)) {
      const added = change.added.flatMap((name) => idOf.get(name) ?? []);
      const removed = change.removed.flatMap((name) => idOf.get(name) ?? []);
      if (added.length === change.added.length && removed.length === change.removed.length) {
        filled.set(field, { ...change, ids: { added, removed } });
      }
    } else {
      const from = typeof change.from === "string" ? id(change.from) : null;
      const to = typeof change.to === "string" ? id(change.to) : null;
      if (from !== undefined && to !== undefined)
        filled.set(field, { ...change, ids: { from, to } });
    }
  }
  return filled;
}

async function uniqueIdsByName(table: LinkTable, names: string[]): Promise<Map<string, string>> {
  const where = { name: { in: [...new Set(names)] } };
  const select = { id: true, name: true } as const;
  const rows =
    table === "performer"
      ? await db().performer.findMany({ where, select })
      : table === "tag"
        ? await db().tag.findMany({ where, select })
        : await db().studio.findMany({ where, select });
  const count = new Map<string, number>();
  for (const row of rows) count.set(row.name, (count.get(row.name) ?? 0) + 1);
  return new Map(rows.filter((row) => count.get(row.name) === 1).map((r) => [r.name, r.id]));
}
