import { describe, expect, it } from "vitest";
import { PageReadAhead, type CachedAnswer } from "../../stash-sim/page-read-ahead";

/** A page request as a client sends it. */
const pageRequest = (page: number) => ({
  query: "query Q($filter: FindFilterType) { findScenes(filter: $filter) { count } }",
  operationName: "Q",
  variables: { filter: { page, per_page: 100 } },
});

/** A read-ahead whose computations are counted by page. */
function countedReadAhead() {
  const computed: number[] = [];
  const run = async (params: { variables?: unknown }): Promise<CachedAnswer> => {
    const page = (params.variables as { filter: { page: number } }).filter.page;
    computed.push(page);
    return { status: 200, contentType: "application/json", body: `page ${page}` };
  };
  const readAhead = new PageReadAhead(run, () => 0);
  /** Answers a request as the simulator does: the prepared answer, else computed now. */
  const answer = (page: number) =>
    readAhead.answering(pageRequest(page), async () => {
      const ready = await readAhead.take(pageRequest(page));
      return ready ?? (await run(pageRequest(page)));
    });
  return { computed, readAhead, answer };
}

describe("the simulator's page read-ahead", () => {
  it("prepares the next page for a client that asks one page at a time", async () => {
    const { computed, readAhead, answer } = countedReadAhead();
    for (let page = 1; page <= 3; page++) {
      expect((await answer(page)).body).toBe(`page ${page}`);
      readAhead.prepareAfter(pageRequest(page));
    }
    await answer(4);
    // Pages 2 to 4 were prepared ahead and served from there: each computed once.
    expect(computed).toEqual([1, 2, 3, 4]);
  });

  it("does not compute again a page a client with several in flight has asked for already", async () => {
    const { computed, readAhead, answer } = countedReadAhead();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    // Page 2 is being answered (held) when page 1's answer goes out.
    const second = readAhead.answering(pageRequest(2), async () => {
      await held;
      return (await readAhead.take(pageRequest(2)))?.body ?? "computed by its request";
    });
    await answer(1);
    readAhead.prepareAfter(pageRequest(1));
    release();
    expect(await second).toBe("computed by its request");
    expect(computed).toEqual([1]);
  });

  it("prepares nothing while it is switched off (a simulator with latency)", async () => {
    let on = false;
    const prepared: number[] = [];
    const readAhead = new PageReadAhead(
      async (params) => {
        const page = (params.variables as { filter: { page: number } }).filter.page;
        prepared.push(page);
        return { status: 200, contentType: "application/json", body: `page ${page}` };
      },
      () => 0,
      () => on,
    );
    readAhead.prepareAfter(pageRequest(1));
    expect(await readAhead.take(pageRequest(2))).toBeNull();
    expect(prepared).toEqual([]);
    on = true;
    readAhead.prepareAfter(pageRequest(2));
    expect((await readAhead.take(pageRequest(3)))?.body).toBe("page 3");
    expect(prepared).toEqual([3]);
  });
});
