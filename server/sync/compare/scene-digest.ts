import { hash } from "node:crypto";

/**
 * Part of every digest. Bump it when what is stored from a scene's text changes (the wire
 * schema, its validation or the rows written from it): digests stored by the old code then
 * stop matching, and the next full sync reads every scene again instead of trusting them.
 */
export const digestVersion = "2:";

/**
 * The digest of Stash's exact text for a scene, stored as its content_hash: a scene whose
 * digest is stored is skipped unread. The version goes before the hash, not into it: joining
 * them would copy every record's text once more.
 */
export const sceneDigest = (text: string) => digestVersion + hash("sha1", text, "base64url");
