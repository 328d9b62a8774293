import { db } from "../db/client";
import type { SceneFilterOptions } from "./scene-list-schema";

/** Enough for a picker; a library with more names is searched by title or path instead. */
const MAX_OPTIONS = 2000;

/** The performers, tags and studios the scene list can filter by, by name. */
export async function readSceneFilterOptions(): Promise<SceneFilterOptions> {
  const select = { id: true, name: true } as const;
  const args = {
    where: { removedAt: null },
    orderBy: [{ name: "asc" as const }, { id: "asc" as const }],
    take: MAX_OPTIONS,
    select,
  };
  const [performers, tags, studios] = await Promise.all([
    db().performer.findMany(args),
    db().tag.findMany(args),
    db().studio.findMany(args),
  ]);
  return { performers, tags, studios };
}
