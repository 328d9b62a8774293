import type { Prisma } from "../../generated/prisma/client";
import { db } from "../db/client";
import { lastSyncedAt, latestFullSyncStart } from "../sync/full-sync-confirmation";
import { ListScenesInput, type SceneListPage, type SceneSort } from "./scene-list-schema";

const orderBy: Record<SceneSort, Prisma.SceneOrderByWithRelationInput[]> = {
  title_asc: [{ title: "asc" }, { id: "asc" }],
  title_desc: [{ title: "desc" }, { id: "desc" }],
  date_desc: [{ date: { sort: "desc", nulls: "last" } }, { id: "desc" }],
  date_asc: [{ date: { sort: "asc", nulls: "last" } }, { id: "asc" }],
  updated_desc: [{ stashUpdatedAt: "desc" }, { id: "desc" }],
  // By the scene's own time: the scenes a sync wrote or checked alone since the newest full
  // sync first, then the others, which show that sync's time (full-sync-confirmation.ts) but
  // keep the order in which syncs last wrote them.
  synced_desc: [{ lastSyncedAt: "desc" }, { id: "desc" }],
};

/** The scene list: search, filters, sort and one page, with the total for paging. */
export async function listScenes(input: ListScenesInput): Promise<SceneListPage> {
  const query = ListScenesInput.parse(input);
  const where: Prisma.SceneWhereInput = {
    removedAt: null,
    studioId: query.studioId,
    organized: query.organized,
    // An indexed column, not a list of ids: thousands of failing scenes stay one query.
    ...(query.failing ? { lastSyncFailed: true } : {}),
    ...(query.performerId ? { performers: { some: { performerId: query.performerId } } } : {}),
    ...(query.tagId ? { tags: { some: { tagId: query.tagId } } } : {}),
    ...(query.search
      ? {
          OR: [
            { title: { contains: query.search } },
            { files: { some: { path: { contains: query.search } } } },
          ],
        }
      : {}),
  };

  const [total, scenes, fullSyncAt] = await Promise.all([
    db().scene.count({ where }),
    db().scene.findMany({
      where,
      orderBy: orderBy[query.sort],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: {
        id: true,
        title: true,
        date: true,
        organized: true,
        lastSyncedAt: true,
        removedAt: true,
        lastSyncFailed: true,
        studio: { select: { name: true } },
        files: {
          orderBy: { position: "asc" },
          take: 1,
          select: { path: true, duration: true, height: true },
        },
      },
    }),
    latestFullSyncStart(),
  ]);
  return {
    items: scenes.map((scene) => {
      const file = scene.files[0];
      return {
        id: scene.id,
        title: scene.title,
        studio: scene.studio?.name ?? null,
        date: scene.date,
        organized: scene.organized,
        path: file?.path ?? null,
        duration: file?.duration ?? null,
        height: file?.height ?? null,
        lastSyncedAt: lastSyncedAt(scene, fullSyncAt),
        failing: scene.lastSyncFailed,
      };
    }),
    total,
    page: query.page,
    pageCount: Math.max(1, Math.ceil(total / query.pageSize)),
  };
}
