import { TEST_ACCESS_TOKEN } from "./helpers/use-access-token";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueSessionValue, SESSION_COOKIE_NAME } from "../../server/auth/session-cookie";
import { db } from "../../server/db/client";
import { createScene, createSyncRun } from "../factories/library";
import { startAppServer, type AppServer } from "./helpers/start-app-server";

let app: AppServer;
beforeAll(async () => {
  app = await startAppServer();
});
afterAll(() => app.close());

const bearer = { authorization: `Bearer ${TEST_ACCESS_TOKEN}` };

async function trpcError(response: Response) {
  const body = (await response.json()) as { error: never };
  return superjson.deserialize(body.error) as {
    message: string;
    data: { code: string; zodError: { formErrors: string[] } | null };
  };
}

describe("refusals say what they mean", () => {
  it("a cross-site mutation's message keeps its words: only secret values are redacted", async () => {
    const response = await fetch(`${app.url}/api/trpc/sync.start`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        cookie: `${SESSION_COOKIE_NAME}=${issueSessionValue()}`,
        origin: "https://evil.example",
      },
      body: JSON.stringify(superjson.serialize({ type: "full" })),
    });

    expect(response.status).toBe(403);
    expect((await trpcError(response)).message).toBe(
      "Cross-site request refused: send the access token as a bearer header.",
    );
  });

  it.each(["null", "[]", "42", '"full"'])(
    "a mutation whose body is %s is a 400 that names the input",
    async (body) => {
      const response = await fetch(`${app.url}/api/trpc/sync.start`, {
        method: "POST",
        headers: { "content-type": "application/json", ...bearer },
        body,
      });
      const error = await trpcError(response);

      expect(response.status).toBe(400);
      expect(error.data.code).toBe("BAD_REQUEST");
      expect(error.message).toBe('The input must be superjson: {"json": <the input>}.');
      expect(error.data.zodError?.formErrors).toEqual(['must be superjson: {"json": <the input>}']);
      expect(JSON.stringify(error)).not.toMatch(/destructure|property|TypeError/);
    },
  );
});

describe("export routes name the parameter that is wrong", () => {
  const fieldsOf = async (response: Response) =>
    Object.keys(((await response.json()) as { error: { fields: object } }).error.fields);

  it("format, for a format that does not exist", async () => {
    const scene = await createScene(db());
    const run = await createSyncRun(db(), { syncType: "full" });
    for (const path of [
      `/api/export/scenes/${scene.id}/history?format=xml`,
      `/api/export/syncs/${run.jobId}/rows?format=xml`,
    ]) {
      const response = await fetch(`${app.url}${path}`, { headers: bearer });
      expect(response.status).toBe(400);
      expect(await fieldsOf(response)).toEqual(["format"]);
    }
  });

  it("id, for a scene id that is not one", async () => {
    const response = await fetch(`${app.url}/api/export/scenes/not-an-id/history`, {
      headers: bearer,
    });

    expect(response.status).toBe(400);
    expect(await fieldsOf(response)).toEqual(["id"]);
  });
});
