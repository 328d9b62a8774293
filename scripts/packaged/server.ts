// The packaged folder's entry, `node server.js`: applies pending migrations (an upgrade is a
// restart) in a process of its own, then starts Next's standalone server in this one.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";

const here = import.meta.dirname;
// Paths in the app (database, worker, migrations) are relative to the folder, as Next's own
// standalone server assumes too.
process.chdir(here);
// The app ends running syncs as cancelled on SIGTERM (server/shutdown/stop-on-signals.ts).
process.env.NEXT_MANUAL_SIG_HANDLE ??= "true";

const prepared = spawnSync(process.execPath, [path.join(here, "prepare.js")], {
  stdio: "inherit",
});
if (prepared.status !== 0) process.exit(prepared.status ?? 1);

await import(pathToFileURL(path.join(here, "next-server.js")).href);
