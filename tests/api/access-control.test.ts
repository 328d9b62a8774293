import { TEST_HOOK_TOKEN } from "./helpers/use-hook-token";
import { TEST_ACCESS_TOKEN } from "./helpers/use-access-token";
import type { AnyProcedure } from "@trpc/server";
import { NextRequest } from "next/server";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStashSyncClient, isStashSyncError } from "../../client";
import { proxy } from "../../proxy";
import { appRouter } from "../../server/api/root";
import { assertAccess } from "../../server/auth/assert-access";
import { isPublicPath, PUBLIC_ROUTES, STASH_HOOK_PATH } from "../../server/auth/public-paths";
import { issueSessionValue, SESSION_COOKIE_NAME } from "../../server/auth/session-cookie";
import { db } from "../../server/db/client";
import { appPaths, appRouteMethods } from "./helpers/app-paths";
import { startAppServer, type AppServer } from "./helpers/start-app-server";

// Every procedure of the router, read from the router itself: a procedure added later is in
// this list without anyone editing the test.
const procedures = Object.entries(
  // The flat record of every procedure by dotted path (nested routers included).
  appRouter._def.procedures as unknown as Record<string, AnyProcedure>,
).map(([path, procedure]) => ({ path, type: procedure._def.type }));

let app: AppServer;
let bare: AppServer; // the route handlers without the proxy in front
beforeAll(async () => {
  [app, bare] = await Promise.all([startAppServer(), startAppServer({ withoutProxy: true })]);
});
afterAll(() => Promise.all([app.close(), bare.close()]));

const sessionCookie = () => `${SESSION_COOKIE_NAME}=${issueSessionValue()}`;

/** One procedure call over raw HTTP, as tRPC's fetch adapter expects it (input null). */
function callProcedure(
  server: AppServer,
  procedure: { path: string; type: string },
  headers: Record<string, string> = {},
) {
  const input = encodeURIComponent(JSON.stringify(superjson.serialize(null)));
  return procedure.type === "mutation"
    ? fetch(`${server.url}/api/trpc/${procedure.path}`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify(superjson.serialize(null)),
      })
    : fetch(`${server.url}/api/trpc/${procedure.path}?input=${input}`, { headers });
}

async function trpcErrorCode(response: Response) {
  const body = (await response.json()) as { error: unknown };
  return (superjson.deserialize(body.error as never) as { data: { code: string } }).data.code;
}

