import { describe, expect, it } from "vitest";
import { fetchGraphQL } from "../../server/stash/graphql-transport";
import { leadingId, scanRecordPage } from "../../server/stash/scan-record-page";
import { findPageQuery } from "../../server/stash/stash-queries";
import { withStashSim } from "../helpers/stash-sim";

const sim = withStashSim({ scenes: 120, seed: 3 });

/** The records the scan found, as text. */
const recordTexts = (body: string, spans: number[]) =>
  spans.flatMap((start, i) => (i % 2 === 0 ? [body.slice(start, spans[i + 1])] : []));

const page = (records: string, count = 2) =>
  `{"data":{"page":{"count":${count},"scenes":[${records}]}}}`;

describe("finding the records of a page answer without parsing it", () => {
  it("finds exactly the records JSON.parse finds in a real answer, with their ids", async () => {
    const answer = await fetchGraphQL(
      { url: sim.url, timeoutMs: 5000, retries: 0, retryBaseDelayMs: 0 },
      {
        operationName: "StashSyncFindScenePage",
        query: findPageQuery("scene", false),
        variables: { filter: { page: 1, per_page: 100, sort: "id", direction: "ASC" } },
      },
    );
    const scanned = scanRecordPage(answer.body, "scenes");
    const parsed = (
      JSON.parse(answer.body) as { data: { page: { count: number; scenes: { id: string }[] } } }
    ).data.page;
    expect(scanned?.count).toBe(120);
    expect(recordTexts(answer.body, scanned!.spans).map((text) => JSON.parse(text))).toEqual(
      parsed.scenes,
    );
    expect(
      scanned!.spans.filter((_, i) => i % 2 === 0).map((s) => leadingId(answer.body, s)),
    ).toEqual(parsed.scenes.map((s) => s.id));
  });

  it("is not misled by braces, brackets, quotes and backslashes inside strings", () => {
    const tricky = [
      '{"id":"1","title":"a } b ] c { d [","details":"say \\"hi\\" {"}',
      '{"id":"2","title":"ends with a backslash \\\\","tags":[{"id":"t","name":"\\\\\\""}]}',
      '{"id":"3","title":"caf\\u00e9 ☕","urls":[]}',
    ];
    const body = page(tricky.join(","), 3);
    const scanned = scanRecordPage(body, "scenes");
    expect(scanned?.count).toBe(3);
    const texts = recordTexts(body, scanned!.spans);
    expect(texts).toEqual(tricky);
    expect(texts.map((t) => (JSON.parse(t) as { id: string }).id)).toEqual(["1", "2", "3"]);
  });

  it("reads an empty page", () => {
    expect(scanRecordPage(page("", 0), "scenes")).toEqual({ count: 0, spans: [] });
    expect(scanRecordPage(page("", 0) + "\n", "scenes")).toEqual({ count: 0, spans: [] });
  });

  it("gives up on anything but the compact shape, so the answer is parsed the ordinary way", () => {
    const record = '{"id":"1"}';
    const refused = [
      `{"errors":[{"message":"boom"}],"data":{"page":{"count":1,"scenes":[${record}]}}}`,
      `{"data":{"page":{"count":1,"scenes":[${record}]}},"extensions":{}}`,
      `{"data": {"page":{"count":1,"scenes":[${record}]}}}`,
      `{"data":{"page":{"count":"1","scenes":[${record}]}}}`,
      `{"data":{"page":{"count":1,"performers":[${record}]}}}`,
      `{"data":{"page":{"count":1,"scenes":[${record} ]}}}`,
      `{"data":{"page":{"count":1,"scenes":[${record},]}}}`,
      `{"data":{"page":{"count":1,"scenes":["${record}"]}}}`,
      `{"data":{"page":{"count":1,"scenes":[{"id":"1","title":"never closed}]}}}`,
      `{"data":{"page":{"count":1,"scenes":[${record}]}}`,
      `{"data":{"page":{"count":1,"scenes":[${record}]}}}x`,
      `{"data":{"page":{"count":01,"scenes":[${record}]}}}`,
      `{"data":{"page":{"count":1,"scenes":[${record}]}}}\u00a0`,
    ];
    for (const body of refused) expect(scanRecordPage(body, "scenes"), body).toBeNull();
  });

  it("reads a plain leading id and nothing else", () => {
    expect(leadingId('{"id":"42","title":"x"}', 0)).toBe("42");
    expect(leadingId('[{"id":"7"}]', 1)).toBe("7");
    expect(leadingId('{"id":42}', 0)).toBeNull();
    expect(leadingId('{"title":"x","id":"42"}', 0)).toBeNull();
    expect(leadingId('{"id":""}', 0)).toBeNull();
    expect(leadingId('{"id":"a\\"b"}', 0)).toBeNull();
  });
});
