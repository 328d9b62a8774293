import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const appDir = path.resolve(import.meta.dirname, "../../../app");

/**
 * Every page and route handler in app/, as a concrete path a request can hit (dynamic
 * segments filled with "1", route groups and private folders as Next treats them). Read from
 * the file tree, so a page or route added later is covered by the access tests on its own.
 */
export function appPaths(kind: "page" | "route"): string[] {
  return appFiles(kind)
    .map(({ path }) => path)
    .sort();
}

/** Every route handler with the HTTP methods its file exports, e.g. ["/api/x/1", "POST"]. */
export function appRouteMethods(): [string, string][] {
  return appFiles("route")
    .flatMap(({ path, file }) =>
      [...readFileSync(file, "utf8").matchAll(/\b(GET|POST|PUT|PATCH|DELETE)\b/g)].map(
        (m) => [path, m[1]!] as [string, string],
      ),
    )
    .filter(([p, m], i, all) => all.findIndex(([q, n]) => q === p && n === m) === i)
    .sort();
}

function appFiles(kind: "page" | "route") {
  const file = kind === "page" ? /^page\.(tsx|ts|jsx|js)$/ : /^route\.(ts|js)$/;
  return readdirSync(appDir, { recursive: true, encoding: "utf8" })
    .filter((entry) => file.test(path.basename(entry)))
    .map((entry) => ({ entry, segments: path.dirname(entry).split(path.sep) }))
    .filter(({ segments }) => !segments.some((segment) => segment.startsWith("_")))
    .map(({ entry, segments }) => {
      const concrete = segments
        .filter((segment) => segment !== "." && !/^\(.*\)$/.test(segment))
        .map((segment) => (/^\[.*\]$/.test(segment) ? "1" : segment));
      return { path: `/${concrete.join("/")}`, file: path.join(appDir, entry) };
    });
}
