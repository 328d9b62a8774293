import { randomUUID } from "node:crypto";
import type { Db } from "../../server/db/client";
import { bulkWriter } from "../../server/db/bulk-writer";
import { textSearch } from "../../server/db/text-search";

/** Factories that write through the real Prisma client; each call makes distinct rows. */
let counter = 0;
const next = () => ++counter;
const stashNow = () => "2026-11-01T10:00:00+01:00";

function mirrored() {
  const now = new Date();
  return {
    stashCreatedAt: stashNow(),
    stashUpdatedAt: stashNow(),
    contentHash: "test",
    firstSeenAt: now,
    lastSyncedAt: now,
  };
}

export async function createStudio(db: Db, overrides: { name?: string } = {}) {
  const n = next();
  return db.studio.create({
    data: { id: `${n}`, name: overrides.name ?? `Studio ${n}`, ...mirrored() },
  });
}

export async function createPerformer(db: Db, overrides: { name?: string } = {}) {
  const n = next();
  return db.performer.create({
    data: { id: `${n}`, name: overrides.name ?? `Performer ${n}`, ...mirrored() },
  });
}

export async function createTag(db: Db, overrides: { name?: string } = {}) {
  const n = next();
  return db.tag.create({
    data: { id: `${n}`, name: overrides.name ?? `Tag ${n}`, ...mirrored() },
  });
}

/** The scene's search index row, written from its stored rows as the sync writes it. */
export async function indexSceneForSearch(db: Db, sceneId: string) {
  const scene = await db.scene.findUniqueOrThrow({
    where: { id: sceneId },
    include: { files: { orderBy: { position: "asc" } } },
  });
  const lines = (texts: string[]) => (texts.length > 0 ? texts.join("\n") : null);
  const statements = textSearch.writeRows([
    {
      sceneId,
      stored: true,
      title: scene.title,
      paths: lines(scene.files.map((f) => f.path)),
    },
  ]);
  // Through the bulk writer, as the sync writes it: on PostgreSQL an insert is column arrays.
  await bulkWriter().write(statements);
}

export async function createScene(
  db: Db,
  links: {
    studioId?: string;
    performerIds?: string[];
    tagIds?: string[];
    title?: string | null;
    date?: string | null;
    details?: string | null;
    /** The primary file's path; its basename follows. */
    path?: string;
  } = {},
) {
  const n = next();
  const id = `${n}`;
  const path = links.path ?? `/library/scene-${n}.mp4`;
  const scene = await db.scene.create({
    data: {
      id,
      title: links.title === undefined ? `Scene ${n}` : links.title,
      details: links.details ?? null,
      urls: JSON.stringify([`https://example.org/scene/${n}`]),
      date: links.date === undefined ? "2024-05" : links.date,
      rating100: 80,
      ...mirrored(),
      studioId: links.studioId,
      files: {
        create: [
          {
            id: `f${n}`,
            path,
            basename: path.slice(path.lastIndexOf("/") + 1),
            size: 3_221_225_472n,
            duration: 1834.5,
            width: 1920,
            height: 1080,
            videoCodec: "h264",
            audioCodec: "aac",
            frameRate: 29.97,
            bitRate: 8_000_000,
            fingerprints: JSON.stringify([{ type: "oshash", value: "abc123" }]),
          },
        ],
      },
      performers: { create: (links.performerIds ?? []).map((performerId) => ({ performerId })) },
      tags: { create: (links.tagIds ?? []).map((tagId) => ({ tagId })) },
    },
  });
  await indexSceneForSearch(db, id);
  return scene;
}

export async function createSyncRun(
  db: Db,
  overrides: { syncType?: string; status?: string; startedAt?: Date } = {},
) {
  const startedAt = overrides.startedAt ?? new Date();
  return db.syncHistory.create({
    data: {
      jobId: randomUUID(),
      syncType: overrides.syncType ?? "incremental",
      trigger: "cli",
      status: overrides.status ?? "completed",
      startedAt,
      completedAt: new Date(startedAt.getTime() + 1000),
    },
  });
}
