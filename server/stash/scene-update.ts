/**
 * The one write stash-sync sends to Stash: sceneUpdate with only the fields being changed. Stash
 * changes exactly the fields an input names (a field sent as null is cleared), so everything
 * else about the scene stays as Stash has it.
 */
import { z } from "zod";
import type { GraphQLRequest } from "./graphql-transport";

/** Scene fields in our names; each one present is written, undefined ones are left alone. */
export interface SceneWrite {
  title?: string | null;
  code?: string | null;
  details?: string | null;
  director?: string | null;
  date?: string | null;
  rating100?: number | null;
  organized?: boolean;
  urls?: string[];
  studioId?: string | null;
  performerIds?: string[];
  tagIds?: string[];
}

/**
 * Our names to SceneUpdateInput's. Every one of these has the same name and type in each
 * supported release (tests/fixtures/stash-schema-facts.json); only groups/movies differ by
 * release, and stash-sync does not write them.
 */
const inputNames: Record<keyof SceneWrite, string> = {
  title: "title",
  code: "code",
  details: "details",
  director: "director",
  date: "date",
  rating100: "rating100",
  organized: "organized",
  urls: "urls",
  studioId: "studio_id",
  performerIds: "performer_ids",
  tagIds: "tag_ids",
};

export function sceneUpdateRequest(sceneId: string, write: SceneWrite): GraphQLRequest {
  const input: Record<string, unknown> = { id: sceneId };
  for (const [key, value] of Object.entries(write)) {
    if (value !== undefined) input[inputNames[key as keyof SceneWrite]] = value;
  }
  return {
    operationName: "StashSyncSceneUpdate",
    query:
      "mutation StashSyncSceneUpdate($input: SceneUpdateInput!) " +
      "{ sceneUpdate(input: $input) { id updated_at } }",
    variables: { input },
  };
}

/** What Stash answers: the scene's id and its new updated_at. */
export const sceneUpdateEnvelope = z.object({
  sceneUpdate: z.object({ id: z.string().min(1), updated_at: z.string().min(1) }),
});
