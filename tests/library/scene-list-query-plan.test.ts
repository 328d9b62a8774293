import { describe, expect, it } from "vitest";
import { rowReader } from "../../server/db/row-reader";
import { toStatement, type Statement } from "../../server/db/sql-dialect";
import { sqliteTextSearch } from "../../server/db/text-search";
import { scenePageAfterStatements } from "../../server/library/scene-list-keyset";
import { countScenesStatement, scenePageIdsStatement } from "../../server/library/scene-list-query";
import type { ListScenesInput } from "../../server/library/scene-list-schema";

const base = { sort: "title_asc", page: 1, pageSize: 50 } as const;

async function planOf(statement: Statement): Promise<string[]> {
  const rows = await rowReader().all<{ detail: string }>({
    sql: `EXPLAIN QUERY PLAN ${statement.sql}`,
    params: statement.params,
  });
  return rows.map((row) => row.detail);
}

const plans = async (
  filters: Omit<ListScenesInput, "sort" | "page" | "pageSize">,
  sort = base.sort,
) => {
  const query = { ...base, sort, ...filters };
  return [
    ...(await planOf(scenePageIdsStatement(query))),
    ...(await planOf(countScenesStatement(query, 10_001))),
  ];
};

/** A step that reads every row of the scene or file table (an index scan in order is not one). */
const fullScans = (plan: string[]) =>
  plan.filter((d) => /^SCAN (scene|scene_file|f)\b(?! USING (COVERING )?INDEX)/.test(d));

/**
 * The contract: a search or a filter is answered from an index (the search index or the
 * filter column's), never by reading every scene or file; a page in the list's order is read
 * from the order's covering index, which a deep page only skips through.
 */
