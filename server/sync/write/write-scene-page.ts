import type { ChangedFields } from "../../domain/changed-fields";
import { readRows } from "../../db/row-reader";
import { storedGroups } from "../../library/stored-scene-groups";
import {
  deleteRows,
  insertRows,
  whereIn,
  withValues,
  type SqlValue,
  type Statement,
} from "../../db/sql-dialect";
import type { PageRecord, StashRef, StashScene, StashVideoFile } from "../../stash/types";
import { diffScene } from "../compare/diff-scene";
import type { RefType } from "../compare/ref-specs";
import { sceneRecordFromStash, type SceneRecord } from "../compare/scene-record";
import type { RunContext } from "../run-context";
import { ensureLinkedRefs } from "./ensure-linked-refs";
import type { EntityOutcome } from "./record-outcomes";
import { preparePage, type PagePlan, type PreparedPage } from "./write-page";
import { readStoredScenes } from "./read-stored-scenes";

// What is written from a scene (these rows, its links and files) changing means bumping
// digestVersion in scene-records.ts, or scenes whose text is unchanged keep the old rows.
const sceneColumns = [
  "id",
  "title",
  "code",
  "details",
  "director",
  "urls",
  "groups",
  "date",
  "rating100",
  "organized",
  "o_counter",
  "stash_created_at",
  "stash_updated_at",
  "studio_id",
  "content_hash",
  "first_seen_at",
  "last_synced_at",
  "removed_at",
];
// A re-sync rewrites everything but the first time we saw the scene.
const sceneUpdateColumns = sceneColumns.filter((c) => c !== "id" && c !== "first_seen_at");

const fileColumns = [
  "id",
  "scene_id",
  "position",
  "path",
  "basename",
  "size",
  "duration",
  "width",
  "height",
  "video_codec",
  "audio_codec",
  "frame_rate",
  "bit_rate",
  "fingerprints",
];

/** A record of the page with an id; read (parsed, validated) only if its digest is not stored. */
type Incoming = PageRecord<StashScene> & { id: string };

const hasId = (record: PageRecord<StashScene>): record is Incoming => record.id !== null;

/** A record that was read and is valid; its digest becomes the row's content_hash. */
interface Parsed {
  scene: StashScene;
  hash: string;
}

/** A scene of the page that is not stored as Stash sends it now (see readDifferences). */
interface Difference {
  id: string;
  /** Null when the scene is not stored at all. */
  stored_id: string | null;
  removed_at: unknown;
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
    if (hasId(record)) incoming.push(record);
    else {
      // No id even after reading it: a malformed record, failed without one.
      const item = record.read();
      invalid.push(failed("(unknown)", item.ok ? "Stash sent a scene without an id" : item.error));
    }
  }
  return preparePage(ctx, {
    label: "scenes",
    invalid,
    items: incoming,
    plan: (some) => planScenes(ctx, some),
    failed: (one, error) => failed(one.id, error),
  });
}

