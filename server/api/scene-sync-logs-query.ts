import { SceneSyncLogsInput, type SceneSyncLogsQuery } from "../history/scene-sync-logs-schema";

/**
 * The HTTP endpoint's query string, read into the same input schema as `scenes.syncLogs`, so
 * both transports share one set of bounds (limit 1–500, default 50). Parameter names follow the
 * design's snake_case.
 */
export function sceneSyncLogsInputFromQuery(
  sceneId: string,
  query: URLSearchParams,
): SceneSyncLogsQuery {
  const limit = query.get("limit");
  const outcome = query.get("outcome");
  const syncType = query.get("sync_type");
  return SceneSyncLogsInput.parse({
    sceneId,
    // Number("") is 0 and Number("ten") is NaN: both fail the schema and name `limit`.
    limit: limit === null ? undefined : Number(limit),
    cursor: query.get("cursor") ?? undefined,
    filter:
      outcome === null && syncType === null
        ? undefined
        : { outcome: outcome ?? undefined, syncType: syncType ?? undefined },
  });
}

/** Schema paths as the caller named them, for 400 answers. */
export const sceneSyncLogsQueryFieldNames: Record<string, string> = {
  sceneId: "scene_id",
  "filter.outcome": "outcome",
  "filter.syncType": "sync_type",
};
