// Copies every table of one database into another (SQLite to PostgreSQL, or back):
//   npm run db:copy -- --to postgresql://user:pass@host/db [--from file:./data/stash-sync.db]
//     [--batch-size 5000] [--max-batches N]
// --from defaults to DATABASE_URL. Run it again after an interruption to continue. Exits 0 when
// the copy is complete, 1 on an error, 2 on bad usage, 3 when stopped early (run it again).
import { parseArgs } from "node:util";
import { copyDatabase, type CopyProgress } from "../server/db/copy/copy-database";
import { migrationTarget } from "../server/db/database-file";
import { env } from "../server/env";
import { isAppError } from "../server/errors";

const usage =
  "Usage: npm run db:copy -- --to <postgresql://… | file:…> [--from <url>] [--batch-size N] [--max-batches N]";

function parse() {
  try {
    const { values } = parseArgs({
      options: {
        from: { type: "string" },
        to: { type: "string" },
        "batch-size": { type: "string", default: "5000" },
        "max-batches": { type: "string" },
      },
    });
    const count = (text: string | undefined, name: string) => {
      if (text === undefined) return undefined;
      const n = Number(text);
      if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a whole number ≥ 1`);
      return n;
    };
    if (!values.to) throw new Error("--to is required");
    return {
      from: values.from ?? env().DATABASE_URL,
      to: values.to,
      batchSize: count(values["batch-size"], "batch-size"),
      maxBatches: count(values["max-batches"], "max-batches"),
    };
  } catch (error) {
    console.error(`${usage}\n${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  }
}

const options = parse();
const stop = new AbortController();
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    console.log("\nStopping after the current batch…");
    stop.abort();
  });
}
let lastLine = 0;
const progress = ({ table, copied, total }: CopyProgress) => {
  const now = Date.now();
  if (copied !== 0 && copied < total && now - lastLine < 2_000) return;
  lastLine = now;
  const percent = total === 0 ? 100 : Math.floor((copied / total) * 100);
  console.log(`${table}: ${copied} of ${total} rows (${percent} %)`);
};
console.log(
  `Copying ${migrationTarget(options.from).name} into ${migrationTarget(options.to).name}`,
);
try {
  const result = await copyDatabase({ ...options, signal: stop.signal, onProgress: progress });
  const rows = result.tables.reduce((sum, table) => sum + table.rows, 0);
  if (!result.complete) {
    console.log("Stopped before the end; run the same command again to continue.");
    process.exit(3);
  }
  console.log(
    `Done: ${result.tables.length} tables, ${rows} rows${result.resumed ? " (continued a partial copy)" : ""}.`,
  );
} catch (error) {
  console.error(isAppError(error) ? error.message : String(error));
  process.exit(1);
}