describe("with STASH_SYNC_TOKEN set", () => {
  it("the router has procedures to check", () => {
    expect(procedures.length).toBeGreaterThan(5);
    expect(procedures.some((p) => p.type === "mutation")).toBe(true);
  });

  describe.each(procedures)("tRPC $type $path", (procedure) => {
    it("is refused without the token, by the proxy and by the handler on its own", async () => {
      for (const server of [app, bare]) {
        const response = await callProcedure(server, procedure);
        expect(response.status).toBe(401);
        expect(await trpcErrorCode(response)).toBe("UNAUTHORIZED");
      }
    });

    it("is refused with the hook token, which opens only the Stash hook route", async () => {
      for (const server of [app, bare]) {
        const response = await callProcedure(server, procedure, {
          authorization: `Bearer ${TEST_HOOK_TOKEN}`,
        });
        expect(response.status).toBe(401);
        expect(await trpcErrorCode(response)).toBe("UNAUTHORIZED");
      }
    });

    it("is refused with a wrong token or a forged session", async () => {
      const forged = issueSessionValue().replace(/.$/, (c) => (c === "A" ? "B" : "A"));
      const otherExpiry = issueSessionValue().replace(/\.\d+\./, ".99999999999999.");
      const attempts: Record<string, string>[] = [
        { authorization: `Bearer ${TEST_ACCESS_TOKEN}x` },
        { authorization: `Basic ${TEST_ACCESS_TOKEN}` },
        { cookie: `${SESSION_COOKIE_NAME}=${forged}` },
        { cookie: `${SESSION_COOKIE_NAME}=${otherExpiry}` },
        { cookie: `${SESSION_COOKIE_NAME}=${issueSessionValue(new Date(2020, 0, 1))}` },
      ];
      for (const headers of attempts) {
        for (const server of [app, bare]) {
          expect((await callProcedure(server, procedure, headers)).status).toBe(401);
        }
      }
    });

    it("passes access control with the bearer token", async () => {
      const response = await callProcedure(app, procedure, {
        authorization: `Bearer ${TEST_ACCESS_TOKEN}`,
      });
      // Null input may be bad input for this procedure; what matters is that access passed.
      expect([401, 403]).not.toContain(response.status);
      expect(await response.text()).not.toContain(TEST_ACCESS_TOKEN);
    });
  });

  it("a client without the token gets a typed UNAUTHORIZED error", async () => {
    const api = createStashSyncClient({ url: app.url });
    const error = await api.sync.list.query({}).catch((e: unknown) => e);

    expect(isStashSyncError(error) && error.data?.code).toBe("UNAUTHORIZED");
    expect(isStashSyncError(error) && error.data?.httpStatus).toBe(401);
  });

  it("a client with the token is let in", async () => {
    const api = createStashSyncClient({ url: app.url, token: TEST_ACCESS_TOKEN });
    expect(await api.sync.list.query({})).toEqual({
      items: [],
      nextCursor: null,
      hiddenUnchanged: 0,
    });
  });

  it("a signed-in browser's session cookie is let in for queries", async () => {
    const response = await fetch(`${app.url}/api/trpc/sync.running`, {
      headers: { cookie: sessionCookie() },
    });
    expect(response.status).toBe(200);
  });

  it("knows every route's methods, the restore route's POST among them", () => {
    expect(appRouteMethods()).toContainEqual(["/api/scenes/1/restore", "POST"]);
    expect(appRouteMethods()).toContainEqual(["/api/scenes/1/sync-logs", "GET"]);
  });

  // Open on purpose, and tested as such below.
  const guardedRoutes = appRouteMethods().filter(([route]) => !isPublicPath(route));

  it("knows the routes open on purpose: the health check only", () => {
    expect(appRouteMethods().filter(([route]) => isPublicPath(route))).toEqual([
      ["/api/health", "GET"],
    ]);
  });

  it.each(PUBLIC_ROUTES)("public route %s answers without the token", async (route) => {
    for (const server of [app, bare]) {
      const response = await fetch(`${server.url}${route}`);
      expect(response.status).toBe(200);
    }
  });

  describe.each(guardedRoutes)("HTTP route %s (%s)", (route, method) => {
    // tRPC's route answers a query by GET and a mutation by POST.
    const procedure = method === "GET" ? "sync.running" : "sync.cancel";
    const url = (server: AppServer) =>
      `${server.url}${route.replace("/api/trpc/1", `/api/trpc/${procedure}`)}`;

    it("is refused without the token, by the proxy and by the handler on its own", async () => {
      for (const server of [app, bare]) {
        const body = method === "GET" ? undefined : JSON.stringify(superjson.serialize(null));
        const response = await fetch(url(server), {
          method,
          headers: { "content-type": "application/json" },
          body,
        });
        expect(response.status).toBe(401);
      }
    });

    const hookRoute = route === STASH_HOOK_PATH;
    it(`is ${hookRoute ? "let in" : "refused"} with the hook token, by the proxy and by the handler on its own`, async () => {
      for (const server of [app, bare]) {
        const response = await fetch(url(server), {
          method,
          headers: {
            "content-type": "application/json",
            authorization: `Bearer ${TEST_HOOK_TOKEN}`,
          },
          body: method === "GET" ? undefined : JSON.stringify({ type: "Scene.Update.Post" }),
        });
        // Past access control, the hook route refuses a hook without its id.
        expect(response.status).toBe(hookRoute ? 400 : 401);
      }
    });
  });

  it("the hook route is among the routes checked", () => {
    expect(guardedRoutes).toContainEqual([STASH_HOOK_PATH, "POST"]);
  });

  it("the restore route is let in with the bearer token, and with a same-origin session", async () => {
    const credentials: Record<string, string>[] = [
      { authorization: `Bearer ${TEST_ACCESS_TOKEN}` },
      { cookie: sessionCookie(), origin: app.url, "sec-fetch-site": "same-origin" },
    ];
    for (const headers of credentials) {
      const response = await fetch(`${app.url}/api/scenes/987654/restore`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ logId: 1 }),
      });
      // Past access control: writes to Stash are off in this database.
      expect(response.status).toBe(403);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
        "WRITES_DISABLED",
      );
    }
  });

  it("the sync-logs route answers 401 as a JSON error that names the scheme", async () => {
    const response = await fetch(`${app.url}/api/scenes/1/sync-logs`);

    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(await response.json()).toEqual({
      error: { code: "UNAUTHORIZED", message: "Sign in or send the access token." },
    });
  });

  it("the sync-logs route is let in with the bearer token or the session", async () => {
    const credentials: Record<string, string>[] = [
      { authorization: `Bearer ${TEST_ACCESS_TOKEN}` },
      { cookie: sessionCookie() },
    ];
    for (const headers of credentials) {
      const response = await fetch(`${app.url}/api/scenes/987654/sync-logs`, { headers });
      expect(response.status).toBe(404);
    }
  });
});

