import { rowReader } from "../db/row-reader";
import { sql, toStatement, whereIn } from "../db/sql-dialect";
import { matchingSceneIdsStatement } from "../library/scene-list-query";
import type { PlanScope } from "./plan-schema";

/**
 * The ids of the scenes in a plan's scope that are in the library now (not removed from Stash),
 * each once, in id order: a selection of scenes that are gone reads as fewer scenes.
 */
export async function readScopeSceneIds(scope: PlanScope): Promise<string[]> {
  switch (scope.kind) {
    case "library":
      return rowReader().column<string>(
        toStatement(sql`SELECT "id" FROM "scene" WHERE "removed_at" IS NULL ORDER BY "id"`),
      );
    case "filter":
      return rowReader().column<string>(matchingSceneIdsStatement(scope.filter));
    case "selection":
    case "scene": {
      const wanted = scope.kind === "scene" ? [scope.sceneId] : [...new Set(scope.sceneIds)];
      const ids: string[] = [];
      const present = `SELECT "id" FROM (SELECT "id" FROM "scene" WHERE "removed_at" IS NULL) AS "s"`;
      for (const statement of whereIn(present, "id", wanted)) {
        ids.push(...(await rowReader().column<string>(statement)));
      }
      return ids.sort();
    }
  }
}
