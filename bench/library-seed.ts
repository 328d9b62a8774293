import type { BulkWriter } from "../server/db/bulk-writer";
import { dialect, insertRows, type SqlValue, type Statement } from "../server/db/sql-dialect";
import { textSearch } from "../server/db/text-search";
import { sceneRecordOfValue } from "../server/stash/scene-records";
import type { StashScene } from "../server/stash/types";
import { fileColumns, fileRow, sceneColumns, sceneRow } from "../server/sync/write/scene-rows";
import { sceneSearchRow } from "../server/sync/write/scene-search-rows";
import { SimClock } from "../stash-sim/clock";
import { SimLibrary } from "../stash-sim/library";

const refColumns = [
  "id",
  "name",
  "stash_created_at",
  "stash_updated_at",
  "content_hash",
  "first_seen_at",
  "last_synced_at",
];

/** One page of generated scenes as the sync writes them: rows, links and search rows. */
function pageStatements(scenes: StashScene[], now: Date, withSearch: boolean): Statement[] {
  const links = (pick: (s: StashScene) => { id: string }[]) =>
    scenes.flatMap((s) => pick(s).map((ref): SqlValue[] => [s.id, ref.id]));
  return [
    ...insertRows(
      "scene",
      sceneColumns,
      scenes.map((s) => sceneRow(s, "bench", now)),
    ),
    ...insertRows(
      "scene_file",
      fileColumns,
      scenes.flatMap((s) => s.files.map((f, i) => fileRow(s.id, i, f))),
    ),
    ...insertRows(
      "scene_performer",
      ["scene_id", "performer_id"],
      links((s) => s.performers),
    ),
    ...insertRows(
      "scene_tag",
      ["scene_id", "tag_id"],
      links((s) => s.tags),
    ),
    ...(withSearch ? textSearch.writeRows(scenes.map((s) => sceneSearchRow(s, false))) : []),
  ];
}

/**
 * Fills a migrated, empty database with the simulator's library of `sceneCount` scenes (seed
 * 1, as the sync passes use) through the sync's writer and row builders, a page per
 * transaction, without a sync: building 500,000 scenes over GraphQL would take the bench
 * minutes. `withSearch: false` leaves the search index out, to measure what it costs.
 * One scene in a hundred is marked as failing its last sync. Resolves with the seconds spent
 * writing (generating the scenes not counted).
 */
export async function seedLibrary(
  writer: BulkWriter,
  sceneCount: number,
  options: { withSearch: boolean; pageSize?: number },
): Promise<number> {
  const library = new SimLibrary(
    { seed: 1, scenes: sceneCount },
    new SimClock(new Date("2026-03-01T12:00:00Z").getTime(), "Z", 1000),
  );
  const now = new Date();
  const refRows = (rows: { id: string; name: string; created_at: string; updated_at: string }[]) =>
    rows.map((r): SqlValue[] => [r.id, r.name, r.created_at, r.updated_at, "bench", now, now]);
  const idsTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
  const { counts } = library;
  await writer.write([
    ...insertRows(
      "studio",
      refColumns,
      refRows(idsTo(counts.studios).map((id) => library.studios.get(id)!)),
    ),
    ...insertRows(
      "performer",
      refColumns,
      refRows(idsTo(counts.performers).map((id) => library.performers.get(id)!)),
    ),
    ...insertRows(
      "tag",
      refColumns,
      refRows(idsTo(counts.tags).map((id) => library.tags.get(id)!)),
    ),
  ]);
  const pageSize = options.pageSize ?? 1000;
  let writing = 0;
  for (let first = 1; first <= sceneCount; first += pageSize) {
    const scenes: StashScene[] = [];
    for (let id = first; id < first + pageSize && id <= sceneCount; id++) {
      const read = sceneRecordOfValue(library.scene(id)).read();
      if (read.ok) scenes.push(read.value);
    }
    const statements = pageStatements(scenes, now, options.withSearch);
    const start = process.hrtime.bigint();
    await writer.write(statements);
    writing += Number(process.hrtime.bigint() - start) / 1e9;
  }
  await writer.write([
    {
      sql: `UPDATE "scene" SET "last_sync_failed" = ${dialect.placeholder(0)} WHERE CAST("id" AS INTEGER) % 100 = 7`,
      params: [true],
    },
  ]);
  await writer.checkpoint();
  return writing;
}
