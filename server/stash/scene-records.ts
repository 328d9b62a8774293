/**
 * Scenes as the sync reads them (PageRecord): a digest of each record's text and validation
 * on demand. The digest stands for everything stored from the record: the same text always
 * gives the same rows, so a record whose digest is stored is skipped without being parsed.
 */
import { hash } from "node:crypto";
import type { PageItem, PageRecord, StashScene } from "./types";
import { parseRecord } from "./wire-schemas";
import { leadingId } from "./scan-record-page";

/**
 * Part of every digest. Bump it when what is stored from a scene's text changes (the wire
 * schema, its validation or the rows written from it): digests stored by the old code then
 * stop matching, and the next full sync reads every scene again instead of trusting them.
 */
const digestVersion = "scene-1:";

export const sceneDigest = (text: string) => hash("sha1", digestVersion + text, "base64url");

function lazily(read: () => PageItem<StashScene>): () => PageItem<StashScene> {
  let item: PageItem<StashScene> | undefined;
  return () => (item ??= read());
}

/** The record at [start, end) of a page's text (see scanRecordPage). */
export function sceneRecordOfText(
  body: string,
  start: number,
  end: number,
): PageRecord<StashScene> {
  const text = body.slice(start, end);
  return {
    id: leadingId(body, start),
    digest: sceneDigest(text),
    read: lazily(() => {
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch {
        return { ok: false, id: null, error: "Stash sent a scene that is not valid JSON" };
      }
      return parseRecord("scene", raw);
    }),
  };
}

/**
 * A record from an answer that was parsed whole. Its digest is of the value written out again,
 * which may differ from Stash's own text (spacing, escapes): then the record is compared field
 * by field once more than needed, never skipped wrongly, since equal text means equal values.
 */
export function sceneRecordOfValue(raw: unknown): PageRecord<StashScene> {
  const rawId = typeof raw === "object" && raw !== null ? (raw as { id?: unknown }).id : undefined;
  return {
    id: typeof rawId === "string" && rawId !== "" ? rawId : null,
    digest: sceneDigest(JSON.stringify(raw) ?? "null"),
    read: lazily(() => parseRecord("scene", raw)),
  };
}
