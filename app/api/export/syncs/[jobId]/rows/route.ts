import { httpErrorResponse, unauthorizedResponse } from "@/server/api/http-errors";
import { authorizeRequest } from "@/server/auth/authorize-request";
import { ExportFormat } from "@/server/export/export-format";
import { exportRunRows } from "@/server/export/export-run-rows";
import { attachmentResponse } from "@/server/export/export-response";

/** GET /api/export/syncs/{jobId}/rows?format=csv|json: a run's per-entity rows as a download. */
export async function GET(
  request: Request,
  context: { params: Promise<{ jobId: string }> },
): Promise<Response> {
  if (!authorizeRequest(request.headers).authorized) return unauthorizedResponse();
  try {
    const { jobId } = await context.params;
    const format = ExportFormat.parse(new URL(request.url).searchParams.get("format") ?? "csv");
    return attachmentResponse(await exportRunRows(jobId, format));
  } catch (error) {
    return httpErrorResponse(error);
  }
}
