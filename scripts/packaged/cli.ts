// The packaged folder's command line: `node cli.js sync full | incremental | scenes <id...>`.
// Paths in the app (database, writer thread, migrations) are relative to the folder, as for
// server.js, so cron may start it from any directory.
process.chdir(import.meta.dirname);
const [command] = process.argv.slice(2);
if (command !== "sync") {
  console.error("Usage: node cli.js sync full | incremental | scenes <id...>");
  process.exit(2);
}
// The sync command reads its own arguments from argv.
process.argv.splice(2, 1);
await import("../sync-cli");

export {};
