import type { ChangedFields } from "../../domain/changed-fields";
import { readRows } from "../../db/row-reader";
import { insertRows, quote, whereIn, type SqlValue } from "../../db/sql-dialect";
import type { PageItem } from "../../stash/types";
import { refHash, refValues, storedScalar, type RefSpec } from "../compare/ref-specs";
import type { RunContext } from "../run-context";
import { created, failed, skipped, updated, type EntityOutcome } from "./entity-outcomes";
import { preparePage, type PagePlan, type PreparedPage } from "./prepare-page";

type Ref = { id: string; createdAt: string; updatedAt: string };

/**
 * Writes one page of performers, tags or studios, the same way scenes are written: hash
 * comparison first, stored rows loaded only for those that differ, one transaction per page,
 * and entity-by-entity retries when the page transaction fails.
 */
export async function prepareRefPage<T extends Ref>(
  ctx: RunContext,
  spec: RefSpec<T>,
  items: PageItem<T>[],
): Promise<PreparedPage> {
  const invalid = items
    .filter((i): i is Extract<PageItem<T>, { ok: false }> => !i.ok)
    .map((i) => failed(spec.type, i.id ?? "(unknown)", i.error));
  const valid = items
    .filter((i): i is Extract<PageItem<T>, { ok: true }> => i.ok)
    .map((i) => i.value);
  return preparePage(ctx, {
    label: `${spec.table} rows`,
    invalid,
    items: valid,
    plan: (some) => plan(ctx, spec, some),
    failed: (one, error) => failed(spec.type, one.id, error),
  });
}

async function plan<T extends Ref>(
  ctx: RunContext,
  spec: RefSpec<T>,
  entities: T[],
): Promise<PagePlan> {
  const columns = spec.fields.map((f) => f.column);
  const select = `SELECT "id", "content_hash", "stash_updated_at", "removed_at", ${columns.map(quote).join(", ")} FROM ${quote(spec.table)}`;
  // Committed rows, on this thread's connection (as for scenes: see readDifferences there).
  const storedRows = await readRows<Record<string, unknown>>(
    whereIn(
      select,
      "id",
      entities.map((e) => e.id),
    ),
  );
  const stored = new Map(storedRows.map((row) => [String(row.id), row]));

  const now = new Date();
  const rows: SqlValue[][] = [];
  const untouched: string[] = [];
  const outcomes: EntityOutcome[] = [];
  for (const entity of entities) {
    const hash = refHash(spec, entity);
    const row = [
      entity.id,
      ...refValues(spec, entity),
      entity.createdAt,
      entity.updatedAt,
      hash,
      now,
      now,
      null,
    ];
    const old = stored.get(entity.id);
    // An empty hash marks a stub a scene link created before this entity was read.
    if (!old || old.content_hash === "") {
      rows.push(row);
      outcomes.push(created(spec.type, entity.id));
      continue;
    }
    const changes: ChangedFields = {};
    if (old.content_hash !== hash) {
      for (const field of spec.fields) {
        const from = storedScalar(field, old[field.column]);
        const to = field.read(entity);
        if (from !== to) changes[field.key] = { from, to };
      }
    }
    if (old.removed_at !== null) changes.removed_from_stash = { from: true, to: false };
    if (Object.keys(changes).length > 0) {
      rows.push(row);
      outcomes.push(updated(spec.type, entity.id, changes));
    } else {
      if (old.content_hash !== hash || old.stash_updated_at !== entity.updatedAt) rows.push(row);
      else untouched.push(entity.id);
      outcomes.push(skipped(spec.type, entity.id));
    }
  }

  const allColumns = [
    "id",
    ...columns,
    "stash_created_at",
    "stash_updated_at",
    "content_hash",
    "first_seen_at",
    "last_synced_at",
    "removed_at",
  ];
  return {
    statements: [
      ...insertRows(spec.table, allColumns, rows, {
        key: ["id"],
        update: allColumns.filter((c) => c !== "id" && c !== "first_seen_at"),
      }),
      ...whereIn(`UPDATE "${spec.table}" SET "last_synced_at" = ?`, "id", untouched, [now]),
    ],
    outcomes,
    // Scenes of this run may now link the new ones without stubs.
    afterCommit: () => {
      const known = ctx.knownRefs.get(spec.type);
      for (const o of outcomes) if (o.changeType === "created") known?.add(o.entityId);
    },
  };
}
