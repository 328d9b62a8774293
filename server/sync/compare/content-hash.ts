import { hash } from "node:crypto";

/**
 * A stable digest of an entity's synced content. Stored with each row, so a re-sync decides
 * "unchanged" by comparing two short strings instead of loading and comparing whole rows.
 */
export function contentHash(value: unknown): string {
  // One-shot hash(): for inputs this small, creating a Hash object costs more than hashing.
  return hash("sha1", JSON.stringify(value), "base64url");
}
