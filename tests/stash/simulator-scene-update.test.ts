/**
 * The simulator's sceneUpdate behaves as real Stash's does in every release it plays: the
 * release's input fields and types, a partial input changes only what it names, updated_at
 * moves forward, and unknown ids fail the whole update.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStashSim, type StashSim } from "../../stash-sim";
import { stashReleases } from "../../stash-sim/releases";

async function graphql(sim: StashSim, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(sim.url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    json: (await response.json()) as {
      data?: { sceneUpdate: Record<string, unknown> | null } | null;
      errors?: { message: string }[];
    },
  };
}

const update = `mutation ($input: SceneUpdateInput!) {
  sceneUpdate(input: $input) { id title details updated_at tags { id } studio { id } }
}`;

describe.each(stashReleases)("sceneUpdate on Stash %s", (release) => {
  let sim: StashSim;
  beforeAll(async () => {
    sim = await startStashSim({ scenes: 30, seed: 3, stashVersion: release });
  });
  afterAll(() => sim.close());

  it("changes only the fields the input names, and moves updated_at forward", async () => {
    const before = sim.scene(3)!;
    const { status, json } = await graphql(sim, update, { input: { id: "3", title: "Renamed" } });

    expect(status).toBe(200);
    expect(json.errors).toBeUndefined();
    const after = sim.scene(3)!;
    expect(after.title).toBe("Renamed");
    expect({ ...after, title: before.title, updated_at: before.updated_at }).toEqual(before);
    expect(after.updated_at > before.updated_at).toBe(true);
    expect(json.data?.sceneUpdate).toMatchObject({ id: "3", title: "Renamed" });
  });

  it("clears a field sent as null and replaces lists", async () => {
    const tagId = sim.scene(4)!.tags[0]!.id;
    await graphql(sim, update, {
      input: { id: "4", details: null, tag_ids: [tagId], studio_id: null },
    });
    const after = sim.scene(4)!;
    expect(after.details).toBeNull();
    expect(after.tags.map((t) => t.id)).toEqual([tagId]);
    expect(after.studio).toBeNull();
  });

  it("fails for a scene, tag, performer or studio id Stash does not know, changing nothing", async () => {
    const before = sim.scene(5)!;
    const unknown = [
      [{ id: "9999", title: "x" }, "scene with id 9999 not found"],
      [{ id: "5", title: "x", tag_ids: ["9999"] }, "tag with id 9999 not found"],
      [{ id: "5", title: "x", performer_ids: ["9999"] }, "performer with id 9999 not found"],
      [{ id: "5", title: "x", studio_id: "9999" }, "studio with id 9999 not found"],
    ] as const;
    for (const [input, message] of unknown) {
      const { status, json } = await graphql(sim, update, { input });
      expect(status).toBe(200);
      expect(json.errors?.[0]?.message).toBe(message);
      expect(json.data?.sceneUpdate ?? null).toBeNull();
    }
    expect(sim.scene(5)).toEqual(before);
  });

  const groupsSince = 27;
  const minor = Number(release.split(".")[1]);
  it(`takes a scene's groups as ${minor >= groupsSince ? "groups" : "movies"}`, async () => {
    const field = minor >= groupsSince ? "groups" : "movies";
    const idKey = minor >= groupsSince ? "group_id" : "movie_id";
    const { json } = await graphql(sim, update, {
      input: { id: "6", [field]: [{ [idKey]: "2", scene_index: 4 }] },
    });
    expect(json.errors).toBeUndefined();
    expect(sim.scene(6)!.groups).toEqual([
      { group: { id: "2", name: "Series 2" }, scene_index: 4 },
    ]);
  });

  it("refuses an input field the release does not have, as Stash does (HTTP 422)", async () => {
    const other = minor >= groupsSince ? "gallery_ids" : "groups";
    const { status } = await graphql(sim, update, { input: { id: "7", [other]: [] } });
    expect(status).toBe(422);
  });
});

describe("a write Stash itself refuses", () => {
  let sim: StashSim;
  beforeAll(async () => {
    sim = await startStashSim({ scenes: 5 });
  });
  afterAll(() => sim.close());

  it("answers the GraphQL error and changes nothing, while reads still work", async () => {
    sim.rejectNextWrites(1, "database is locked");
    const before = sim.scene(1)!;
    const refused = await graphql(sim, update, { input: { id: "1", title: "x" } });
    const read = await graphql(sim, "{ findScene(id: 1) { id } }");

    expect(refused.status).toBe(200);
    expect(refused.json.errors?.[0]?.message).toBe("database is locked");
    expect(sim.scene(1)).toEqual(before);
    expect(read.json.errors).toBeUndefined();
  });
});
