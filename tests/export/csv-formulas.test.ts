import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { encodeRows } from "../../server/export/export-format";

const columns = ["id", "title", "size"] as const;
const rows = [
  { id: 1, title: '=HYPERLINK("http://evil.example","click")', size: -5 },
  { id: 2, title: "+1+2", size: 0 },
  { id: 3, title: "-2+3", size: 1 },
  { id: 4, title: "@SUM(A1:A2)", size: 2 },
  { id: 5, title: "A plain title - with a dash", size: 3 },
];

describe("CSV exports of text from Stash", () => {
  it("keep a spreadsheet from running a cell as a formula", () => {
    const file = encodeRows(rows, columns, "csv", "x");
    const parsed = parse(file.body, { columns: true }) as Array<Record<string, string>>;
    expect(parsed.map((r) => r.title)).toEqual([
      '\'=HYPERLINK("http://evil.example","click")',
      "'+1+2",
      "'-2+3",
      "'@SUM(A1:A2)",
      "A plain title - with a dash",
    ]);
    // Numbers are data, not text from Stash: a negative one stays a number.
    expect(parsed[0]!.size).toBe("-5");
  });

  it("leave JSON exactly as stored", () => {
    const file = encodeRows(rows, columns, "json", "x");
    expect(JSON.parse(file.body)).toEqual(rows);
  });
});
