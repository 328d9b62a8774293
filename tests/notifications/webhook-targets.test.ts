import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createStashSyncClient, isStashSyncError } from "../../client";
import { deliverWebhook } from "../../server/notifications/deliver-webhook";
import type { WebhookEvent } from "../../server/notifications/notification-schema";
import { setWebhookHostResolver } from "../../server/notifications/webhook-address";
import { readWebhookUrl, saveWebhookSettings } from "../../server/notifications/webhook-settings";
import { startAppServer, type AppServer } from "../api/helpers/start-app-server";

/** A webhook receiver on 127.0.0.1 that records what reaches it. */
const received: Array<{ path: string; headers: IncomingHttpHeaders }> = [];
const receiver = createServer((request, response) => {
  received.push({ path: request.url ?? "", headers: request.headers });
  request.resume().on("end", () => response.end());
});
let port: number;
let app: AppServer;
const logged: string[] = [];
beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  port = (receiver.address() as AddressInfo).port;
  app = await startAppServer();
  for (const level of ["log", "warn", "error"] as const) {
    vi.spyOn(console, level).mockImplementation((line: string) => void logged.push(line));
  }
});
afterAll(async () => {
  vi.restoreAllMocks();
  await app.close();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});
afterEach(async () => {
  setWebhookHostResolver(null);
  await saveWebhookSettings({ url: "" });
  received.length = 0;
});

const api = () => createStashSyncClient({ url: app.url });
const saveOverHttp = (url: string) => api().notifications.saveWebhook.mutate({ url });

async function refusal(url: string) {
  const error = await saveOverHttp(url).then(
    () => null,
    (e: unknown) => e,
  );
  if (!isStashSyncError(error)) throw new Error(`${url} was saved`);
  return error;
}

/** A DNS that answers from this table, which a test may change between two calls. */
function resolveNamesTo(table: Record<string, string>) {
  setWebhookHostResolver(async (hostname) => {
    const address = table[hostname];
    if (!address) throw new Error(`ENOTFOUND ${hostname}`);
    return [{ address, family: address.includes(":") ? 6 : 4 }];
  });
}

const event: WebhookEvent = {
  event: "run_failed",
  title: "Full sync failed",
  body: "Stash went away.",
  run: {
    jobId: "job-1",
    syncType: "full",
    status: "failed",
    itemsSynced: 0,
    itemsFailed: 0,
    errorMessage: "Stash went away.",
  },
  createdAt: new Date().toISOString(),
};
const quickly = { backoffMs: [10, 10], timeoutMs: 5_000 };

describe("saving a webhook over HTTP", () => {
  it.each([
    "http://169.254.169.254/latest/meta-data/",
    "http://169.254.170.2/v2/credentials",
    "http://[::ffff:169.254.169.254]/",
    "http://[::ffff:a9fe:a9fe]/",
    "http://[64:ff9b::a9fe:a9fe]/",
    "http://[fd00:ec2::254]/",
    "http://[fe80::1]/",
    "http://0.0.0.0:8080/",
    "http://100.100.100.200/",
  ])("refuses %s, a link-local or cloud-metadata address", async (url) => {
    const error = await refusal(url);

    expect(error.data?.httpStatus).toBe(400);
    expect(error.message).toMatch(
      /^Webhook not saved: .* resolves to .*(link-local|metadata|unspecified)/,
    );
    expect(await readWebhookUrl()).toBeNull();
  });

  it("refuses a host name that resolves to one", async () => {
    resolveNamesTo({ "metadata.internal.example": "169.254.169.254" });

    const error = await refusal("http://metadata.internal.example/computeMetadata/v1/");

    expect(error.message).toContain("metadata.internal.example resolves to 169.254.169.254");
  });

  it("allows LAN receivers, and says what they resolved to", async () => {
    resolveNamesTo({ "ntfy.lan": "192.168.1.20" });

    expect(await saveOverHttp("http://ntfy.lan/stash-sync")).toMatchObject({
      host: "ntfy.lan",
      address: "192.168.1.20",
    });
    expect(await saveOverHttp("http://10.0.0.5:8080/hook")).toMatchObject({ address: "10.0.0.5" });
  });

  it("never answers with the credentials a URL carries, nor logs them", async () => {
    logged.length = 0;
    const url = `http://hookuser:pa55-w0rd-xyz@127.0.0.1:${port}/hooks/token-123`;

    const view = await saveOverHttp(url);
    const refused = await refusal("http://hookuser:pa55-w0rd-xyz@169.254.169.254/");

    expect(view).toMatchObject({ configured: true, host: `127.0.0.1:${port}` });
    for (const text of [JSON.stringify(view), JSON.stringify(refused.shape), logged.join("\n")]) {
      expect(text).not.toMatch(/pa55-w0rd-xyz|hookuser|token-123/);
    }
  });
});

describe("delivering a webhook", () => {
  it("sends a URL's credentials as Basic authorization, not in the address", async () => {
    logged.length = 0;
    const url = `http://hookuser:pa55-w0rd-xyz@127.0.0.1:${port}/hooks/a`;
    await saveWebhookSettings({ url });

    expect(await deliverWebhook(url, event, quickly)).toMatchObject({ ok: true, status: 200 });
    expect(received).toHaveLength(1);
    expect(received[0]!.headers.authorization).toBe(
      `Basic ${Buffer.from("hookuser:pa55-w0rd-xyz").toString("base64")}`,
    );
    expect(logged.join("\n")).not.toContain("pa55-w0rd-xyz");
  });

  it("connects to the address it checked: a host name is resolved by the webhook's own lookup", async () => {
    resolveNamesTo({ "hooks.test": "127.0.0.1" });
    const url = `http://hooks.test:${port}/hooks/b`;
    await saveWebhookSettings({ url });

    expect(await deliverWebhook(url, event, quickly)).toMatchObject({ ok: true });
    expect(received.map((r) => r.path)).toEqual(["/hooks/b"]);
  });

  it("checks again at delivery: a name that now resolves to a metadata address gets nothing sent", async () => {
    const table = { "hooks.test": "127.0.0.1" };
    resolveNamesTo(table);
    const url = `http://hooks.test:${port}/hooks/c`;
    await saveWebhookSettings({ url });
    table["hooks.test"] = "169.254.169.254";

    const delivery = await deliverWebhook(url, event, quickly);

    expect(delivery).toMatchObject({ ok: false, status: null, attempts: 1 });
    expect(delivery.error).toContain("hooks.test resolves to 169.254.169.254");
    expect(received).toEqual([]);
  });
});
