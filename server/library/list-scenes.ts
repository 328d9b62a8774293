import { db } from "../db/client";
import { rowReader } from "../db/row-reader";
import { lastSyncedAt, latestFullSyncStart } from "../sync/full-sync-confirmation";
import { countSceneList } from "./scene-list-count";
import { scenePageIdsStatement } from "./scene-list-query";
import { ListScenesInput, type SceneListPage } from "./scene-list-schema";

/** The scene list: search, filters, sort and one page, with the total (or its estimate) for paging. */
export async function listScenes(input: ListScenesInput): Promise<SceneListPage> {
  const query = ListScenesInput.parse(input);
  const [count, ids, fullSyncAt] = await Promise.all([
    countSceneList(query),
    rowReader().column<string>(scenePageIdsStatement(query)),
    latestFullSyncStart(),
  ]);
  const scenes = await db().scene.findMany({
    where: { id: { in: ids } },
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
  });
  const byId = new Map(scenes.map((scene) => [scene.id, scene]));
  return {
    items: ids.flatMap((id) => {
      const scene = byId.get(id);
      if (!scene) return [];
      const file = scene.files[0];
      return [
        {
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
        },
      ];
    }),
    total: count.total,
    totalIsEstimate: count.estimated,
    page: query.page,
    pageCount: Math.max(1, Math.ceil(count.total / query.pageSize)),
  };
}
