import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../server/db/client";
import {
  setWebhookRetryPolicy,
  webhookDeliveriesSettled,
} from "../../server/notifications/notify-run-ended";
import {
  listNotifications,
  markNotificationsRead,
} from "../../server/notifications/read-notifications";
import { readWebhookView, saveWebhookSettings } from "../../server/notifications/webhook-settings";
import { withStashSim } from "../helpers/stash-sim";
import { syncNow } from "../helpers/sync-run";

const sim = withStashSim({ scenes: 60, seed: 3 });

/** A webhook receiver on localhost that answers each POST with the next status in line. */
function startReceiver() {
  const received: Array<{ path: string; body: unknown; contentType: string | undefined }> = [];
  let statuses: number[] = [];
  const server: Server = createServer((request, response) => {
    let text = "";
    request.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
    request.on("end", () => {
      received.push({
        path: request.url ?? "",
        body: JSON.parse(text),
        contentType: request.headers["content-type"],
      });
      response.statusCode = statuses.shift() ?? 200;
      response.end();
    });
  });
  return {
    received,
    answerWith: (next: number[]) => (statuses = [...next]),
    listen: () =>
      new Promise<string>((resolve) =>
        server.listen(0, "127.0.0.1", () => {
          resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
        }),
      ),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const receiver = startReceiver();
let receiverUrl: string;
beforeAll(async () => {
  receiverUrl = await receiver.listen();
  // Tests should not wait seconds between retries; the number of tries is the default's.
  setWebhookRetryPolicy({ backoffMs: [10, 20], timeoutMs: 5_000 });
});
afterAll(() => receiver.close());
afterEach(async () => {
  await webhookDeliveriesSettled();
  await saveWebhookSettings({ url: "" });
  await markNotificationsRead({});
  receiver.received.length = 0;
});

describe("notifications when a run ends", () => {
  it("a clean run notifies nobody", async () => {
    const before = await db().notification.count();
    expect((await syncNow(sim, { type: "full" })).status).toBe("completed");
    expect(await db().notification.count()).toBe(before);
  });

  it("a run with failed entities becomes an unread notification that can be marked read", async () => {
    sim.corruptScene(5, "bad-date");
    const summary = await syncNow(sim, { type: "full" });
    sim.corruptScene(5, null);
    expect(summary.status).toBe("completed_with_errors");

    const page = await listNotifications({});
    expect(page.unread).toBe(1);
    expect(page.items[0]).toMatchObject({
      kind: "run_with_failures",
      jobId: summary.jobId,
      title: "Full Sync finished with 1 failed entity",
      readAt: null,
    });
    expect(await markNotificationsRead({ ids: [page.items[0]!.id] })).toEqual({ unread: 0 });
    expect((await listNotifications({ onlyUnread: true })).items).toEqual([]);
  });

  it("a failed run is a run_failed notification with the run's message", async () => {
    sim.setApiKey("the-right-key");
    const summary = await syncNow(
      sim,
      { type: "incremental" },
      { stash: { url: sim.url, apiKey: "wrong-key-456" } },
    );
    expect(summary.status).toBe("failed");
    const [latest] = (await listNotifications({ limit: 1 })).items;
    expect(latest).toMatchObject({ kind: "run_failed", jobId: summary.jobId });
    expect(latest?.body).toBe(summary.errorMessage);
  });
});

describe("the webhook", () => {
  it("receives the event as a JSON POST, and is retried after a 500", async () => {
    await saveWebhookSettings({ url: `${receiverUrl}/hooks/secret-token-abc` });
    receiver.answerWith([500, 200]);
    sim.corruptScene(9, "bad-date");
    const summary = await syncNow(sim, { type: "full" });
    sim.corruptScene(9, null);
    await webhookDeliveriesSettled();

    expect(receiver.received).toHaveLength(2);
    const [first, second] = receiver.received;
    expect(first?.path).toBe("/hooks/secret-token-abc");
    expect(first?.contentType).toBe("application/json");
    expect(second?.body).toEqual(first?.body);
    expect(first?.body).toMatchObject({
      event: "run_with_failures",
      run: {
        jobId: summary.jobId,
        syncType: "full",
        status: "completed_with_errors",
        itemsFailed: 1,
      },
    });

    const view = await readWebhookView();
    expect(view).toMatchObject({
      configured: true,
      host: new URL(receiverUrl).host,
      lastDelivery: { ok: true, status: 200, attempts: 2, error: null },
    });
    expect(JSON.stringify(view)).not.toContain("secret-token-abc");
  });

  it("gives up after three tries and records why", async () => {
    await saveWebhookSettings({ url: `${receiverUrl}/hooks/other` });
    receiver.answerWith([500, 502, 503]);
    sim.setApiKey("the-right-key");
    await syncNow(sim, { type: "incremental" }, { stash: { url: sim.url, apiKey: "nope-nope-1" } });
    await webhookDeliveriesSettled();

    expect(receiver.received).toHaveLength(3);
    expect((await readWebhookView()).lastDelivery).toMatchObject({
      ok: false,
      status: 503,
      attempts: 3,
      error: "the receiver answered HTTP 503",
    });
  });
});
