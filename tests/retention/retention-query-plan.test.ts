import { describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import type { ChangeType } from "../../server/domain/vocabulary";
import { batchIdsSql, type EntityScope } from "../../server/retention/run-retention";

async function planOf(changeType: ChangeType, entity: EntityScope): Promise<string[]> {
  const at = new Date(Date.UTC(2026, 0, 1));
  const query = batchIdsSql(
    changeType,
    entity,
    at,
    { createdAt: at, id: 1 },
    { createdAt: at, id: 9 },
    10,
  );
  const rows = await db().$queryRawUnsafe<Array<{ detail: string }>>(
    `EXPLAIN QUERY PLAN ${query.sql}`,
    ...query.values,
  );
  return rows.map((r) => r.detail);
}

/**
 * The batch DELETE stays cheap at millions of rows only if each part is an index range scan:
 * candidates by (change_type, created_at), and the per-row checks by the entity's own rows.
 */
describe("the retention batch's query plan on SQLite", () => {
  it.each([
    ["created", "one"],
    ["skipped", "one"],
    ["updated", "all"],
  ] as const)("%s rows (%s): index range scans only", async (changeType, entity) => {
    const plan = await planOf(changeType, entity);
    expect(plan.filter((d) => d.startsWith("SCAN"))).toEqual([]);
    expect(plan).toContainEqual(
      expect.stringMatching(/^SEARCH r USING INDEX sync_log_change_type_created_at_id_idx/),
    );
    expect(plan).toContainEqual(
      expect.stringMatching(
        /^SEARCH n USING COVERING INDEX sync_log_entity_type_entity_id_created_at_id_idx/,
      ),
    );
    const firstCreated = plan.filter((d) => d.startsWith("SEARCH p"));
    expect(firstCreated).toEqual(
      changeType === "created"
        ? [expect.stringMatching(/USING INDEX sync_log_entity_type_entity_id_created_at_id_idx/)]
        : [],
    );
  });
});
