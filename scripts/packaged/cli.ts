// The packaged folder's command line: `node cli.js sync full | incremental | scenes <id...>`
// (and `cancel <job>`). Paths in the app (database, writer thread, migrations) are relative to
// the folder, as for server.js, so cron may start it from any directory.
import { syncCommand } from "../sync-cli-name";

process.chdir(import.meta.dirname);
syncCommand.name = "node cli.js sync";
const [command] = process.argv.slice(2);
if (command !== "sync") {
  console.error(`Usage: ${syncCommand.name} full | incremental | scenes <id...> | cancel <job>`);
  process.exit(2);
}
// The sync command reads its own arguments from argv.
process.argv.splice(2, 1);
await import("../sync-cli");

export {};
