import { db } from "../db/client";
import { sceneListReader } from "../db/row-reader";
import { lastSyncedAt, latestFullSyncStart } from "../sync/full-sync-confirmation";
import { countSceneList } from "./scene-list-count";
import {
  decodeSceneListCursor,
  encodeSceneListCursor,
  type SceneListCursor,
} from "./scene-list-cursor";
import { scenePageAfterStatements } from "./scene-list-keyset";
import { scenePageIdsStatement, type SceneListQuery, type SearchBy } from "./scene-list-query";
import { planSceneSearch } from "./scene-list-search-plan";
import { ListScenesInput, type SceneListPage } from "./scene-list-schema";

/** The scene list: search, filters, sort and one page, with the total (or its estimate) for paging. */
export async function listScenes(input: ListScenesInput): Promise<SceneListPage> {
  const query = ListScenesInput.parse(input);
  const after = query.after ? decodeSceneListCursor(query.after) : null;
  const plan = await planSceneSearch(query, after !== null);
  const [count, rows, fullSyncAt] = await Promise.all([
    countSceneList(query, plan.searchShare),
    readPageRows(query, after, plan.searchBy),
    latestFullSyncStart(),
  ]);
  const pageRows = rows.slice(0, query.pageSize);
  const last = pageRows.at(-1);
  const ids = pageRows.map((row) => row.id);
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
    nextCursor:
      rows.length > query.pageSize && last
        ? encodeSceneListCursor({ key: last.key, id: last.id })
        : null,
    pageCount: Math.max(1, Math.ceil(count.total / query.pageSize)),
  };
}

type PageRow = SceneListCursor;

/** The page's rows and one more (whether a next page exists): by cursor, or by number. */
async function readPageRows(
  query: SceneListQuery,
  after: SceneListCursor | null,
  searchBy: SearchBy,
) {
  const limit = query.pageSize + 1;
  if (!after) return sceneListReader().all<PageRow>(scenePageIdsStatement(query, limit, searchBy));
  const rows: PageRow[] = [];
  for (const statement of scenePageAfterStatements(query, after, limit, searchBy)) {
    rows.push(...(await sceneListReader().all<PageRow>(statement)));
    if (rows.length >= limit) break;
  }
  return rows;
}
