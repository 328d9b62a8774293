import { protectedRoute } from "@/server/api/protected-route";
import { exportFormatFrom } from "@/server/export/export-format";
import { attachmentResponse } from "@/server/export/export-response";
import { exportRunRows } from "@/server/export/export-run-rows";

/** GET /api/export/syncs/{jobId}/rows?format=csv|json: a run's per-entity rows as a download. */
export const GET = protectedRoute<{ jobId: string }>(async (request, { jobId }) =>
  attachmentResponse(await exportRunRows(jobId, exportFormatFrom(request))),
);
