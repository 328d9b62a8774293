import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { proxy } from "../../proxy";
import { accessControlEnabled } from "../../server/auth/access-token";
import { authorizeRequest } from "../../server/auth/authorize-request";
import { loginPathFor, safeReturnPath } from "../../server/auth/public-paths";
import { isHttpsRequest, requestSite } from "../../server/auth/request-site";
import { OPEN_ACCESS_WARNING, warnIfAccessIsOpen } from "../../server/auth/warn-when-open";

afterEach(() => vi.restoreAllMocks());

describe("without STASH_SYNC_TOKEN", () => {
  it("the app is open, and says so once in the log", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});

    warnIfAccessIsOpen();
    warnIfAccessIsOpen();

    expect(accessControlEnabled()).toBe(false);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toContain(OPEN_ACCESS_WARNING);
    expect(OPEN_ACCESS_WARNING).toBe(
      "STASH_SYNC_TOKEN is not set: anyone who can reach this server can use it",
    );
  });

  it("every request is let in, pages and actions included", () => {
    expect(authorizeRequest(new Headers())).toEqual({ authorized: true, credential: "open" });
    const gate = proxy(
      new NextRequest("http://stash-sync.test/scenes", {
        method: "POST",
        headers: { "next-action": "7f00" },
      }),
    );
    expect(gate.headers.get("x-middleware-next")).toBe("1");
  });
});

describe("where a request comes from", () => {
  const site = (headers: Record<string, string>) => requestSite(new Headers(headers));

  it("trusts the browser's Sec-Fetch-Site first", () => {
    expect(site({ "sec-fetch-site": "same-origin" })).toBe("same-origin");
    expect(site({ "sec-fetch-site": "none" })).toBe("same-origin");
    expect(site({ "sec-fetch-site": "same-site" })).toBe("cross-site");
    expect(
      site({ "sec-fetch-site": "cross-site", origin: "http://app:3000", host: "app:3000" }),
    ).toBe("cross-site");
  });

  it("compares Origin with Host (or the forwarded host) otherwise", () => {
    expect(site({ origin: "http://app:3000", host: "app:3000" })).toBe("same-origin");
    expect(site({ origin: "http://app:3000", host: "app:3001" })).toBe("cross-site");
    expect(
      site({
        origin: "https://sync.example",
        host: "127.0.0.1:3000",
        "x-forwarded-host": "sync.example",
      }),
    ).toBe("same-origin");
    expect(site({ origin: "null", host: "app:3000" })).toBe("cross-site");
  });

  it("knows nothing about a request with neither header (a program)", () => {
    expect(site({ host: "app:3000" })).toBe("unknown");
  });

  it("tells https from the Origin or a TLS-terminating proxy", () => {
    expect(isHttpsRequest(new Headers({ origin: "https://sync.example" }))).toBe(true);
    expect(isHttpsRequest(new Headers({ "x-forwarded-proto": "https" }))).toBe(true);
    expect(isHttpsRequest(new Headers({ origin: "http://localhost:3000" }))).toBe(false);
  });
});

describe("the way back after signing in", () => {
  it.each([
    ["/scenes/1?tab=history", "/scenes/1?tab=history"],
    [null, "/"],
    ["https://evil.example/", "/"],
    ["//evil.example/", "/"],
    ["/\\evil.example", "/"],
    ["scenes", "/"],
  ])("next=%j returns to %j", (next, expected) => {
    expect(safeReturnPath(next)).toBe(expected);
  });

  it("the sign-in page carries the page a person asked for", () => {
    expect(loginPathFor("/")).toBe("/login");
    expect(loginPathFor("/syncs?status=failed")).toBe("/login?next=%2Fsyncs%3Fstatus%3Dfailed");
  });
});
