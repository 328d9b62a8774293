import { readRows } from "../db/row-reader";
import { whereIn, withValues } from "../db/sql-dialect";
import type { SceneFacts } from "./analyzers/analyzer-types";

interface SceneRow {
  id: string;
  title: string | null;
  details: string | null;
  date: string | null;
  studio_id: string | null;
  path: string | null;
}

interface LinkRow {
  scene_id: string;
  id: string;
}

/** What the analyzers read of a batch of scenes, in the order of `ids`; missing ids are left out. */
export async function readSceneFacts(ids: readonly string[]): Promise<SceneFacts[]> {
  const [scenes, performers, tags] = await Promise.all([
    readRows<SceneRow>(
      withValues(
        "wanted",
        ["id"],
        ids.map((id) => [id]),
        // The primary file is position 0; a scene without files has no path.
        `SELECT "s"."id", "s"."title", "s"."details", "s"."date", "s"."studio_id", "f"."path"
         FROM "wanted" JOIN "scene" AS "s" ON "s"."id" = "wanted"."id"
         LEFT JOIN "scene_file" AS "f" ON "f"."scene_id" = "s"."id" AND "f"."position" = 0
         WHERE "s"."removed_at" IS NULL`,
      ),
    ),
    readRows<LinkRow>(
      whereIn(`SELECT "scene_id", "performer_id" AS "id" FROM "scene_performer"`, "scene_id", [
        ...ids,
      ]),
    ),
    readRows<LinkRow>(
      whereIn(`SELECT "scene_id", "tag_id" AS "id" FROM "scene_tag"`, "scene_id", [...ids]),
    ),
  ]);
  const linked = (rows: LinkRow[]) => {
    const byScene = new Map<string, string[]>();
    for (const row of rows) {
      const list = byScene.get(row.scene_id);
      if (list) list.push(row.id);
      else byScene.set(row.scene_id, [row.id]);
    }
    return byScene;
  };
  const performersOf = linked(performers);
  const tagsOf = linked(tags);
  const byId = new Map(scenes.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    return [
      {
        id,
        title: row.title,
        details: row.details,
        date: row.date,
        studioId: row.studio_id,
        performerIds: performersOf.get(id) ?? [],
        tagIds: tagsOf.get(id) ?? [],
        path: row.path,
      },
    ];
  });
}
