import { z } from "zod";

/** Where a page ends: the last scene's value of the list's order, and its id. */
export interface SceneListCursor {
  key: string | number | null;
  id: string;
}

const CursorValue = z.tuple([z.union([z.string(), z.number(), z.null()]), z.string().min(1)]);

/** A cursor as it rides in the address (`?page=3&after=…`): base64url of [key, id]. */
export function encodeSceneListCursor(cursor: SceneListCursor): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.id])).toString("base64url");
}

/** The cursor in `text`, or null when it is not one this list wrote. */
export function decodeSceneListCursor(text: string): SceneListCursor | null {
  try {
    const parsed = CursorValue.safeParse(JSON.parse(Buffer.from(text, "base64url").toString()));
    return parsed.success ? { key: parsed.data[0], id: parsed.data[1] } : null;
  } catch {
    return null;
  }
}

/** The `after` input: a cursor text this list wrote (decoded by listScenes). */
export const SceneListAfter = z
  .string()
  .max(1000)
  .refine(
    (text) => /^[A-Za-z0-9_-]+$/.test(text) && decodeSceneListCursor(text) !== null,
    "must be a cursor from a scene list page",
  );
