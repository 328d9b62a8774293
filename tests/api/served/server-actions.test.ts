import { TEST_ACCESS_TOKEN as TOKEN } from "../helpers/use-access-token";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueSessionValue, SESSION_COOKIE_NAME } from "../../../server/auth/session-cookie";
import { startNextServer, type NextServer } from "../helpers/start-next-server";

let server: NextServer;
beforeAll(async () => {
  server = await startNextServer({
    DATABASE_URL: process.env.DATABASE_URL!,
    STASH_SYNC_TOKEN: TOKEN,
  });
});
afterAll(() => server.close());

interface ManifestEntry {
  filename?: string;
  exportedName?: string;
}

/** The id Next gave a server action in this build, as a page's form posts it. */
function actionId(filename: string, exportedName: string): string {
  const manifest = JSON.parse(
    readFileSync(path.resolve(".next/server/server-reference-manifest.json"), "utf8"),
  ) as { node: Record<string, ManifestEntry> };
  const found = Object.entries(manifest.node).find(
    ([, entry]) => entry.filename === filename && entry.exportedName === exportedName,
  );
  if (!found) throw new Error(`no server action ${exportedName} in ${filename}`);
  return found[0];
}

/** Calls a server action the way its page does, and reads the value it answered. */
async function callAction(page: string, filename: string, name: string, args: unknown[]) {
  const response = await fetch(`${server.url}${page}`, {
    method: "POST",
    headers: {
      cookie: `${SESSION_COOKIE_NAME}=${issueSessionValue()}`,
      "next-action": actionId(filename, name),
      accept: "text/x-component",
      "content-type": "text/plain;charset=UTF-8",
    },
    body: JSON.stringify(args),
  });
  expect(response.status).toBe(200);
  const answer = (await response.text())
    .split("\n")
    .map((line) => line.replace(/^[0-9a-f]+:/, ""))
    .find((line) => line.startsWith('{"ok":'));
  if (!answer) throw new Error("the action answered no result");
  return JSON.parse(answer) as { ok: boolean; value?: unknown; error?: Record<string, unknown> };
}

describe("server actions answer through the one error mapping", () => {
  it("bad input names its field, as the API does", async () => {
    const answer = await callAction(
      "/settings",
      "app/_actions/schedule-settings.ts",
      "saveScheduleAction",
      [{ intervalMinutes: 7 }],
    );

    expect(answer.ok).toBe(false);
    expect(answer.error).toMatchObject({ code: "BAD_INPUT", details: {} });
    expect(Object.keys(answer.error!.fields as object)).toEqual(["intervalMinutes"]);
    expect(answer.error!.message).toMatch(/^intervalMinutes: /);
    expect(answer.error).not.toHaveProperty("status");
  });

  it("a domain refusal keeps its code and message", async () => {
    const answer = await callAction("/syncs", "app/_actions/retry-failed.ts", "retryFailedAction", [
      "no-such-job",
    ]);

    expect(answer).toMatchObject({
      ok: false,
      error: {
        code: "NOT_FOUND",
        message: "No sync run with job id no-such-job.",
        fields: null,
      },
    });
  });

  it("a form saved through its action answers the saved view", async () => {
    const answer = await callAction(
      "/settings",
      "app/_actions/schedule-settings.ts",
      "saveScheduleAction",
      [{ intervalMinutes: 60 }],
    );

    expect(answer).toMatchObject({ ok: true, value: { intervalMinutes: 60 } });
  });

  it("watch mode and page requests in flight are saved through their actions, bad input named", async () => {
    const tooOften = await callAction(
      "/settings",
      "app/_actions/watch-settings.ts",
      "saveWatchSettingsAction",
      [{ enabled: true, intervalSeconds: 5 }],
    );
    expect(tooOften).toMatchObject({ ok: false, error: { code: "BAD_INPUT" } });
    expect(Object.keys(tooOften.error!.fields as object)).toEqual(["intervalSeconds"]);
    const watch = await callAction(
      "/settings",
      "app/_actions/watch-settings.ts",
      "saveWatchSettingsAction",
      [{ enabled: false, intervalSeconds: 45 }],
    );
    expect(watch).toMatchObject({ ok: true, value: { enabled: false, intervalSeconds: 45 } });

    const tooMany = await callAction(
      "/settings",
      "app/_actions/page-concurrency.ts",
      "savePageConcurrencyAction",
      [{ pageConcurrency: 9 }],
    );
    expect(tooMany).toMatchObject({ ok: false, error: { code: "BAD_INPUT" } });
    expect(tooMany.error!.message).toMatch(/at most 8/);
    const saved = await callAction(
      "/settings",
      "app/_actions/page-concurrency.ts",
      "savePageConcurrencyAction",
      [{ pageConcurrency: 2 }],
    );
    expect(saved).toMatchObject({ ok: true, value: 2 });
  });

  it("the Plans pages' actions refuse with typed errors: writes off, an unknown change", async () => {
    const apply = await callAction("/plans", "app/_actions/analysis.ts", "applyPlanAction", [1]);
    expect(apply).toMatchObject({ ok: false, error: { code: "WRITES_DISABLED" } });
    const review = await callAction("/plans", "app/_actions/analysis.ts", "reviewChangeAction", [
      { changeId: 424242, decision: "approve" },
    ]);
    expect(review).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    const bad = await callAction("/plans", "app/_actions/analysis.ts", "createAndRunPlanAction", [
      { name: "x", analyzers: ["nonsense"], scope: { kind: "library" } },
    ]);
    expect(bad).toMatchObject({ ok: false, error: { code: "BAD_INPUT" } });
  });
});