async function planScenes(ctx: RunContext, incoming: Incoming[]): Promise<PagePlan> {
  const stored = await readDifferences(incoming);
  const now = new Date();
  const outcomes: EntityOutcome[] = [];
  const toWrite: { item: Parsed; created: boolean }[] = [];
  const untouched: string[] = [];
  const changed: Parsed[] = [];

  for (const record of incoming) {
    const { id } = record;
    const existing = stored.get(id);
    if (!existing) {
      // Stored from exactly this text: nothing to read, nothing to write but (outside a full
      // sync) the time.
      untouched.push(id);
      outcomes.push(skipped(id));
      continue;
    }
    const item = record.read();
    if (!item.ok) {
      outcomes.push(failed(id, item.error));
      continue;
    }
    const parsed = { scene: item.value, hash: record.digest };
    if (existing.stored_id === null) {
      toWrite.push({ item: parsed, created: true });
      outcomes.push({
        entityType: "scene",
        entityId: id,
        changeType: "created",
        changedFields: null,
        error: null,
      });
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
    outcomes.push(
      Object.keys(changes).length > 0
        ? {
            entityType: "scene",
            entityId: id,
            changeType: "updated",
            changedFields: changes,
            error: null,
          }
        : skipped(id),
    );
  }

  const links = planLinks(
    toWrite.filter((w) => w.created).map((w) => w.item),
    changed.map((item) => ({ item, old: before.get(item.scene.id) })),
    ctx.knownRefs,
  );
  const refs = ensureLinkedRefs(ctx, links.refs);
  const statements: Statement[] = [
    ...refs.statements,
    // A file Stash now lists under another scene is taken over below (keyed by its id). The
    // scene that had it loses it while its own text stays the same: its digest must stop
    // matching, so the next sync reads it again. Scenes this page rewrites get theirs back.
    ...withValues(
      "taken",
      ["id", "scene_id"],
      links.files.added.map((row) => [row[0]!, row[1]!]),
      `UPDATE "scene" SET "content_hash" = '' WHERE "id" IN (SELECT f."scene_id"
      FROM "scene_file" AS f JOIN "taken" AS t ON f."id" = t."id" AND f."scene_id" <> t."scene_id")`,
    ),
    ...insertRows(
      "scene",
      sceneColumns,
      toWrite.map(({ item }) => sceneRow(item, now)),
      { key: ["id"], update: sceneUpdateColumns },
    ),
    ...whereIn('DELETE FROM "scene_performer"', "scene_id", links.unknownBefore),
    ...whereIn('DELETE FROM "scene_tag"', "scene_id", links.unknownBefore),
    ...whereIn('DELETE FROM "scene_file"', "scene_id", links.unknownBefore),
    ...deleteRows("scene_performer", ["scene_id", "performer_id"], links.performers.removed),
    ...deleteRows("scene_tag", ["scene_id", "tag_id"], links.tags.removed),
    ...deleteRows("scene_file", ["scene_id", "id"], links.files.removed),
    ...insertRows("scene_performer", ["scene_id", "performer_id"], links.performers.added, {
      key: ["scene_id", "performer_id"],
      update: [],
    }),
    ...insertRows("scene_tag", ["scene_id", "tag_id"], links.tags.added, {
      key: ["scene_id", "tag_id"],
      update: [],
    }),
    // A file Stash moved from another scene keeps its id: take it over.
    ...insertRows("scene_file", fileColumns, links.files.added, {
      key: ["id"],
      update: fileColumns.filter((c) => c !== "id"),
    }),
    // A full sync confirms the scenes it finds unchanged all at once, by finishing
    // (full-sync-confirmation.ts), instead of rewriting each row for one timestamp.
    ...(ctx.syncType === "full"
      ? []
      : whereIn('UPDATE "scene" SET "last_synced_at" = ?', "id", untouched, [now])),
  ];
  return { statements, outcomes, afterCommit: refs.commit };
}

interface LinkChanges {
  added: SqlValue[][];
  removed: SqlValue[][];
}

/**
 * Which link rows to add and remove: all of a new scene's; for a changed scene only those that
 * differ from what is stored. Rewriting every link of every changed scene would churn the
 * tag and performer indexes (random positions, the costliest writes of a sync) for edits that
 * did not touch links at all.
 */
function planLinks(
  created: Parsed[],
  changed: { item: Parsed; old: SceneRecord | undefined }[],
  knownRefs: RunContext["knownRefs"],
) {
  const performers: LinkChanges = { added: [], removed: [] };
  const tags: LinkChanges = { added: [], removed: [] };
  const files: LinkChanges = { added: [], removed: [] };
  const refs: { type: RefType; ref: StashRef }[] = [];
  // Scenes whose stored links could not be read: replace them whole.
  const unknownBefore: string[] = [];

  // Most links are to refs already stored: only the others need a stub.
  const addRef = (type: RefType, ref: StashRef) => {
    if (!knownRefs.get(type)?.has(ref.id)) refs.push({ type, ref });
  };

  const diffIds = (
    type: RefType,
    sceneId: string,
    before: StashRef[],
    after: StashRef[],
    into: LinkChanges,
  ) => {
    const beforeIds = new Set(before.map((x) => x.id));
    const afterIds = new Set(after.map((x) => x.id));
    for (const x of after) {
      if (beforeIds.has(x.id)) continue;
      into.added.push([sceneId, x.id]);
      addRef(type, x);
    }
    for (const x of before) if (!afterIds.has(x.id)) into.removed.push([sceneId, x.id]);
  };

  // A new scene: every link is added. The first sync plans 100,000 of these, so no sets.
  const linkNew = (scene: StashScene) => {
    if (scene.studio) addRef("studio", scene.studio);
    for (const p of scene.performers) {
      performers.added.push([scene.id, p.id]);
      addRef("performer", p);
    }
    for (const t of scene.tags) {
      tags.added.push([scene.id, t.id]);
      addRef("tag", t);
    }
    scene.files.forEach((f, position) => files.added.push(fileRow(scene.id, position, f)));
  };

  const link = (scene: StashScene, old: SceneRecord) => {
    if (scene.studio && scene.studio.id !== old.studio?.id) addRef("studio", scene.studio);
    diffIds("performer", scene.id, old.performers, scene.performers, performers);
    diffIds("tag", scene.id, old.tags, scene.tags, tags);
    const oldFiles = new Map(old.files.map((f, position) => [f.id, { f, position }]));
    scene.files.forEach((f, position) => {
      const stored = oldFiles.get(f.id);
      if (!stored || stored.position !== position || !sameFile(stored.f, f)) {
        files.added.push(fileRow(scene.id, position, f));
      }
    });
    const newFileIds = new Set(scene.files.map((f) => f.id));
    for (const id of oldFiles.keys()) if (!newFileIds.has(id)) files.removed.push([scene.id, id]);
  };

  for (const { scene } of created) linkNew(scene);
  for (const { item, old } of changed) {
    if (old) link(item.scene, old);
    else {
      unknownBefore.push(item.scene.id);
      linkNew(item.scene);
    }
  }
  return { performers, tags, files, refs, unknownBefore };
}

/** The file as stored equals the file as Stash sends it (row for row, not key order). */
function sameFile(a: StashVideoFile, b: StashVideoFile): boolean {
  const row = (f: StashVideoFile) =>
    JSON.stringify(fileRow("", 0, f), (_k, v: unknown) =>
      typeof v === "bigint" ? v.toString() : v,
    );
  return row(a) === row(b);
}

/**
 * The page's scenes that are not stored as they come now: new, with another digest, or
 * marked removed. The database compares (a re-sync of an unchanged library gets no rows back,
 * instead of a thousand to compare here). It reads what is committed now, on this thread's
 * own connection: the writer's thread may be committing the previous page meanwhile (see
 * pageThrough, which makes sure that page holds none of these).
 */
async function readDifferences(incoming: Incoming[]): Promise<Map<string, Difference>> {
  const statements = withValues(
    "incoming",
    ["id", "content_hash"],
    incoming.map((i) => [i.id, i.digest]),
    `SELECT i."id", s."id" AS "stored_id", s."removed_at"
    FROM "incoming" AS i LEFT JOIN "scene" AS s ON s."id" = i."id"
    WHERE s."id" IS NULL OR s."content_hash" <> i."content_hash" OR s."removed_at" IS NOT NULL`,
  );
  return new Map((await readRows<Difference>(statements)).map((row) => [row.id, row]));
}

function sceneRow({ scene, hash }: Parsed, now: Date): SqlValue[] {
  return [
    scene.id,
    scene.title,
    scene.code,
    scene.details,
    scene.director,
    JSON.stringify(scene.urls),
    storedGroups(scene.groups),
    scene.date,
    scene.rating100,
    scene.organized,
    scene.oCounter,
    scene.createdAt,
    scene.updatedAt,
    scene.studio?.id ?? null,
    hash,
    now,
    now,
    null,
  ];
}

function fileRow(sceneId: string, position: number, f: StashScene["files"][number]): SqlValue[] {
  return [
    f.id,
    sceneId,
    position,
    f.path,
    f.basename,
    BigInt(Math.round(f.size)),
    f.duration,
    f.width,
    f.height,
    f.videoCodec,
    f.audioCodec,
    f.frameRate,
    f.bitRate,
    JSON.stringify(f.fingerprints),
  ];
}

function skipped(id: string): EntityOutcome {
  return {
    entityType: "scene",
    entityId: id,
    changeType: "skipped",
    changedFields: null,
    error: null,
  };
}

function failed(id: string, error: string): EntityOutcome {
  return { entityType: "scene", entityId: id, changeType: "failed", changedFields: null, error };
}
