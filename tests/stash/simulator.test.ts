/**
 * The simulator itself behaves like Stash on the wire: these pin down the behaviours the
 * client's contract tests and the sync engine's tests rely on.
 */
import { describe, expect, it } from "vitest";
import { startStashSim } from "../../stash-sim";
import { withStashSim } from "../helpers/stash-sim";

const sim = withStashSim({ scenes: 60, seed: 8, tz: "-05:30" });

async function graphql(
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) {
  const response = await fetch(sim.url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  const isJson = response.headers.get("content-type")?.includes("json") ?? false;
  return {
    status: response.status,
    text,
    json: isJson ? (JSON.parse(text) as Record<string, unknown>) : null,
  };
}

async function control(body: Record<string, unknown>) {
  const response = await fetch(sim.controlUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    json: (await response.json()) as { ok: boolean; result?: unknown; error?: string },
  };
}

const idsOf = (json: unknown) =>
  (json as { data: { findScenes: { scenes: { id: string }[] } } }).data.findScenes.scenes.map(
    (s) => s.id,
  );

describe("the Stash simulator", () => {
  it("serves 25 records per page by default and everything for per_page -1", async () => {
    const byDefault = await graphql(`
      {
        findScenes(filter: { sort: "id" }) {
          count
          scenes {
            id
          }
        }
      }
    `);
    const all = await graphql(`
      {
        findScenes(filter: { sort: "id", per_page: -1 }) {
          count
          scenes {
            id
          }
        }
      }
    `);
    expect(idsOf(byDefault.json)).toHaveLength(25);
    expect(idsOf(all.json)).toHaveLength(60);
  });

  it("returns pages in a different order on every call when no sort is given, as Stash may", async () => {
    const query = `{ findScenes(filter: { per_page: 10 }) { scenes { id } } }`;
    const first = idsOf((await graphql(query)).json);
    const second = idsOf((await graphql(query)).json);
    expect(first).not.toEqual(second);
  });

  it("shows an edit made between two page requests on the next page", async () => {
    const query = `query Page($filter: FindFilterType) { findScenes(filter: $filter) { scenes { id title } } }`;
    const page = (n: number) => graphql(query, { filter: { page: n, per_page: 10, sort: "id" } });
    await page(1);
    sim.updateScene(15, { title: "Edited between pages" });
    const second = (await page(2)).json as {
      data: { findScenes: { scenes: { id: string; title: string }[] } };
    };
    expect(second.data.findScenes.scenes.find((s) => s.id === "15")?.title).toBe(
      "Edited between pages",
    );
  });

  it("refuses a sort key outside Stash's allow-list with a resolver error and data null", async () => {
    const { status, json } = await graphql(`
      {
        findScenes(filter: { sort: "title; DROP TABLE scenes" }) {
          count
        }
      }
    `);
    expect(status).toBe(200);
    expect(json).toMatchObject({
      data: null,
      errors: [{ message: "invalid sort: title; DROP TABLE scenes" }],
    });
  });

  it("answers an invalid query with HTTP 422 and errors", async () => {
    const { status, json } = await graphql(`
      {
        findScenes {
          nope
        }
      }
    `);
    expect(status).toBe(422);
    expect(json).toMatchObject({ errors: [{ message: expect.stringContaining("nope") }] });
  });

  it("fails findScenes(ids:) as a whole for one unknown id, as Stash does", async () => {
    const { json } = await graphql(`
      {
        findScenes(ids: ["1", "4040"]) {
          count
        }
      }
    `);
    expect(json).toMatchObject({
      data: null,
      errors: [{ message: "scene with id 4040 not found" }],
    });
  });

  it("answers 401 with an empty body to a key it does not have", async () => {
    const { status, text } = await graphql(
      `
        {
          version {
            hash
          }
        }
      `,
      {},
      { ApiKey: "anything" },
    );
    expect(status).toBe(401);
    expect(text).toBe("");
  });

  it("writes timestamps with second precision in the server's offset, and bumps updated_at on edit", async () => {
    const before = sim.scene(2)!;
    expect(before.updated_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}-05:30$/);
    const now = sim.status().now;
    const after = sim.updateScene(2, { title: "Edited" });
    expect(after.updated_at).toBe(now);
    expect(after.updated_at > before.updated_at).toBe(true);
  });

  it("drops a deleted performer from its scenes without touching their updated_at", async () => {
    const scene = sim.scene(6)!;
    const performer = scene.performers[0];
    if (!performer) return expect(scene.performers).toEqual([]);
    sim.removePerformer(Number(performer.id));
    const after = sim.scene(6)!;
    expect(after.performers.map((p) => p.id)).not.toContain(performer.id);
    expect(after.updated_at).toBe(scene.updated_at);
  });

  it("is driven over HTTP by POST /__control", async () => {
    const edited = await control({
      action: "updateScene",
      id: 9,
      edit: { title: "From another process" },
    });
    expect(edited).toMatchObject({
      status: 200,
      json: { ok: true, result: { title: "From another process" } },
    });
    expect(sim.scene(9)?.title).toBe("From another process");
    expect(await control({ action: "failNext", count: 1 })).toMatchObject({ json: { ok: true } });
    expect(
      (
        await graphql(`
          {
            version {
              hash
            }
          }
        `)
      ).status,
    ).toBe(500);
    expect(await control({ action: "updateScene", id: 9, edit: { id: "7" } })).toMatchObject({
      status: 400,
      json: { ok: false },
    });
  });

  it("leaves pages from the one named unanswered until its faults are reset", async () => {
    const hanging = await startStashSim({ scenes: 60, seed: 8 });
    try {
      hanging.holdPagesFrom(2);
      const page = async (n: number) => {
        const response = await fetch(hanging.url, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            query:
              "query ($filter: FindFilterType) { findScenes(filter: $filter) { scenes { id } } }",
            variables: { filter: { page: n, per_page: 10, sort: "id" } },
          }),
        });
        return (await response.json()) as unknown;
      };
      expect(idsOf(await page(1))).toHaveLength(10);
      let second: unknown = null;
      const asked = page(2).then((json) => (second = json));
      await expect.poll(() => hanging.requests().at(-1)?.outcome).toBe("held");
      expect(second).toBeNull();
      hanging.resetFaults();
      await asked;
      expect(idsOf(second)).toHaveLength(10);
    } finally {
      await hanging.close();
    }
  });

  it("goes away over HTTP and comes back by itself", async () => {
    await control({ action: "goAway", forMs: 200 });
    await new Promise((r) => setTimeout(r, 50));
    await expect(fetch(sim.url, { method: "POST" })).rejects.toThrow();
    await new Promise((r) => setTimeout(r, 400));
    expect(
      (
        await graphql(`
          {
            version {
              hash
            }
          }
        `)
      ).status,
    ).toBe(200);
  });
});

describe("the generated library", () => {
  it("is the same for the same seed", async () => {
    const a = await startStashSim({ scenes: 30, seed: 77 });
    const b = await startStashSim({ scenes: 30, seed: 77 });
    try {
      expect(a.scene(17)).toEqual(b.scene(17));
      expect(a.library.performers.get(3)).toEqual(b.library.performers.get(3));
    } finally {
      await a.close();
      await b.close();
    }
  });

  it("has files with paths, sizes, durations, codecs and fingerprints, and partial dates", async () => {
    const scenes = Array.from({ length: 60 }, (_, i) => sim.scene(i + 1)).filter((s) => s !== null);
    const file = scenes[0]!.files[0]!;
    expect(file).toMatchObject({
      path: expect.stringMatching(/^\/data\/library\/.+\.(mp4|mkv)$/),
      size: expect.any(Number),
      duration: expect.any(Number),
      video_codec: expect.any(String),
      fingerprints: expect.arrayContaining([expect.objectContaining({ type: "oshash" })]),
    });
    const dates = scenes.map((s) => s.date).filter((d) => d !== null);
    expect(dates.some((d) => /^\d{4}$/.test(d) || /^\d{4}-\d{2}$/.test(d))).toBe(true);
  });
});