describe("cross-site requests with a session cookie", () => {
  it("the restore route refuses a session from another site with 403, as mutations do", async () => {
    const sites: Record<string, string>[] = [
      { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
      { "sec-fetch-site": "same-site" },
      {},
    ];
    for (const site of sites) {
      const response = await fetch(`${app.url}/api/scenes/1/restore`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie: sessionCookie(), ...site },
        body: JSON.stringify({ logId: 1 }),
      });
      expect(response.status).toBe(403);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("FORBIDDEN");
    }
  });

  const cancel = { path: "sync.cancel", type: "mutation" };
  const start = { path: "sync.start", type: "mutation" };

  it("a mutation from another site is refused with 403 and changes nothing", async () => {
    const before = await db().syncHistory.count();
    const sites: Record<string, string>[] = [
      { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
      { origin: "https://evil.example" },
      { "sec-fetch-site": "same-site" },
      {}, // a cookie without any sign of the page it came from
    ];
    for (const site of sites) {
      const response = await fetch(`${app.url}/api/trpc/${start.path}`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie: sessionCookie(), ...site },
        body: JSON.stringify(superjson.serialize({ type: "full" })),
      });
      expect(response.status).toBe(403);
      expect(await trpcErrorCode(response)).toBe("FORBIDDEN");
    }
    expect(await db().syncHistory.count()).toBe(before);
  });

  it("a cross-site HTML form (multipart) cannot drive a mutation", async () => {
    const form = new FormData();
    form.set("type", "full");
    const response = await fetch(`${app.url}/api/trpc/${start.path}`, {
      method: "POST",
      headers: { cookie: sessionCookie(), origin: "https://evil.example" },
      body: form,
    });
    expect(response.status).toBe(403);
  });

  it("a mutation from the app's own pages is let in", async () => {
    const response = await callProcedure(app, cancel, {
      cookie: sessionCookie(),
      origin: app.url,
      "sec-fetch-site": "same-origin",
    });
    expect(response.status).toBe(400); // access passed; null is not a job id
  });

  it("a bearer token needs no origin: a browser never sends it on its own", async () => {
    const response = await callProcedure(app, cancel, {
      authorization: `Bearer ${TEST_ACCESS_TOKEN}`,
      origin: "https://elsewhere.example",
    });
    expect(response.status).toBe(400);
  });
});

describe("pages and server actions behind the proxy", () => {
  const gate = (pathname: string, init: ConstructorParameters<typeof NextRequest>[1] = {}) =>
    proxy(new NextRequest(new URL(pathname, "http://stash-sync.test"), init));
  const passes = (response: Response) => response.headers.get("x-middleware-next") === "1";
  const pages = appPaths("page").filter((page) => page !== "/login");

  it("knows the app's pages", () => {
    expect(pages).toContain("/");
    expect(pages.length).toBeGreaterThan(1);
  });

  it.each(pages)("page %s sends a person without a session to sign in", (page) => {
    const response = gate(`${page}?tab=history`);

    expect(response.status).toBe(307);
    const location = new URL(response.headers.get("location")!);
    expect(location.pathname).toBe("/login");
    if (page !== "/") expect(location.searchParams.get("next")).toBe(`${page}?tab=history`);
  });

  it.each(pages)("a server action posted to %s without a session is refused", (page) => {
    const response = gate(page, {
      method: "POST",
      headers: {
        "next-action": "7f00000000000000000000000000000000000000",
        origin: "http://stash-sync.test",
      },
      body: "[]",
    });
    expect(response.status).toBe(401);
  });

  it.each(pages)("page %s and its actions refuse the hook token", (page) => {
    const authorization = `Bearer ${TEST_HOOK_TOKEN}`;
    expect(gate(page, { headers: { authorization } }).status).toBe(307);
    const action = gate(page, {
      method: "POST",
      headers: { authorization, "next-action": "7f00", origin: "http://stash-sync.test" },
      body: "[]",
    });
    expect(action.status).toBe(401);
    // And the action's own check (run-action.ts), should the proxy ever let it through.
    expect(() => assertAccess(new Headers({ authorization }))).toThrow();
  });

  it.each(pages)("page %s and its actions are let in with a session", (page) => {
    const cookie = sessionCookie();
    expect(passes(gate(page, { headers: { cookie } }))).toBe(true);
    expect(
      passes(
        gate(page, { method: "POST", headers: { cookie, "next-action": "7f00" }, body: "[]" }),
      ),
    ).toBe(true);
  });

  it("the sign-in page and its action are open", () => {
    expect(passes(gate("/login"))).toBe(true);
    expect(passes(gate("/login", { method: "POST", headers: { "next-action": "7f00" } }))).toBe(
      true,
    );
  });

  it("paths that only look like the sign-in page or the health check are not open", () => {
    for (const path of [
      "/login/../scenes",
      "/loginx",
      "/login/extra",
      "/api/login",
      "/api/healthx",
      "/api/health/../scenes/1/sync-logs",
      "/api/health/extra",
    ]) {
      expect(passes(gate(path))).toBe(false);
    }
  });
});
