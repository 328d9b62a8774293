import { TEST_ACCESS_TOKEN as TOKEN } from "../helpers/use-access-token";
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueSessionValue, SESSION_COOKIE_NAME } from "../../../server/auth/session-cookie";
import { db } from "../../../server/db/client";
import { saveWebhookSettings } from "../../../server/notifications/webhook-settings";
import { createScene } from "../../factories/library";
import { hiddenFieldsOfForm, formBody } from "../helpers/served-forms";
import { startNextServer, type NextServer } from "../helpers/start-next-server";

let server: NextServer;
beforeAll(async () => {
  server = await startNextServer({
    DATABASE_URL: process.env.DATABASE_URL!,
    STASH_SYNC_TOKEN: TOKEN,
    LOG_LEVEL: "debug",
  });
});
afterAll(() => server.close());

const cookie = () => `${SESSION_COOKIE_NAME}=${issueSessionValue()}`;
const page = async (path: string) =>
  (await fetch(`${server.url}${path}`, { headers: { cookie: cookie() } })).text();

describe("a server action posted from another site", () => {
  it("is refused with 403, not a 500, on the sign-in page and behind a session", async () => {
    const signInPage = await fetch(`${server.url}/login`);
    const fields = hiddenFieldsOfForm(await signInPage.text(), "token");
    const forged = await fetch(`${server.url}/login`, {
      method: "POST",
      headers: { origin: "https://evil.example" },
      body: formBody(fields, { next: "/", token: TOKEN }) as unknown as FormData,
      redirect: "manual",
    });
    expect(forged.status).toBe(403);
    expect(forged.headers.get("set-cookie")).toBeNull();

    const withSession = await fetch(`${server.url}/settings`, {
      method: "POST",
      headers: {
        cookie: cookie(),
        origin: "https://evil.example",
        "sec-fetch-site": "cross-site",
        "next-action": "7f0000000000000000000000000000000000000000",
      },
      body: "[]",
    });
    expect(withSession.status).toBe(403);
    expect(((await withSession.json()) as { error: { code: string } }).error.code).toBe(
      "FORBIDDEN",
    );
  });
});

describe("a client that hangs up mid-request", () => {
  it("is a debug line, not an error", async () => {
    for (const path of ["/api/trpc/sync.start", "/settings"]) {
      await new Promise<void>((resolve) => {
        const request = httpRequest(`${server.url}${path}`, {
          method: "POST",
          headers: {
            cookie: cookie(),
            "content-type": "application/json",
            "content-length": "1000",
          },
        });
        request.on("error", () => undefined);
        request.write('{"json":', () => setTimeout(() => (request.destroy(), resolve()), 200));
      });
    }
    await expect
      .poll(() => server.logs.filter((line) => line.includes("A client hung up")).length)
      .toBe(2);

    const hangupLines = server.logs.filter((line) => /aborted|ECONNRESET|hung up/.test(line));
    expect(hangupLines.every((line) => line.includes(" DEBUG stash-sync: "))).toBe(true);
  });
});

describe("what pages show", () => {
  it("Settings shows the webhook's host and resolved address, never its credentials", async () => {
    await saveWebhookSettings({ url: "http://hookuser:s3cr3t-pass@127.0.0.1:9/hooks/abc" });

    const html = await page("/settings");

    expect(html).toContain("127.0.0.1:9");
    expect(html).toContain("resolved to 127.0.0.1 when saved");
    expect(html).not.toMatch(/s3cr3t-pass|hookuser|hooks\/abc/);
  });

  it("a scene's URLs are links only when they are http or https", async () => {
    const scene = await createScene(db());
    const urls = [
      "https://scenes.example/ok",
      "data:text/html,<script>alert(1)</script>",
      "vbscript:msgbox(1)",
      "javascript:alert(1)",
      " JavaScript:alert(2)",
    ];
    await db().scene.update({ where: { id: scene.id }, data: { urls: JSON.stringify(urls) } });

    const html = await page(`/scenes/${scene.id}`);

    const hrefs = [...html.matchAll(/<a [^>]*href="([^"]*)"/g)].map((match) => match[1]);
    expect(hrefs).toContain("https://scenes.example/ok");
    expect(hrefs.filter((href) => /^\s*(data|vbscript|javascript):/i.test(href!))).toEqual([]);
    expect(html).toContain("vbscript:msgbox(1)");
  });
});
