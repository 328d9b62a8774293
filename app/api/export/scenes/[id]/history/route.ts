import { protectedRoute } from "@/server/api/protected-route";
import { exportFormatFrom } from "@/server/export/export-format";
import { attachmentResponse } from "@/server/export/export-response";
import { exportSceneHistory } from "@/server/export/export-scene-history";

/** GET /api/export/scenes/{id}/history?format=csv|json: a scene's sync history as a download. */
export const GET = protectedRoute<{ id: string }>(async (request, { id }) =>
  attachmentResponse(await exportSceneHistory(id, exportFormatFrom(request))),
);
