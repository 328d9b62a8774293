import { db } from "../db/client";
import { AppError } from "../errors";
import { lastSyncedAt, latestFullSyncStart } from "../sync/full-sync-confirmation";
import { readStashConnection } from "../settings/stash-connection";
import { SceneDetailsInput, type SceneDetails } from "./scene-details-schema";
import { parseStoredGroups } from "./stored-scene-groups";
import { stashSceneUrl } from "./stash-web-url";
import { storedSceneFile } from "./stored-scene-file";

function parseUrls(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}

/** One mirrored scene with what the scene page shows. */
export async function readSceneDetails(input: SceneDetailsInput): Promise<SceneDetails> {
  const { sceneId } = SceneDetailsInput.parse(input);
  const [scene, stash, fullSyncAt] = await Promise.all([
    db().scene.findUnique({
      where: { id: sceneId },
      include: {
        studio: { select: { id: true, name: true } },
        performers: { select: { performer: { select: { id: true, name: true } } } },
        tags: { select: { tag: { select: { id: true, name: true } } } },
        files: { orderBy: { position: "asc" } },
      },
    }),
    readStashConnection(),
    latestFullSyncStart(),
  ]);
  if (!scene) throw new AppError("NOT_FOUND", `Scene ${sceneId} is not in the library.`);
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
  return {
    id: scene.id,
    title: scene.title,
    code: scene.code,
    details: scene.details,
    director: scene.director,
    urls: parseUrls(scene.urls),
    date: scene.date,
    rating100: scene.rating100,
    organized: scene.organized,
    oCounter: scene.oCounter,
    stashCreatedAt: scene.stashCreatedAt,
    stashUpdatedAt: scene.stashUpdatedAt,
    lastSyncedAt: lastSyncedAt(scene, fullSyncAt),
    removedAt: scene.removedAt,
    stashSceneUrl: stashSceneUrl(stash.url, scene.id),
    studio: scene.studio,
    performers: scene.performers.map((p) => p.performer).sort(byName),
    tags: scene.tags.map((t) => t.tag).sort(byName),
    groups: parseStoredGroups(scene.groups),
    files: scene.files.map(storedSceneFile),
  };
}
