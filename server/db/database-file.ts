import path from "node:path";

/**
 * `file:./data/x.db` (Prisma's URL form) or a plain path, to an absolute file path. Relative
 * paths are from the working directory: every entry point (npm scripts, `next start`, tests)
 * runs from the project root.
 */
export function sqliteFileFromUrl(url: string): string {
  const file = url.replace(/^file:/, "");
  return path.isAbsolute(file) ? file : path.resolve(process.cwd(), file);
}
