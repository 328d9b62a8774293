import { insertRows, type SqlValue, type Statement } from "../../db/sql-dialect";
import type { StashRef } from "../../stash/types";
import type { RefType } from "../compare/ref-specs";
import type { RunContext } from "../run-context";

/**
 * A scene may link a performer, tag or studio created in Stash after this run read that type
 * (or never read it: specific syncs read scenes only). Such a ref is stored as a stub with the
 * name the scene carried and an empty content hash; the next sync of its type fills it in and
 * logs it as created.
 */
export function ensureLinkedRefs(
  ctx: RunContext,
  refs: { type: RefType; ref: StashRef }[],
): { statements: Statement[]; commit: () => void } {
  const now = new Date();
  const byType = new Map<RefType, SqlValue[][]>();
  const added: { type: RefType; id: string }[] = [];
  const seen = new Set<string>();
  for (const { type, ref } of refs) {
    const known = ctx.knownRefs.get(type);
    const key = `${type}:${ref.id}`;
    if (!known || known.has(ref.id) || seen.has(key)) continue;
    seen.add(key);
    added.push({ type, id: ref.id });
    const rows = byType.get(type) ?? [];
    rows.push([ref.id, ref.name, "", "", "", now, now]);
    byType.set(type, rows);
  }
  const columns = [
    "id",
    "name",
    "stash_created_at",
    "stash_updated_at",
    "content_hash",
    "first_seen_at",
    "last_synced_at",
  ];
  return {
    statements: [...byType].flatMap(([table, rows]) =>
      insertRows(table, columns, rows, { key: ["id"], update: [] }),
    ),
    // Known only once the transaction that inserts them has committed.
    commit: () => added.forEach((a) => ctx.knownRefs.get(a.type)?.add(a.id)),
  };
}

/** Loads the ids of every stored performer, tag and studio once per run. */
export async function loadKnownRefs(ctx: RunContext): Promise<void> {
  const [performers, tags, studios] = await Promise.all([
    ctx.db.performer.findMany({ select: { id: true } }),
    ctx.db.tag.findMany({ select: { id: true } }),
    ctx.db.studio.findMany({ select: { id: true } }),
  ]);
  ctx.knownRefs.set("performer", new Set(performers.map((r) => r.id)));
  ctx.knownRefs.set("tag", new Set(tags.map((r) => r.id)));
  ctx.knownRefs.set("studio", new Set(studios.map((r) => r.id)));
}
