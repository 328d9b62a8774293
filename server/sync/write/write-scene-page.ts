import type { ChangedFields } from "../../domain/changed-fields";
import {
  deleteRows,
  dialect,
  insertRows,
  whereIn,
  withValues,
  type SqlValue,
  type Statement,
} from "../../db/sql-dialect";
import { textSearch } from "../../db/text-search";
import type { PageRecord, StashScene } from "../../stash/types";
import { diffScene } from "../compare/diff-scene";
import { sceneDigest } from "../compare/scene-digest";
import { sceneRecordFromStash } from "../compare/scene-record";
import type { RunContext } from "../run-context";
import { created, failed, skipped, updatedOrSkipped, type EntityOutcome } from "./entity-outcomes";
import { ensureLinkedRefs } from "./ensure-linked-refs";
import { planLinks } from "./plan-scene-links";
import { preparePage, type PagePlan, type PreparedPage } from "./prepare-page";
import { readDifferences, type Difference } from "./read-scene-differences";
import { readStoredFileIds } from "./read-stored-file-ids";
import { readStoredScenes } from "./read-stored-scenes";
import { fileColumns, sceneColumns, sceneRow, sceneUpdateColumns } from "./scene-rows";
import { sceneSearchRow } from "./scene-search-rows";

/** A record of the page with an id; read (parsed, validated) only if its digest is not stored. */
interface Incoming {
  id: string;
  digest: string;
  record: PageRecord<StashScene>;
}

/** A record that was read and is valid; its digest becomes the row's content_hash. */
interface Parsed {
  scene: StashScene;
  hash: string;
}

/**
 * Writes one page of scenes from Stash: decides each scene's outcome by comparing digests
 * (reading the record and the stored rows only for scenes whose digest differs), then writes
 * the rows, their links and the page's sync_log rows in one transaction. If that transaction
 * fails, the page is retried scene by scene so one bad scene fails alone.
 */
export async function writeScenePage(
  ctx: RunContext,
  records: PageRecord<StashScene>[],
): Promise<EntityOutcome[]> {
  return (await prepareScenePage(ctx, records)).commit();
}

/** Plans a page of scenes to be committed later (see preparePage). */
export async function prepareScenePage(
  ctx: RunContext,
  records: PageRecord<StashScene>[],
): Promise<PreparedPage> {
  const invalid: EntityOutcome[] = [];
  const incoming: Incoming[] = [];
  for (const record of records) {
    if (record.id !== null) {
      incoming.push({ id: record.id, digest: sceneDigest(record.text), record });
    } else {
      // No id even after reading it: a malformed record, failed without one.
      const item = record.read();
      invalid.push(
        failed("scene", "(unknown)", item.ok ? "Stash sent a scene without an id" : item.error),
      );
    }
  }
  return preparePage(ctx, {
    label: "scenes",
    invalid,
    items: incoming,
    plan: (some) => planScenes(ctx, some),
    failed: (one, error) => failed("scene", one.id, error),
  });
}

