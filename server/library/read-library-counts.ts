import { db } from "../db/client";

/** How much of the library is mirrored (scenes still present in Stash). */
export async function readLibraryCounts() {
  const [scenes, performers, tags, studios] = await Promise.all([
    db().scene.count({ where: { removedAt: null } }),
    db().performer.count({ where: { removedAt: null } }),
    db().tag.count({ where: { removedAt: null } }),
    db().studio.count({ where: { removedAt: null } }),
  ]);
  return { scenes, performers, tags, studios };
}
