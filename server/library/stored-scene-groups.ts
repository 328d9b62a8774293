import type { StashSceneGroup } from "../stash/types";

interface StoredGroup {
  id: string;
  name: string;
  scene_index: number | null;
}

/** A scene's groups as the `scene.groups` column holds them (JSON, Stash's key names). */
export function storedGroups(groups: readonly StashSceneGroup[]): string {
  return JSON.stringify(
    groups.map((g): StoredGroup => ({ id: g.id, name: g.name, scene_index: g.sceneIndex })),
  );
}

export function parseStoredGroups(text: string): StashSceneGroup[] {
  return (JSON.parse(text) as StoredGroup[]).map((g) => ({
    id: g.id,
    name: g.name,
    sceneIndex: g.scene_index,
  }));
}
