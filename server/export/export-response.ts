import type { ExportFile } from "./export-format";

/** A download: the browser saves it under the export's file name instead of showing it. */
export function attachmentResponse(file: ExportFile): Response {
  return new Response(file.body, {
    headers: {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${file.filename.replace(/[^\w.-]/g, "_")}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
