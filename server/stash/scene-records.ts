/**
 * Scenes as the sync reads them (PageRecord): each record's exact text, and validation on
 * demand, so the sync can skip a record whose text it has stored without parsing it.
 */
import type { PageItem, PageRecord, StashScene } from "./types";
import { parseRecord } from "./wire-schemas";
import { leadingId } from "./scan-record-page";

/** Marks a record made from text: its value is parsed from the text when first read. */
const unparsed = Symbol("unparsed");

/**
 * A record, read (parsed, validated) once and only on demand. A class rather than closures: a
 * first sync makes 100,000 of these, and each closure would be one more object to collect.
 */
class LazySceneRecord implements PageRecord<StashScene> {
  readonly id: string | null;
  private item: PageItem<StashScene> | undefined;

  /**
   * `plainId` is the id read without parsing, when there is one; else the id is the record's
   * own, which reading it gives (valid or not).
   */
  constructor(
    readonly text: string,
    private readonly plainId: string | null,
    private readonly raw: unknown,
  ) {
    this.id = plainId ?? this.read().id;
  }

  read(): PageItem<StashScene> {
    return (this.item ??= this.parse());
  }

  private parse(): PageItem<StashScene> {
    let raw = this.raw;
    if (raw === unparsed) {
      try {
        raw = JSON.parse(this.text);
      } catch {
        return { ok: false, id: this.plainId, error: "Stash sent a scene that is not valid JSON" };
      }
    }
    const item = parseRecord("scene", raw);
    // JSON.parse keeps the last of two "id" keys: the record would be compared under one id
    // and written under the other.
    if (item.ok && this.plainId !== null && item.id !== this.plainId) {
      return { ok: false, id: this.plainId, error: "Stash sent a scene with two ids" };
    }
    return item;
  }
}

/** The record at [start, end) of a page's text (see scanRecordPage). */
export function sceneRecordOfText(
  body: string,
  start: number,
  end: number,
): PageRecord<StashScene> {
  return new LazySceneRecord(body.slice(start, end), leadingId(body, start), unparsed);
}

/**
 * A record from an answer that was parsed whole. Its text is the value written out again,
 * which may differ from Stash's own (spacing, escapes): then the record is compared field by
 * field once more than needed, never skipped wrongly, since equal text means equal values.
 */
export function sceneRecordOfValue(raw: unknown): PageRecord<StashScene> {
  const rawId = typeof raw === "object" && raw !== null ? (raw as { id?: unknown }).id : undefined;
  const plainId = typeof rawId === "string" && rawId !== "" ? rawId : null;
  return new LazySceneRecord(JSON.stringify(raw) ?? "null", plainId, raw);
}
