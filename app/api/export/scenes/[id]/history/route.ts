import { httpErrorResponse, unauthorizedResponse } from "@/server/api/http-errors";
import { authorizeRequest } from "@/server/auth/authorize-request";
import { ExportFormat } from "@/server/export/export-format";
import { attachmentResponse } from "@/server/export/export-response";
import { exportSceneHistory } from "@/server/export/export-scene-history";

/** GET /api/export/scenes/{id}/history?format=csv|json: a scene's sync history as a download. */
export async function GET(
  request: Request,
  context: { params: Promise<{ id: string }> },
): Promise<Response> {
  // Checked here too, not only in the proxy: a matcher change must never open this route.
  if (!authorizeRequest(request.headers).authorized) return unauthorizedResponse();
  try {
    const { id } = await context.params;
    const format = ExportFormat.parse(new URL(request.url).searchParams.get("format") ?? "csv");
    return attachmentResponse(await exportSceneHistory(id, format));
  } catch (error) {
    return httpErrorResponse(error);
  }
}
