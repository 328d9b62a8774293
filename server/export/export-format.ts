import { stringify } from "csv-stringify/sync";
import { z } from "zod";

export const ExportFormat = z.enum(["csv", "json"]);
export type ExportFormat = z.infer<typeof ExportFormat>;

/** An export's format, parsed under its parameter's name so a 400 names `format`. */
const ExportFormatParameter = z.object({ format: ExportFormat });

export function parseExportFormat(format: unknown): ExportFormat {
  return ExportFormatParameter.parse({ format }).format;
}

/** The `format` query parameter of an export URL; CSV when absent. */
export function exportFormatFrom(request: Request): ExportFormat {
  return parseExportFormat(new URL(request.url).searchParams.get("format") ?? "csv");
}

/** A file to download: what a route handler sends as an attachment. */
export interface ExportFile {
  filename: string;
  contentType: string;
  body: string;
}

export type ExportCell = string | number | boolean | null;

/**
 * Rows as CSV (RFC 4180 quoting by csv-stringify, a header row, CRLF) or as a JSON array.
 * Both carry the same flat rows, so a spreadsheet and a script read the same columns.
 *
 * Text from Stash (in error messages, changed fields) is not ours: in CSV a cell that starts
 * like a formula (`=`, `+`, `-`, `@`, a tab) gets a leading `'`, so a spreadsheet shows it as
 * text instead of running it (OWASP "CSV injection"). Numbers stay as they are; JSON is as is.
 */
export function encodeRows(
  rows: Array<Record<string, ExportCell>>,
  columns: readonly string[],
  format: ExportFormat,
  basename: string,
): ExportFile {
  if (format === "json") {
    return {
      filename: `${basename}.json`,
      contentType: "application/json; charset=utf-8",
      body: JSON.stringify(rows, null, 2),
    };
  }
  return {
    filename: `${basename}.csv`,
    contentType: "text/csv; charset=utf-8",
    body: stringify(rows, {
      header: true,
      columns: [...columns],
      record_delimiter: "windows",
      escape_formulas: true,
      cast: { boolean: (v) => (v ? "true" : "false") },
    }),
  };
}