async function planScenes(ctx: RunContext, incoming: Incoming[]): Promise<PagePlan> {
  const stored = (await ctx.emptyLibrary?.firstPlanned(
    "scene",
    incoming.map((i) => i.id),
  ))
    ? noneStored(incoming)
    : await readDifferences(incoming);
  const now = new Date();
  const outcomes: EntityOutcome[] = [];
  const toWrite: { item: Parsed; created: boolean }[] = [];
  const untouched: string[] = [];
  const changed: Parsed[] = [];

  for (const { id, digest, record } of incoming) {
    const existing = stored.get(id);
    if (!existing) {
      // Stored from exactly this text: nothing to read, nothing to write but (outside a full
      // sync) the time.
      untouched.push(id);
      outcomes.push(skipped("scene", id));
      continue;
    }
    const item = record.read();
    if (!item.ok) {
      outcomes.push(failed("scene", id, item.error));
      continue;
    }
    const parsed = { scene: item.value, hash: digest };
    if (existing.stored_id === null) {
      toWrite.push({ item: parsed, created: true });
      outcomes.push(created("scene", id));
    } else changed.push(parsed);
  }

  const before = await readStoredScenes(changed.map((c) => c.scene.id));
  for (const item of changed) {
    const { id } = item.scene;
    const old = before.get(id);
    const changes: ChangedFields = old ? diffScene(old, sceneRecordFromStash(item.scene)) : {};
    if (stored.get(id)?.removed_at !== null) changes.removed_from_stash = { from: true, to: false };
    // Written even when nothing we compare differs (an edit undone, a linked tag renamed):
    // the row takes Stash's new timestamp and the new digest.
    toWrite.push({ item, created: false });
    outcomes.push(updatedOrSkipped("scene", id, changes));
  }

  const links = planLinks(
    toWrite.filter((w) => w.created).map((w) => w.item.scene),
    changed.map(({ scene }) => ({ scene, old: before.get(scene.id) })),
    ctx.knownRefs,
  );
  const refs = ensureLinkedRefs(ctx, links.refs);
  const files = await splitStoredFiles(ctx, links.files.added);
  const statements: Statement[] = [
    ...refs.statements,
    // A stored file Stash now lists under another scene is taken over below (keyed by its id).
    // The scene that had it loses it while its own text stays the same: its digest must stop
    // matching, so the next sync reads it again. Scenes this page rewrites get theirs back.
    ...takenFilesStatements(files.stored.map((row) => [row[0]!, row[1]!])),
    // A scene this page creates has no row yet (the sync lock keeps other writers out), so it
    // is inserted without the conflict check, which costs PostgreSQL as much as the insert.
    ...insertRows("scene", sceneColumns, sceneRows(toWrite, true, now)),
    ...insertRows("scene", sceneColumns, sceneRows(toWrite, false, now), {
      key: ["id"],
      update: sceneUpdateColumns,
    }),
    ...whereIn('DELETE FROM "scene_performer"', "scene_id", links.unknownBefore),
    ...whereIn('DELETE FROM "scene_tag"', "scene_id", links.unknownBefore),
    ...whereIn('DELETE FROM "scene_file"', "scene_id", links.unknownBefore),
    ...deleteRows("scene_performer", ["scene_id", "performer_id"], links.performers.removed),
    ...deleteRows("scene_tag", ["scene_id", "tag_id"], links.tags.removed),
    ...deleteRows("scene_file", ["scene_id", "id"], links.files.removed),
    // Added links are those not stored (planLinks), each once (the wire schema's sets).
    ...insertRows("scene_performer", ["scene_id", "performer_id"], links.performers.added),
    ...insertRows("scene_tag", ["scene_id", "tag_id"], links.tags.added),
    ...insertRows("scene_file", fileColumns, files.unstored),
    // A file Stash moved from another scene keeps its id: take it over.
    ...insertRows("scene_file", fileColumns, files.stored, {
      key: ["id"],
      update: fileColumns.filter((c) => c !== "id"),
    }),
    // The search index changes in the transaction that changes what it indexes.
    ...textSearch.writeRows(toWrite.map((w) => sceneSearchRow(w.item.scene, !w.created))),
    // A full sync confirms the scenes it finds unchanged all at once, by finishing
    // (full-sync-confirmation.ts), instead of rewriting each row for one timestamp.
    ...(ctx.syncType === "full"
      ? []
      : whereIn('UPDATE "scene" SET "last_synced_at" = ?', "id", untouched, [now])),
  ];
  return { statements, outcomes, afterCommit: refs.commit };
}

/** What readDifferences reads for scenes none of which is stored. */
const noneStored = (incoming: Incoming[]): Map<string, Difference> =>
  new Map(incoming.map(({ id }) => [id, { id, stored_id: null, removed_at: null }]));

/** The page's file rows split by whether their id is stored (see readStoredFileIds). */
async function splitStoredFiles(ctx: RunContext, rows: SqlValue[][]) {
  const ids = rows.map((row) => String(row[0]));
  const storedIds = (await ctx.emptyLibrary?.firstPlanned("file", ids))
    ? new Set<string>()
    : await readStoredFileIds(ids);
  const stored: SqlValue[][] = [];
  const unstored: SqlValue[][] = [];
  for (const row of rows) (storedIds.has(String(row[0])) ? stored : unstored).push(row);
  return { stored, unstored };
}

const sceneRows = (
  toWrite: { item: Parsed; created: boolean }[],
  created: boolean,
  now: Date,
): SqlValue[][] =>
  toWrite
    .filter((w) => w.created === created)
    .map(({ item }) => sceneRow(item.scene, item.hash, now));

/**
 * Marks for re-reading the scenes that held files this page lists under another scene
 * ([file id, new scene id] pairs); exported for its query-plan test.
 */
export function takenFilesStatements(files: [SqlValue, SqlValue][]): Statement[] {
  return withValues(
    "taken",
    ["id", "scene_id"],
    files,
    `UPDATE "scene" SET "content_hash" = '' WHERE "id" IN (SELECT f."scene_id" FROM "taken" AS t
    ${dialect.joinByKey("JOIN", "scene_file", "f", "id", 't."id"')} WHERE f."scene_id" <> t."scene_id")`,
  );
}