describe("the scene list's query plans on SQLite", () => {
  it.each([
    ["a search", { search: "library/studio-3" }, "scene_search VIRTUAL TABLE"],
    ["a performer", { performerId: "5" }, "scene_performer_performer_id_idx"],
    ["a tag", { tagId: "5" }, "scene_tag_tag_id_idx"],
    ["a studio", { studioId: "5" }, "scene_studio_id_idx"],
    ["organized", { organized: true }, "scene_organized_title_id_removed_at_idx"],
    ["not organized", { organized: false }, "scene_organized_title_id_removed_at_idx"],
    ["failures", { failing: true }, "scene_last_sync_failed_title_id_removed_at_idx"],
    ["a search and a studio", { search: "beach", studioId: "5" }, "scene_studio_id_idx"],
    [
      "a search and failures",
      { search: "beach", failing: true },
      "scene_last_sync_failed_title_id_removed_at_idx",
    ],
  ] as const)("%s: from its index, no full scan", async (_name, filters, index) => {
    const plan = await plans(filters);
    expect(fullScans(plan)).toEqual([]);
    expect(plan.some((d) => d.startsWith("SCAN") && /^SCAN scene USING/.test(d))).toBe(false);
    expect(plan.join("\n")).toContain(index);
  });

  it("runs a search through the search index's MATCH", async () => {
    const plan = await plans({ search: "library/studio-3" });
    expect(plan).toContainEqual(
      expect.stringMatching(/^SCAN scene_search VIRTUAL TABLE INDEX 0:M/),
    );
    expect(plan).toContainEqual(
      expect.stringMatching(/^SEARCH scene USING INDEX sqlite_autoindex_scene_1 \(id=\?\)/),
    );
  });

  it.each([
    ["organized", { organized: true }, "scene_organized_title_id_removed_at_idx"],
    ["failures", { failing: true }, "scene_last_sync_failed_title_id_removed_at_idx"],
  ] as const)(
    "pages %s in the default order from its index, unsorted",
    async (_n, filters, index) => {
      const plan = await planOf(scenePageIdsStatement({ ...base, ...filters }));
      expect(plan).toEqual([
        expect.stringMatching(new RegExp(`^SEARCH scene USING COVERING INDEX ${index} `)),
      ]);
    },
  );

  it("walks a common search's page along the order's index, testing each scene's own rows", async () => {
    const plan = await planOf(
      scenePageIdsStatement({ ...base, search: "library/studio-3" }, 51, "scan"),
    );
    expect(plan[0]).toBe("SCAN scene USING INDEX scene_title_id_removed_at_idx");
    expect(fullScans(plan)).toEqual([]);
    expect(plan.join("\n")).not.toMatch(/TEMP B-TREE|scene_search/);
  });

  it("reads text shorter than a trigram once from the titles' index and the paths, not scene by scene", async () => {
    const plan = await plans({ search: "xq" });
    // Testing each scene's title, files and links in turn took 23 s at 500,000 scenes.
    expect(plan.filter((d) => /CORRELATED/.test(d))).toEqual([]);
    expect(plan).toContainEqual(expect.stringMatching(/^SCAN scene USING COVERING INDEX /));
    expect(plan).toContainEqual(expect.stringMatching(/^LIST SUBQUERY \d+$/));
    expect(plan.join("\n")).not.toContain("scene_search");
  });

  it("finds the studios, performers and tags whose names hold a search in their own indexes", async () => {
    for (const statement of [
      sqliteTextSearch.sceneIdsContaining("harbor"),
      sqliteTextSearch.sampleMatches("harbor"),
    ]) {
      const plan = await planOf(toStatement(statement));
      for (const table of ["studio", "performer", "tag"])
        expect(plan).toContainEqual(
          expect.stringMatching(new RegExp(`^SCAN ${table}_name_search VIRTUAL TABLE INDEX 0:M`)),
        );
      // No name table is read row by row, and their scenes come from the links' indexes.
      expect(plan.filter((d) => /^SCAN (studio|performer|tag)\b/.test(d))).toEqual([]);
      expect(fullScans(plan)).toEqual([]);
    }
  });

  it("samples a search from its first matches and a rowid range of the search index", async () => {
    const plan = await planOf(toStatement(sqliteTextSearch.sampleMatches("library/studio-3")));
    expect(plan).toContainEqual(
      expect.stringMatching(/^SCAN scene_search VIRTUAL TABLE INDEX 0:M/),
    );
    expect(plan).toContain("SCAN scene_search VIRTUAL TABLE INDEX 0:<");
  });

  it.each([
    ["title_asc", "title", "scene_title_id_removed_at_idx"],
    ["title_desc", "title", "scene_title_id_removed_at_idx"],
    ["date_desc", "date", "scene_date_id_removed_at_idx"],
    ["date_asc", "date", "scene_date_id_removed_at_idx"],
    ["updated_desc", "stash_updated_at", "scene_stash_updated_at_id_removed_at_idx"],
    ["synced_desc", "last_synced_at", "scene_last_synced_at_id_removed_at_idx"],
  ] as const)(
    "reads the page after a cursor by %s as ranges of its index, never from its start",
    async (sort, column, index) => {
      const nullable = column === "title" || column === "date";
      for (const key of nullable ? ["x", null] : ["x"]) {
        const statements = scenePageAfterStatements(
          { ...base, sort, page: 500 },
          { key, id: "9" },
          51,
        );
        for (const statement of statements) {
          const plan = await planOf(statement);
          expect(plan).toHaveLength(1);
          // A range: after the cursor (row values), or the scenes without a value, or those with one.
          expect(plan[0]).toMatch(
            new RegExp(
              `^SEARCH scene USING COVERING INDEX ${index} \\((\\(${column},id\\)[<>]\\(\\?,\\?\\)|${column}=\\? AND id[<>]\\?|${column}=\\?|${column}>\\?)\\)$`,
            ),
          );
        }
      }
    },
  );

  it.each([
    ["title_asc", "scene_title_id_removed_at_idx"],
    ["title_desc", "scene_title_id_removed_at_idx"],
    ["date_desc", "scene_date_id_removed_at_idx"],
    ["date_asc", "scene_date_id_removed_at_idx"],
    ["updated_desc", "scene_stash_updated_at_id_removed_at_idx"],
    ["synced_desc", "scene_last_synced_at_id_removed_at_idx"],
  ] as const)(
    "orders by %s from its covering index, unsorted, on deep pages too",
    async (sort, index) => {
      const plan = await planOf(scenePageIdsStatement({ ...base, sort, page: 500 }));
      expect(plan).toEqual([`SCAN scene USING COVERING INDEX ${index}`]);
    },
  );
});
