import { describe, expect, it } from "vitest";
import { webHref } from "../../lib/web-href";
import { safeReturnPath } from "../../server/auth/public-paths";

describe("the way back after signing in, as a browser would read it", () => {
  it.each([
    ["/\t/evil.example/x", "a tab after the slash (browsers drop it)"],
    ["/\n/evil.example/x", "a line feed after the slash"],
    ["/\r\n/evil.example", "CR LF"],
    ["/x\r\nSet-Cookie: a=b", "CR LF inside a path (a header injection)"],
    ["/\\evil.example", "a backslash (read as a slash)"],
    ["/\\\\evil.example", "two backslashes"],
    ["\\\\evil.example", "backslashes only"],
    ["//evil.example", "a protocol-relative address"],
    ["///evil.example", "three slashes"],
    ["/.//evil.example", "a dot segment that normalises to //"],
    ["/a/..//evil.example", "a parent segment that normalises to //"],
    ["https://evil.example/", "an absolute address"],
    ["javascript:alert(1)", "a script address"],
    ["/\u0000/evil.example", "a NUL"],
    [" /scenes", "a leading space"],
    ["scenes", "a relative path"],
    ["", "nothing"],
    [`/${"a".repeat(2100)}`, "an overlong path"],
  ])("refuses %j (%s)", (next) => {
    expect(safeReturnPath(next)).toBe("/");
  });

  it.each([
    ["/scenes/1?tab=history", "/scenes/1?tab=history"],
    ["/syncs#latest", "/syncs#latest"],
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
    ["/%09/evil.example", "/%09/evil.example"],
    ["/%5Cevil.example", "/%5Cevil.example"],
    ["/scènes/ü?q=ñ", "/sc%C3%A8nes/%C3%BC?q=%C3%B1"],
    ["/\u2215\u2215evil.example", "/%E2%88%95%E2%88%95evil.example"],
    ["/\uff0f\uff0fevil.example", "/%EF%BC%8F%EF%BC%8Fevil.example"],
  ])("keeps %j on this site as %j (encoded forms stay a path here)", (next, expected) => {
    expect(safeReturnPath(next)).toBe(expected);
    expect(new URL(expected, "https://sync.example").origin).toBe("https://sync.example");
  });
});

describe("links from Stash's data", () => {
  it.each([
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "javascript:alert(1)",
    " JavaScript:alert(1)",
    "java\tscript:alert(1)",
    "file:///etc/passwd",
    "ftp://files.example/x",
    "//evil.example/x",
    "scenes.example/1",
    "",
  ])("%j is not a link", (url) => {
    expect(webHref(url)).toBeNull();
  });

  it.each([
    ["https://scenes.example/1", "https://scenes.example/1"],
    ["HTTP://Scenes.Example/a b", "http://scenes.example/a%20b"],
  ])("%j links to %j", (url, href) => {
    expect(webHref(url)).toBe(href);
  });
});
