import { z } from "zod";
import { AppError } from "../errors";

/**
 * A page boundary in the (created_at DESC, id DESC) order: the last row a page returned. It is
 * opaque to callers (base64url JSON) so the order's columns can change without breaking them.
 */
export interface SyncLogCursor {
  createdAt: Date;
  id: number;
}

const CursorJson = z.object({
  t: z.iso.datetime({ offset: true }),
  i: z.number().int().positive(),
});

export function encodeSyncLogCursor(cursor: SyncLogCursor): string {
  const json = JSON.stringify({ t: cursor.createdAt.toISOString(), i: cursor.id });
  return Buffer.from(json, "utf8").toString("base64url");
}

export function decodeSyncLogCursor(cursor: string): SyncLogCursor {
  try {
    const parsed = CursorJson.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    return { createdAt: new Date(parsed.t), id: parsed.i };
  } catch (error) {
    throw new AppError(
      "BAD_INPUT",
      "cursor: not a cursor this API issued; pass next_cursor from the previous page",
      { field: "cursor" },
      { cause: error },
    );
  }
}
