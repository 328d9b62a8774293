import { TEST_ACCESS_TOKEN as TOKEN } from "../helpers/use-access-token";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueSessionValue, SESSION_COOKIE_NAME } from "../../../server/auth/session-cookie";
import { fetchFrom, formBody, hiddenFieldsOfForm } from "../helpers/served-forms";
import { startNextServer, type NextServer } from "../helpers/start-next-server";

let server: NextServer;
beforeAll(async () => {
  server = await startNextServer({
    DATABASE_URL: process.env.DATABASE_URL!,
    STASH_SYNC_TOKEN: TOKEN,
  });
});
afterAll(() => server.close());

/** Signs in the way a browser without script does: the form's own fields, posted. */
async function signIn(next: string, token = TOKEN) {
  const page = await fetch(`${server.url}/login`);
  const fields = hiddenFieldsOfForm(await page.text(), "token");
  return fetch(`${server.url}/login`, {
    method: "POST",
    body: formBody(fields, { next, token }) as unknown as FormData,
    redirect: "manual",
  });
}

const hostileNexts = [
  "/\t/evil.example/x",
  "/\n/evil.example/x",
  "/\\evil.example/x",
  "//evil.example/x",
  "/.//evil.example/x",
  "https://evil.example/x",
  "/x\r\nSet-Cookie: stolen=1",
];

describe("signing in under next start", () => {
  it.each(hostileNexts)(
    "with next=%j returns to this site's dashboard, not elsewhere",
    async (next) => {
      const response = await signIn(next);

      expect(response.status).toBe(303);
      expect(response.headers.get("location")).toBe("/");
      expect(response.headers.get("set-cookie")).toContain(`${SESSION_COOKIE_NAME}=`);
    },
  );

  it.each([
    ["/scenes/1?tab=history", "/scenes/1?tab=history"],
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
    ["/\u2028/evil.example", "/%E2%80%A8/evil.example"],
    ["/scènes", "/sc%C3%A8nes"],
  ])("with next=%j returns to %j, a path of this site", async (next, location) => {
    const response = await signIn(next);

    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(location);
    expect(new URL(location, server.url).origin).toBe(server.url);
  });

  it("offers a signed-in browser a Continue link that stays on this site", async () => {
    const cookie = `${SESSION_COOKIE_NAME}=${issueSessionValue()}`;
    for (const next of hostileNexts) {
      const page = await fetchFrom("127.0.0.20")(
        `${server.url}/login?next=${encodeURIComponent(next)}`,
        { headers: { cookie } },
      );
      const html = await page.text();
      const continueLink = /<a [^>]*href="([^"]*)"[^>]*>Continue<\/a>/.exec(html);
      expect(continueLink?.[1], next).toBe("/");
    }
  });
});
