import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStashSyncClient } from "../../client";
import { db } from "../../server/db/client";
import { createScene } from "../factories/library";
import { expectApiError } from "./helpers/api-error";
import { startAppServer, type AppServer } from "./helpers/start-app-server";

let app: AppServer;
beforeAll(async () => {
  app = await startAppServer();
  for (const title of [
    "100% pure",
    "1000 pure",
    "snake_case",
    "snakeXcase",
    "back\\slash",
    "backXslash",
  ]) {
    await createScene(db(), { title });
  }
});
afterAll(() => app.close());

describe("the scene search over HTTP matches what was typed, literally", () => {
  const search = async (text: string) => {
    const api = createStashSyncClient({ url: app.url });
    const page = await api.library.scenes.query({ search: text });
    return page.items.map((scene) => scene.title);
  };

  it.each([
    ["%", ["100% pure"]],
    ["0%", ["100% pure"]],
    ["_", ["snake_case"]],
    ["e_c", ["snake_case"]],
    ["\\", ["back\\slash"]],
    ["k\\s", ["back\\slash"]],
    ["PURE", ["100% pure", "1000 pure"]],
  ])("%j finds %j", async (text, titles) => {
    expect(await search(text)).toEqual(titles);
  });

  it("refuses a NUL, which SQLite would read as the end of the pattern", async () => {
    const api = createStashSyncClient({ url: app.url });
    await expectApiError(api.library.scenes.query({ search: "pure\u0000zzz" }), {
      code: "BAD_REQUEST",
      httpStatus: 400,
      field: "search",
    });
  });
});

describe("numbers in a query string are plain decimal integers", () => {
  it.each(["0x10", "1e2", " 50", "50 ", "+5", "5.0", "0b11", "Infinity", "", "٣"])(
    "limit=%j is refused, naming limit",
    async (limit) => {
      const scene = await createScene(db());
      const response = await fetch(
        `${app.url}/api/scenes/${scene.id}/sync-logs?limit=${encodeURIComponent(limit)}`,
      );

      expect(response.status).toBe(400);
      const body = (await response.json()) as { error: { fields: Record<string, string[]> } };
      expect(Object.keys(body.error.fields)).toEqual(["limit"]);
    },
  );

  it("limit=16 and limit=016 are read as sixteen", async () => {
    const scene = await createScene(db());
    for (const limit of ["16", "016"]) {
      const response = await fetch(`${app.url}/api/scenes/${scene.id}/sync-logs?limit=${limit}`);
      expect(response.status).toBe(200);
    }
  });
});
