import { protectedRoute } from "@/server/api/protected-route";
import { readJsonBody } from "@/server/api/read-json-body";
import { restoreSceneEntry } from "@/server/restore/restore-scene-entry";
import { RestoreInput } from "@/server/restore/restore-schema";

/**
 * POST /api/scenes/{scene_id}/restore with `{ "logId": 918, "fields"?: ["title"], "expected"?:
 * { "title": "…" } }`: the same restore, body and answer as the tRPC procedure
 * `restore.restoreEntry`. Errors are the route family's JSON errors (400, 401, 403, 404, 409
 * with `details.conflicts`, 502/503).
 */
export const POST = protectedRoute<{ id: string }>(
  async (request, { id }, caller) => {
    const body = await readJsonBody(request);
    const input = RestoreInput.parse({ ...body, sceneId: id });
    const result = await restoreSceneEntry(input, { credential: caller.credential, door: "http" });
    return Response.json(result, { headers: { "cache-control": "no-store" } });
  },
  { writes: true, fieldNames: { sceneId: "scene_id" } },
);
