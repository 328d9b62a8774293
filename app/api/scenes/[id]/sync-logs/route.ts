import { protectedRoute } from "@/server/api/protected-route";
import {
  sceneSyncLogsInputFromQuery,
  sceneSyncLogsQueryFieldNames,
} from "@/server/api/scene-sync-logs-query";
import { readSceneSyncLogs } from "@/server/history/read-scene-sync-logs";
import type { SyncLogEntry } from "@/server/history/scene-sync-logs-schema";

/**
 * GET /api/scenes/{scene_id}/sync-logs?limit=50[&cursor=…][&outcome=…][&sync_type=…]
 *
 * The design's endpoint: a JSON array of SyncLogEntry, newest first (the same rows as the tRPC
 * procedure `history.sceneSyncLogs`, dates as ISO strings). The body stays the design's plain list;
 * the next, older page is announced in headers: `X-Next-Cursor` and an RFC 8288 `Link` with
 * rel="next".
 */
export const GET = protectedRoute<{ id: string }>(
  async (request, { id }) => {
    const url = new URL(request.url);
    const page = await readSceneSyncLogs(sceneSyncLogsInputFromQuery(id, url.searchParams));
    const headers: Record<string, string> = { "cache-control": "no-store" };
    if (page.next_cursor !== null) {
      const next = new URL(url);
      next.searchParams.set("cursor", page.next_cursor);
      headers["x-next-cursor"] = page.next_cursor;
      headers.link = `<${next.pathname}${next.search}>; rel="next"`;
    }
    const body: SyncLogEntry[] = page.items;
    return Response.json(body, { headers });
  },
  { fieldNames: sceneSyncLogsQueryFieldNames },
);
