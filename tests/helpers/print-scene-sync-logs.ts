// Prints a scene's history as readSceneSyncLogs returns it on DATABASE_URL (one JSON line):
// a test reads a second database, of the other provider, through the app's own query.
import { readSceneSyncLogs } from "../../server/history/read-scene-sync-logs";

const [sceneId] = process.argv.slice(2);
console.log(JSON.stringify(await readSceneSyncLogs({ sceneId: sceneId!, limit: 100 })));
process.exit(0);
