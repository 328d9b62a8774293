import { createHash } from "node:crypto";

/**
 * A stable digest of an entity's synced content. Stored with each row, so a re-sync decides
 * "unchanged" by comparing two short strings instead of loading and comparing whole rows.
 */
export function contentHash(value: unknown): string {
  return createHash("sha1").update(JSON.stringify(value)).digest("base64url");
}
