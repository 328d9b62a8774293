import { describe, expect, it } from "vitest";
import { fetchGraphQL } from "../../server/stash/graphql-transport";
import { leadingId, scanRecordPage } from "../../server/stash/scan-record-page";
import {
  currentDialect,
  findPageQuery,
  nestedOpenings,
  recordOpening,
} from "../../server/stash/stash-queries";
import { withStashSim } from "../helpers/stash-sim";

const sim = withStashSim({ scenes: 120, seed: 3 });
const opening = recordOpening("scene");

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
        query: findPageQuery("scene", false, currentDialect),
        variables: { filter: { page: 1, per_page: 100, sort: "id", direction: "ASC" } },
      },
    );
    const scanned = scanRecordPage(answer.body, "scenes", opening);
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

  it("is not misled by strings, escapes or the objects nested in a record", () => {
    const tricky = [
      '{"id":"1","title":"a } b ] c { d [","details":"say \\"hi\\" {"}',
      '{"id":"2","title":"ends with a backslash \\\\","tags":[{"id":"t","name":"\\\\\\""},{"id":"u","name":"x"}]}',
      '{"id":"4","title":"not a record: },{\\"id\\":\\"9\\",\\"title\\":1}","files":[{"id":"f","path":"p"}]}',
      '{"id":"3","title":"caf\\u00e9 ☕","urls":[]}',
    ];
    const body = page(tricky.join(","), 3);
    const scanned = scanRecordPage(body, "scenes", opening);
    expect(scanned?.count).toBe(3);
    const texts = recordTexts(body, scanned!.spans);
    expect(texts).toEqual(tricky);
    expect(texts.map((t) => (JSON.parse(t) as { id: string }).id)).toEqual(["1", "2", "4", "3"]);
  });

  it("reads an empty page", () => {
    expect(scanRecordPage(page("", 0), "scenes", opening)).toEqual({ count: 0, spans: [] });
    expect(scanRecordPage(page("", 0) + "\n", "scenes", opening)).toEqual({ count: 0, spans: [] });
  });

  it("gives up on anything but the compact shape, so the answer is parsed the ordinary way", () => {
    const record = '{"id":"1","title":null}';
    const refused = [
      `{"errors":[{"message":"boom"}],"data":{"page":{"count":1,"scenes":[${record}]}}}`,
      `{"data":{"page":{"count":1,"scenes":[${record}]}},"extensions":{}}`,
      `{"data": {"page":{"count":1,"scenes":[${record}]}}}`,
      `{"data":{"page":{"count":"1","scenes":[${record}]}}}`,
      `{"data":{"page":{"count":1,"performers":[${record}]}}}`,
      `{"data":{"page":{"count":1,"scenes":[${record} ]}}}`,
      `{"data":{"page":{"count":1,"scenes":[${record},]}}}`,
      `{"data":{"page":{"count":1,"scenes":["${record}"]}}}`,
      `{"data":{"page":{"count":1,"scenes":[{"id":1,"title":null}]}}}`,
      `{"data":{"page":{"count":1,"scenes":[{"title":null,"id":"1"}]}}}`,
      `{"data":{"page":{"count":1,"scenes":[${record}]}}`,
      `{"data":{"page":{"count":1,"scenes":[${record}]}}}x`,
      `{"data":{"page":{"count":01,"scenes":[${record}]}}}`,
      `{"data":{"page":{"count":1,"scenes":[${record}]}}}\u00a0`,
    ];
    for (const body of refused) expect(scanRecordPage(body, "scenes", opening), body).toBeNull();
  });

  it("leaves a record whose id is not a plain string joined to the one before, to be counted", () => {
    // The client compares the records found with the page's count and parses the answer whole
    // when they differ: one record fewer than Stash counted tells it.
    const body = page('{"id":"1","title":"a"},{"id":2,"title":"b"}', 2);
    expect(scanRecordPage(body, "scenes", opening)?.spans).toHaveLength(2);
  });

  it("relies on no object nested in a scene beginning as a scene does", () => {
    expect(opening).toEqual(["id", "title"]);
    expect(nestedOpenings("scene").length).toBeGreaterThan(3);
    for (const nested of nestedOpenings("scene")) expect(nested).not.toEqual(opening);
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
