import { TEST_ACCESS_TOKEN } from "./helpers/use-access-token";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { createApiContext } from "../../server/api/context";
import { httpErrorResponse } from "../../server/api/http-errors";
import { createTRPCRouter, protectedProcedure } from "../../server/api/trpc";
import { redactSecrets } from "../../server/auth/redact-secrets";
import { AppError } from "../../server/errors";
import { startHttpServer, type AppServer } from "./helpers/start-app-server";

// Shaped like a Stash API key (a JWT), the kind of secret an error message might carry.
const STASH_KEY = "eyJhbGciOiJIUzI1NiJ9.eyJ1aWQiOiJhZG1pbiJ9.c2lnbmF0dXJlLXNpZ25hdHVyZQ";

/** Procedures that fail the ways real ones can, built with the app's own procedure builder. */
const failing = createTRPCRouter({
  crashes: protectedProcedure.query((): string => {
    throw new Error(
      `SQLITE_CORRUPT at /srv/data/stash-sync.db while using ApiKey: ${STASH_KEY} and Bearer ${TEST_ACCESS_TOKEN}`,
    );
  }),
  stashDown: protectedProcedure.query((): string => {
    throw new AppError("STASH_UNREACHABLE", "Cannot reach Stash at http://stash:9999/graphql");
  }),
  leakyDomainMessage: protectedProcedure.query((): string => {
    throw new AppError("STASH_UNAUTHORIZED", `Stash refused the API key ${STASH_KEY}`);
  }),
  breaksItsContract: protectedProcedure.output(z.object({ n: z.number() })).query(() => {
    return { n: "not a number" } as unknown as { n: number };
  }),
});

let server: AppServer;
const logged: string[] = [];
beforeAll(async () => {
  vi.spyOn(console, "error").mockImplementation((line: string) => void logged.push(line));
  server = await startHttpServer((req) =>
    fetchRequestHandler({
      endpoint: "/api/trpc",
      req,
      router: failing,
      createContext: () => createApiContext(req.headers),
    }),
  );
});
afterAll(async () => {
  await server.close();
  vi.restoreAllMocks();
});

async function call(path: string) {
  const response = await fetch(`${server.url}/api/trpc/${path}`, {
    headers: { authorization: `Bearer ${TEST_ACCESS_TOKEN}` },
  });
  const text = await response.text();
  const shape = superjson.deserialize((JSON.parse(text) as { error: never }).error) as {
    message: string;
    data: Record<string, unknown>;
  };
  return { status: response.status, text, shape };
}

describe("errors over tRPC", () => {
  it("an unexpected error answers 500 with a generic message; the log has it, secrets removed", async () => {
    logged.length = 0;
    const { status, text, shape } = await call("crashes");

    expect(status).toBe(500);
    expect(shape.message).toBe(
      "Something went wrong on the server. Its log has the details; try again.",
    );
    expect(text).not.toMatch(/SQLITE|stash-sync\.db|stack|\.ts:\d+/);
    expect(text).not.toContain(TEST_ACCESS_TOKEN);
    expect(text).not.toContain(STASH_KEY);

    const line = logged.find((entry) => entry.includes("tRPC crashes failed"));
    expect(line).toContain("SQLITE_CORRUPT at /srv/data/stash-sync.db");
    expect(line).not.toContain(TEST_ACCESS_TOKEN);
    expect(line).not.toContain(STASH_KEY);
  });

  it("Stash unreachable answers 503 with the domain's message and code", async () => {
    const { status, shape } = await call("stashDown");

    expect(status).toBe(503);
    expect(shape.message).toBe("Cannot reach Stash at http://stash:9999/graphql");
    expect(shape.data).toMatchObject({ code: "SERVICE_UNAVAILABLE", appCode: "STASH_UNREACHABLE" });
  });

  it("a domain message never carries a credential", async () => {
    const { status, text } = await call("leakyDomainMessage");

    expect(status).toBe(503);
    expect(text).not.toContain(STASH_KEY);
  });

  it("a procedure breaking its output contract answers 500 without the schema's details", async () => {
    const { status, shape } = await call("breaksItsContract");

    expect(status).toBe(500);
    expect(shape.data.zodError).toBeNull();
    expect(shape.message).not.toMatch(/not a number|validation/i);
  });
});

describe("errors over plain HTTP routes", () => {
  it("map domain codes through the same table: 503 for Stash unreachable", async () => {
    const response = httpErrorResponse(new AppError("STASH_UNREACHABLE", "Cannot reach Stash"));

    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      error: { code: "STASH_UNREACHABLE", message: "Cannot reach Stash" },
    });
  });

  it("answer 409 with the running job's id", async () => {
    const response = httpErrorResponse(
      new AppError("SYNC_ALREADY_RUNNING", "A sync is already running.", { jobId: "j-1" }),
    );

    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({
      error: {
        code: "SYNC_ALREADY_RUNNING",
        message: "A sync is already running.",
        details: { jobId: "j-1" },
      },
    });
  });

  it("answer an unexpected error with 500, a generic message and nothing of the error", async () => {
    logged.length = 0;
    const response = httpErrorResponse(new TypeError(`boom with ${TEST_ACCESS_TOKEN}`));
    const text = await response.text();

    expect(response.status).toBe(500);
    expect(text).not.toMatch(/boom|TypeError/);
    expect(logged.join("\n")).toContain("boom with [redacted]");
  });
});

describe("redactSecrets", () => {
  it.each([
    [`token ${TEST_ACCESS_TOKEN} in text`, "token [redacted] in text"],
    [`key ${STASH_KEY}`, "key [redacted]"],
    ["Authorization: Bearer abc.def", "Authorization: Bearer [redacted]"],
    ['{"ApiKey": "s3cr3t-value"}', '{"ApiKey": "[redacted]"}'],
    ["nothing secret here", "nothing secret here"],
  ])("%s", (input, expected) => {
    expect(redactSecrets(input)).toBe(expected);
  });
});
