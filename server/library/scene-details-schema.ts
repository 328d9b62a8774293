import { z } from "zod";
import { StashId } from "../domain/vocabulary";

export const SceneDetailsInput = z.object({ sceneId: StashId });
export type SceneDetailsInput = z.input<typeof SceneDetailsInput>;

const Ref = z.object({ id: z.string(), name: z.string() });

export const SceneFileFacts = z.object({
  id: z.string(),
  path: z.string(),
  basename: z.string(),
  /** Bytes. */
  size: z.number(),
  /** Seconds. */
  duration: z.number(),
  width: z.number().int(),
  height: z.number().int(),
  videoCodec: z.string(),
  audioCodec: z.string(),
  frameRate: z.number(),
  bitRate: z.number().int(),
});
export type SceneFileFacts = z.infer<typeof SceneFileFacts>;

export const SceneDetails = z.object({
  id: z.string(),
  title: z.string().nullable(),
  code: z.string().nullable(),
  details: z.string().nullable(),
  director: z.string().nullable(),
  urls: z.array(z.string()),
  /** Stash's partial date: YYYY, YYYY-MM or YYYY-MM-DD. */
  date: z.string().nullable(),
  rating100: z.number().int().nullable(),
  organized: z.boolean(),
  oCounter: z.number().int(),
  stashCreatedAt: z.string(),
  stashUpdatedAt: z.string(),
  lastSyncedAt: z.date(),
  /** Set when a full sync no longer found the scene in Stash. */
  removedAt: z.date().nullable(),
  /** The scene's page in Stash's web UI; null while Stash's address is not configured. */
  stashSceneUrl: z.string().nullable(),
  studio: Ref.nullable(),
  performers: z.array(Ref),
  tags: z.array(Ref),
  /** Groups ("movies" before Stash v0.27), with the scene's number in each. */
  groups: z.array(Ref.extend({ sceneIndex: z.number().int().nullable() })),
  /** The primary file first. */
  files: z.array(SceneFileFacts),
});
export type SceneDetails = z.infer<typeof SceneDetails>;
