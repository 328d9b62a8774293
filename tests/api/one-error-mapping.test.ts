import { TEST_ACCESS_TOKEN } from "./helpers/use-access-token";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { CreatePlanInput } from "../../server/analysis/plan-schema";
import { BulkReviewInput } from "../../server/analysis/review-schema";
import { httpErrorResponse } from "../../server/api/http-errors";
import { publicError } from "../../server/api/public-error";
import { bulkReviewFieldLabel, createPlanFieldLabel } from "../../server/domain/labels";
import { AppError } from "../../server/errors";

// Shaped like a Stash API key (a JWT), the kind of secret an error message might carry.
const STASH_KEY = "eyJhbGciOiJIUzI1NiJ9.eyJ1aWQiOiJhZG1pbiJ9.c2lnbmF0dXJlLXNpZ25hdHVyZQ";

const logged: string[] = [];
beforeAll(() => {
  vi.spyOn(console, "error").mockImplementation((line: string) => void logged.push(line));
});
afterAll(() => vi.restoreAllMocks());

describe("the one error mapping (actions, HTTP routes and tRPC answer from it)", () => {
  it("keeps a domain error's code, message and details, secrets removed", () => {
    const answer = publicError(
      new AppError("STASH_UNAUTHORIZED", `Stash refused the API key ${STASH_KEY}`, { jobId: "j" }),
      { where: "test" },
    );

    expect(answer).toEqual({
      code: "STASH_UNAUTHORIZED",
      message: "Stash refused the API key [redacted]",
      details: { jobId: "j" },
      fields: null,
      status: 503,
    });
  });

  it("names the fields of bad input, with the caller's names, secrets removed", () => {
    const schema = z.object({ filter: z.object({ syncType: z.enum(["full"]) }), n: z.number() });
    const parsed = schema.safeParse({ filter: { syncType: "nope" }, n: "x" });
    const answer = publicError(parsed.error, {
      where: "test",
      fieldNames: { "filter.syncType": "sync_type" },
    });

    expect(answer.code).toBe("BAD_INPUT");
    expect(answer.status).toBe(400);
    expect(Object.keys(answer.fields ?? {})).toEqual(["sync_type", "n"]);
    expect(answer.message).toMatch(/^sync_type: .+\. n: .+/);
  });

  it("names the analysis forms' bad input by the labels a person sees there", () => {
    const bulk = BulkReviewInput.safeParse({ planId: 1, decision: "approve", minConfidence: 1.5 });
    const plan = CreatePlanInput.safeParse({
      name: " ",
      analyzers: [],
      scope: { kind: "library" },
    });

    expect(
      publicError(bulk.error, { where: "test", fieldNames: bulkReviewFieldLabel }).message,
    ).toMatch(/^Confidence at least: /);
    const planAnswer = publicError(plan.error, { where: "test", fieldNames: createPlanFieldLabel });
    expect(Object.keys(planAnswer.fields ?? {})).toEqual(["Plan name", "Analyzers"]);
  });

  it("names a field a domain error points at (details.field)", () => {
    const answer = publicError(
      new AppError("BAD_INPUT", "cursor: unreadable", { field: "cursor" }),
      {
        where: "test",
      },
    );

    expect(answer.fields).toEqual({ cursor: ["cursor: unreadable"] });
  });

  it("answers anything else with a generic message and logs it without secrets", () => {
    logged.length = 0;
    const answer = publicError(new Error(`disk full at /srv/db with ${TEST_ACCESS_TOKEN}`), {
      where: "Action",
    });

    expect(answer).toMatchObject({ code: "INTERNAL", status: 500, fields: null, details: {} });
    expect(answer.message).not.toMatch(/disk|srv/);
    expect(logged.join("\n")).toContain(
      "Action failed: Error: disk full at /srv/db with [redacted]",
    );
    expect(logged.join("\n")).not.toContain(TEST_ACCESS_TOKEN);
  });

  it("is what an HTTP route answers, field for field", async () => {
    const error = new AppError("STASH_UNREACHABLE", `Cannot reach Stash with ${STASH_KEY}`);
    const answer = publicError(error, { where: "test" });
    const response = httpErrorResponse(error);

    expect(response.status).toBe(answer.status);
    expect(await response.json()).toEqual({
      error: { code: answer.code, message: answer.message },
    });
  });
});
