import { z } from "zod";
import { parseDecimalInteger } from "../../lib/decimal-integer";
import { SceneSyncLogsInput, type SceneSyncLogsQuery } from "../history/scene-sync-logs-schema";

/** A numeric query parameter: plain decimal digits only. */
const QueryInteger = z
  .string()
  .refine((text) => parseDecimalInteger(text) !== undefined, "must be a whole number in digits")
  .transform(Number);

const NumericParameters = z.object({ limit: QueryInteger.optional() });

/**
 * The HTTP endpoint's query string, read into the same input schema as `history.sceneSyncLogs`, so
 * both transports share one set of bounds (limit 1–500, default 50). Parameter names follow the
 * design's snake_case.
 */
export function sceneSyncLogsInputFromQuery(
  sceneId: string,
  query: URLSearchParams,
): SceneSyncLogsQuery {
  const { limit } = NumericParameters.parse({ limit: query.get("limit") ?? undefined });
  const outcome = query.get("outcome");
  const syncType = query.get("sync_type");
  return SceneSyncLogsInput.parse({
    sceneId,
    limit,
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
