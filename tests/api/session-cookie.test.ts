import { TEST_ACCESS_TOKEN } from "./helpers/use-access-token";
import { describe, expect, it } from "vitest";
import { accessControlEnabled, tokenMatches } from "../../server/auth/access-token";
import {
  issueSessionValue,
  isValidSessionValue,
  SESSION_MAX_AGE_SECONDS,
  sessionCookieAttributes,
} from "../../server/auth/session-cookie";

const day = 86_400_000;

describe("the access token", () => {
  it("turns access control on", () => {
    expect(accessControlEnabled()).toBe(true);
  });

  it("matches only itself", () => {
    expect(tokenMatches(TEST_ACCESS_TOKEN)).toBe(true);
    for (const wrong of [
      "",
      null,
      undefined,
      `${TEST_ACCESS_TOKEN} `,
      TEST_ACCESS_TOKEN.slice(1),
    ]) {
      expect(tokenMatches(wrong)).toBe(false);
    }
  });
});

describe("the session cookie", () => {
  const issued = new Date(Date.UTC(2026, 10, 1));

  it("is valid until it expires, and not after", () => {
    const value = issueSessionValue(issued);
    const expiry = issued.getTime() + SESSION_MAX_AGE_SECONDS * 1000;

    expect(isValidSessionValue(value, new Date(issued.getTime() + day))).toBe(true);
    expect(isValidSessionValue(value, new Date(expiry - 1))).toBe(true);
    expect(isValidSessionValue(value, new Date(expiry))).toBe(false);
  });

  it("does not contain the token", () => {
    expect(issueSessionValue(issued)).not.toContain(TEST_ACCESS_TOKEN);
  });

  it("refuses a later expiry with the old signature", () => {
    const [version, expiresAt, signature] = issueSessionValue(issued).split(".");
    const extended = `${version}.${Number(expiresAt) + 365 * day}.${signature}`;

    expect(isValidSessionValue(extended, issued)).toBe(false);
  });

  it("refuses the same signature spelled differently (base64url's spare bits)", () => {
    const value = issueSessionValue(issued);
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    // The last of 43 characters carries 4 bits of the digest and 2 spare bits.
    const last = alphabet.indexOf(value.at(-1)!);
    const respelled = value.slice(0, -1) + alphabet[last ^ 1];

    expect(Buffer.from(respelled.split(".")[2]!, "base64url")).toEqual(
      Buffer.from(value.split(".")[2]!, "base64url"),
    );
    expect(isValidSessionValue(respelled, issued)).toBe(false);
  });

  it.each(["", "v1", "v1.1.x", "v2.99999999999999.AAAA", "v1.abc.def", "a".repeat(5000)])(
    "refuses the malformed value %j",
    (value) => {
      expect(isValidSessionValue(value, issued)).toBe(false);
    },
  );

  it("is http-only, same-site Lax, and Secure only over https", () => {
    expect(sessionCookieAttributes(false)).toMatchObject({
      httpOnly: true,
      sameSite: "lax",
      secure: false,
      path: "/",
    });
    expect(sessionCookieAttributes(true).secure).toBe(true);
  });
});
