import { readdirSync } from "node:fs";
import path from "node:path";

const appDir = path.resolve(import.meta.dirname, "../../../app");

/**
 * Every page and route handler in app/, as a concrete path a request can hit (dynamic
 * segments filled with "1", route groups and private folders as Next treats them). Read from
 * the file tree, so a page or route added later is covered by the access tests on its own.
 */
export function appPaths(kind: "page" | "route"): string[] {
  const file = kind === "page" ? /^page\.(tsx|ts|jsx|js)$/ : /^route\.(ts|js)$/;
  return readdirSync(appDir, { recursive: true, encoding: "utf8" })
    .filter((entry) => file.test(path.basename(entry)))
    .map((entry) => path.dirname(entry).split(path.sep))
    .filter((segments) => !segments.some((segment) => segment.startsWith("_")))
    .map((segments) => {
      const concrete = segments
        .filter((segment) => segment !== "." && !/^\(.*\)$/.test(segment))
        .map((segment) => (/^\[.*\]$/.test(segment) ? "1" : segment));
      return `/${concrete.join("/")}`;
    })
    .sort();
}
