/**
 * Which form of bulk upsert the PostgreSQL writer should use (issue #21; docs/decisions.md):
 * pages of `--per-page` scene rows (the sync's page size), each page one transaction, written
 * into an empty table and then again over the same keys (every column updated), by
 *  - values: multi-row `INSERT … VALUES … ON CONFLICT`, chunked as insertRows chunks them (the
 *    writer's path, server/db/bulk-writer.ts);
 *  - unnest: one `INSERT … SELECT * FROM unnest($1::text[], …) ON CONFLICT` per page;
 *  - copy: `COPY` into a temp table, then one `INSERT … SELECT … ON CONFLICT` per page.
 * Each form writes into its own database on a throwaway cluster; the forms take turns, and the
 * medians of `--rounds` rounds are printed as rows per second and as ratios to `values`.
 *   node --import tsx bench/postgresql-upsert-forms.ts [--pages 20] [--per-page 1000] [--rounds 3]
 */
import { parseArgs } from "node:util";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import { withThrowawayPostgres } from "../scripts/db-throwaway-postgres";
import { median, round, timed } from "./timing";

const { values: args } = parseArgs({
  options: {
    pages: { type: "string", default: "20" },
    "per-page": { type: "string", default: "1000" },
    rounds: { type: "string", default: "3" },
  },
});
const pageCount = Number(args.pages);
const perPage = Number(args["per-page"]);
const rounds = Number(args.rounds);

type Value = string | number | boolean | Date | null;
interface Column {
  name: string;
  type: string;
}
type Form = (client: pg.PoolClient, columns: Column[], rows: Value[][]) => Promise<void>;

await withThrowawayPostgres(async (cluster) => {
  const template = await cluster.createDatabase("upsert_template");
  // Set before the app's modules read it: insertRows numbers placeholders for PostgreSQL.
  process.env.DATABASE_URL = template;
  const { applyMigrations } = await import("../server/db/migrations");
  const { insertRows } = await import("../server/db/sql-dialect");
  const { toPostgres } = await import("../server/db/postgresql-values");
  await applyMigrations(template);
  const columns = await sceneColumns(template);
  const names = columns.map((c) => c.name);
  const update = names.filter((n) => n !== "id");
  const quoted = names.map((n) => `"${n}"`).join(", ");
  const onConflict = `ON CONFLICT ("id") DO UPDATE SET ${update.map((n) => `"${n}" = excluded."${n}"`).join(", ")}`;

  const forms: Record<string, Form> = {
    async values(client, _, rows) {
      for (const statement of insertRows("scene", names, rows, { key: ["id"], update })) {
        await client.query(statement.sql, statement.params.map(toPostgres));
      }
    },
    async unnest(client, cols, rows) {
      const arrays = cols.map((_, c) => rows.map((row) => toPostgres(row[c]!)));
      const casts = cols.map((col, c) => `$${c + 1}::${col.type}[]`).join(", ");
      await client.query(
        `INSERT INTO "scene" (${quoted}) SELECT * FROM unnest(${casts}) ${onConflict}`,
        arrays,
      );
    },
    async copy(client, _, rows) {
      await client.query(`CREATE TEMP TABLE "scene_page" (LIKE "scene") ON COMMIT DROP`);
      const lines = rows.map((row) => `${row.map(copyText).join("\t")}\n`);
      await pipeline(
        Readable.from(lines),
        client.query(copyFrom(`COPY "scene_page" (${quoted}) FROM STDIN`)),
      );
      await client.query(
        `INSERT INTO "scene" (${quoted}) SELECT ${quoted} FROM "scene_page" ${onConflict}`,
      );
    },
  };

  const results: Record<string, { insert: number[]; update: number[] }> = {};
  for (let r = 1; r <= rounds; r++) {
    for (const [name, form] of Object.entries(forms)) {
      const url = await cluster.createDatabase(`upsert_${name}_${r}`, "upsert_template");
      const pool = new pg.Pool({ connectionString: url, max: 1 });
      const client = await pool.connect();
      const writeAll = async (version: number) => {
        for (let p = 0; p < pageCount; p++) {
          const rows = page(columns, p, version);
          await client.query("BEGIN");
          await form(client, columns, rows);
          await client.query("COMMIT");
        }
      };
      const insert = await timed(() => writeAll(1));
      const again = await timed(() => writeAll(2));
      client.release();
      await pool.end();
      const rates = (results[name] ??= { insert: [], update: [] });
      rates.insert.push((pageCount * perPage) / insert.seconds);
      rates.update.push((pageCount * perPage) / again.seconds);
      console.log(
        `round ${r} ${name.padEnd(6)}: insert ${round(rates.insert.at(-1)!)} rows/s, upsert over existing ${round(rates.update.at(-1)!)} rows/s`,
      );
    }
  }
  const base = results.values!;
  console.log(`medians of ${rounds} rounds, ${pageCount} pages of ${perPage} scene rows:`);
  for (const [name, rates] of Object.entries(results)) {
    const insert = median(rates.insert);
    const update = median(rates.update);
    console.log(
      `  ${name.padEnd(6)}: insert ${round(insert)} rows/s (${round((insert / median(base.insert)) * 100)} % of values), ` +
        `upsert ${round(update)} rows/s (${round((update / median(base.update)) * 100)} % of values)`,
    );
  }
});

/** The scene table's columns with the type each array is cast to. */
async function sceneColumns(url: string): Promise<Column[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ column_name: string; data_type: string }>(
    `SELECT "column_name", "data_type" FROM "information_schema"."columns"
     WHERE "table_name" = 'scene' ORDER BY "ordinal_position"`,
  );
  await client.end();
  return rows.map((row) => ({
    name: row.column_name,
    type: row.data_type === "timestamp without time zone" ? "timestamp(3)" : row.data_type,
  }));
}

/** Page `p`'s rows, the same keys in every version, other values differing by version. */
function page(columns: Column[], p: number, version: number): Value[][] {
  const rows: Value[][] = [];
  for (let i = 0; i < perPage; i++) {
    const n = p * perPage + i + 1;
    rows.push(
      columns.map((column) => {
        if (column.name === "id") return String(n);
        if (column.name === "studio_id") return null;
        if (column.type === "text")
          return `${column.name} of scene ${n}, version ${version}: some text`;
        if (column.type === "boolean") return (n + version) % 2 === 0;
        if (column.type.startsWith("timestamp")) return new Date(Date.UTC(2025, 0, 1, 0, 0, n));
        return (n * version) % 1000;
      }),
    );
  }
  return rows;
}

/** A value in COPY's text format. */
function copyText(value: Value): string {
  if (value === null) return "\\N";
  if (value instanceof Date) return value.toISOString();
  return String(value).replace(
    /[\\\t\n\r]/g,
    (c) => ({ "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" })[c]!,
  );
}
