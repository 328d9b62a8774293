import { TEST_ACCESS_TOKEN as TOKEN } from "../helpers/use-access-token";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueSessionValue, SESSION_COOKIE_NAME } from "../../../server/auth/session-cookie";
import { fetchFrom, formBody, hiddenFieldsOfForm } from "../helpers/served-forms";
import { startNextServer, type NextServer } from "../helpers/start-next-server";

// The server's policy (server/auth/token-guesses.ts): ten wrong tokens are free.
const FREE = 10;
const HOOK_TOKEN = "served-hook-token-0123456789";

let direct: NextServer;
let behindProxy: NextServer;
beforeAll(async () => {
  const database = {
    DATABASE_URL: process.env.DATABASE_URL!,
    STASH_SYNC_TOKEN: TOKEN,
    STASH_SYNC_HOOK_TOKEN: HOOK_TOKEN,
  };
  [direct, behindProxy] = await Promise.all([
    startNextServer(database),
    // As behind a reverse proxy on this machine: its X-Forwarded-For names the client.
    startNextServer({ ...database, STASH_SYNC_TRUSTED_PROXIES: "127.0.0.1" }),
  ]);
});
afterAll(() => Promise.all([direct.close(), behindProxy.close()]));

const bearer = (token: string, extra: Record<string, string> = {}) => ({
  headers: { authorization: `Bearer ${token}`, ...extra },
});

async function guessBearer(server: NextServer, from: string, times: number, extra = {}) {
  const statuses: number[] = [];
  for (let i = 0; i < times; i++) {
    const response = await fetchFrom(from)(
      `${server.url}/api/trpc/sync.running`,
      bearer(`wrong-guess-${i}`, extra),
    );
    statuses.push(response.status);
  }
  return statuses;
}

describe("guessing the bearer token", () => {
  it("is refused with 429 and Retry-After after ten wrong tokens, without judging the next", async () => {
    expect(await guessBearer(direct, "127.0.0.2", FREE + 1)).toEqual(Array(FREE + 1).fill(401));

    // Now even the right token is not judged for this client: an answer would be a guess's.
    const limited = await fetchFrom("127.0.0.2")(
      `${direct.url}/api/trpc/sync.running`,
      bearer(TOKEN),
    );
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await limited.text()).toContain("TOO_MANY_REQUESTS");

    const route = await fetchFrom("127.0.0.2")(
      `${direct.url}/api/scenes/1/sync-logs`,
      bearer(TOKEN),
    );
    expect(route.status).toBe(429);
    expect(((await route.json()) as { error: { code: string } }).error.code).toBe("RATE_LIMITED");
  });

  it("leaves other clients alone, and a limited client's signed-in browser too", async () => {
    await guessBearer(direct, "127.0.0.3", FREE + 1);

    const other = await fetchFrom("127.0.0.4")(
      `${direct.url}/api/trpc/sync.running`,
      bearer(TOKEN),
    );
    expect(other.status).toBe(200);
    const session = await fetchFrom("127.0.0.3")(`${direct.url}/api/trpc/sync.running`, {
      headers: { cookie: `${SESSION_COOKIE_NAME}=${issueSessionValue()}` },
    });
    expect(session.status).toBe(200);
  });

  it("is not escaped by sending a made-up X-Forwarded-For", async () => {
    await guessBearer(direct, "127.0.0.5", FREE + 1);

    const statuses = await guessBearer(direct, "127.0.0.5", 3, {
      "x-forwarded-for": "203.0.113.9",
    });
    expect(statuses).toEqual([429, 429, 429]);
  });

  it("refuses the hook token on the app's routes without counting it as a guess", async () => {
    for (let i = 0; i <= FREE + 1; i++) {
      const response = await fetchFrom("127.0.0.9")(
        `${direct.url}/api/trpc/sync.running`,
        bearer(HOOK_TOKEN),
      );
      expect(response.status).toBe(401);
    }
    const access = await fetchFrom("127.0.0.9")(
      `${direct.url}/api/trpc/sync.running`,
      bearer(TOKEN),
    );
    expect(access.status).toBe(200);
    expect(direct.logs.join("\n")).not.toContain(HOOK_TOKEN);
  });

  it("lets no one clear their wrong guesses with the hook token", async () => {
    expect(await guessBearer(direct, "127.0.0.11", FREE)).toEqual(Array(FREE).fill(401));
    const hook = await fetchFrom("127.0.0.11")(`${direct.url}/api/stash-hook`, {
      method: "POST",
      headers: { authorization: `Bearer ${HOOK_TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ type: "Scene.Update.Post" }),
    });
    expect(hook.status).toBe(400); // let in, then refused for the missing id: nothing runs
    expect(await guessBearer(direct, "127.0.0.11", 2)).toEqual([401, 429]);
  });

  it("logs the client and the count, never a guessed value", async () => {
    await guessBearer(direct, "127.0.0.6", FREE + 1);

    // The server's stderr reaches this process on its own pipe, after the answer may have.
    await expect
      .poll(() =>
        direct.logs.some(
          (line) =>
            line.includes("Access token guessing") &&
            line.includes(`${FREE + 1} wrong tokens (bearer token) from 127.0.0.6`),
        ),
      )
      .toBe(true);
    expect(direct.logs.join("\n")).not.toMatch(/wrong-guess-/);
    expect(direct.logs.join("\n")).not.toContain(TOKEN);
  });
});

describe("guessing the token on the sign-in page", () => {
  async function signIn(from: string, token: string) {
    const page = await fetchFrom(from)(`${direct.url}/login`);
    const fields = hiddenFieldsOfForm(await page.text(), "token");
    return fetchFrom(from)(`${direct.url}/login`, {
      method: "POST",
      body: formBody(fields, { next: "/", token }),
      redirect: "manual",
    });
  }

  it("answers 429 with Retry-After after ten wrong tokens, and sets no cookie", async () => {
    for (let i = 0; i <= FREE; i++) {
      const response = await signIn("127.0.0.7", `sign-in-guess-${i}`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain("That is not the access token");
    }

    const limited = await signIn("127.0.0.7", TOKEN);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited.headers.get("set-cookie")).toBeNull();
    expect(await limited.text()).toMatch(/^Too many wrong access tokens from this address/);
    await expect
      .poll(() => direct.logs.some((line) => line.includes("(sign-in) from 127.0.0.7")))
      .toBe(true);
    expect(direct.logs.join("\n")).not.toMatch(/sign-in-guess-/);
  });

  it("does not sign in with the hook token, and says which token that is", async () => {
    const response = await signIn("127.0.0.10", HOOK_TOKEN);

    expect(response.status).toBe(200);
    expect(response.headers.get("set-cookie")).toBeNull();
    const page = await response.text();
    expect(page).toContain("That is the hook token (STASH_SYNC_HOOK_TOKEN)");
    expect(page).not.toContain(HOOK_TOKEN);
  });

  it("still signs in a person at another address", async () => {
    const response = await signIn("127.0.0.8", TOKEN);

    expect(response.status).toBe(303);
    expect(response.headers.get("set-cookie")).toContain(`${SESSION_COOKIE_NAME}=`);
  });
});

describe("behind a trusted reverse proxy", () => {
  it("counts each forwarded client on its own, and the proxy itself never", async () => {
    const forwardedFor = (client: string) => ({ "x-forwarded-for": client });
    const statuses = await guessBearer(
      behindProxy,
      "127.0.0.1",
      FREE + 2,
      forwardedFor("198.51.100.7"),
    );
    expect(statuses.at(-1)).toBe(429);

    const other = await fetch(`${behindProxy.url}/api/trpc/sync.running`, {
      headers: { authorization: `Bearer ${TOKEN}`, ...forwardedFor("198.51.100.8") },
    });
    expect(other.status).toBe(200);
    await expect
      .poll(() => behindProxy.logs.some((line) => line.includes("from 198.51.100.7")))
      .toBe(true);
  });
});
